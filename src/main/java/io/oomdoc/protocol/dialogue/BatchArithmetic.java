package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The batch arithmetic of data parallelism: "train_batch_size 8 and accumulation 16, what effective batch is that?"
 * (micro-batch × accumulation steps × GPUs = 128) and "batch 24 on 8 GPUs, what per-GPU batch is that?" (24 / 8 = 3).
 * Only the per-GPU micro-batch is in memory at once, which is why the two figures are worth telling apart. A question
 * that asks neither figure gets nothing from here.
 */
final class BatchArithmetic {
    private static final Pattern ASKS = Pattern.compile("(?i)\\bwhat\\b|\\bhow (?:much|many|big)\\b|\\?"
            + "|？|多少|几个");
    private static final Pattern EFFECTIVE = Pattern.compile("(?i)\\b(?:effective|global|total) batch\\b");
    private static final Pattern PER_GPU = Pattern.compile("(?i)\\bper[- ](?:gpu|card|device)\\b|\\beach (?:gpu|card)"
            + "\\b|\\bwith ddp\\b|\\b(?:use|over|on|across) (?:\\d|two|both)\\b[^.?!]{0,12}\\b(?:gpus|cards)\\b"
            // Chinese: 每张卡, 每卡, 每个 GPU (each card)
            + "|每(?:张|块|个)?\\s*(?:卡|显卡|gpu)");
    /**
     * "train_batch_size 8", "batch size of 8", "batch 24", "mb=4", "bs=32": a batch said with its value ("mb" only
     * with "=", so that max_split_size_mb:128 is not a batch).
     */
    private static final Pattern BATCH = Pattern.compile("(?i)(?<![a-z0-9_])(?:[a-z]+_)?(?:batch(?:[-_ ]size)?|bs"
            + "|mb(?=\\s*=)"
            // mmcv/mmdet configs name the per-GPU batch by what it counts
            + "|(?:samples|imgs|images)_per_gpu)"
            + "(?:\\s+of|\\s+is|\\s*=|\\s*:|\\s*是|\\s*为)?\\s*(\\d{1,5})(?!\\d|\\.\\d|\\s*(?:gb|g\\b|mb\\b|%))");
    /** "accumulation 16", "gradient_accumulation_steps=4", "accumulate gradients for 16 steps". */
    private static final Pattern ACCUMULATION = Pattern.compile("(?i)\\b(?:accumulation|accum)(?:[-_ ](?:steps?|iters?"
            + "|freq))?(?:\\s+of|\\s*=|\\s*:)?\\s*(\\d{1,4})\\b"
            + "|\\baccumulat\\w*\\s+(?:gradients?\\s+)?(?:for|over)\\s+(\\d{1,4})\\s+steps?");
    /** "how many images go through each forward pass?": the micro-batch that a batch and its accumulation leave. */
    private static final Pattern ASKS_MICRO = Pattern.compile("(?i)\\b(?:each|every|one|per|a single) forward"
            + "(?: pass)?\\b|\\bper (?:micro[- ]?batch|step of accumulation)\\b");
    /** "how many micro-batches of 32 is that?": the batch cut into micro-batches of a given size. */
    private static final Pattern MICRO_OF = Pattern.compile("(?i)\\bhow many (?:micro[- ]?batch(?:es)?|steps|chunks)"
            + " of (\\d{1,5})\\b");
    /** samples_per_gpu, per_device_train_batch_size, "batch per GPU": the batch's own name says it is one card's. */
    private static final Pattern PER_GPU_NAME = Pattern.compile("(?i)_per_gpu\\b|\\bper_device_\\w*batch|\\bbatch"
            + "(?:[-_ ]size)? per (?:gpu|card|device)\\b");
    /**
     * "what cumulative_iters gives 16?", "how many steps per update" to reach "size 128": the accumulation steps asked
     * for, with the effective batch they should reach.
     */
    private static final Pattern ASKS_STEPS = Pattern.compile("(?i)\\b(?:what|how many)\\s+(?:[a-z]+_)*(?:iters"
            + "|accumulation(?:[-_ ]steps)?|(?:accumulation |accumulated )?steps)\\b");
    private static final Pattern TARGET = Pattern.compile("(?i)\\b(?:gives?|reach(?:es|ing)?(?: to)?(?: a)?"
            + "(?: size| batch(?: size)?)?(?: of)?|(?:effective|global|total) batch(?: size)?(?: of)?)"
            + "\\s+(\\d{1,6})\\b");
    /** "8 GPUs", "4 x A100": how many cards share the batch; "both cards" is two. */
    private static final Pattern GPUS = Pattern.compile("(?i)\\b(\\d{1,4})\\s*(?:x\\s*)?(?:gpus?|cards?|devices?)\\b"
            + "|\\b(both|two) (?:gpus|cards)\\b"
            // Chinese: 8 张卡, 4 块显卡; 两张卡 (two cards)
            + "|(?<![\\d.])(\\d{1,3})\\s*(?:张|块)\\s*(?:卡|显卡|gpu)?"
            + "|(两|双)\\s*(?:张|块)?\\s*(?:卡|显卡)");
    /** "a batch of 1024 per GPU on 32 GPUs ... I have 8": the global batch, carried over to the cards one has. */
    private static final Pattern HAVE = Pattern.compile("(?i)\\bi (?:have|only have|got|use)\\s+(\\d{1,4})\\b");
    /**
     * A share of an earlier batch is asked only in the batch's words: "so how many per GPU?",
     * "那每张卡上的 batch 是多少？". "How much does that free on each card?" asks about memory, not samples.
     */
    private static final Pattern ASKS_SHARE = Pattern.compile("(?i)\\bbatch|\\bsamples?\\b|\\bimages?\\b"
            + "|\\bsequences?\\b|\\bhow many\\b|样本|几个");

    private BatchArithmetic() {}

    /** The arithmetic line and the rule line, or null. */
    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!ASKS.matcher(t).find()) return null;
        List<Long> batches = values(BATCH, t);
        Long gpus = gpus(t);
        if (batches.isEmpty()) return perCardOfEarlier(a, gpus);
        String toTarget = steps(t, a.withContext(), batches.get(0), gpus == null ? 1 : gpus);
        if (toTarget != null) return toTarget;
        String micro = micro(t, batches.get(0));
        if (micro != null) return micro;
        // "samples_per_gpu=4 ... on 4 GPUs, so their total batch was?": a per-GPU batch times the cards
        boolean perGpuNamed = PER_GPU_NAME.matcher(t).find();
        if (EFFECTIVE.matcher(t).find() && (!PER_GPU.matcher(t).find() || perGpuNamed)) {
            Long steps = first(ACCUMULATION, t);
            if (steps == null && gpus == null) return null;
            long b = batches.get(0), s = steps == null ? 1 : steps, g = gpus == null ? 1 : gpus;
            return Messages.get("batch.effective", b, s, g, count(b * s * g)) + "\n" + Messages.get("batch.rule");
        }
        if (!PER_GPU.matcher(t).find() || gpus == null || gpus < 2) return null;
        Matcher have = HAVE.matcher(t);
        if (have.find() && Long.parseLong(have.group(1)) != gpus) {
            // "1024 per GPU on 32 GPUs ... I have 8": the same global batch over the cards one has
            long global = batches.get(0) * gpus, mine = Long.parseLong(have.group(1));
            return Messages.get("batch.match", count(batches.get(0)), gpus, count(global), mine, share(global, mine))
                    + "\n" + Messages.get("batch.rule");
        }
        List<String> lines = new ArrayList<>();
        for (long b : batches) lines.add(Messages.get("batch.per", b, gpus, share(b, gpus)));
        return String.join(" ", lines) + "\n" + Messages.get("batch.rule");
    }

    /**
     * "那每张卡上的 batch 是多少？", "so how many per GPU?": a batch said in an earlier turn (the newest
     * that says one), over the cards this turn, an earlier one or the facts name.
     */
    private static String perCardOfEarlier(Calculations.Ask a, Long gpusSaid) {
        if (!PER_GPU.matcher(a.text()).find() || PER_GPU_NAME.matcher(a.text()).find()
                || !ASKS_SHARE.matcher(a.text()).find()) return null;
        // the turn asks the share: its only number, if any, counts the cards ("what if I drop to 1 image per GPU"
        // sets a share instead; a name such as B4 is no number)
        if (GPUS.matcher(a.text()).replaceAll(" ").matches("(?is).*(?<![a-z0-9.])\\d+(?![a-z0-9]).*")) return null;
        Long gpus = gpusSaid;
        List<Long> batches = List.of();
        for (String line : a.earlier().split("\n")) {
            if (batches.isEmpty()) batches = values(BATCH, line);
            if (gpus == null) gpus = gpus(line);
        }
        if (gpus == null && a.facts().worldSize() != null) gpus = (long) a.facts().worldSize();
        // a batch smaller than the cards cannot be a global batch split over them: it is already each card's
        if (batches.isEmpty() || gpus == null || gpus < 2 || batches.get(0) < gpus) return null;
        return Messages.get("batch.per", batches.get(0), gpus, share(batches.get(0), gpus)) + "\n"
                + Messages.get("batch.rule");
    }

    /**
     * "with samples_per_gpu=2, what cumulative_iters gives 16?": the target batch over what one step holds on every
     * card (16 / 2 = 8); a share that does not divide says the two whole step counts around it. The target may be
     * said in the turn before ("accumulates gradients reaching to size 128").
     */
    private static String steps(String t, String withContext, long batch, long gpus) {
        if (!ASKS_STEPS.matcher(t).find()) return null;
        Matcher target = TARGET.matcher(t);
        if (!target.find()) {
            target = TARGET.matcher(withContext);
            if (!target.find()) return null;
        }
        long goal = Long.parseLong(target.group(1));
        long perStep = batch * gpus;
        if (goal <= perStep) return null;
        String line = goal % perStep == 0
                ? Messages.get("batch.steps", count(goal), count(perStep), count(goal / perStep))
                : Messages.get("batch.steps.round", count(goal), count(perStep), share(goal, perStep),
                        count(goal / perStep), count(goal / perStep * perStep), count(goal / perStep + 1),
                        count((goal / perStep + 1) * perStep));
        return line + "\n" + Messages.get("batch.rule");
    }

    /**
     * "batch 512 and accum_steps 128: how many images go through each forward pass?" (512 / 128 = 4) and "batch 256:
     * how many micro-batches of 32?" (256 / 32 = 8): the two ways of cutting one update's batch.
     */
    private static String micro(String t, long batch) {
        Matcher of = MICRO_OF.matcher(t);
        if (of.find()) {
            long size = Long.parseLong(of.group(1));
            if (size <= 0 || size >= batch) return null;
            return Messages.get("batch.count", count(batch), count(size), share(batch, size)) + "\n"
                    + Messages.get("batch.rule");
        }
        Long steps = first(ACCUMULATION, t);
        if (!ASKS_MICRO.matcher(t).find() || steps == null || steps < 2 || steps >= batch) return null;
        return Messages.get("batch.micro", count(batch), count(steps), share(batch, steps)) + "\n"
                + Messages.get("batch.rule");
    }

    private static Long gpus(String t) {
        Matcher m = GPUS.matcher(t);
        if (!m.find()) return null;
        return m.group(1) != null ? Long.parseLong(m.group(1)) : m.group(3) != null ? Long.parseLong(m.group(3)) : 2L;
    }

    private static List<Long> values(Pattern p, String t) {
        List<Long> out = new ArrayList<>();
        for (Matcher m = p.matcher(t); m.find(); ) {
            long v = Long.parseLong(m.group(1));
            if (v > 0 && !out.contains(v)) out.add(v);
        }
        return out;
    }

    private static Long first(Pattern p, String t) {
        Matcher m = p.matcher(t);
        if (!m.find()) return null;
        return Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /** 24 / 8 = 3; 25 / 8 = 3.1 (a share that does not divide evenly is said as it is). */
    private static String share(long total, long parts) {
        double v = (double) total / parts;
        return v == Math.rint(v) ? count((long) v) : Sizes.trim(v);
    }

    private static String count(long n) { return String.format(Locale.ROOT, "%,d", n); }
}
