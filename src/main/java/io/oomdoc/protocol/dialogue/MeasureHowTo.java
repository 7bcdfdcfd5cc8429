package io.oomdoc.protocol.dialogue;

import io.oomdoc.util.TsvTable;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "how do I check that memory stays flat per file now?", "how do I log the server's own GPU memory over time?": a
 * how-to that asks to observe memory gets the tool that shows it (dialogue/measure-howto.tsv), not the setting its
 * other words happen to name (swap space, ZeRO-3, a device check).
 */
final class MeasureHowTo {
    private static final String TABLE = "dialogue/measure-howto.tsv";
    private static final int COLUMNS = 2;
    /** The question opens with observing: "how do I check", "how can we tell", "how would I log". */
    private static final Pattern OBSERVE = Pattern.compile("(?i)\\bhow (?:do|can|could|should|would) (?:i|we|you"
            + "|one) (?:check|see|tell|verify|confirm|log|monitor|measure|watch|track|find out"
            // "how do I find which step hits the peak": finding which one is observing; "find a smaller model" is not
            + "|find(?= (?:which|where|what|when)\\b)"
            + "|print|record|report)\\b");

    /** One row: what is observed, and the topic that shows it. */
    record Row(Pattern words, String topic) {}

    private static final TsvTable<Row> ROWS = new TsvTable<>(TABLE, COLUMNS,
            c -> new Row(Pattern.compile(c[0]), c[1]));

    private MeasureHowTo() {}

    /** The topic that shows what the question asks to observe, or empty when it asks to observe no memory. */
    static Optional<Topics.Topic> of(String question) {
        Matcher m = OBSERVE.matcher(question);
        if (!m.find()) return Optional.empty();
        String observed = question.substring(m.end()).toLowerCase(Locale.ROOT);
        for (Row r : rows()) {
            if (r.words().matcher(observed).find()) return topic(r.topic());
        }
        return Optional.empty();
    }

    /** A topic whose name opens with observing ("see where ollama placed the model") already shows something. */
    private static final Pattern OBSERVING_TOPIC = Pattern.compile("(?i)^(?:see|check|find|show|watch|monitor"
            + "|measure|log|tell)\\b");

    /**
     * The topic a question's own words name, when it is one that observes ("see dedicated gpu memory on windows"):
     * that tool for that stack answers better than the general one of this table.
     */
    static boolean observes(Topics.Topic named) { return OBSERVING_TOPIC.matcher(named.name()).find(); }

    static Optional<Topics.Topic> topic(String name) {
        return Topics.howTo().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    static List<Row> rows() { return ROWS.rows(); }
}
