package io.oomdoc.cli;

import io.oomdoc.llm.CommandRunner;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The LLM tools' way into the command tree: one tree per agent, built on a scratch session and scratch streams.
 * Before each call the scratch session is reset to the user's facts and code scan, and the streams are emptied, so a
 * tool reads what the user established and leaves nothing behind (no last report, no fact learned, no output of the
 * call before). picocli resets every option to its default before each parse, so the tree itself carries nothing.
 */
final class ToolCommands implements CommandRunner {
    private final Session user;
    private final Session scratch = new Session(null);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Input in = new Input();
    private final CommandLine tree;

    ToolCommands(AppContext ctx) {
        this.user = ctx.session;
        AppContext child = new AppContext(new PrintWriter(out), new PrintWriter(err), in, ctx.env, ctx.workDir,
                new Style(false), scratch, false);
        this.tree = CommandTree.tree(child, false);
        tree.setOut(child.out);
        tree.setErr(child.err);
    }

    /** Synchronized: a model may ask for two tools at once, and both would write to the same scratch streams. */
    @Override
    public synchronized Outcome run(List<String> args, String stdin) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        in.next(stdin.getBytes(StandardCharsets.UTF_8));
        scratch.reset();
        scratch.conversation().setFacts(user.facts());
        scratch.setCode(user.code());
        int code = tree.execute(args.toArray(String[]::new));
        tree.getOut().flush();
        tree.getErr().flush();
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Standard input of the call in progress; the context holds this one stream for the tree's whole life. */
    private static final class Input extends InputStream {
        private ByteArrayInputStream current = new ByteArrayInputStream(new byte[0]);

        void next(byte[] bytes) { current = new ByteArrayInputStream(bytes); }

        @Override public int read() { return current.read(); }

        @Override public int read(byte[] b, int off, int len) { return current.read(b, off, len); }

        @Override public int available() { return current.available(); }
    }
}
