package io.oomdoc.cli;

import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The REPL's command registry. Names come from three places: the picocli command tree
 * (/diagnose, /budget, …), the REPL's own commands below, and markdown prompt commands. A unique
 * prefix selects a command (/bud → /budget).
 */
public final class SlashCommands {
    public enum Outcome { CONTINUE, EXIT }

    private final AppContext ctx;
    private final Map<String, PromptCommands.PromptCommand> prompts;
    private final List<String> treeNames = new ArrayList<>();
    private static final List<String> OWN = List.of("debug-oom", "facts", "reset", "save", "model", "help", "exit");

    public SlashCommands(AppContext ctx, Map<String, PromptCommands.PromptCommand> prompts) {
        this.ctx = ctx;
        this.prompts = prompts;
        for (Class<?> c : Main.COMMANDS) treeNames.add(c.getAnnotation(CommandLine.Command.class).name());
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
        switch (name) {
            case "exit": return Outcome.EXIT;
            case "help": help(); return Outcome.CONTINUE;
            case "facts": facts(); return Outcome.CONTINUE;
            case "reset": ctx.session.reset(); ctx.out.println("Session facts and last report cleared."); return Outcome.CONTINUE;
            case "save": save(rest); return Outcome.CONTINUE;
            case "model": model(rest); return Outcome.CONTINUE;
            case "debug-oom": debugOom(rest); return Outcome.CONTINUE;
            default: break;
        }
        if (treeNames.contains(name)) {
            List<String> args = new ArrayList<>();
            args.add(name);
            args.addAll(Words.split(rest));
            CommandLine cl = Main.tree(ctx, true);
            if (args.contains("--help") || args.contains("-h")) Main.describe(cl);
            cl.setOut(ctx.out);
            cl.setErr(ctx.out);
            cl.execute(args.toArray(String[]::new));
            return Outcome.CONTINUE;
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
        if (matches.isEmpty()) ctx.out.println("Unknown command /" + typed + ". /help lists the commands.");
        else ctx.out.println("/" + typed + " is ambiguous: " + String.join(", ", matches.stream().map(m -> "/" + m).toList()));
        return null;
    }

    private void help() {
        for (String n : names()) {
            PromptCommands.PromptCommand pc = prompts.get(n);
            String desc = pc == null ? "" : pc.description();
            String hint = pc == null || pc.argumentHint().isBlank() ? "" : " " + pc.argumentHint();
            ctx.out.printf("  %-40s %s%n", "/" + n + hint, desc);
        }
        ctx.out.println("Anything else is chat: paste a trace or describe the failure. Tab completes commands and paths.");
    }

    /** /model, /model none, /model openai|anthropic|ollama [--base-url URL] [--model NAME] */
    private void model(String rest) {
        List<String> w = Words.split(rest);
        if (w.isEmpty()) {
            var a = ctx.session.agent();
            ctx.out.println(a == null ? "Model: embedded (offline, deterministic); nothing leaves this machine. Switch with /model openai|anthropic|ollama [--base-url URL] [--model NAME]."
                    : "Model: " + a.config().describe() + ". /model none returns to the offline engine.");
            return;
        }
        if (w.get(0).equals("none")) { ctx.session.setAgent(null); ctx.out.println("Model: embedded (offline)."); return; }
        String base = null, name = null;
        for (int i = 1; i + 1 < w.size(); i++) {
            if (w.get(i).equals("--base-url")) base = w.get(i + 1);
            if (w.get(i).equals("--model")) name = w.get(i + 1);
        }
        try {
            var a = LlmMode.agent(ctx, w.get(0), base, name);
            a.ifPresent(ctx.session::setAgent);
            ctx.out.println(a.map(x -> "Model: " + x.config().describe()).orElse("Model: embedded (offline)."));
        } catch (UserError e) {
            ctx.out.println("oomdoc: " + e.getMessage());
        }
    }

    private void facts() {
        Facts f = ctx.session.facts();
        if (f.isEmpty()) { ctx.out.println("No facts yet. Tell me the GPU, model, batch size, sequence length, precision."); return; }
        var setAt = ctx.session.conversation().setAt();
        f.asMap().forEach((k, v) -> ctx.out.printf("  %-14s %-24s %s%n", k, v, setAt.containsKey(k) ? "(turn " + setAt.get(k) + ")" : ""));
    }

    private void save(String file) {
        if (ctx.session.lastReport() == null) { ctx.out.println("Nothing to save yet: no report in this session."); return; }
        if (file.isBlank()) { ctx.out.println("Usage: /save FILE"); return; }
        Path p = ctx.workDir.resolve(file);
        try {
            Files.writeString(p, ReportView.markdown(ctx.session.lastReport()), StandardCharsets.UTF_8);
            ctx.out.println("Saved the last report to " + p);
        } catch (IOException e) {
            ctx.out.println("oomdoc: cannot write " + file + ": " + e.getMessage());
        }
    }

    /** One word with a slash, a tilde or a file extension is a path the user meant, not prose to diagnose. */
    static boolean looksLikePath(String w) {
        return w.startsWith("~") || w.contains("/") || w.matches("[\\w.-]+\\.[A-Za-z0-9]{1,5}");
    }

    private void debugOom(String rest) {
        if (rest.isBlank()) { ctx.out.println("Usage: /debug-oom FILE, or describe the failure after the command, or just paste the trace."); return; }
        List<String> words = Words.split(rest);
        Path p = ctx.workDir.resolve(words.get(0));
        if (words.size() == 1 && !Files.isRegularFile(p) && looksLikePath(words.get(0))) {
            ctx.out.println("oomdoc: no such file: " + words.get(0) + " (paste the trace instead, or give the right path)");
            return;
        }
        if (words.size() == 1 && Files.isRegularFile(p)) {
            CommandLine cl = Main.tree(ctx, true);
            cl.setOut(ctx.out);
            cl.setErr(ctx.out);
            cl.execute("diagnose", words.get(0));
        } else {
            Repl.chat(ctx, rest);
        }
    }
}
