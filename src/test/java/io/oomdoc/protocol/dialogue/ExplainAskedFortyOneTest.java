package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Explain turns of the burned held-out sets (development data since) that asked for a concept the answer missed:
 * what a job's memory holds besides the weights, and why a term that pairs every element with every other grows
 * with the square of the count (knowledge/dialogue/glossary.yaml). Each played through the engine as its
 * conversation goes.
 */
class ExplainAskedFortyOneTest {
    private static final Path SET5 = Path.of("src/test/resources/conversations_heldout5");
    private static final Path SET9 = Path.of("src/test/resources/conversations_heldout9");
    private static final Path SET15 = Path.of("src/test/resources/conversations_heldout15");
    private static final Path SET24 = Path.of("src/test/resources/conversations_heldout24");
    private static final Path SET27 = Path.of("src/test/resources/conversations_heldout27");
    private static final Path SET29 = Path.of("src/test/resources/conversations_heldout29");
    private static final String ACTIVATIONS = "the activations each layer saves for backward";
    private static final String SQUARE = "doubling the sequence, the pixels or the views quadruples it";

    /** github.com/ReaLLMASIC/ReaLLM-Forge/pull/178: a tiny GPT at context 512 shows 19000 MB in nvidia-smi. */
    @Test
    void aTinyModelsMemoryIsItsActivations() {
        holdsSaying(SET15, "P04-reallm-forge-nanogpt-checkpointing-19gb-to-4gb.txt", 1, ACTIVATIONS);
    }

    /** github.com/vllm-project/speculators/pull/1100: "what dominates that?" at 8k tokens and 50 GB. */
    @Test
    void whatDominatesALongContextRunIsTheActivations() {
        var v = CaseFiguresTest.turn(SET15, "P07-speculators-dflash-qwen3-8b-8k-checkpointing.txt", 1);
        // the turn's fact line (seq=8192 from "8k-token sequences") is the fact extractor's, not the answer's
        assertTrue(v.output().contains(ACTIVATIONS), v.output());
    }

    /** github.com/ai-dock/stable-diffusion-webui/issues/9: an SDXL model of 7 GB, 21 GB allocated. */
    @Test
    void whatHoldsTheOtherGigabytesOfAnImagePipeline() {
        holdsSaying(SET9, "J32-ai-dock-a1111-sdxl-4090-21gb-allocated.txt", 3, "VAE decode");
    }

    /** discuss.pytorch.org/t/80645: what occupied the cache during the step. */
    @Test
    void whatWasInMemoryDuringTheStepIsWhatBackwardNeeds() {
        holdsSaying(SET5, "F37-pytorch-forum-what-occupies-gpu-cache.txt", 2, ACTIVATIONS);
    }

    /** github.com/kaushaltrivedi/bert-toxic-comments-multilabel/issues/6: BERT-large at 512 tokens on 16 GB. */
    @Test
    void sequenceLengthHurtsMoreThanBatchBecauseAttentionIsQuadratic() {
        holdsSaying(SET24, "P26-bert-toxic-large-512-16gb.txt", 4, SQUARE);
    }

    /** github.com/facebookresearch/map-anything/issues/94: the info_sharing step over 19 views. */
    @Test
    void allViewsAttendingToEachOtherGrowWithTheSquareOfTheViews() {
        holdsSaying(SET24, "P11-map-anything-v100-19-views.txt", 3, "all views attending to each other");
    }

    /** github.com/microsoft/CoCosNet/issues/21: why the correspondence part is heavy. */
    @Test
    void aCorrespondenceMatrixPairsEveryPositionOfTwoMaps() {
        holdsSaying(SET29, "P28-cocosnet-2070-super-8gb.txt", 3, "HW × HW");
    }

    /** github.com/pvliesdonk/markdown-vault-mcp/pull/170: a 12-head embedding model asks for 192 GB. */
    @Test
    void attentionsNeedIsQuadraticInTheTokens() {
        holdsSaying(SET15, "P24-markdown-vault-mcp-fastembed-onnx-192gb-batch.txt", 2, "quadratic");
    }

    /** github.com/NVlabs/Fast-FoundationStereo/issues/13: a stereo network against a plain CNN. */
    @Test
    void aStereoNetworksCostVolumeKeepsAValuePerDisparity() {
        holdsSaying(SET27, "P10-foundationstereo-scale-factor.txt", 3, "cost volume");
    }
}
