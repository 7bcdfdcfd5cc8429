package io.oomdoc.protocol.reasoning;

import io.oomdoc.protocol.facts.Mention;
import io.oomdoc.protocol.facts.Names;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words that name a process killed for memory: the kernel's OOM killer, a cgroup limit, a scheduler. */
public final class Kills {
    // SIGTERM ("killed by signal: Terminated") comes from a parent or a scheduler, not from a memory kill
    private static final Pattern KILL = Pattern.compile("(?im)(?:^|[\\s|\\]])killed\\s*$"
            + "|\\bkilled by signal\\b(?!: terminated)"
            // "exits with code 137", "exiting with code 137", "failed with code 137": the verb's forms and "with"
            + "|exit(?:s|ed|ing)?(?: with)?"
            + "[ _]?(?:code|status)?[:= ]*(?:137|-9)\\b"
            + "|\\b(?:status|return|error|with|returned) code:? ?137\\b|exitcode\\s*:\\s*-9|\\bsigkill\\b|signal 9\\b"
            + "|\\boomkilled\\b"
            + "|oom[-_ ]kill|out of memory: killed process|\\boom killer\\b|killed process \\d+"
            // "always OOM on RAM": host memory said in words, no GPU in the phrase
            + "|\\boom (?:on|in) (?:the )?(?:host |system |cpu )?ram\\b|\\b(?:host|cpu|system) ?ram oom\\b"
            + "|\\bout of (?:host|system|cpu) ram\\b"
            // "then the os kills the process": the kernel named as the killer, in prose
            + "|\\b(?:os|kernel|linux|system) (?:kills|killed) (?:the |my |our )?(?:process|job|training|script|run)\\b"
            // PyTorch's words when a DataLoader worker dies without a word of its own: the kernel killed it
            + "|dataloader worker \\(pids?\\(?s?\\)? [\\d, ]+\\) exited unexpectedly");

    /**
     * Weaker: a kill named in prose ("it just says killed", "error code -9", "被kill了"); a failure, not yet its
     * cause. The word is bounded by non-letters rather than a word boundary: in Chinese prose ("出现killed的")
     * Java 17's boundary sees no break between the word and the characters around it.
     */
    private static final Pattern MENTION = Pattern.compile("(?i)(?<![a-z])kill(?:ed|s)?(?![a-z])|error code -9"
            + "|被\\s*kill|oom[- ]?kill");

    /**
     * "ran out of RAM" with no host word: host memory unless the text gives a card's memory next to its name
     * ("24GB (7900 XTX)", "RTX 3090 24GB"): then "RAM" is how the reporter calls the card's memory
     * (kohya-ss/sd-scripts#1152).
     */
    private static final Pattern OUT_OF_RAM = Pattern.compile(
            "\\bout of ram\\b(?! (?:on|of|in) (?:the |my |a )?(?:gpu|card|device|vram))");
    private static final Pattern SIZE = Pattern.compile("\\d+(?:\\.\\d+)?\\s?gi?b\\b");
    private static final int NEAR = 12;

    private Kills() {}

    public static boolean mentioned(String text) { return MENTION.matcher(text).find(); }

    public static boolean named(String lowerText) {
        return KILL.matcher(lowerText).find() || OUT_OF_RAM.matcher(lowerText).find() && !cardSizeSaid(lowerText);
    }

    /** A size in GB within a few characters of a GPU the catalog names, or inside its name ("rtx 3090 24gb"). */
    static boolean cardSizeSaid(String lower) {
        Matcher m = SIZE.matcher(lower);
        List<Mention> cards = Names.find(lower, lower).stream().filter(x -> x.key().equals("gpu")).toList();
        while (m.find()) {
            for (Mention c : cards) {
                if (m.start() < c.end() && c.start() < m.end()) return true;
                if (c.start() - m.end() <= NEAR && c.start() >= m.end() - 1 || m.start() - c.end() <= NEAR
                        && m.start() >= c.end() - 1) return true;
            }
        }
        return false;
    }
}
