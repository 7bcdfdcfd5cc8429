package io.oomdoc.cli;

import picocli.CommandLine;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The REPL's command registry. Names come from two places: the picocli command tree
 * (/diagnose, /budget, /help, …) and markdown prompt commands. A unique
 * prefix selects a command (/bud → /budget). The tree is the session's one tree, built by the REPL and shared with
 * its completer: picocli resets every option to its default before each parse, so nothing carries over from one
 * command to the next, and building the tree again for each command would only repeat the reflection.
 */
public final class SlashCommands {
    public enum Outcome { CONTINUE, EXIT }

    private final AppContext ctx;
    private final CommandLine tree;
    private final Map<String, PromptCommands.PromptCommand> prompts;
    private final List<String> treeNames = new ArrayList<>();

    /** {@code tree}: the session's command tree, bound to {@code ctx}; its output goes to the session's. */
    public SlashCommands(AppContext ctx, CommandLine tree, Map<String, PromptCommands.PromptCommand> prompts) {
        this.ctx = ctx;
        this.tree = tree;
        this.prompts = prompts;
        treeNames.addAll(tree.getSubcommands().keySet()); // Main's @Command lists them once
        CommandTree.describe(tree);
        tree.setOut(ctx.out);
        tree.setErr(ctx.out);
        CommandTree.nameSlashFormInErrors(tree, ctx);
    }

    public List<String> names() {
        TreeSet<String> all = new TreeSet<>(treeNames);
        all.addAll(prompts.keySet());
        return new ArrayList<>(all);
    }

    public Outcome dispatch(String line) {
        String body = line.substring(1).strip();
        String typed = body.split("\\s+", 2)[0];
        String rest = body.length() > typed.length() ? body.substring(typed.length()).strip() : "";
        String name = resolve(typed);
        if (name == null) return Outcome.CONTINUE;
        if (treeNames.contains(name)) {
            List<String> args = new ArrayList<>();
            args.add(name);
            args.addAll(Words.split(rest));
            tree.execute(args.toArray(String[]::new));
            return ctx.session.exitRequested() ? Outcome.EXIT : Outcome.CONTINUE;
        }
        PromptCommands.PromptCommand pc = prompts.get(name);
        Repl.chat(ctx, pc.expand(rest));
        return Outcome.CONTINUE;
    }

    private String resolve(String typed) {
        List<String> names = names();
        if (names.contains(typed)) return typed;
        List<String> matches = names.stream().filter(n -> n.startsWith(typed)).toList();
        if (matches.size() == 1) return matches.get(0);
        if (matches.isEmpty()) ctx.out.println(text("repl.unknown", typed));
        else ctx.out.println(text("repl.ambiguous", typed, String.join(", ", matches.stream().map(m -> "/" + m)
                .toList())));
        return null;
    }

    /** The REPL's own lines live in the tree's usage.properties, beside picocli's help text. */
    private String text(String key, Object... args) {
        return MessageFormat.format(tree.getCommandSpec().resourceBundle().getString(key), args);
    }
}
