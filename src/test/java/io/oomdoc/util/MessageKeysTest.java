package io.oomdoc.util;

import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * User-facing sentences live in .properties files, read by key through a MessageTable. A key the code names that its
 * file lacks would fail only when that sentence is first printed; here every literal key in src/main/java is looked
 * up in its file: through a package's *Text class, or through a table the same source file opens.
 */
class MessageKeysTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Map<String, String> TEXT_CLASSES = Map.of(
            "CliText", "cli/messages.properties", "GpuText", "gpu/messages.properties",
            "SnapshotText", "snapshot/messages.properties", "WatchText", "watch/messages.properties",
            "ScanText", "scan/messages.properties");
    private static final Pattern OWN_TABLE = Pattern.compile("(\\w+) = new MessageTable\\(\"([^\"]+)\"\\)");
    /** The report's one table, used as ReportText.TABLE or through a field that names it. */
    private static final Pattern REPORT_ALIAS = Pattern.compile("(\\w+) = (?:[\\w.]*\\.)?ReportText\\.TABLE;");
    private static final String REPORT = "report/messages.properties";

    private static Properties table(String resource) throws Exception {
        Properties p = new Properties();
        try (var in = MessageKeysTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static void check(String source, String field, String resource, Path file, List<String> missing)
            throws Exception {
        Properties p = table(resource);
        // a whole literal key only: "section." + name is a family of keys, checked where its names are listed
        Matcher m = Pattern.compile("\\b" + field + "\\.(?:get|has)\\(\"([^\"]+)\"\\s*[,)]").matcher(source);
        while (m.find()) if (!p.containsKey(m.group(1))) missing.add(file + ": " + m.group(1) + " not in " + resource);
    }

    @Test
    void everyKeyTheCodeNamesIsInItsMessageFile() throws Exception {
        List<String> missing = new ArrayList<>();
        int keys = 0;
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = Files.readString(f);
                for (var e : TEXT_CLASSES.entrySet()) {
                    if (src.contains(e.getKey() + ".get(\"")) {
                        check(src, e.getKey(), e.getValue(), f, missing);
                        keys++;
                    }
                }
                Matcher own = OWN_TABLE.matcher(src);
                while (own.find()) { check(src, own.group(1), own.group(2), f, missing); keys++; }
                Matcher alias = REPORT_ALIAS.matcher(src);
                while (alias.find()) { check(src, alias.group(1), REPORT, f, missing); keys++; }
                if (src.contains("ReportText.TABLE.")) { check(src, "ReportText\\.TABLE", REPORT, f, missing); keys++; }
            }
        }
        assertTrue(keys >= 8, "the sources name keys in at least eight places: " + keys);
        assertEquals(List.of(), missing);
    }

    /**
     * The reasoning rows name their sentences through a helper that adds the family's prefix (Signals.say, key
     * signal.NAME in the report's table): a row whose key is missing would throw only on the evidence that fires
     * it, and the code and snapshot rows fire on no corpus case.
     */
    @Test
    void everyReasoningRowSentenceIsInTheReportTable() throws Exception {
        Properties p = table("report/messages.properties");
        Matcher m = Pattern.compile("\\bsay\\(\"([^\"]+)\"").matcher(
                Files.readString(MAIN.resolve("io/oomdoc/protocol/Signals.java")));
        List<String> keys = new ArrayList<>();
        while (m.find()) keys.add("signal." + m.group(1));
        assertTrue(keys.size() >= 50, "Signals names its sentences through say(): " + keys.size());
        assertEquals(List.of(), keys.stream().filter(k -> !p.containsKey(k)).toList());
    }
}
