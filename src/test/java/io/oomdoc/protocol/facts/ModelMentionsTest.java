package io.oomdoc.protocol.facts;

import io.oomdoc.Fixtures;
import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The catalog's models as people name them in OOM threads: one real sentence per family, each with its thread
 * (src/test/resources/catalog/model_mentions.tsv).
 */
class ModelMentionsTest {

    static Stream<Arguments> mentions() {
        return Fixtures.text("catalog/model_mentions.tsv").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", 3))
                .map(c -> Arguments.of(c[0], c[1], c[2]));
    }

    /**
     * The model is found whether the sentence states it or asks about it ("which vllm version support DeepSeek-V3?"
     * reads as a question, so its facts are hypothetical); which of the two is the clause reader's job, not this one.
     */
    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("mentions")
    void aModelNamedInAThreadIsTheCatalogModelWithItsCount(String model, String thread, String sentence) {
        FactExtractor.Reading r = FactExtractor.read(sentence);
        Facts f = r.asserted().model() != null ? r.asserted() : r.hypothetical();
        assertEquals(model, f.model(), thread);
        assertEquals(ModelCatalog.find(model).orElseThrow().params(), f.params(), thread);
    }

    /** https://github.com/Wan-Video/Wan2.1/issues/132: Wan 2.1 loads its CLIP image encoder from this file. */
    @Test
    void aModelNamedInsideAComponentsWeightFileIsNotTheModelTheJobRuns() {
        String line = "[2025-03-02 12:02:05,867] INFO: loading .cache/modelscope/hub/models/Wan-AI/"
                + "Wan2___1-I2V-14B-480P/models_clip_open-clip-xlm-roberta-large-vit-huge-14.pth";
        assertTrue(Names.find(line.toLowerCase(Locale.ROOT), line).stream()
                .noneMatch(m -> m.key().equals("model") && (m.value().equals("roberta-large")
                        || m.value().equals("vit-huge"))), "roberta-large and vit-huge are parts of a file name");
    }
}
