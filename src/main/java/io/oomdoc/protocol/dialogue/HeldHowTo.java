package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Report;

import java.util.List;
import java.util.Optional;
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
        List<String> ids = report.fixes().stream().map(Report.Fix::kb).distinct().toList();
        for (String stack : stacks) {
            for (String id : ids) {
                var t = Topics.howTo().stream().filter(x -> id.equals(x.kb()) && x.texts().containsKey(stack))
                        .findFirst();
                if (t.isPresent()) return t;
            }
        }
        return ids.isEmpty() ? Optional.empty()
                : Topics.howTo().stream().filter(x -> ids.get(0).equals(x.kb())).findFirst();
    }
}
