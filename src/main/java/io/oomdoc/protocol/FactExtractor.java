package io.oomdoc.protocol;

import io.oomdoc.protocol.facts.FactReader;
import io.oomdoc.protocol.facts.Lexicon;
import io.oomdoc.protocol.facts.Mention;
import io.oomdoc.protocol.facts.Names;
import io.oomdoc.util.Bytes;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads job facts from what the user types. {@link #read} separates what the user asserts about their current setup
 * from what they deny and from what they only ask about ("what if I use QLoRA?", "does 8-bit adam help?");
 * {@link #extract} is the asserted part; {@link #answer} reads a bare reply ("2048", "24gb", "a 3090") to a question
 * oomdoc asked. The words are in lexicon/facts.tsv and the GPU and model catalogs; the machinery in
 * {@code io.oomdoc.protocol.facts}.
 */
public final class FactExtractor {
    /**
     * One turn, read: {@code asserted} facts about the current setup (a negated switch is asserted off:
     * "checkpointing is off" → checkpointing=false), {@code negated} keys the user denied without giving a value
     * ("not fp16" → precision, "I don't use deepspeed" → zero), {@code hypothetical} facts named only in a
     * question, a what-if or someone else's suggestion.
     */
    public record Reading(Facts asserted, Set<String> negated, Facts hypothetical) {
        public static final Reading EMPTY = new Reading(Facts.EMPTY, Set.of(), Facts.EMPTY);

        /** Every fact the text names, stated or only asked about: what a computed answer may read its inputs from. */
        public Facts named() { return asserted.merge(hypothetical); }
    }

    private static final Pattern BARE_INT = Pattern.compile("(?i)^\\s*(?:it'?s|its|about|around|~"
            + "|=)?\\s*(\\d{1,7})(k)?\\s*(?:tokens?)?\\s*[.!]?\\s*$");
    private static final Pattern BARE_SIZE = Pattern.compile("(?i)^\\s*(?:it'?s|its|about|around"
            + "|~)?\\s*(?:an?\\s+)?(\\d+(?:[.,]\\d+)?)\\s*(t|tb|tib|g|gb|gib|m|mb|mib)?\\s*(?:of\\s+)?(?:v?ram"
                    + "|memory|vram|card|gpu)?\\s*[.!]?\\s*$");

    private FactExtractor() {}

    /** What the text asserts about the user's current setup (questions, what-ifs and denials left out). */
    public static Facts extract(String text) {
        return read(text).asserted();
    }

    /** The text split into asserted, denied and hypothetical facts. */
    public static Reading read(String text) {
        if (text == null || text.isBlank()) return Reading.EMPTY;
        Last l = last;
        if (l.text().equals(text)) return l.reading();
        Reading r = FactReader.read(text);
        last = new Last(text, r);
        return r;
    }

    /**
     * The last text read and its reading (immutable, and a function of the text and the bundled tables): a
     * conversation reads the user's turn, then the diagnosis reads the same words again.
     */
    private record Last(String text, Reading reading) {}

    private static volatile Last last = new Last("", Reading.EMPTY);

    /**
     * A reply to a question oomdoc asked for {@code pendingKey} (a key of {@link Facts#asMap()}): a bare "2048" for
     * "seq", "24" or "24gb" for "gpu_mem", "a 3090" for "gpu", "8" for "batch". Whatever else the reply asserts is
     * kept; the bare value wins for the pending key.
     */
    public static Facts answer(String text, String pendingKey) {
        Facts said = extract(text);
        if (text == null || pendingKey == null) return said;
        String lower = text.toLowerCase(Locale.ROOT).strip();
        Facts.Builder b = Facts.builder();
        switch (pendingKey) {
            case "gpu_mem" -> {
                if (said.gpuMemBytes() != null) return said;
                bareSize(lower, b);
            }
            case "gpu" -> {
                if (said.gpuName() != null) return said;
                String gpu = Names.gpuIn(lower);
                if (gpu != null) {
                    b.gpuName(gpu);
                    io.oomdoc.budget.GpuCatalog.find(gpu).ifPresent(g -> b.gpuMemBytes(g.memoryBytes()));
                }
            }
            case "model", "params" -> {
                if (said.model() != null || said.params() != null) return said;
            }
            case "precision", "optimizer", "quant", "attention", "framework", "checkpointing" -> {
                for (Mention m : Lexicon.get().find(lower)) if (m.key().equals(pendingKey)) { b.set(pendingKey,
                        m.value()); break; }
            }
            default -> bareCount(lower, pendingKey, b);
        }
        return said.merge(b.build());
    }

    /** "24", "24gb", "80 GB": the card's size, gigabytes when no unit is said. */
    private static void bareSize(String lower, Facts.Builder b) {
        Matcher m = BARE_SIZE.matcher(lower);
        if (m.find()) {
            long bytes = Bytes.parseUserSize(m.group(1) + (m.group(2) == null ? "g" : m.group(2)));
            if (bytes >= Bytes.GIB / 2 && bytes <= 2048 * Bytes.GIB) b.gpuMemBytes(bytes);
        }
    }

    /** "8", "4k": a count for the pending key; "just two" for the GPU count. */
    private static void bareCount(String lower, String pendingKey, Facts.Builder b) {
        Matcher m = BARE_INT.matcher(lower);
        if (m.find()) {
            long v = Long.parseLong(m.group(1)) * (m.group(2) != null ? 1024 : 1);
            if (v > 0 && v <= Integer.MAX_VALUE) b.set(pendingKey, String.valueOf(v));
        } else if (pendingKey.equals("gpus")) {
            Matcher w = Pattern.compile("^(?:just\\s+)?(one|two|four|eight|single)\\b").matcher(lower);
            if (w.find()) b.worldSize(List.of("one", "two", "four", "eight", "single").indexOf(w.group(1)) >= 0
                    ? switch (w.group(1)) { case "two" -> 2; case "four" -> 4; case "eight" -> 8; default
                            -> 1; } : null);
        }
    }
}
