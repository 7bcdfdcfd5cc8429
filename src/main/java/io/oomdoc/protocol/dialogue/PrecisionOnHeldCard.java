package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;

import java.util.regex.Pattern;

/**
 * "Would AMP help?" asked about a job on a V100: mixed precision without a dtype is bf16 mixed on a card that has
 * bf16 and fp16 mixed on one that has not. The turn's own reading only sees a card the turn names; this one reads the
 * card the conversation holds (trial22, facebookresearch/detectron2#1563: the answer said "mixed-bf16 changes the
 * term" and then that a V100 uses fp16).
 */
final class PrecisionOnHeldCard {
    private static final Pattern SAYS_BF16 = Pattern.compile("(?i)bf16|bfloat16|brain ?float");

    private PrecisionOnHeldCard() {}

    static FactExtractor.Reading of(FactExtractor.Reading read, String text, Facts held) {
        if (held.gpuName() == null || SAYS_BF16.matcher(text).find()) return read;
        if (!"mixed-bf16".equals(read.asserted().precision()) && !"mixed-bf16".equals(read.hypothetical().precision()))
            return read;
        if (read.named().gpuName() != null) return read;
        boolean bf16 = GpuCatalog.find(held.gpuName()).map(GpuCatalog.Gpu::bf16).orElse(true);
        if (bf16) return read;
        return new FactExtractor.Reading(fp16(read.asserted()), read.negated(), fp16(read.hypothetical()));
    }

    private static Facts fp16(Facts f) {
        return "mixed-bf16".equals(f.precision()) ? f.with(b -> b.precision("mixed-fp16")) : f;
    }
}
