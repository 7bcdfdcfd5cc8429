package io.oomdoc.evidence.trace;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's "Adding things" for a trace format: one parser class and one row in TraceParsers.ALL, plus a fragment
 * in Triggers.ROWS when the message holds none. A log too long to keep whole is cut to the lines around those
 * fragments, so a parser whose message has no fragment reads a short log and misses the same message in a long one.
 * Every row of ALL is checked on the real reports it reads, from the corpus (src/test/resources/corpus, the source on
 * each line) and from traces/ (sources in traces/SOURCES.md): buried in the middle of a long log, each must give the
 * parser the same findings, and each parser must read at least one of them.
 */
class EveryParserIsReachedTest {
    /** More quiet lines on each side than the reader keeps at a log's head (200) and tail (300). */
    private static final int QUIET = 1_000;
    private static final Path TRACES = Path.of("src/test/resources/traces");

    private static byte[] buried(String paste) {
        StringBuilder sb = new StringBuilder();
        // training-progress lines with no trigger fragment: the reader keeps none of them around the report
        for (int i = 0; i < QUIET; i++) sb.append("step ").append(i).append(" | loss 2.").append(i % 97).append('\n');
        sb.append(paste).append('\n');
        for (int i = 0; i < QUIET; i++) sb.append("step ").append(QUIET + i).append(" | lr 3e-4\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> described(List<TraceFinding> findings) {
        List<String> out = new ArrayList<>();
        for (TraceFinding f : findings) out.add(f.kind() + " " + f.framework() + " " + f.numbers());
        return out;
    }

    /** Name (with its source) and text of every real report: the corpus's pastes, then the trace files. */
    private static Map<String, String> reports() throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        for (Case c : Corpus.all()) all.put(c.id() + " (" + c.source() + ")", c.paste());
        try (Stream<Path> s = Files.list(TRACES)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                all.put("traces/" + p.getFileName(), Files.readString(p));
            }
        }
        return all;
    }

    @Test
    void everyParserFindsItsReportsInALogTooLongToKeepWhole() throws IOException {
        Map<String, String> reports = reports();
        List<String> unreached = new ArrayList<>();
        for (TraceParser parser : TraceParsers.ALL) {
            int reached = 0;
            for (Map.Entry<String, String> r : reports.entrySet()) {
                List<TraceFinding> whole = parser.parse(LogText.of(r.getValue()));
                if (whole.isEmpty()) continue;
                reached++;
                LogText cut = new LogReader().read(new ByteArrayInputStream(buried(r.getValue())));
                assertTrue(cut.truncated(), r.getKey() + ": the log was kept whole, so it tests no cut");
                assertEquals(described(whole), described(parser.parse(cut)), parser.getClass().getSimpleName() + " on "
                        + r.getKey());
            }
            if (reached == 0) unreached.add(parser.getClass().getSimpleName());
        }
        assertEquals(List.of(), unreached, "parsers that read no report of the corpus");
    }
}
