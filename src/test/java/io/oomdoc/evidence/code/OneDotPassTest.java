package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The prefilter's search for words that start with a dot (`.eval()`, `.predict(`...) reads the text once (scan32,
 * issue 17: one full search per word was ~0.3 s of diffusers' Java CPU). It must answer exactly what a search for
 * each word answered, so that no file is parsed or skipped otherwise: on every Python fixture of scan_patterns, on
 * edge cases and on random texts of the words' pieces.
 */
class OneDotPassTest {
    private static final String[] WORDS = {".eval()", ".train(False)", ".train(mode=False)", ".predict(",
            ".extract(", ".infer(", ".inference(", ".evaluate(", ".validate(", ".test("};

    private static boolean containsAny(String code, String[] words) {
        for (String w : words) if (code.contains(w)) return true;
        return false;
    }

    private static void same(String code) {
        for (int n = 1; n <= WORDS.length; n++) {
            String[] words = java.util.Arrays.copyOfRange(WORDS, 0, n);
            assertEquals(containsAny(code, words), PythonScanner.anyAtDot(code, words), code);
        }
        String[] last = {WORDS[WORDS.length - 1]};
        assertEquals(containsAny(code, last), PythonScanner.anyAtDot(code, last), code);
    }

    @Test
    void answersAsOneSearchPerWordOnEveryFixture() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources/scan_patterns"))) {
            files = s.filter(p -> p.toString().endsWith(".py")).toList();
        }
        for (Path p : files) same(Files.readString(p));
        assertEquals(true, files.size() > 100, "fixtures read: " + files.size());
    }

    @Test
    void answersAsOneSearchPerWordOnEdges() {
        for (String c : List.of("", ".", "..", ".eval()", "x.eval()", "..eval()", "net.eval(", "net.eval ()",
                ".eval().test(", "a.b.c.infer", "a.b.c.infer(", "a.inferenc(", ".train(False", "m.train(mode=False)",
                "é.predict(", "模型.extract(", "x = 1.5\n", "....................test(")) {
            same(c);
        }
    }

    @Test
    void answersAsOneSearchPerWordOnRandomTexts() {
        String[] pieces = {".", "eval", "()", "(", ")", "train", "False", "mode=", "predict", "infer", "ence",
                "test", "x", " ", "\n", "é"};
        Random r = new Random(32);
        for (int t = 0; t < 3000; t++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(12); k >= 0; k--) b.append(pieces[r.nextInt(pieces.length)]);
            same(b.toString());
        }
    }
}
