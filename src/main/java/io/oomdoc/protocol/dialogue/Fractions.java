package io.oomdoc.protocol.dialogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A memory fraction in bytes: vLLM's --gpu-memory-utilization, SGLang's --mem-fraction-static, TGI's
 * --cuda-memory-fraction, JAX's XLA_PYTHON_CLIENT_MEM_FRACTION and PyTorch's per-process fraction are all shares of
 * the whole card, so "is .5 too low?" is answered by the GiB it gives and what the weights leave of it. "The
 * fraction" said alone ("what if I set the fraction to .2 on a 24 GB card?") is the one the conversation is about.
 */
final class Fractions {
    private static final String FLAG = "(?:gpu[-_ ]?memory[-_ ]?utili[sz]ation|mem[-_ ]?fraction[-_ ]?static"
            + "|cuda[-_ ]?memory[-_ ]?fraction|xla_python_client_mem_fraction|per_process_memory_fraction"
            + "|memory[-_ ]fraction|mem[-_ ]fraction|utili[sz]ation|(?<=\\bthe )fraction)";
    private static final Pattern VALUE = Pattern.compile("(?i)" + FLAG + "\\s*(?:=|:|\\bto\\b|\\bof\\b|\\bat\\b"
            + "|\\bis\\b|\\s)*\\s*(0?\\.\\d+|1\\.0+)(?![\\d.])");
    private static final Pattern NAMED = Pattern.compile("(?i)" + FLAG);
    /** "one step of 0.01", "a difference of .05": a change of the fraction named in the turns before. */
    private static final Pattern STEP = Pattern.compile("(?i)\\b(?:step|change|difference|increment|bump|drop)\\s+of"
            + "\\s+(0?\\.\\d+)(?![\\d.])");
    /**
     * "what if I set it to 0.5?": a bare fraction given to "it" after the turns before named the flag is that flag's
     * new value.
     */
    private static final Pattern POINTED = Pattern.compile("(?i)\\b(?:set|make|change|raise|lower|bump|put|drop"
            + "|increase|decrease|reduce)\\s+(?:it|that|this|the value)\\s+(?:to|at)\\s+(0?\\.\\d+|1\\.0+)(?![\\d.])"
            + "|^\\W*(?:and |so )?(?:what if|with|at|try)\\s+(0?\\.\\d+|1\\.0+)(?![\\d.])"
            // "a 24 GB card at 0.9", "if both get 0.45 each": the value the flag named before is given
            + "|\\b(?:at|gets?|given)\\s+(0?\\.\\d+|1\\.0+)(?![\\d.])(?!\\s*(?:gb|gib|mb|%|x\\b))");
    /** "how much is 0.05 of my card": a share of the card asked directly, whatever flag set it. */
    private static final Pattern OF_CARD = Pattern.compile("(?i)(?<![\\w.])(0?\\.\\d+)\\s+of\\s+(?:my|the|this|a|one)"
            + "\\s+(?:\\w+\\s+)?(?:card|gpu|vram|memory)\\b");
    /** "vLLM takes 90% of the card by default": the same share, said in percent. */
    private static final Pattern PERCENT_OF_CARD = Pattern.compile("(?i)(?<![\\w.])(\\d{1,3}(?:\\.\\d+)?)\\s*"
            + "(?:%|percent)\\s+of\\s+(?:my|the|this|a|one|its|your)\\s+(?:\\w+\\s+)?(?:card|gpu|vram|memory)\\b");
    private static final double PERCENT = 100.0;
    private static final Pattern CARD = Pattern.compile("(?i)(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*(?:gb|gib|g)\\b"
            + "(?:\\s+(?:of\\s+)?(?:vram|gpu|card|a100|h100|h200|l40s?))|(?:on|with) an? (\\d+(?:\\.\\d+)?)\\s*(?:gb"
            + "|gib|g)\\b");

    private Fractions() {}

    /** Whether a setting's name is one of the shares of the card this class reads. */
    static boolean namesShare(String setting) { return NAMED.matcher(setting).matches(); }

    static String of(Calculations.Ask a) {
        Long card = card(a);
        if (card == null) return null;
        Matcher step = STEP.matcher(a.text());
        if (step.find() && NAMED.matcher(a.withContext()).find()) {
            double f = Double.parseDouble(step.group(1));
            return Messages.get("fractions.step", step.group(1), gib(card), gib((long) (f * card)));
        }
        Matcher m = VALUE.matcher(a.text());
        double scale = 1;
        boolean found = m.find();
        if (!found && NAMED.matcher(a.withContext()).find()) {
            m = POINTED.matcher(a.text());
            found = m.find();
        }
        if (!found) {
            m = OF_CARD.matcher(a.text());
            if (!m.find()) {
                m = PERCENT_OF_CARD.matcher(a.text());
                if (!m.find()) return null;
                scale = PERCENT;
            }
        }
        String value = null;
        for (int g = m.groupCount(); g >= 1; g--) if (m.group(g) != null) value = m.group(g);
        double f = Double.parseDouble(value) / scale;
        if (f <= 0 || f > 1) return null;
        long share = (long) (f * card);
        String said = scale == 1 ? value : value + "%";
        String line = Messages.get("fractions.share", said, gib(card), gib(share), gib(card - share));
        Double params = Sizes.paramsOf(a.withContext(), a.facts());
        if (params == null) return line;
        long weights = (long) (params * Sizes.bytesPerParam(a.withContext(), a.facts()));
        return line + " " + (weights >= share ? Messages.get("fractions.short", gib(weights))
                : Messages.get("fractions.rest", gib(weights), gib(share - weights)));
    }

    /** The card the turn names ("on an 80 GB card"), else the one held. */
    private static Long card(Calculations.Ask a) {
        Matcher m = CARD.matcher(a.text());
        if (m.find()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2);
            return (long) (Double.parseDouble(n) * (1L << 30));
        }
        return a.facts().gpuMemBytes();
    }

    private static String gib(long bytes) {
        return Sizes.trim(bytes / (double) (1L << 30)) + " GiB";
    }
}
