package io.oomdoc.bench;

import io.oomdoc.protocol.dialogue.Answer;
import io.oomdoc.protocol.dialogue.Conversation;
import io.oomdoc.protocol.dialogue.Transcripts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Plays every conversation transcript through the engine and prints the turns that do not hold. Run: bench/run.sh ConversationBench [-v] */
public final class ConversationBench {
    public static void main(String[] args) {
        boolean verbose = List.of(args).contains("-v");
        List<Transcripts.Verdict> all = new ArrayList<>();
        for (var t : Transcripts.all()) {
            Conversation c = new Conversation();
            all.addAll(Transcripts.play(t, c::respond, c::facts, ConversationBench::render));
        }
        Map<String, int[]> byIntent = new TreeMap<>();
        for (var v : all) {
            int[] n = byIntent.computeIfAbsent(String.valueOf(v.turn().intent()), k -> new int[2]);
            n[1]++;
            if (v.holds()) n[0]++;
            else {
                System.out.printf(Locale.ROOT, "%s #%d [%s] %s%n   > %s%n", v.file(), v.index(), v.gotIntent(), v.problems(),
                        v.turn().input().lines().findFirst().orElse(""));
                if (verbose) System.out.println(v.output().indent(6));
            }
        }
        long held = all.stream().filter(Transcripts.Verdict::holds).count();
        System.out.printf(Locale.ROOT, "%nturns holding: %d / %d = %.1f%% (%d conversations)%n", held, all.size(), 100.0 * held / all.size(),
                Transcripts.all().size());
        byIntent.forEach((k, n) -> System.out.printf(Locale.ROOT, "  %-12s %d / %d%n", k, n[0], n[1]));
    }

    public static String render(Answer a) {
        if (a.report() != null) {
            var s = a.report().sections();
            return (a.text() == null ? "" : a.text() + "\n") + String.join("\n", s.memoryStateSummary(), s.issueType(), s.rootCause(), s.fix(),
                    s.verification(), s.prevention());
        }
        return a.text() == null ? "" : a.text();
    }
}
