package io.oomdoc.cli;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The start-up path that skips picocli must answer exactly as the full parser does, and only when it can. */
class QuickStartTest {
    @TempDir Path tmp;

    record Result(Integer code, String out, String err) {}

    private Result run(boolean quick, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintWriter o = new PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true);
        AppContext ctx = new AppContext(o, e, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, new Style(false), new Session(null),
                false);
        Integer code = quick ? QuickStart.run(args, ctx, false) : (Integer) CommandTree.execute(args, ctx, false);
        o.flush();
        e.flush();
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void sameAsTheParser(String stdin, String... args) {
        Result quick = run(true, stdin, args);
        assertNotNull(quick.code, "the quick path takes " + String.join(" ", args));
        assertEquals(run(false, stdin, args), quick, String.join(" ", args));
    }

    @Test
    void diagnoseOfAFileAnswersAsTheParserDoes() {
        String trace = Fixtures.path("traces/segtoolbox-backward-1x-cached.txt").toString();
        sameAsTheParser("", "diagnose", trace);
        sameAsTheParser("", "diagnose", "--json", trace);
        sameAsTheParser("", "diagnose", trace, "--json");
    }

    @Test
    void diagnoseOfStandardInputAnswersAsTheParserDoes() {
        sameAsTheParser(Fixtures.text("traces/vllm-kaito-2x.txt"), "diagnose", "-", "--json");
    }

    @Test
    void failuresAnswerAsTheParserDoes() {
        sameAsTheParser("", "diagnose", tmp.resolve("no-such.log").toString());
        sameAsTheParser("", "diagnose", tmp.toString());
        sameAsTheParser("", "--version");
    }

    @Test
    void scanOfAFolderAnswersAsTheParserDoes() {
        String bug = Fixtures.path("scan_patterns/eval_by_train_false__bug").toString();
        String offByDefault = Fixtures.path("scan_patterns/chunk_sum_kept_as_tensor__bug").toString();
        sameAsTheParser("", "scan", bug);
        sameAsTheParser("", "scan", "--json", bug);
        sameAsTheParser("", "scan", bug, "--all", "--json");
        sameAsTheParser("", "scan", "--all", offByDefault);
    }

    @Test
    void scanFailuresAnswerAsTheParserDoes() {
        sameAsTheParser("", "scan", tmp.resolve("no-such-folder").toString());
        sameAsTheParser("", "scan", Fixtures.path("traces/segtoolbox-backward-1x-cached.txt").toString(), "--json");
    }

    @Test
    void everyOtherCommandLineGoesToTheParser() {
        String trace = Fixtures.path("traces/segtoolbox-backward-1x-cached.txt").toString();
        for (String[] args : new String[][]{{"diagnose", "--gpu", "none", trace}, {"diagnose", "--help"},
                {"diagnose", "@args.txt"}, {"diagnose", "--", trace}, {"diagnose", "a.log", "b.log"},
                {"diagnose", "--json", "--json", trace}, {"kb", "M2"}, {"--version", "--help"},
                {"scan", "--json", "--json"}, {"scan", "--all", "--all"}, {"scan", "a", "b"}, {"scan", "--help"},
                {"scan", "@args.txt"}, {"scan", "--", "dir"}, {"scan", "-h"}}) {
            assertNull(run(true, "", args).code, String.join(" ", args));
        }
    }

    @Test
    void theMainClassNamesNoPicocliTypeSoTheQuickPathLoadsNoneOfIt() {
        // the java launcher resolves every type in the main class's method signatures before main runs
        for (Method m : Main.class.getDeclaredMethods()) {
            assertFalse(m.getReturnType().getName().startsWith("picocli."), m.toString());
            for (Parameter p : m.getParameters()) assertFalse(p.getType().getName().startsWith("picocli."), m.toString());
        }
    }
}
