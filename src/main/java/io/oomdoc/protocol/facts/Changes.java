package io.oomdoc.protocol.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting the user changed holds its later value: "I lowered the batch size from 4 to 1",
 * "per_device_train_batch_size=32 ... down to 1", "batch was 8, now 4", "switched from fp16 to bf16", "bf16
 * instead of fp16", "from an RTX 4090 to an A6000". The earlier value is what the run no longer has, so it is
 * dropped when the same turn gives the later one; a number read with its setting's name takes the number the change
 * goes to.
 */
final class Changes {
    /** Settings read as a number next to their name, whose change is written "from N to M" or "N, now M". */
    private static final Set<String> NUMBERS = Set.of("batch", "seq", "grad_accum", "lora_rank", "depth",
            "total_batch");
    /** How a numeric setting's own mention says it is the start of a change ("batch size from 4", "lowered"). */
    private static final Pattern CHANGED = Pattern.compile("\\b(?:from|lowered|reduced|decreased|cut|dropped"
            + "|changed|increased|raised)\\b");
    /**
     * The value a change goes to, right after the first: "to 1", "down to 1", " and per_device_eval_batch_size=64
     * down to 1" (both set to it), ", now 4".
     */
    private static final Pattern TO = Pattern.compile("^(?:(?:\\s+and\\s+[\\w.=-]+)?\\s+(?:all\\s+)?(?:down|up|back)"
            + "\\s+to\\s+|\\s+to\\s+|\\s*(?:,\\s*)?(?:and\\s+)?now\\s+(?:it'?s\\s+|at\\s+|is\\s+)?|\\s*(?:->|→)\\s*)"
            // "from 3 to 1." ends a sentence: only a digit after the point makes the number a decimal
            + "(\\d{1,7})(?![\\d%]|\\.\\d|\\s*(?:gb|gib|mb|x|px|k\\b))");
    /** A later value named with its own word: "now 4" needs no verb; "to 1" needs "from", "down" or a verb before. */
    private static final Pattern BARE_TO = Pattern.compile("^\\s+to\\s");
    /** "I adjusted batch 4 to 2" (skyhehe123/VoxSeT#9): the verb of the change may stand before the setting. */
    private static final Pattern CHANGED_BEFORE = Pattern.compile("\\b(?:adjusted|changed|lowered|reduced"
            + "|decreased|cut|dropped|increased|raised|moved)\\s+(?:the\\s+|my\\s+)?$");
    private static final Pattern ALREADY_TO = Pattern.compile("\\bto\\b");

    /** Words before a mention that make it the value left behind, when the same setting is named again. */
    private static final Pattern LEFT_BEFORE = Pattern.compile("(?:\\bfrom|\\binstead of|\\brather than|\\bwas"
            + "|\\bwere|\\bused to (?:be|use)|\\bpreviously|\\boriginally)\\s+(?:using\\s+|on\\s+|at\\s+)?(?:an?\\s+"
            + "|the\\s+|my\\s+)?(?:[\\w-]+\\s+)?$");
    /** Words before the other mention that make it the value the change went to. */
    private static final Pattern WENT_TO = Pattern.compile("(?:\\bto|\\bnow|\\bthen|->|→)\\s+(?:using\\s+|on\\s+"
            + "|at\\s+)?(?:an?\\s+|the\\s+|my\\s+)?(?:[\\w-]+\\s+)?$");
    /** A sentence's end between the two values: "from torchvision. sgd ... switching to adam" is no change. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.?!;](?:\\s|$)|\\n");
    /** "bf16 instead of fp16", "instead of fp16, bf16": no word is needed before the value kept. */
    private static final Pattern NEEDS_NO_TO = Pattern.compile("\\binstead of\\s|\\brather than\\s");
    /**
     * "with the default batch_size=8 ... so I set BATCH_SIZE=16": a numeric setting's default named beside the user's
     * own value is the value left. Only numbers: "default T5-11B and T5-3B" names two models, neither left.
     */
    private static final Pattern DEFAULT_BEFORE = Pattern.compile("\\bdefault\\s+$");

    private Changes() {}

    /** The mentions with each change's earlier value dropped and each numeric setting at the value it changed to. */
    static List<Mention> latest(String lower, List<Mention> all) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : all) {
            if (left(lower, m, all)) continue;
            out.add(NUMBERS.contains(m.key()) ? numberChanged(lower, m) : m);
        }
        return out;
    }

    /** "batch size from 4 to 1" read as batch 4: the number the change goes to. */
    private static Mention numberChanged(String lower, Mention m) {
        Matcher to = TO.matcher(lower.substring(m.end(), Math.min(lower.length(), m.end() + 60)));
        if (!to.find()) return m;
        String own = lower.substring(m.start(), m.end());
        // "reduced batch_size to 256 and img_size to 128": a mention that went to its value already holds it
        if (ALREADY_TO.matcher(own).find()) return m;
        String before = lower.substring(Math.max(0, m.start() - 20), m.start());
        if (BARE_TO.matcher(to.group()).find() && !CHANGED.matcher(own).find()
                && !CHANGED_BEFORE.matcher(before).find()) return m;
        return m.withKeyValue(m.key(), String.valueOf(Integer.parseInt(to.group(1))));
    }

    /** Whether the mention is the value a change left behind: the same setting is named again as its new value. */
    private static boolean left(String lower, Mention m, List<Mention> all) {
        String before = lower.substring(Math.max(0, m.start() - 40), m.start());
        boolean byDefault = NUMBERS.contains(m.key()) && DEFAULT_BEFORE.matcher(before).find();
        Matcher left = LEFT_BEFORE.matcher(before);
        if (!byDefault && !left.find()) return false;
        boolean instead = byDefault || NEEDS_NO_TO.matcher(left.group()).find();
        for (Mention o : all) {
            if (o == m || !sameSetting(o, m) || o.value().equals(m.value()) || o.overlaps(m)) continue;
            boolean after = o.start() > m.end();
            String between = after ? lower.substring(m.end(), o.start()) : lower.substring(o.end(), m.start());
            if (between.length() > 60 || SENTENCE_END.matcher(between).find()) continue;
            if (instead || after && WENT_TO.matcher(lower.substring(Math.max(m.end(), o.start() - 30),
                    o.start())).find()) return true;
        }
        return false;
    }

    private static boolean sameSetting(Mention a, Mention b) {
        String ga = Attribution.group(a);
        return a.key().equals(b.key()) || ga != null && ga.equals("card") && ga.equals(Attribution.group(b));
    }
}
