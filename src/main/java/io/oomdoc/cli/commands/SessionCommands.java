package io.oomdoc.cli.commands;

import io.oomdoc.cli.CliText;
import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.FactsView;
import io.oomdoc.cli.LlmMode;
import io.oomdoc.cli.Repl;
import io.oomdoc.cli.ReportView;
import io.oomdoc.cli.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The commands about the conversation itself. Each is a picocli command like the others, so `/facts` in the REPL and
 * `oomdoc facts` in a shell are the same class; in a one-shot shell run the session is new and short-lived.
 */
public final class SessionCommands {
    private SessionCommands() {}

    @Command(name = "facts", mixinStandardHelpOptions = true)
    public static final class FactsCommand implements Callable<Integer> {
        private final AppContext ctx;

        public FactsCommand(AppContext ctx) { this.ctx = ctx; }

        @Override
        public Integer call() {
            ctx.out.print(FactsView.text(ctx.session.facts(), ctx.session.conversation().setAt()));
            ctx.out.flush();
            return 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true)
    public static final class ResetCommand implements Callable<Integer> {
        private final AppContext ctx;

        public ResetCommand(AppContext ctx) { this.ctx = ctx; }

        @Override
        public Integer call() {
            ctx.session.reset();
            ctx.out.println(CliText.get("reset.done"));
            return 0;
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true)
    public static final class SaveCommand implements Callable<Integer> {
        private final AppContext ctx;

        @Parameters(descriptionKey = "save.file", arity = "1", paramLabel = "FILE") String file;

        public SaveCommand(AppContext ctx) { this.ctx = ctx; }

        @Override
        public Integer call() {
            if (ctx.session.lastReport() == null) throw new UserError(CliText.get("save.nothing"));
            Path p = ctx.workDir.resolve(file);
            try {
                Files.writeString(p, ReportView.markdown(ctx.session.lastReport()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError(CliText.get("save.failed", file, e.getMessage()));
            }
            ctx.out.println(CliText.get("save.done", p));
            return 0;
        }
    }

    /** /model, /model none, /model openai|anthropic|ollama [--base-url URL] [--model NAME] */
    @Command(name = "model", mixinStandardHelpOptions = true)
    public static final class ModelCommand implements Callable<Integer> {
        private final AppContext ctx;

        @Parameters(descriptionKey = "model.provider", arity = "0..1", paramLabel = "none|openai|anthropic|ollama")
        String provider;
        @Option(names = "--base-url", paramLabel = "URL") String baseUrl;
        @Option(names = "--model", paramLabel = "NAME") String model;

        public ModelCommand(AppContext ctx) { this.ctx = ctx; }

        @Override
        public Integer call() {
            if (provider == null) {
                var a = ctx.session.agent();
                ctx.out.println(a == null ? CliText.get("model.embedded")
                        : CliText.get("model.remote", a.config().describe()));
                return 0;
            }
            if (provider.equals("none")) {
                ctx.session.setAgent(null);
                ctx.out.println(CliText.get("model.offline"));
                return 0;
            }
            var a = LlmMode.agent(ctx, provider, baseUrl, model);
            a.ifPresent(ctx.session::setAgent);
            ctx.out.println(a.map(x -> CliText.get("model.chosen", x.config().describe()))
                    .orElse(CliText.get("model.offline")));
            return 0;
        }
    }

    /** A log file is diagnosed; words are a description for the conversation; a path that is not there is an error. */
    @Command(name = "debug-oom", mixinStandardHelpOptions = true)
    public static final class DebugOomCommand implements Callable<Integer> {
        private final AppContext ctx;

        @Parameters(descriptionKey = "debug-oom.words", arity = "1..*", paramLabel = "FILE|DESCRIPTION")
        List<String> words;

        /** Where this command sits: a file is handed to the diagnose command of the same tree, not a new one. */
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        public DebugOomCommand(AppContext ctx) { this.ctx = ctx; }

        @Override
        public Integer call() {
            Path p = ctx.workDir.resolve(words.get(0));
            if (words.size() == 1 && Files.isRegularFile(p)) {
                return spec.parent().subcommands().get("diagnose").execute(words.get(0));
            }
            if (words.size() == 1 && looksLikePath(words.get(0)))
                throw new UserError(CliText.get("debug.no.file", words.get(0)));
            Repl.chat(ctx, String.join(" ", words));
            return 0;
        }

        /** One word with a slash, a tilde or a file extension is a path the user meant, not prose to diagnose. */
        static boolean looksLikePath(String w) {
            return w.startsWith("~") || w.contains("/") || w.matches("[\\w.-]+\\.[A-Za-z0-9]{1,5}");
        }
    }

    /** Leaves the REPL; in a shell it does nothing. */
    @Command(name = "exit", hidden = true)
    public static final class ExitCommand implements Callable<Integer> {
        private final AppContext ctx;

        public ExitCommand(AppContext ctx) { this.ctx = ctx; }

        @Override
        public Integer call() {
            ctx.session.requestExit();
            return 0;
        }
    }
}
