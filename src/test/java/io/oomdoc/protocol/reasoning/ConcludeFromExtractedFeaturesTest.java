package io.oomdoc.protocol.reasoning;

import io.oomdoc.protocol.Evidence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A cross-validation extracts each case's features once and concludes it later from them: the conclusion must be the
 * one the evidence alone gives, or the cross-validated figure would measure another reasoner than the one shipped.
 */
class ConcludeFromExtractedFeaturesTest {
    /** SJTU-ViSYS-team/VisFly#9, QwenLM/Qwen3-VL#334, open-mmlab/mmrotate#501, vllm-project/vllm#783. */
    private static final List<Evidence> REPORTS = List.of(RealEvidence.ofTrace("visfly-backward-2x.txt"),
            RealEvidence.ofTrace("qwen3vl-334-impossible-request.txt"),
            RealEvidence.ofCase("mmrotate-dataloader-killed-ram"), RealEvidence.ofCase("vllm-783-other-processes"));

    @Test
    void concludingFromFeaturesExtractedBeforeGivesTheConclusionOfTheEvidence() {
        Reasoner r = Reasoner.bundled();
        for (Evidence e : REPORTS) assertEquals(r.conclude(e), r.conclude(e, r.features().extract(e)));
    }
}
