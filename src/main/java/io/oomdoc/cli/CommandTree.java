package io.oomdoc.cli;

import picocli.CommandLine;

import java.text.MessageFormat;
import java.util.Map;

/**
 * The picocli command tree. Kept out of Main: the launcher reflects over the main class's methods, and a picocli
 * type in one of their signatures would load picocli (compiled for Java 5, so never in the class-data archive) on
 * every start, even when QuickStart runs the command without it.
 */
public final class CommandTree {
    private CommandTree() {}

    /** Parses and runs one command line with the full parser. */
    static int execute(String[] args, AppContext ctx, boolean stdinIsTerminal) {
        CommandLine cl = tree(ctx, stdinIsTerminal);
        if (java.util.Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h")
                || a.equals("help"))) describe(cl);
        cl.setOut(ctx.out);
        cl.setErr(ctx.err);
        int code = cl.execute(args);
        ctx.out.flush();
        ctx.err.flush();
        return code;
    }

    /** The command tree bound to a context, with descriptions from prompts/commands and clean error handling. */
    public static CommandLine tree(AppContext ctx, boolean stdinIsTerminal) {
        CommandLine cl = new CommandLine(new Main(ctx, stdinIsTerminal), new ContextFactory(ctx));
        // `oomdoc run python train.py --lr 3`: everything from the job's name on belongs to the job
        cl.getSubcommands().get("run").setStopAtPositional(true);
        java.util.ResourceBundle usage = cl.getCommandSpec().resourceBundle();
        cl.getCommandSpec().usageMessage().description(usage.getString("root.description"))
                .footer(usage.getString("root.footer"));
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> Main.failure(ex, cmd.getErr(), ctx.env));
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(CliText.get("usage.error", ex.getMessage()));
            ex.getCommandLine().getErr().println(CliText.get("usage.try", ex.getCommandLine() == cl ? ""
                    : ex.getCommandLine().getCommandName() + " "));
            return 2;
        });
        return cl;
    }

    /**
     * Inside the REPL a mistyped option or a value the command refuses is answered with the slash form the user
     * typed (/budget), not the shell form (oomdoc budget).
     */
    static void nameSlashFormInErrors(CommandLine cl, AppContext ctx) {
        java.util.ResourceBundle usage = cl.getCommandSpec().resourceBundle();
        cl.setParameterExceptionHandler((ex, a) -> {
            String name = ex.getCommandLine() == cl ? "help" : ex.getCommandLine().getCommandName();
            ex.getCommandLine().getErr().println(MessageFormat.format(usage.getString("repl.error"), name,
                    ex.getMessage()));
            ex.getCommandLine().getErr().println(MessageFormat.format(usage.getString("repl.try"), name));
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            if (!(ex instanceof UserError ue)) return Main.failure(ex, cmd.getErr(), ctx.env);
            cmd.getErr().println(MessageFormat.format(usage.getString("repl.error"), cmd.getCommandName(),
                    ue.getMessage()));
            // a refused value is a usage error: point at the command's help as the shell does
            if (ue.exitCode == 2) cmd.getErr().println(MessageFormat.format(usage.getString("repl.try"),
                    cmd.getCommandName()));
            return ue.exitCode;
        });
    }

    /**
     * Descriptions come from prompts/commands/*.md front-matter. Reading them costs start-up time, so it is
     * done only when help is being printed.
     */
    public static void describe(CommandLine cl) {
        Map<String, PromptCommands.PromptCommand> help = PromptCommands.load(null, new java.util.ArrayList<>());
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            PromptCommands.PromptCommand pc = help.get(sub.getKey());
            if (pc != null) sub.getValue().getCommandSpec().usageMessage().description(pc.description());
        }
    }

    /** Builds commands with the context passed to their constructor. */
    static final class ContextFactory implements CommandLine.IFactory {
        private final AppContext ctx;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(AppContext ctx) { this.ctx = ctx; }


        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getConstructor(AppContext.class).newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return fallback.create(cls);
            }
        }
    }
}
