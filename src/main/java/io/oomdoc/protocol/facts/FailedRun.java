package io.oomdoc.protocol.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Two runs compared in one turn ("batch_size 256 uses 26 of 32 GB, and batch_size 512 runs out of memory", "batch
 * 128 fits at 88.7 GiB peak, batch 192 runs out of memory"): the failure the user brings is the run that failed, so
 * a setting named with two values keeps the one the failure is said of. The first mention would win otherwise, and
 * it is usually the run that worked.
 */
final class FailedRun {
    /** Settings read as a number next to their name; a card or a model compared is not a run's setting. */
    private static final Set<String> NUMBERS = Set.of("batch", "seq", "grad_accum", "lora_rank", "depth",
            "total_batch");
    /** How a run's failure is said right after its setting. */
    private static final Pattern FAILS = Pattern.compile("\\b(?:runs?|ran|going|goes|went) out of (?:gpu |cuda )?"
            + "memory\\b|\\bout of memory\\b|\\booms?\\b|\\boom'?s\\b|\\boomed\\b|\\bcrash(?:es|ed)?\\b"
            + "|\\b(?:fails|failed)\\b");
    /** The failure said just before the setting: "OOM with batch 512". */
    private static final Pattern FAILS_BEFORE = Pattern.compile("(?:\\booms?|\\bout of memory|\\bcrash(?:es|ed)?"
            + "|\\bfails)\\s+(?:with|at|on|for)\\s+(?:an?\\s+|the\\s+)?$");
    private static final Pattern NOW = Pattern.compile("\\bnow\\s+(?:at\\s+|with\\s+|on\\s+)?(?:a\\s+)?$");
    private static final Pattern FIGURE = Pattern.compile("(?<![\\w.])\\d");
    private static final Pattern SENTENCE_END = Pattern.compile("[.?!;](?:\\s|$)|\\n");
    /** How far after its setting a run's outcome is looked for. */
    private static final int REACH = 80;

    private FailedRun() {}

    /** The mentions with each compared setting's value that did not fail left out, when exactly one failed. */
    static List<Mention> keep(String lower, List<Mention> all) {
        List<Mention> out = new ArrayList<>(all);
        for (String key : NUMBERS) {
            List<Mention> ms = all.stream().filter(m -> m.key().equals(key)).toList();
            if (ms.stream().map(Mention::value).distinct().count() < 2) continue;
            // "went out of memory at batch 8, now at batch 4 it works": a change, the later value is the run now
            if (ms.stream().anyMatch(m -> NOW.matcher(lower.substring(Math.max(0, m.start() - 15), m.start()))
                    .find())) continue;
            List<Mention> failed = ms.stream().filter(m -> failed(lower, m, ms)).toList();
            if (failed.stream().map(Mention::value).distinct().count() != 1) continue;
            String value = failed.get(0).value();
            out.removeIf(m -> m.key().equals(key) && !m.value().equals(value));
        }
        return out;
    }

    /** Whether the run this mention names is the one said to fail: up to the next value or the sentence's end. */
    private static boolean failed(String lower, Mention m, List<Mention> same) {
        int end = Math.min(lower.length(), m.end() + REACH);
        for (Mention o : same) if (o.start() >= m.end() && o.start() < end) end = o.start();
        String after = lower.substring(m.end(), end);
        var stop = SENTENCE_END.matcher(after);
        if (stop.find()) after = after.substring(0, stop.start());
        // another figure starts another run or another quantity: "8k trains on two GPUs, 32k runs out of memory"
        // says the failure of the 32k, which need not be read as a setting itself (LongChat#28)
        var figure = FIGURE.matcher(after);
        if (figure.find()) after = after.substring(0, figure.start());
        String before = lower.substring(Math.max(0, m.start() - 30), m.start());
        return FAILS.matcher(after).find() || FAILS_BEFORE.matcher(before).find();
    }
}
