package io.oomdoc.cli;

import io.oomdoc.cli.commands.AskCommand;
import io.oomdoc.cli.commands.BatchCommand;
import io.oomdoc.cli.commands.BudgetCommand;
import io.oomdoc.cli.commands.DiagnoseCommand;
import io.oomdoc.cli.commands.GpuCommand;
import io.oomdoc.cli.commands.HelpCommand;
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
                HelpCommand.class})
public final class Main implements Callable<Integer> {
    public static final String VERSION = "0.1.0";

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
        Integer quick = QuickStart.run(args, ctx, stdinIsTerminal);
        if (quick != null) {
            o.flush();
            e.flush();
            return quick;
        }
        return CommandTree.execute(args, ctx, stdinIsTerminal);
    }

    /** A command's failure as the user sees it: one line for a UserError, a short note for a bug. */
    static int failure(Exception ex, PrintWriter err, Map<String, String> env) {
        if (ex instanceof UserError ue) {
            err.println("oomdoc: " + ue.getMessage());
            return ue.exitCode;
        }
        err.println(CliText.get("internal.error", ex) + (env.get("OOMDOC_DEBUG") == null
                ? CliText.get("internal.debug.hint") : ""));
        if (env.get("OOMDOC_DEBUG") != null) ex.printStackTrace(err);
        return 1;
    }
}
