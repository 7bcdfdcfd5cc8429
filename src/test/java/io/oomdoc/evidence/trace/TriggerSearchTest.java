package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader's byte search finds the trigger lines that a plain per-line text search finds (String.contains over the
 * fragments), on every real trace fixture (traces/, see its SOURCES.md) and every paste of the corpus's development
 * part. With no head, context or tail to keep, what the reader keeps is exactly its trigger lines.
 */
class TriggerSearchTest {
    private static final LogReader ONLY_HITS = new LogReader(0, 0, 0, 0, 1_000_000);
    private static final String[] TRACES = {"cylinder3d-backward-tqdm-1x.txt", "jax-bufferassignment.txt",
            "memory-summary-pytorch35901.txt", "notoom-gauhuman-illegal-access.txt", "qwen3coder-rank3-2x.txt",
            "rwkv-cudamallocasync.txt", "segtoolbox-backward-1x-cached.txt", "tf-models-shape-oom.txt",
            "tgi-warmup-async-escaped.txt", "thc-model-cuda-legacy.txt", "visfly-backward-2x.txt",
            "vllm-10517-max-model-len-kv.txt", "vllm-kaito-2x.txt"};

    /** The numbers (from 1) of the lines that hold a fragment, by the text test, lines split as the reader does. */
    private static List<Integer> expectedHits(String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) if (Triggers.hit(lines[i])) out.add(i + 1);
        return out;
    }

    private static List<Integer> keptLines(String text) throws IOException {
        LogText log = ONLY_HITS.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return log.lines().stream().map(LogText.Line::number).toList();
    }

    private static List<String> realTexts() {
        List<String> texts = new ArrayList<>();
        for (String t : TRACES) texts.add(Fixtures.text("traces/" + t));
        for (Case c : Corpus.development()) texts.add(c.paste());
        return texts;
    }

    @Test
    void everyRealTraceKeepsTheLinesThatTheTextSearchFinds() throws IOException {
        int hits = 0;
        for (String text : realTexts()) {
            List<Integer> expected = expectedHits(text);
            assertEquals(expected, keptLines(text), text.substring(0, Math.min(200, text.length())));
            hits += expected.size();
        }
        assertTrue(hits > 400, "the fixtures hold many trigger lines: " + hits);
    }

    /**
     * Every trace between runs of real quiet training-log lines (bench/training-log-lines.txt), several 1 MB blocks
     * long, so that the reader jumps over quiet lines and triggers fall on block boundaries; with the numbers of its
     * lines that hold a fragment, found here by a plain String.contains over Triggers.FRAGMENTS. Built once per JVM
     * from fixtures by test code alone: a PIT minion runs the test below for every mutant of the reader it covers,
     * and this text search was most of a run's time (build22).
     */
    private static final class LongLog {
        static final byte[] BYTES;
        static final List<Integer> HITS;

        static {
            List<String> quiet = new ArrayList<>();
            for (String l : Fixtures.text("bench/training-log-lines.txt").split("\n")) {
                if (l.startsWith("plain|")) quiet.add(l.substring("plain|".length()));
            }
            StringBuilder sb = new StringBuilder();
            int n = 0;
            for (String text : realTexts()) {
                int run = 200 + n % 397;
                for (int i = 0; i < run; i++, n++) {
                    sb.append(quiet.get(n % quiet.size()).replace("{n}", "" + n)).append('\n');
                }
                sb.append(text).append('\n');
            }
            String log = sb.toString();
            assertTrue(log.length() > 3 << 20, "longer than three blocks: " + log.length());
            String[] lines = log.split("\r\n|\r|\n", -1);
            List<Integer> hits = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                for (String f : Triggers.FRAGMENTS) {
                    if (lines[i].contains(f)) {
                        hits.add(i + 1);
                        break;
                    }
                }
            }
            BYTES = log.getBytes(StandardCharsets.UTF_8);
            HITS = List.copyOf(hits);
        }
    }

    @Test
    void aLongLogOfAllTheTracesBetweenQuietLinesKeepsTheSameLines() throws IOException {
        LogText log = ONLY_HITS.read(new ByteArrayInputStream(LongLog.BYTES));
        assertEquals(LongLog.HITS, log.lines().stream().map(LogText.Line::number).toList());
    }
}
