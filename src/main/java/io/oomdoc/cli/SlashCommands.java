package io.oomdoc.cli;

import picocli.CommandLine;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The REPL's command registry. Names come from three places: the picocli command tree
 * (/diagnose, /budget, …), the REPL's own commands below, and markdown prompt commands. A unique
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
    /** help is the REPL's own: it also lists the markdown prompt commands, which are not in the picocli tree. */
    private static final List<String> OWN = List.of("help");

    /** {@code tree}: the session's command tree, bound to {@code ctx}; its output goes to the session's. */
    public SlashCommands(AppContext ctx, CommandLine tree, Map<String, PromptCommands.PromptCommand> prompts) {
        this.ctx = ctx;
        this.tree = tree;
        this.prompts = prompts;
        // the tree's own names (Main's @Command lists them once); its `help` gives way to the REPL's, below
        for (String name : tree.getSubcommands().keySet()) if (!OWN.contains(name)) treeNames.add(name);
        CommandTree.describe(tree);
        tree.setOut(ctx.out);
        tree.setErr(ctx.out);
        CommandTree.nameSlashFormInErrors(tree, ctx);
    }

    public List<String> names() {
        TreeSet<String> all = new TreeSet<>(treeNames);
        all.addAll(OWN);
        all.addAll(prompts.keySet());
        return new ArrayList<>(all);
    }

    public Outcome dispatch(String line) {
        String body = line.substring(1).strip();
        String typed = body.split("\\s+", 2)[0];
        String rest = body.length() > typed.length() ? body.substring(typed.length()).strip() : "";
        String name = resolve(typed);
        if (name == null) return Outcome.CONTINUE;
        if (name.equals("help")) { help(); return Outcome.CONTINUE; } // lists the prompt commands too
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

    /** The usage column's width; a longer usage (/ask's provider options) takes a line of its own. */
    private static final int USAGE = 40;
    private static final String INDENT = " ".repeat(2 + USAGE + 1);

    /**
     * One command a row, its description wrapped to the terminal under the description column: a row of usage and
     * description ran to 200 columns and the terminal broke it mid-word (Comfy-Org/ComfyUI#1781's new user, /help).
     */
    private void help() {
        int width = Wrap.width(ctx.env);
        for (String n : names()) {
            PromptCommands.PromptCommand pc = prompts.get(n);
            String desc = pc == null ? "" : pc.description();
            String hint = pc == null || pc.argumentHint().isBlank() ? "" : " " + pc.argumentHint();
            String usage = "/" + n + hint;
            String wrapped = Wrap.text(desc, Math.max(20, width - INDENT.length())).replace("\n", "\n" + INDENT);
            // a usage wider than the terminal breaks between options, its continuation indented under the name
            String longUsage = Wrap.text(usage, Math.max(20, width - 4)).replace("\n", "\n    ");
            if (usage.length() > USAGE) ctx.out.printf("  %s%n%s%s%n", longUsage, INDENT, wrapped);
            else ctx.out.printf("  %-" + USAGE + "s %s%n", usage, wrapped);
        }
        ctx.out.println(Wrap.text(text("repl.chat"), width));
    }

    /** The REPL's own lines live in the tree's usage.properties, beside picocli's help text. */
    private String text(String key, Object... args) {
        return MessageFormat.format(tree.getCommandSpec().resourceBundle().getString(key), args);
    }
}
