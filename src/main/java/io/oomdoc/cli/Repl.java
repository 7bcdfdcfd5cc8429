package io.oomdoc.cli;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import picocli.CommandLine;
import java.nio.charset.StandardCharsets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The interactive session: free text is chat, a line starting with '/' is a command. */
public final class Repl {
    /**
     * A line followed within this many milliseconds by more input was pasted with it: a terminal without bracketed
     * paste (Windows conhost, some tmux and screen setups) sends a pasted trace as fast keystrokes, while a person
     * takes far longer than this between Enter and the next key.
     */
    static final long PASTE_WINDOW_MS = 40;

    private final AppContext base;
    private final Terminal givenTerminal;
    private final long pasteWindowMs;
    /** A command line met while reading the rest of a paste: the next input, read before the terminal. */
    private String typedAhead;

    public Repl(AppContext base, Terminal terminal) {
        this(base, terminal, PASTE_WINDOW_MS);
    }

    /** As above; a window of 0 takes each line as typed (tests that pipe all their lines at once). */
    Repl(AppContext base, Terminal terminal, long pasteWindowMs) {
        this.base = base;
        this.givenTerminal = terminal;
        this.pasteWindowMs = pasteWindowMs;
    }

    /** A REPL over plain streams through JLine's dumb terminal: how tests and pipes drive it. */
    public static int runOnStreams(InputStream in, OutputStream out, Map<String, String> env,
            Path workDir) throws IOException {
        return runOnStreams(in, out, env, workDir, t -> { });
    }

    /** As above; {@code onStart} receives the terminal, so a test can raise signals (Ctrl-C) on it. */
    public static int runOnStreams(InputStream in, OutputStream out, Map<String, String> env, Path workDir,
                                   java.util.function.Consumer<Terminal> onStart) throws IOException {
        return runOnStreams(in, out, env, workDir, onStart, 0);
    }

    /** As above, with lines that arrive within {@code pasteWindowMs} of each other read as one paste. */
    static int runOnStreams(InputStream in, OutputStream out, Map<String, String> env, Path workDir,
                            java.util.function.Consumer<Terminal> onStart, long pasteWindowMs) throws IOException {
        Terminal t = new DumbTerminal("oomdoc", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
        onStart.accept(t);
        PrintWriter w = t.writer();
        AppContext ctx = new AppContext(w, w, in, env, workDir, Style.plain(),
                new Session(Session.transcriptPath(env)), true);
        return new Repl(ctx, t, pasteWindowMs).run();
    }

    public int run() throws IOException {
        Terminal terminal = givenTerminal != null ? givenTerminal : TerminalBuilder.builder().system(true).build();
        PrintWriter out = terminal.writer();
        AppContext ctx = new AppContext(out, out, base.in, withWidth(base.env, terminal), base.workDir, base.style,
                base.session, true);
        List<String> problems = new ArrayList<>();
        CommandLine tree = CommandTree.tree(ctx, true); // the session's one tree: commands and completion
        SlashCommands slash = new SlashCommands(ctx, tree, PromptCommands.load(ctx.workDir, problems));
        LineReader reader = reader(terminal, tree, slash);
        keepHistory(reader, ctx);
        greet(ctx, problems);
        warmUp();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "oomdoc-answer");
            t.setDaemon(true);
            return t;
        });
        try {
            loop(reader, terminal, ctx, slash, worker);
        } finally {
            worker.shutdownNow();
            try { reader.getHistory().save(); } catch (IOException | RuntimeException ignored) { }
            out.flush();
            if (givenTerminal == null) terminal.close();
        }
        return 0;
    }

    /** The line editor: trace-aware multi-line input, completion from the session's one tree. */
    private static LineReader reader(Terminal terminal, CommandLine tree, SlashCommands slash) {
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("oomdoc")
                .parser(new TraceAwareParser())
                .completer(new SpecCompleter(tree.getCommandSpec(), slash::names))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.BRACKETED_PASTE, true)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "...... ")
                .build();
    }

    /** History in the state folder; a folder that cannot be made only turns history off for the session. */
    private static void keepHistory(LineReader reader, AppContext ctx) {
        Path history = Paths.stateDir(ctx.env).resolve("history");
        try {
            Files.createDirectories(history.getParent());
            reader.setVariable(LineReader.HISTORY_FILE, history);
        } catch (IOException | RuntimeException e) {
            ctx.out.println(CliText.get("repl.history.disabled", e.getMessage()));
        }
    }

    /** The banner, the model in use (or why the configured one is not) and any prompt-command problems. */
    private static void greet(AppContext ctx, List<String> problems) {
        PrintWriter out = ctx.out;
        // Wrapped like every answer (bold added after: its escapes would count as columns); the comma before "or"
        // went so that it fits 80 columns whole.
        String name = "oomdoc " + Main.VERSION;
        out.println(ctx.style.bold(name) + Wrap.text(CliText.get("repl.banner", name), Wrap.width(ctx.env))
                .substring(name.length()));
        try {
            LlmMode.agent(ctx, null, null, null).ifPresent(a -> {
                ctx.session.setAgent(a);
                out.println(CliText.get("repl.model", a.config().describe()));
            });
        } catch (UserError e) {
            out.println(CliText.get("repl.model.unconfigured", e.getMessage()));
        }
        problems.forEach(p -> out.println("(" + p + ")"));
        out.flush();
    }

    /** Reads lines until Ctrl-D or /exit: '/' lines are commands, the rest chat; each answer runs on the worker. */
    private void loop(LineReader reader, Terminal terminal, AppContext ctx, SlashCommands slash,
            ExecutorService worker) {
        PrintWriter out = ctx.out;
        while (true) {
            String line;
            try {
                line = typedAhead != null ? typedAhead : reader.readLine("oomdoc> ");
                typedAhead = null;
            } catch (UserInterruptException e) {
                out.println(CliText.get("repl.ctrl.c.idle"));
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            if (line == null) break;
            String input = withRestOfPaste(reader, terminal, line).strip();
            if (input.isEmpty()) continue;
            String note = ctx.session.record("input", input);
            if (note != null) out.println("(" + note + ")");
            if (input.startsWith("/")) {
                SlashCommands.Outcome o = answer(terminal, worker, () -> slash.dispatch(input));
                if (o == SlashCommands.Outcome.EXIT) break;
            } else {
                answer(terminal, worker, () -> { chat(ctx, input); return SlashCommands.Outcome.CONTINUE; });
            }
            out.flush();
        }
    }

    /**
     * The line and the lines already waiting behind it: without bracketed paste a pasted error block (ComfyUI's
     * "Error occurred when executing ...", a message wrapped over two lines, a blank line inside) came one line at a
     * time, and each line got an answer of its own. A command line stays a command.
     */
    private String withRestOfPaste(LineReader reader, Terminal terminal, String line) {
        if (pasteWindowMs <= 0 || line.strip().startsWith("/")) return line;
        StringBuilder paste = new StringBuilder(line);
        TraceAwareParser parser = (TraceAwareParser) reader.getParser();
        parser.readingRestOfPaste(true);
        try {
            while (moreWithin(terminal, pasteWindowMs)) {
                String next = reader.readLine("...... ");
                // typed ahead while the session started: a command after the paste is still a command
                if (next.strip().startsWith("/")) { typedAhead = next; break; }
                paste.append('\n').append(next);
            }
        } catch (IOException | UserInterruptException | EndOfFileException e) {
            // the paste ends here; an end of input is met again by the next read
        } finally {
            parser.readingRestOfPaste(false);
        }
        return paste.toString();
    }

    /**
     * Whether input arrives within the window. The terminal is put in raw mode for the wait: readLine leaves it
     * canonical, where a pty ignores the read timeout (it lives in termios VTIME) and JLine's peek waited for the
     * user's next key however long it took (JLine 3.26 under `script` on Linux), holding back the paste's answer.
     */
    private static boolean moreWithin(Terminal terminal, long windowMs) throws IOException {
        org.jline.terminal.Attributes cooked = terminal.enterRawMode();
        try {
            return terminal.reader().peek(windowMs) >= 0;
        } finally {
            terminal.setAttributes(cooked);
        }
    }

    /**
     * Reads every bundled table once, on this thread, before any answer runs. A Ctrl-C cancels an answer by
     * interrupting
     * its thread, and an interrupt during a read from the jar can close the jar's channel for the rest of the process;
     * with the tables cached no answer reads the jar again.
     */
    static void warmUp() {
        var c = new io.oomdoc.protocol.dialogue.Conversation();
        for (String turn : WARM_UP) c.respond(turn);
        io.oomdoc.knowledge.KnowledgeBase.bundled();
    }

    private static final String[] WARM_UP = {
            "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 20.00 MiB. GPU 0 has a total capacity of "
                    + "23.64 GiB "
                    + "of which 1.02 GiB is free.", "what is reserved?", "how do I enable gradient checkpointing?",
            "what batch fits llama-3.1-8b on a 24GB RTX 3090 at seq 2048?", "what if I use QLoRA?", "thanks"};

    /** Runs one answer on the worker so Ctrl-C can cancel it without leaving the session. */
    private SlashCommands.Outcome answer(Terminal terminal, ExecutorService worker,
            java.util.concurrent.Callable<SlashCommands.Outcome> task) {
        Future<SlashCommands.Outcome> f = worker.submit(task);
        Terminal.SignalHandler prev = terminal.handle(Terminal.Signal.INT, s -> f.cancel(true));
        try {
            return f.get();
        } catch (CancellationException e) {
            terminal.writer().println(CliText.get("repl.cancelled"));
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            terminal.writer().println(c instanceof UserError ? CliText.get("repl.error", c.getMessage())
                    : CliText.get("repl.internal.error", c));
        } finally {
            terminal.handle(Terminal.Signal.INT, prev);
        }
        return SlashCommands.Outcome.CONTINUE;
    }

    /** Scanning the home folder or / would be slow and pointless: only a folder with Python code or a .git counts. */
    static boolean looksLikeRepo(Path dir) {
        if (dir.getParent() == null || dir.equals(Path.of(System.getProperty("user.home")))) return false;
        if (Files.isDirectory(dir.resolve(".git"))) return true;
        try (var s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".py") || p.toString().endsWith(".ipynb"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Shells keep COLUMNS to themselves unless it is exported, so a real terminal's width comes from the terminal:
     * without it prose wrapped at the default width and the terminal broke the lines again mid-word. The map is
     * live: a resize (SIGWINCH) changes the width of the next answer.
     */
    private static Map<String, String> withWidth(Map<String, String> env, Terminal terminal) {
        if (terminal.getWidth() <= 0) return env; // a dumb terminal on pipes knows no width: $COLUMNS or the default
        Map<String, String> live = new java.util.concurrent.ConcurrentHashMap<>(env);
        live.put("COLUMNS", Integer.toString(terminal.getWidth()));
        terminal.handle(Terminal.Signal.WINCH, sig -> {
            if (terminal.getWidth() > 0) live.put("COLUMNS", Integer.toString(terminal.getWidth()));
        });
        return live;
    }

    /**
     * Prints one turn's answer: a full report for a new failure, its two first lines before anything the turn adds;
     * the short answer otherwise.
     */
    public static void show(AppContext ctx, io.oomdoc.protocol.dialogue.Answer a) {
        if (a.text() != null) {
            if (a.report() == null) ctx.out.println(Wrap.text(a.text(), Wrap.width(ctx.env)));
            ctx.session.record("answer", java.util.Map.of("intent", a.intent().json(), "text", a.text()));
        }
        if (a.report() != null) {
            ctx.session.setLastReport(a.report());
            ctx.out.print(ReportView.text(a.report(), ctx.style, Wrap.width(ctx.env), a.text()));
            ctx.session.record("report", a.report());
        }
    }

    public static void chat(AppContext ctx, String input) {
        if (ctx.session.code() == null && looksLikeRepo(ctx.workDir)) {
            try {
                ctx.session.setCode(new io.oomdoc.evidence.code.PythonScanner().scan(ctx.workDir));
            } catch (IOException | RuntimeException e) {
                ctx.out.println(CliText.get("repl.scan.skipped", e.getMessage()));
            }
        }
        if (ctx.session.agent() != null) {
            var r = LlmMode.turn(ctx, ctx.session.agent(), input, true);
            if (r != null) { ctx.session.setLastReport(r); ctx.session.record("report", r); }
            return;
        }
        show(ctx, ctx.session.conversation().respond(input));
        ctx.out.flush();
    }
}
