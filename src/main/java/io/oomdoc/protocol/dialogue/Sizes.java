package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.SetupFromFacts;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How much does the 70B AWQ take on each L4?": the weights' size from the parameter count and the format's bytes per
 * parameter, split over the GPUs when the question asks per card. The first figure an expert computes.
 */
final class Sizes {
    private static final Pattern PARAMS = Pattern.compile("(?i)(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*([bm])\\b(?![-/]"
            + "\\d)(?!\\s*(?:tokens?|bytes?|rows?|samples?)\\b)");
    /** Formats from the fewest bytes per parameter to the most. */
    private static final Object[][] FORMATS = {
            // "load_8bit", "--load-in-4bit", "--quant 4" (CogVLM's flag): the bits glued to a flag's name are its
            // format
            {Pattern.compile("(?i)(?:\\b|(?<=load[-_]|in[-_]))(?:awq|gptq|int4|nf4|fp4|4[- ]?bit|q4\\w*|w4a16"
                    + "|moe_wna16)\\b|--quant(?:ize)?[= ]4\\b"), 0.5, "4-bit"},
            {Pattern.compile("(?i)(?:\\b|(?<=load[-_]|in[-_]))(?:int8|fp8|8[- ]?bit|q8\\w*|w8a8)\\b"
                    + "|--quant(?:ize)?[= ]8\\b"), 1.0, "8-bit"},
            {Pattern.compile("(?i)\\b(?:bf16|fp16|float16|bfloat16|half|16[- ]?bit)\\b"), 2.0, "16-bit"},
            {Pattern.compile("(?i)\\b(?:fp32|float32|32[- ]?bit|full precision)\\b"), 4.0, "fp32"},
    };
    private static final Pattern EACH = Pattern.compile("(?i)\\b(?:each|per (?:gpu|card|device|rank))\\b");
    private static final Pattern SPLIT = Pattern.compile("(?i)(?:tensor[_-]parallel[_-]size|--tp(?:-size)?"
            + "|--num-shard|\\btp)\\s*[= ]?\\s*(\\d+)|\\b(\\d+)\\s*(?:x|×|\\*)\\s*[a-z]"
            + "|\\bon (?:the )?(\\d+|two|four|eight) (?:gpus|cards|[a-z]\\d+s)\\b"
            // "zero3 shards them over 8": a count after over/across is the ranks, not a size.
            + "|\\b(?:over|across) (?:the )?(\\d+|two|four|eight)\\b(?!\\s*(?:gb|gib|mb|g\\b|%|\\.\\d))"
            // "8 卡", "8 张卡": Chinese counts cards with a classifier
            + "|(?<![\\d.])([1-9]|[1-5]\\d|6[0-4])\\s*(?:张|块)?\\s*(?:卡|显卡)");

    private static final Pattern OPTIMIZER = Pattern.compile("(?i)\\boptimi[sz]er\\b|\\badam\\w*|optimizer state"
            + "|\\bsgd\\b|\\badafactor\\b");
    private static final double ADAM_BYTES = 12;
    /** AdamW's two fp32 moments alone. */
    private static final double ADAM_MOMENT_BYTES = 8;
    /** 16-bit weights and gradients, fp32 master copy and moments: all the model states of mixed precision. */
    private static final double FULL_STATE_BYTES = 16;
    /** bitsandbytes 8-bit Adam: two 1-byte moments beside the fp32 master copy. */
    private static final double ADAM_8BIT_BYTES = 6;

    private static final double FOUR_BIT = 0.5;
    private static final double BITS_PER_BYTE = 8;
    private static final double SCALED_LOW = 0.52;
    private static final double SCALED_HIGH = 0.57;

    private Sizes() {}

    /** The weights' size for the model the question (or the conversation) names, or null when no count is known. */
    static String weights(String text, Facts facts) {
        Double params = paramsOf(text, facts);
        if (params == null) return null;
        Object[] named = namedFirst(text);
        double bytes = named == null ? 2.0 : (Double) named[1];
        String format = named == null ? null : (String) named[2];
        if (format == null && "fp32".equals(facts.precision())) { bytes = 4.0; format = "fp32"; }
        if (format == null) format = "16-bit";
        // "an 8B at Q4_K_M": a GGUF file stores its type's bits per weight, scales and mixed tensors included
        Double ggml = GgmlBits.weightsNamed(text);
        if (ggml != null) {
            bytes = ggml / BITS_PER_BYTE;
            // the whole bits name the class people call it by ("a 4-bit quant"); the rest is scales and mixed tensors
            format = Messages.get("sizes.ggml", GgmlBits.typeNamed(text), (int) Math.floor(ggml), trim(ggml));
        }
        if (OPTIMIZER.matcher(text).find()) return optimizerStates(text, facts, params);
        double total = params * bytes;
        String line = Messages.get("sizes.weights", count(params), trim(bytes), format, gb(total));
        // 4-bit values are packed two to a byte, but every block of 32-128 of them keeps a scale (NF4: one fp32
        // absmax per 64, 0.56 B/param; with double quantisation 0.52; GPTQ/AWQ at group 128 about 0.52; GGUF
        // Q4_0 0.56): the file and the card hold that much, which the bare half byte understates by 5-15 %
        if (bytes == FOUR_BIT) line += Messages.get("sizes.scales", trim(SCALED_LOW), trim(SCALED_HIGH),
                trim(params * SCALED_LOW / 1e9), trim(params * SCALED_HIGH / 1e9));
        // "on each card" with the GPU count held (4 T4s under FSDP) splits over that count when the turn names none.
        int gpus = EACH.matcher(text).find() ? ranks(text, facts) : 1;
        if (gpus > 1) line += Messages.get("sizes.each", gb(total / gpus), gpus);
        return line + Messages.get("sizes.rest");
    }

    /** The optimizer's states for the count: the adapters' under LoRA/QLoRA held, else the base's, each reading. */
    private static String optimizerStates(String text, Facts facts, double params) {
        // Under LoRA/QLoRA held, "does 8-bit Adam help?" is about the adapters' state, not the frozen base's.
        String adapters = params(text) == null ? adapterStates(facts) : null;
        if (adapters != null) return adapters;
        // "Adam states" is read as the moments, the moments with the master copy, or all the model states: the
        // three sums side by side, since people quote each (8, 12 and 16 bytes per parameter under AdamW).
        StateBytes states = StateBytes.of(text);
        if (states.unusual()) {
            return Messages.get("sizes.optimizer.other", Messages.get("states.optimizer." + states.optimizer()),
                    count(params), trim(states.moments()), gb(params * states.moments()), states.parts(),
                    gb(params * states.total())) + against(states, params);
        }
        return Messages.get("sizes.optimizer", count(params), gb(params * ADAM_MOMENT_BYTES),
                gb(params * ADAM_BYTES), gb(params * FULL_STATE_BYTES), gb(params * ADAM_8BIT_BYTES));
    }

    /** "how much would 8-bit Adam save?": another optimizer's state against AdamW's two fp32 moments. */
    private static String against(StateBytes states, double params) {
        double saved = ADAM_MOMENT_BYTES - states.moments();
        if (states.optimizer().equals("ADAMW") || saved <= 0) return "";
        return " " + Messages.get("sizes.optimizer.saves", gb(params * ADAM_MOMENT_BYTES), gb(params * ADAM_BYTES),
                gb(params * saved));
    }

    /**
     * The optimizer state of the adapters alone, from the budget engine's own terms under AdamW and 8-bit Adam: the
     * frozen base keeps none, so the 12 bytes per base parameter an all-weights answer quotes would be off by ~200x.
     * Null when the session holds no adapters or no model to budget.
     */
    private static String adapterStates(Facts facts) {
        boolean adapters = Boolean.TRUE.equals(facts.lora()) || Boolean.TRUE.equals(facts.qlora())
                || facts.loraRank() != null;
        Optional<Setup> setup = adapters ? SetupFromFacts.from(facts) : Optional.empty();
        if (setup.isEmpty()) return null;
        BudgetEngine engine = new BudgetEngine();
        Budget adam = engine.estimate(setup.get().withOptimizer(Setup.Optimizer.ADAMW), null);
        Budget eight = engine.estimate(setup.get().withOptimizer(Setup.Optimizer.ADAMW_8BIT), null);
        return Messages.get("sizes.optimizer.adapters", count(adam.trainableParams()), count(adam.params()),
                human(adam.perGpuBytes().optimizer()), human(eight.perGpuBytes().optimizer()));
    }

    /**
     * "How much of each card do the 70B weights take across 8 shards?": the format asked about split over the ranks
     * named; null when the turn asks for no per-card figure or nothing splits the weights.
     */
    static String perCard(String text, Facts facts, double params) {
        if (!EACH.matcher(text).find()) return null;
        int n = ranks(text, facts);
        if (n <= 1) return null;
        Object[] named = namedFirst(text);
        String format = gguf(text) != null ? GgmlBits.typeNamed(text) : named != null ? (String) named[2]
                : "fp32".equals(facts.precision()) ? "fp32" : "16-bit";
        return Messages.get("sizes.split", n, gb(params * bytesPerParam(text, facts) / n), format);
    }

    private static final Pattern HOW_MUCH = Pattern.compile("(?i)\\bhow (?:much|big|large|many (?:gb|gib))\\b");

    /** "How much does each card hold of the 4-bit base when FSDP shards it across the two?" */
    static boolean asksPerCard(String text, Facts facts) {
        return EACH.matcher(text).find() && HOW_MUCH.matcher(text).find() && ranks(text, facts) > 1;
    }

    /** Whether the text names a weight format (4-bit, 8-bit, fp16, fp32 …). */
    static boolean formatNamed(String text) { return namedFirst(text) != null || gguf(text) != null; }

    /**
     * The bytes per weight of a llama.cpp GGUF type the text names ("Q5_K_M", "IQ3_XS", "Q6_K") when it comes before
     * any other format named; null otherwise. A GGUF type is a weight format of its own: Q5_K_M is neither the 4-bit
     * nor the 8-bit row, and Q4_K_M keeps its scales and its Q6_K tensors (4.85 bits, not 4).
     */
    static Double gguf(String text) {
        Double bits = GgmlBits.weightsNamed(text);
        if (bits == null) return null;
        Matcher g = GgmlBits.NAMED.matcher(text);
        int at = g.find() ? g.start() : Integer.MAX_VALUE;
        for (Object[] row : FORMATS) {
            Matcher m = ((Pattern) row[0]).matcher(text);
            if (m.find() && m.start() < at) return null;
        }
        return bits / BITS_PER_BYTE;
    }

    /** How many distinct formats the text names ("in fp32 and in bf16" is two). */
    static int formatsNamed(String text) {
        // a GGUF type is one format, not also the 4-bit row its "Q4" starts with
        java.util.Set<String> types = new java.util.HashSet<>();
        Matcher g = GgmlBits.NAMED.matcher(text);
        while (g.find()) if (GgmlBits.weightsNamed(g.group()) != null) types.add(g.group().toLowerCase(Locale.ROOT));
        String rest = GgmlBits.NAMED.matcher(text).replaceAll(" ");
        int n = types.size();
        for (Object[] row : FORMATS) if (((Pattern) row[0]).matcher(rest).find()) n++;
        return n;
    }

    /**
     * "8-bit instead of 4-bit": the weights' format named first is the one asked about; null when none is named. A
     * type the turn gives the KV cache ("w/ fp8 kv cache", UI-TARS#15) is not the weights'.
     */
    private static Object[] namedFirst(String text) {
        return namedFirst(FORMATS, KvCacheTypes.withoutCacheTypes(text));
    }

    /** The row of a table (its pattern first) whose pattern matches earliest in the text; null when none does. */
    static Object[] namedFirst(Object[][] rows, String text) {
        Object[] best = null;
        int first = Integer.MAX_VALUE;
        for (Object[] row : rows) {
            Matcher m = ((Pattern) row[0]).matcher(text);
            if (m.find() && m.start() < first) { first = m.start(); best = row; }
        }
        return best;
    }

    /** The parameter count the text names ("the 7B", "a 35B model"), else the one held; null when neither. */
    static Double paramsOf(String text, Facts facts) {
        Double p = params(text);
        return p != null ? p : facts.params() == null ? null : facts.params().doubleValue();
    }

    /** Bytes per parameter of the format the text names, else of the precision held, else 16-bit. */
    static double bytesPerParam(String text, Facts facts) {
        Double gguf = gguf(text);
        if (gguf != null) return gguf;
        Object[] named = namedFirst(text);
        if (named != null) return (Double) named[1];
        return "fp32".equals(facts.precision()) ? 4.0 : 2.0;
    }

    static Double params(String text) {
        Matcher m = PARAMS.matcher(text);
        Double first = null;
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            double p = n * (m.group(2).equalsIgnoreCase("b") ? 1e9 : 1e6);
            if (p < 1e7 || p > 5e12) continue;
            // "for 1B, 3B, 8B and 70B models ... for the 8B": the one singled out by "the" is the one asked about
            if (THE.matcher(text.substring(Math.max(0, m.start() - 4), m.start())).find()) return p;
            // "gpt-oss-20b has about 21B parameters": a count said as parameters beats the size in a model's name
            if (COUNTED.matcher(text.substring(m.end())).lookingAt()) return p;
            if (first == null) first = p;
        }
        return first;
    }

    private static final Pattern THE = Pattern.compile("(?i)\\bthe\\s+$");
    /** What follows a count said as parameters: "21B parameters", "21B total params". */
    private static final Pattern COUNTED = Pattern.compile("(?i)\\s+(?:[a-z]+\\s+)?param");

    /**
     * The ranks the text names (over 8, 8x A100, tp 4), else the GPU count held when ZeRO-3 or FSDP shards the
     * weights over them, else 1: under plain data parallelism each GPU holds a whole copy.
     */
    static int ranks(String text, Facts facts) {
        int n = gpus(text);
        boolean sharded = facts.zeroStage() != null && facts.zeroStage() == FULL_SHARD;
        return n > 1 || facts.worldSize() == null || !sharded ? n : facts.worldSize();
    }

    private static final int FULL_SHARD = 3;

    private static int gpus(String text) {
        Matcher m = SPLIT.matcher(text);
        if (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                    : m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
            return switch (n) { case "two" -> 2; case "four" -> 4; case "eight" -> 8; default -> Integer.parseInt(n); };
        }
        return 1; // several GPUs without tensor parallel or sharding named: each holds a whole copy (DDP)
    }

    static String count(double params) {
        return params >= 1e9 ? trim(params / 1e9) + "B" : trim(params / 1e6) + "M";
    }

    static String gb(double bytes) {
        return String.format(Locale.ROOT, "%s GB (%s GiB)", trim(bytes / 1e9), trim(bytes / (1L << 30)));
    }

    /** A byte count in binary units, trimmed: "40 GiB", "320 KiB", "1.25 GiB". */
    static String human(double bytes) {
        return scaled(bytes, 1024, new String[] {"B", "KiB", "MiB", "GiB", "TiB"});
    }

    /** A byte count in decimal units, trimmed: "3.4 TB", "51.8 MB". */
    static String decimal(double bytes) {
        return scaled(bytes, 1000, new String[] {"B", "kB", "MB", "GB", "TB", "PB"});
    }

    private static String scaled(double bytes, int step, String[] units) {
        int u = 0;
        while (bytes >= step && u < units.length - 1) { bytes /= step; u++; }
        return trim(bytes) + " " + units[u];
    }

    /** 14.0 → "14", 8.75 → "8.75", 32.596 → "32.6". */
    static String trim(double v) {
        String s = v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
