package io.oomdoc.protocol.dialogue;

import io.oomdoc.Fixtures;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * KnowledgeAnswers turns figures a user pastes (their own arithmetic, a buffer's shape, vLLM's block count) into
 * sizes, and explains a term with the held failure's own numbers. Sentences are users' lines from the conversation
 * fixtures, each test naming its thread; traces are src/test/resources/traces (sources in its SOURCES.md).
 */
class KnowledgeAnswersFiguresTest {
    /** google-research/t5x#870 (conversations_heldout/H49, burned): an XLA buffer of a 256-token attention. */
    private static final String XLA_BUFFER = "what is bf16[128,6,256,256] in that buffer";

    @Test
    void aUsersProductIsCheckedInBinaryAndDecimalUnits() {
        // huggingface/transformers#7232 (conversations/32): eval logits of a 9997-class classifier.
        assertEquals("469530 × 9997 × 4 = 18,775,565,640 bytes = 17.49 GiB (18.78 GB).",
                KnowledgeAnswers.arithmetic("by my math 469530 * 9997 * 4 bytes is ~17.5 gb just for the logits."
                        + " is that right?"));
    }

    @Test
    void aProductUnderAMegabyteOrASingleNumberIsNotArithmeticToCheck() {
        assertNull(KnowledgeAnswers.arithmetic("batch 2 x 4 on each card"));
        assertNull(KnowledgeAnswers.arithmetic("469530 validation rows"));
    }

    @Test
    void aProductFromAMegabyteUpIsChecked() {
        assertNotNull(KnowledgeAnswers.arithmetic("1000 x 1000 floats"));
        assertNull(KnowledgeAnswers.arithmetic("999 x 1000 floats"));
    }

    @Test
    void aTypedShapeIsSizedAndASquareTailIsReadAsAttentionScores() {
        String a = KnowledgeAnswers.shape(XLA_BUFFER);
        assertTrue(a.startsWith("bf16[128,6,256,256] is a tensor of 128 × 6 × 256 × 256 = 50,331,648 elements × 2 B"
                + " = 96 MiB. The first dimension is usually the batch (128): halving it halves the buffer."), a);
        assertTrue(a.endsWith(Messages.get("explain.shape.square", "256")), a);
    }

    @Test
    void tensorflowsUntypedShapeIsFloat32AndANonSquareTailIsNotAttention() {
        // tensorflow/models#5527 (traces/tf-models-shape-oom.txt): shape[64,2016,9,9] is square at its tail.
        String tf = KnowledgeAnswers.shape("OOM when allocating tensor with shape[64,2016,9,9] and type float");
        assertTrue(tf.contains("= 10,450,944 elements × 4 B = 39.87 MiB."), tf);
        String flat = KnowledgeAnswers.shape("the logits are float32[8, 2048, 50257]");
        assertTrue(flat.contains("8 × 2048 × 50257 = 823,410,688 elements × 4 B"), flat);
        assertTrue(flat.endsWith("halving it halves the buffer."), flat);
    }

    @Test
    void eachElementTypeHasItsOwnWidth() {
        assertTrue(KnowledgeAnswers.shape("f64[4,4]").contains("× 8 B"));
        assertTrue(KnowledgeAnswers.shape("s64[4,4]").contains("× 8 B"));
        assertTrue(KnowledgeAnswers.shape("s32[4,4]").contains("× 4 B"));
        assertTrue(KnowledgeAnswers.shape("pred[4,4]").contains("× 1 B"));
        assertTrue(KnowledgeAnswers.shape("u8[4,4]").contains("× 1 B"));
        assertTrue(KnowledgeAnswers.shape("f16[4,4]").contains("× 2 B"));
        assertNull(KnowledgeAnswers.shape("no shape here [4,4]"));
    }

    @Test
    void aNewBatchRescalesTheShapeHeldByItsFirstDimension() {
        var ask = new Calculations.Ask("what if the batch is 64?", XLA_BUFFER, new Conversation().facts());
        assertEquals("bf16[128,6,256,256] has the batch as its first dimension: 128 → 64 takes that one buffer from"
                + " 96 MiB to 48 MiB (the other activations of the step scale the same way).",
                KnowledgeAnswers.heldShape(ask));
    }

    @Test
    void theSameBatchAsHeldOrNoShapeHeldIsNotRescaled() {
        Facts none = new Conversation().facts();
        assertNull(KnowledgeAnswers.heldShape(new Calculations.Ask("what if the batch is 128?", XLA_BUFFER, none)));
        assertNull(KnowledgeAnswers.heldShape(new Calculations.Ask("what if the batch is 64?", "no shape", none)));
    }

    @Test
    void howBigIsThatTensorSizesTheShapeHeld() {
        Facts none = new Conversation().facts();
        String a = KnowledgeAnswers.heldShape(new Calculations.Ask("how big is that tensor?", XLA_BUFFER, none));
        assertEquals(KnowledgeAnswers.shape(XLA_BUFFER), a);
        assertNull(KnowledgeAnswers.heldShape(new Calculations.Ask("how big is the model?", XLA_BUFFER, none)));
        assertNull(KnowledgeAnswers.heldShape(new Calculations.Ask(XLA_BUFFER, XLA_BUFFER, none)),
                "a shape in the question itself is sized by shape(), not again");
    }

    @Test
    void vllmsGpuBlocksAreSixteenTokensEach() {
        // vllm-project/vllm#10517 (conversations/03): 1478 blocks are the 23648 tokens vLLM's error names.
        assertEquals("1478 blocks × 16 tokens per block = 23648 tokens of KV cache: the longest request"
                + " (max_model_len) must fit in that.",
                KnowledgeAnswers.blocks("# GPU blocks: 1478, # CPU blocks: 2048"));
        assertNull(KnowledgeAnswers.blocks("# CPU blocks: 2048"));
    }

    @Test
    void aSizeNoMachineHoldsIsImpossible() {
        // QwenLM/Qwen3-VL#334 (traces/qwen3vl-334-impossible-request.txt): 538976288.13 GiB on a 47.54 GiB card.
        assertTrue(KnowledgeAnswers.impossibleSize("Tried to allocate 538976288.13 GiB"));
        assertTrue(KnowledgeAnswers.impossibleSize("1 PiB"));
        assertFalse(KnowledgeAnswers.impossibleSize("1023 TiB"));
        assertFalse(KnowledgeAnswers.impossibleSize("GPU 0 has a total capacity of 47.54 GiB"));
    }

    @Test
    void eachStackHasTheLabelItsSnippetsAreHeadedWith() {
        assertEquals("HF Trainer", KnowledgeAnswers.labelOf("hf-trainer"));
        assertEquals("plain PyTorch", KnowledgeAnswers.labelOf("pytorch"));
        assertEquals("llama.cpp / Ollama", KnowledgeAnswers.labelOf("llamacpp"));
        assertEquals("PyTorch on Apple silicon (MPS)", KnowledgeAnswers.labelOf("mps"));
        assertEquals("vllm", KnowledgeAnswers.labelOf("vllm"));
    }

    @Test
    void theStacksShownAreTheNamedOnesThenTheTalkedAboutThenTheDefaults() {
        Facts none = new Conversation().facts();
        assertEquals(List.of("vllm", "deepspeed", "hf-trainer", "pytorch"),
                KnowledgeAnswers.stacksFor("how do I set it in vllm?", List.of("pytorch", "deepspeed"), none, null));
    }

    @Test
    void theHeldFailuresFrameworkIsAmongTheStacksShown() {
        Conversation c = new Conversation();
        Report kv = c.respond(Fixtures.text("traces/vllm-10517-max-model-len-kv.txt")).report();
        assertEquals(List.of("vllm", "hf-trainer", "pytorch"),
                KnowledgeAnswers.stacksFor("how?", List.of(), new Conversation().facts(), kv));
    }

    @Test
    void reservedIsExplainedWithTheHeldFailuresOwnFigures() {
        // speedinghzl/pytorch-segmentation-toolbox#54 (traces/segtoolbox-backward-1x-cached.txt).
        Conversation c = new Conversation();
        Report r = c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt")).report();
        String a = KnowledgeAnswers.explainTerm("what does reserved but unallocated mean?", "", c.facts(), r);
        assertTrue(a.contains("Here: reserved 10.62 GiB, allocated 10.05 GiB, so 588.65 MiB is cached but idle."), a);
    }

    @Test
    void theRequestIsExplainedAsAShareOfTheCard() {
        Conversation c = new Conversation();
        Report r = c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt")).report();
        String a = KnowledgeAnswers.explainTerm("what does tried to allocate mean?", "", c.facts(), r);
        assertTrue(a.endsWith("Here the request was 86.00 MiB of a 11.75 GiB card (0.7%)."), a);
    }

    @Test
    void anUnknownTermWithNothingHeldListsWhatCanBeExplained() {
        assertEquals(Messages.get("explain.unknown"),
                KnowledgeAnswers.explainTerm("blorp zingle", "blorp zingle", new Conversation().facts(), null));
    }

    @Test
    void anUnknownTermWithAFailureHeldIsAFollowUpOnIt() {
        Conversation c = new Conversation();
        Report r = c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt")).report();
        String a = KnowledgeAnswers.explainTerm("blorp zingle", "blorp zingle", c.facts(), r);
        assertTrue(a.startsWith("The likeliest cause held: " + CauseWords.of(r.category()) + "."), a);
    }

    @Test
    void aSizeNoCardHoldsIsExplainedAsASizeComputedWrong() {
        // https://github.com/pytorch/pytorch/issues/33143 (conversations_heldout2/K36, scored and burned).
        String q = "17179869183.95 GiB? where does that come from";
        String a = KnowledgeAnswers.explainTerm(q, q, new Conversation().facts(), null);
        assertTrue(a.startsWith("Impossible allocation size: No GPU has that much"), a);
    }

    @Test
    void aMechanismAskedBesideATermAddsTheClosestPassagesFirstLine() {
        // https://github.com/pytorch/pytorch/issues/91165 (conversations/L37).
        String q = "why does FSDP want the same requires_grad in a unit?";
        String a = KnowledgeAnswers.explainTerm(q, q, new Conversation().facts(), null);
        assertTrue(a.startsWith("Zero stages:"), a);
        assertTrue(a.lines().skip(1).findFirst().orElse("").startsWith("FSDP (version 1) concatenates all parameters"),
                a);
        assertEquals(2, a.lines().count(), a);
    }

    @Test
    void reservedFiguresQuotedInTheQuestionAreNotRepeatedFromTheReport() {
        Conversation c = new Conversation();
        Report r = c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt")).report();
        String q = "what does reserved mean? reserved 17.61 vs allocated 9.21";
        String a = KnowledgeAnswers.explainTerm(q, q, c.facts(), r);
        assertTrue(a.startsWith("Reserved versus allocated:"), a);
        assertFalse(a.contains("Here: reserved"), a);
    }
}
