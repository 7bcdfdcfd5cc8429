package io.oomdoc.bench;

import io.oomdoc.protocol.dialogue.Conversation;
import io.oomdoc.protocol.dialogue.Transcripts;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Intent accuracy alone, turn by turn, over the sets named on the command line (folders under src/test/resources):
 * prints one tab-separated row per turn (set, file, turn, expected, got, first line) and the totals per set. The
 * intent is the largest class of failing turns; this measures a classifier change on many sets at once.
 * Run: bench/run.sh IntentBench conversations conversations_heldout5 ...
 */
public final class IntentBench {
    public static void main(String[] args) {
        Map<String, int[]> bySet = new TreeMap<>();
        for (String set : args) {
            for (var t : Transcripts.all(Path.of("src/test/resources", set))) {
                Conversation c = new Conversation();
                for (var v : Transcripts.play(t, c::respond, c::facts, ConversationBench::render)) {
                    int[] n = bySet.computeIfAbsent(set, k -> new int[2]);
                    n[1]++;
                    boolean right = String.valueOf(v.turn().intent()).equals(v.gotIntent());
                    if (right) n[0]++;
                    System.out.printf(Locale.ROOT, "%s\t%s\t%d\t%s\t%s\t%s%n", set, v.file(), v.index(),
                            v.turn().intent(), v.gotIntent(), v.turn().input().lines().findFirst().orElse(""));
                }
            }
        }
        bySet.forEach((k, n) -> System.out.printf(Locale.ROOT, "# %-24s intent %d / %d%n", k, n[0], n[1]));
    }
}
