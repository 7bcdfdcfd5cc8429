package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prefilter's checks read each line once (scan27, issue 17): a file of one long generated line made them
 * quadratic, and a 950 kB line of calls kept a scan busy past 100 s. They must still decide exactly what their former
 * definitions (copied here from PythonScanner before scan27) decided, so that no file is parsed or skipped otherwise:
 * on every Python fixture under src/test/resources, on cases written for the edges of each regex, and on random texts
 * built from the words the patterns look for.
 */
class LinearPrefilterTest {
    private static final Pattern MODEL_CALL = Pattern.compile("(?<![\\w.])(self\\.)?"
            + "(\\w*_)?(model|net|encoder|decoder|generator|discriminator|netG|netD|G|D)(\\.forward)?\\("
            + "|\\w\\.module\\(");
    private static final String[] MODEL_CALL_ENDS = {"model(", "net(", "coder(", "generator(", "discriminator(",
            "G(", "D(", ".forward(", ".module("};
    private static final Pattern BACKWARD_CALL = Pattern.compile("(?<!def )\\bbackward\\(");
    private static final Pattern EVAL_DEF = Pattern.compile("(?i)def (evaluate"
            + "|eval\\w*|valid\\w*|val_\\w*|test\\w*|predict\\w*|inference\\w*)\\(");
    private static final Pattern EVAL_LOOP = Pattern.compile("(?i)for\\s[^\\n]*"
            + "\\bin\\b[^\\n]*(val|valid|eval|test)\\w*(_loader|loader|_dl|_data|set)");

    /** The former modelCall: the regex from the line's start to each call's bracket. */
    private static boolean modelCallBefore(String code) {
        for (String end : MODEL_CALL_ENDS) {
            for (int i = code.indexOf(end); i >= 0; i = code.indexOf(end, i + 1)) {
                int from = code.lastIndexOf('\n', i) + 1;
                if (MODEL_CALL.matcher(code).region(from, i + end.length()).find()) return true;
            }
        }
        return false;
    }

    /** The former evalLoop: EVAL_LOOP at every `for` and blank whose line names val or test. */
    private static boolean evalLoopBefore(String code) {
        Matcher m = EVAL_LOOP.matcher(code);
        for (int i = code.indexOf("for"); i >= 0; i = code.indexOf("for", i + 1)) {
            if (i + 3 >= code.length() || " \t\n\u000B\f\r".indexOf(code.charAt(i + 3)) < 0) continue;
            int end = code.indexOf('\n', i);
            if (end < 0) end = code.length();
            if (!hasIgnoringCase(code, i, end, "val") && !hasIgnoringCase(code, i, end, "test")) continue;
            if (m.region(i, end).lookingAt()) return true;
        }
        return false;
    }

    private static boolean hasIgnoringCase(String code, int from, int to, String word) {
        for (int k = from; k + word.length() <= to; k++) if (code.regionMatches(true, k, word, 0, word.length())) {
            return true;
        }
        return false;
    }

    /** The former evalContext: EVAL_DEF tried at each `def ` up to its line's end. */
    private static boolean evalContextBefore(String code) {
        Matcher m = EVAL_DEF.matcher(code);
        boolean def = false;
        for (int i = code.indexOf("def "); i >= 0 && !def; i = code.indexOf("def ", i + 1)) {
            int end = code.indexOf('\n', i);
            def = m.region(i, end < 0 ? code.length() : end).lookingAt();
        }
        return PythonScanner.switchesToEval(code) || def || evalLoopBefore(code);
    }

    private static void assertSameAsBefore(String code, String what) {
        assertEquals(modelCallBefore(code), PythonScanner.modelCall(code), "modelCall: " + what);
        assertEquals(evalLoopBefore(code), PythonScanner.evalLoop(code), "evalLoop: " + what);
        assertEquals(evalContextBefore(code), PythonScanner.evalContext(code), "evalContext: " + what);
        assertEquals(BACKWARD_CALL.matcher(code).find(), PythonScanner.backwardCall(code), "backwardCall: " + what);
    }

    @Test
    void onEveryPythonFixtureTheChecksDecideAsTheirFormerDefinitions() throws Exception {
        List<Path> files;
        try (var s = Files.walk(Path.of("src/test/resources"))) {
            files = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        int models = 0, evalLoops = 0;
        for (Path p : files) {
            String t = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            assertSameAsBefore(t, p.toString());
            if (PythonScanner.modelCall(t)) models++;
            if (PythonScanner.evalLoop(t)) evalLoops++;
        }
        // both answers occur, so agreement is not agreement on "false" alone
        assertTrue(files.size() > 50 && models > 20 && models < files.size() && evalLoops > 3,
                files.size() + " files, " + models + " with a model call, " + evalLoops + " with an eval loop");
    }

    @Test
    void onTheEdgesOfEachPatternTheChecksDecideAsTheirFormerDefinitions() {
        for (String t : List.of("y = model(x)", "y = xmodel(x)", "y = a.model(x)", "y = my_model(x)",
                "y = self.netG(z)", "y = self.my_net(z)", "y = net.forward(x)", "out = self.module(x)",
                "out = .module(x)", "a = b_encoder(x)", "a = Gx(", "a = G(", "x.G(", "é_model(x)", "émodel(x)",
                "a.b_model(x)\nc = 1",
                "for b in val_loader:", "for b in x: y = val_loader", "for\tb IN TestSet:", "for b in valid_x_set",
                "for in val_loader", "for x inval_loader", "for x in y in val_loader", "for x in é val_loader",
                "format(val_loader) for b in val_loader", "for b in loader: val_set", "for x\nin val_loader",
                "def evaluate(m):", "def eval_epoch (m)", "def test(\n", "DEF TEST(", "def val_(x)",
                "def validate\n(x)", "loss.backward()", "def backward(ctx, g):", "xbackward(", "ébackward(",
                "_backward(", "  backward(x)",
                "def  backward(", "undef backward(")) {
            assertSameAsBefore(t, t);
        }
    }

    @Test
    void onRandomTextsOfThePatternsWordsTheChecksDecideAsTheirFormerDefinitions() {
        String[] words = {"for", "for ", "for\t", " in ", "in", "IN", "val", "Val", "_loader", "loader", "set", "_dl",
            "_data", "test", "eval", "valid", "\n", "\r", " ", "\t", "x", "_", ".", "(", ")", ":", ",", "model", "net",
            "G", "D", "netG", "self.", "coder", "en", "de", "generator", ".forward", ".module", "def ", "evaluate",
            "predict", "backward", "backward(", "é", "1", "\u2028", "in_", "#"};
        Random r = new Random(27);
        int sawModel = 0, sawLoop = 0;
        for (int n = 0; n < 1_500; n++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 1 + r.nextInt(24); k > 0; k--) sb.append(words[r.nextInt(words.length)]);
            String t = sb.toString();
            assertSameAsBefore(t, t);
            if (PythonScanner.modelCall(t)) sawModel++;
            if (PythonScanner.evalLoop(t)) sawLoop++;
        }
        assertTrue(sawModel > 20 && sawLoop > 1, sawModel + " model calls, " + sawLoop + " eval loops");
    }

    /** One line of generated code, {@code unit} repeated to about {@code bytes}. */
    private static String oneLine(String head, String unit, int bytes) {
        return head + unit.repeat(bytes / unit.length()) + "\n";
    }

    @Test
    void aFileOfOneLongGeneratedLineIsReadByThePrefilterInLinearTime() {
        // calls that end like a model call on one long line after a switch to eval (a 950 kB line took minutes before
        // scan27, this one over 10 s), defs and loop headers that name val without an evaluation loader
        List<String> files = new ArrayList<>(List.of(
                oneLine("import torch\nnet.eval()\nfor i in range(3):\n    y = [", "xmodel(1), ", 200_000),
                oneLine("import torch\nfor i in r:\n    model(x)\n", "def validate_x def ", 200_000),
                oneLine("import torch\nnet.eval()\nx = model(y)\n", "for v in val in val ", 200_000)));
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (String f : files) {
                PythonScanner.relevant(f, true);
                assertFalse(PythonScanner.evalLoop(f));
            }
        });
    }
}
