package io.oomdoc.protocol.reasoning;

import java.util.regex.Pattern;

/** Words that name a process killed for memory: the kernel's OOM killer, a cgroup limit, a scheduler. */
public final class Kills {
    // SIGTERM ("killed by signal: Terminated") comes from a parent or a scheduler, not from a memory kill
    private static final Pattern KILL = Pattern.compile("(?im)(?:^|[\\s|\\]])killed\\s*$"
            + "|\\bkilled by signal\\b(?!: terminated)"
            + "|exit(?:ed)?"
            + "[ _]?(?:code|status)?[:= ]*(?:137|-9)\\b"
            + "|\\b(?:status|return|error) code:? ?137\\b|exitcode\\s*:\\s*-9|\\bsigkill\\b|signal 9\\b"
            + "|\\boomkilled\\b"
            + "|oom[-_ ]kill|out of memory: killed process|\\boom killer\\b|killed process \\d+"
            // "always OOM on RAM", "ran out of system RAM": host memory said in words, no GPU in the phrase.
            + "|\\boom (?:on|in) (?:the )?(?:host |system |cpu )?ram\\b|\\b(?:host|cpu|system) ?ram oom\\b"
            + "|\\bout of (?:host |system |cpu )?ram\\b(?! (?:on|of|in) (?:the |my |a )?(?:gpu|card|device|vram))"
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

    private Kills() {}

    public static boolean mentioned(String text) { return MENTION.matcher(text).find(); }

    public static boolean named(String lowerText) { return KILL.matcher(lowerText).find(); }
}
