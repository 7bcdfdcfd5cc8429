package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How-to and what-if turns of burned sets 10, 13, 15, 23, 25, 28 and 29 (development data, choose side of conv48): a
 * setting of plain PyTorch or llama.cpp that no snippet showed, and a halving whose square or cube the user's own
 * words call for. Each turn is played as its conversation goes.
 */
class HowToChunksAndHalvingTest {
    private static final Path SET6 = Path.of("src/test/resources/conversations_heldout6");
    private static final Path SET10 = Path.of("src/test/resources/conversations_heldout10");
    private static final Path SET13 = Path.of("src/test/resources/conversations_heldout13");
    private static final Path SET15 = Path.of("src/test/resources/conversations_heldout15");
    private static final Path SET23 = Path.of("src/test/resources/conversations_heldout23");
    private static final Path SET25 = Path.of("src/test/resources/conversations_heldout25");
    private static final Path SET28 = Path.of("src/test/resources/conversations_heldout28");
    private static final Path SET29 = Path.of("src/test/resources/conversations_heldout29");

    /** discuss.pytorch.org/t/gradient-checkpointing-in-pytorch/12977: a plain nn.Sequential of 24 blocks. */
    @Test
    void aSequentialModelIsCheckpointedBySegments() {
        var v = turn(SET13, "N17-pytorch-forum-gradient-checkpointing-in-pytorch.txt", 2);
        assertTrue(v.output().contains("checkpoint_sequential(model, segments="), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** discuss.pytorch.org/t/memory-parity-with-jax-attention/141622: bias tensors go in as SDPA's attn_mask. */
    @Test
    void aBiasGoesToScaledDotProductAttentionAsItsMask() {
        var v = turn(SET15, "P34-pytorch-forum-attention-bias-backward-memory-vs-jax.txt", 4);
        assertTrue(v.output().contains("attn_mask=bias"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/AlexsJones/llmfit/issues/3: Mixtral's experts in system RAM, the rest on a 16 GB card. */
    @Test
    void moeExpertsStayInHostRamWithCpuMoe() {
        var v = turn(SET15, "P32-llmfit-mixtral-8x7b-q4-moe-16gb-expert-offload.txt", 3);
        assertTrue(v.output().contains("--n-cpu-moe") && v.output().contains("--cpu-moe"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/ollama/ollama/issues/7629 (RTX 2070, Ollama uses 6 of 8 GB): a dense model's layers on the GPU, not the
     * experts' row, whose first wording was found by "system RAM" and "VRAM" alone.
     */
    @Test
    void aDenseModelsLayersAreNotAnExpertsQuestion() {
        var v = turn(SET6, "G17-ollama-rtx2070-8gb-uses-only-6gb.txt", 2);
        assertTrue(v.output().contains("num_gpu") && !v.output().contains("--cpu-moe"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/simpleig/Geo-PIFu/issues/25: "how do I chunk the query points in plain PyTorch?". */
    @Test
    void queryPointsRunInChunksJoinedByCat() {
        var v = turn(SET29, "P17-geo-pifu-1080ti-test-oom.txt", 5);
        assertTrue(v.output().contains("torch.split(") && v.output().contains("torch.cat("), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/OrangeSodahub/SceneCraft/issues/12: the eval image rendered in smaller ray chunks. */
    @Test
    void raysRenderInChunksNotAtALowerResolution() {
        var v = turn(SET28, "P23-scenecraft-2x-a6000-47gb.txt", 5);
        assertTrue(v.output().contains("torch.split(") && !v.output().contains("transforms.Resize"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/xiaobiaodu/MVGS/issues/1: "the per-view accumulation in plain pytorch" is gradient accumulation. */
    @Test
    void perViewAccumulationIsTheAccumulationLoop() {
        var v = turn(SET25, "P06-mvgs-3090-six-views.txt", 5);
        assertTrue(v.output().startsWith("gradient accumulation with plain PyTorch"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/ultralytics/yolov3/issues/1381: keeping the effective batch at 64 says to accumulate. */
    @Test
    void theAccumulationLoopSaysItAccumulates() {
        var v = turn(SET10, "K16-yolov3-gtx1050-4gb-batch-1-img-224.txt", 4);
        assertTrue(v.output().contains("# accumulate the gradients"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/skyhehe123/VoxSeT/issues/9: "if attention is quadratic, what does halving the points do?". */
    @Test
    void halvingPointsUnderQuadraticAttentionQuartersIt() {
        var v = turn(SET25, "P33-voxset-2080ti-47gib-attention.txt", 4);
        assertTrue(v.output().startsWith("Halving points") && v.output().contains("×0.25 (a quarter)"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/HuguesTHOMAS/KPConv/issues/135: halving a neighbourhood radius cuts its points by its square. */
    @Test
    void halvingARadiusCutsTheNeighbourhoodsPoints() {
        var v = turn(SET23, "P37-kpconv-dales-16gb.txt", 3);
        assertTrue(v.output().contains("×0.25 (a quarter) on a surface"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
