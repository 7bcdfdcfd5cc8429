package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The byte search for trigger fragments gives what a plain text search gives, from any start and to any end, on the
 * real logs of h200/ (recorded on an H200) and traces/ (sources in traces/SOURCES.md). Written for the mutants PIT
 * left alive in Triggers: the eight-byte skipping and the pair table make the start's and end's alignment matter.
 */
class TriggersTest {
    private static final List<String> LOGS = List.of("h200/leak_eval.log", "h200/fragmentation.log",
            "h200/device_assert.log", "traces/qwen3coder-rank3-2x.txt", "traces/deepspeed-stage3-cache-flushes.txt",
            "traces/cylinder3d-backward-tqdm-1x.txt", "traces/jax-bufferassignment.txt",
            "traces/tf-eager-conv2d-backprop-input.txt");

    private static byte[] bytes(String fixture) {
        return Fixtures.text(fixture).getBytes(StandardCharsets.UTF_8);
    }

    /** Every fragment occurrence in the text by a plain search, as {start, length}, by start. */
    private static List<int[]> occurrences(byte[] a) {
        String s = new String(a, StandardCharsets.ISO_8859_1);
        List<int[]> out = new java.util.ArrayList<>();
        for (String f : Triggers.FRAGMENTS) {
            for (int at = s.indexOf(f); at >= 0; at = s.indexOf(f, at + 1)) out.add(new int[]{at, f.length()});
        }
        out.sort(java.util.Comparator.comparingInt(o -> o[0]));
        return out;
    }

    /** The first occurrence wholly inside [from, end), or end. */
    private static int plainFirst(List<int[]> occurrences, int from, int end) {
        for (int[] o : occurrences) if (o[0] >= from && o[0] + o[1] <= end) return o[0];
        return end;
    }

    // replay: the slowest test PIT runs on budget + trace (0.4 s a run, 2 s under coverage) and never the first killer
    // of a mutant there (the verify before build21's), so only survivors ran it; surefire runs it once
    @Test
    @Tag("replay")
    void theFirstFragmentFromEveryStartIsTheOneAPlainSearchFinds() {
        for (String log : LOGS) {
            byte[] a = bytes(log);
            List<int[]> found = occurrences(a);
            for (int from = 0; from < a.length; from += 3) {
                int expected = plainFirst(found, from, a.length);
                assertEquals(expected, Triggers.first(a, from, a.length), log + " from " + from);
            }
        }
    }

    /** Every end position of every log (a second of work): surefire runs it, PIT's mutants do not (tag slow). */
    @Test
    @Tag("slow")
    void aFragmentCutByTheEndIsNotFound() {
        for (String log : LOGS) {
            byte[] a = bytes(log);
            List<int[]> found = occurrences(a);
            for (int end = 1; end <= a.length; end += 3) {
                assertEquals(plainFirst(found, 0, end), Triggers.first(a, 0, end), log + " to " + end);
            }
        }
    }

    @Test
    void theShortestFragmentAtAHitIsTheFragmentThatStartsThere() {
        for (String log : LOGS) {
            byte[] a = bytes(log);
            String s = new String(a, StandardCharsets.ISO_8859_1);
            for (int at = Triggers.first(a, 0, a.length); at < a.length; at = Triggers.first(a, at + 1, a.length)) {
                int shortest = Integer.MAX_VALUE;
                for (String f : Triggers.FRAGMENTS) if (s.startsWith(f, at)) shortest = Math.min(shortest, f.length());
                assertEquals(shortest, Triggers.shortestAt(a, at, a.length), log + " at " + at);
            }
        }
    }
}
