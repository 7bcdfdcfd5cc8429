package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The scanner's whole-text checks were rewritten for speed (issue 17); on every Python and config file under
 * src/test/resources they give what their former, slower definitions gave. Since scan17 the Python files are our own
 * (scan_patterns, the budget and snapshot scripts): about 60 instead of the 145 copied files before, so the bars
 * below are lower; scan_patterns/scaler_steps_its_optimizer carries Chinese comments for the UTF-8 case.
 */
class TextChecksTest {
    /** The definition printStatement replaced (PythonScanner before h5/scan). */
    private static final Pattern PRINT_STATEMENT = Pattern.compile("(?m)^\\s*print [^(=]");
    /** The definition loopStatement replaced (PythonScanner.relevant before h6/scanspeed). */
    private static final Pattern LOOP = Pattern.compile("(?m)^\\s*(for|while|async for) ");
    private static final String[] KEYS = {"batch", "seq", "max_len", "block_size", "context_length", "accum",
            "workers", "from_pretrained", "model_name", "optim", "Adam", "SGD", "Adafactor", "Prodigy", "Lion", "bf16",
            "fp16", "bfloat16", "autocast", "GradScaler", "mixed_precision", "gradient_checkpointing", "cutoff_len",
            "prepare_model_for_kbit_training", "apply_activation_checkpointing", "checkpoint_wrapper"};

    /** The definition keyLines replaced: each line tried with each key. */
    private static String keyLinesByLine(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.length() > 500) continue;
            for (String k : KEYS) if (line.contains(k)) { sb.append(line).append('\n'); break; }
        }
        return sb.toString();
    }

    private static List<Path> fixtures(String... ends) throws Exception {
        try (var s = Files.walk(Path.of("src/test/resources"))) {
            return s.filter(p -> { for (String e : ends) if (p.toString().endsWith(e)) return true; return false; })
                    .sorted().toList();
        }
    }

    private static String read(Path p) throws Exception {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    @Test
    void printStatementFindsWhatTheMultiLineRegexFound() throws Exception {
        List<Path> files = fixtures(".py");
        for (Path p : files) {
            String t = read(p);
            assertEquals(PRINT_STATEMENT.matcher(t).find(), PythonScanner.printStatement(t), p.toString());
        }
        assertTrue(files.size() > 50, files.size() + " files");
    }

    @Test
    void printStatementReadsOnlyTheStatementForm() {
        assertTrue(PythonScanner.printStatement("if x:\n    print 'epoch', i\n"));
        assertFalse(PythonScanner.printStatement("print('epoch', i)\nprint = log\nx = 1  # print it\n"));
    }

    @Test
    void keyLinesKeepsTheLinesThatLineByLineReadingKept() throws Exception {
        List<Path> files = fixtures(".py", ".yaml", ".yml", ".json", ".cfg", ".toml");
        int wide = 0; // files with characters past Latin-1 (Chinese comments), searched in their bytes
        for (Path p : files) {
            String t = read(p);
            assertEquals(keyLinesByLine(t), SetupExtractor.keyLines(t), p.toString());
            if (t.chars().anyMatch(c -> c > 0xFF)) wide++;
        }
        assertTrue(files.size() > 80 && wide > 4, files.size() + " files, " + wide + " past Latin-1");
    }

    @Test
    void loopStatementFindsWhatTheMultiLineRegexFound() throws Exception {
        List<Path> files = fixtures(".py");
        int loops = 0;
        for (Path p : files) {
            String t = read(p);
            assertEquals(LOOP.matcher(t).find(), PythonScanner.loopStatement(t), p.toString());
            if (PythonScanner.loopStatement(t)) loops++;
        }
        assertTrue(files.size() > 50 && loops > 40 && loops < files.size(), loops + " of " + files.size());
    }

    @Test
    void loopStatementReadsLineStartsAsTheRegexDid() {
        for (String t : List.of("for x in y:", "  \t while True:", "x = 1\r  for i in r:", "a\u2028for i in r:",
                "async for b in loader:", "x = [a for a in b]", "print('for ')", "before x", "  # for now", "while(x)",
                "\n\n   \n  async for x in y:", "y = 2\u0085while 1:", "format(x)\nfor\tx in y:")) {
            assertEquals(LOOP.matcher(t).find(), PythonScanner.loopStatement(t), t);
        }
    }
}
