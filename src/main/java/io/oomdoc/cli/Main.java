package io.oomdoc.cli;

import io.oomdoc.cli.commands.AskCommand;
import io.oomdoc.cli.commands.BatchCommand;
import io.oomdoc.cli.commands.BudgetCommand;
import io.oomdoc.cli.commands.DiagnoseCommand;
import io.oomdoc.cli.commands.GpuCommand;
import io.oomdoc.cli.commands.KbCommand;
import io.oomdoc.cli.commands.ProbeCommand;
import io.oomdoc.cli.commands.RunCommand;
import io.oomdoc.cli.commands.ScanCommand;
import io.oomdoc.cli.commands.SessionCommands;
import io.oomdoc.cli.commands.SnapshotCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Entry point: `oomdoc` opens the REPL (or reads standard input when it is not a terminal); subcommands run one-shot.
 */
@Command(name = "oomdoc", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        resourceBundle = "cli.usage",
        subcommands = {DiagnoseCommand.class, AskCommand.class, BudgetCommand.class, BatchCommand.class,
                GpuCommand.class,
                ScanCommand.class, KbCommand.class, ProbeCommand.class, SnapshotCommand.class, RunCommand.class,
                SessionCommands.DebugOomCommand.class, SessionCommands.FactsCommand.class,
                        SessionCommands.ResetCommand.class,
                SessionCommands.SaveCommand.class, SessionCommands.ModelCommand.class,
                        SessionCommands.ExitCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    public static final String VERSION = "0.1.0";

    /** Commands of the tree, in help order; the REPL offers the same ones as slash commands. */
    public static final List<Class<?>> COMMANDS = List.of(DiagnoseCommand.class, AskCommand.class, BudgetCommand.class,
            BatchCommand.class, GpuCommand.class, ScanCommand.class, KbCommand.class, ProbeCommand.class,
                    SnapshotCommand.class, RunCommand.class,
            SessionCommands.DebugOomCommand.class, SessionCommands.FactsCommand.class,
                    SessionCommands.ResetCommand.class,
            SessionCommands.SaveCommand.class, SessionCommands.ModelCommand.class, SessionCommands.ExitCommand.class);

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[]{"oomdoc " + VERSION}; }
    }

    private final AppContext ctx;
    private final boolean stdinIsTerminal;

    Main(AppContext ctx, boolean stdinIsTerminal) {
        this.ctx = ctx;
        this.stdinIsTerminal = stdinIsTerminal;
    }

    @Override
    public Integer call() throws Exception {
        if (!stdinIsTerminal) { // a filter: `oomdoc < crash.log` diagnoses the whole input once
            return new DiagnoseCommand(ctx).call();
        }
        return new Repl(ctx, null).run();
    }

    public static void main(String[] args) {
        boolean console = System.console() != null;
        Map<String, String> env = System.getenv();
        boolean color = console && env.get("NO_COLOR") == null && !"dumb".equals(env.get("TERM"));
        int code = run(args, System.in, System.out, System.err, env, Path.of("").toAbsolutePath(), color, console);
        System.exit(code);
    }

    /** Runs one command line against the given streams; used by main and by tests. */
    public static int run(String[] args, InputStream in, OutputStream out, OutputStream err, Map<String, String> env,
                          Path workDir, boolean color, boolean stdinIsTerminal) {
        PrintWriter o = new PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true);
        boolean repl = args.length == 0 && stdinIsTerminal;
        Session session = new Session(repl ? Session.transcriptPath(env) : null);
        AppContext ctx = new AppContext(o, e, in, env, workDir, new Style(color), session, repl);
        CommandLine cl = tree(ctx, stdinIsTerminal);
        if (java.util.Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h")
                || a.equals("help"))) describe(cl);
        cl.setOut(o);
        cl.setErr(e);
        int code = cl.execute(args);
        o.flush();
        e.flush();
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
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            if (ex instanceof UserError ue) {
                cmd.getErr().println("oomdoc: " + ue.getMessage());
                return ue.exitCode;
            }
            cmd.getErr().println("oomdoc: internal error: " + ex + (ctx.env.get("OOMDOC_DEBUG") == null
                    ? " (set OOMDOC_DEBUG=1 for details)" : ""));
            if (ctx.env.get("OOMDOC_DEBUG") != null) ex.printStackTrace(cmd.getErr());
            return 1;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("oomdoc: " + ex.getMessage());
            ex.getCommandLine().getErr().println("try: oomdoc " + (ex.getCommandLine() == cl ? ""
                    : ex.getCommandLine().getCommandName() + " ") + "--help");
            return 2;
        });
        return cl;
    }

    /**
     * Descriptions come from prompts/commands/*.md front-matter. Reading them costs start-up time, so it is
     * done only when help is being printed.
     */
    static void describe(CommandLine cl) {
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
