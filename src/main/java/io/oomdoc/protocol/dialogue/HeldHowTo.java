package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Report;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "how do I fix it in HF Trainer?" with a failure held names no setting: the how-to is the one for the cause held
 * (an evaluation OOM gets eval_accumulation_steps, not gradient checkpointing found by the words "HF Trainer"; ux14
 * row 24, huggingface/trl#893). The report's fixes, in order, pick the knowledge id; the stack picks the topic.
 */
final class HeldHowTo {
    /**
     * "fix it", "solve this", "avoid the OOM": a repair of the failure. "avoid it" alone may point at a term just
     * explained (XLA's padding), so avoiding names the failure.
     */
    private static final Pattern FIX_IT = Pattern.compile("(?i)\\b(?:(?:fix|solve|resolve)\\s+(?:it|this|that)"
            + "|(?:fix|solve|resolve|avoid|prevent|stop|get rid of|get around|work around)\\s+(?:the|this|that)\\s+"
            + "(?:error|oom|out[- ]of[- ]memory|problem|issue|failure|crash))\\b");

    private HeldHowTo() {}

    /** The how-to topic for the cause held, or empty when the question is not "fix it" or nothing matches. */
    static Optional<Topics.Topic> of(String question, Report report, List<String> stacks) {
        if (report == null || report.fixes() == null || !FIX_IT.matcher(question).find()) return Optional.empty();
        List<Report.Fix> fixes = report.fixes();
        for (String stack : stacks) {
            for (Report.Fix fix : fixes) {
                var t = closest(fix, x -> x.texts().containsKey(stack));
                if (t.isPresent()) return t;
            }
        }
        return fixes.isEmpty() ? Optional.empty() : closest(fixes.get(0), x -> true);
    }

    /**
     * Of the topics written for the fix's knowledge id, the one whose name shares most words with the fix's title:
     * U10 has JAX's preallocation and "pin each rank to its gpu", and "Pin each rank to its own device" means the
     * second (PeterL1n/RobustVideoMatting#231, burned set 16). Ties keep the file's order.
     */
    private static Optional<Topics.Topic> closest(Report.Fix fix, java.util.function.Predicate<Topics.Topic> ok) {
        Set<String> title = words(fix.title());
        Topics.Topic best = null;
        int most = -1;
        for (Topics.Topic t : Topics.howTo()) {
            if (!fix.kb().equals(t.kb()) || !ok.test(t)) continue;
            Set<String> shared = words(t.name());
            shared.retainAll(title);
            if (shared.size() > most) { most = shared.size(); best = t; }
        }
        return Optional.ofNullable(best);
    }

    private static final int SHORT = 3;

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text == null ? new String[0] : text.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
            if (w.length() >= SHORT) out.add(w);
        }
        return out;
    }
}
