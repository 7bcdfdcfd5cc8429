package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static io.oomdoc.protocol.dialogue.FitTurnsOnRealThreadsTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new failure whose cause is that the model does not fit opens with what the model costs at its precision
 * (FailureFigure); the turns are played from burned conversation sets, each file citing its thread on its source line.
 */
class FailureFigureTest {
    /**
     * hiyouga/LlamaFactory#5296 (conversations L13 #1): "LoRA on a 70B model goes OOM". Under LoRA the frozen base is
     * the cost: 70B parameters at 2 bytes in 16-bit, 140 GB, before the adapters' states.
     */
    @Test
    void anAdapterRunOpensWithTheBaseWeightsAtTheirPrecision() {
        Answer a = turn("conversations", "L13-llamafactory-deepspeed-lora-70b-multi-gpu-oom.txt", 1);
        assertEquals(Intent.NEW_FAILURE, a.intent());
        assertTrue(a.text().startsWith("Weights: 70B parameters × 2 bytes (16-bit) = 140 GB"), a.text());
    }

    /**
     * deepspeedai/DeepSpeed#2899 (conversations 12 #1): galactica 30B fine-tuned in full under ZeRO-3. A full
     * fine-tune costs its states per parameter, about 16-18 bytes with AdamW, which ZeRO-3 divides by the GPUs.
     */
    @Test
    void aFullFineTuneOpensWithItsStatesPerParameter() {
        Answer a = turn("conversations", "12-deepspeed-galactica-30b-softmax.txt", 1);
        assertTrue(a.text().startsWith("Training 30.0B-parameter model in full costs about 18.1 bytes per parameter"),
                a.text());
        assertTrue(a.text().contains("ZeRO-3/FSDP divides it by the GPUs"), a.text());
    }

    /**
     * bmaltais/kohya_ss#3329 (conversations_heldout7 H04 #2): SDXL LoRAs on 8 GB, diagnosed as fragmentation. The
     * weights are not the cause, so their size does not open the answer.
     */
    @Test
    void anotherCauseGetsNoWeightsFigure() {
        Answer a = turn("conversations_heldout7", "H04-kohya-ss-sdxl-lora-3070ti-8gb.txt", 2);
        assertEquals("fragmentation", a.report().category());
        assertFalse(a.text() != null && (a.text().startsWith("Weights:") || a.text().startsWith("Training ")),
                a.text());
    }

    /**
     * EleutherAI/gpt-neox#1354 (conversations_heldout4 M30 #1): 13B under ZeRO-3 with offload_optimizer and
     * offload_param. The offload moves the states to host RAM; one copy still costs them all per parameter.
     */
    @Test
    void anOffloadedFullFineTuneOpensWithAllItsStatesPerParameter() {
        Answer a = turn("conversations_heldout4", "M30-gpt-neox-13b-zero3-4x2080ti-22g.txt", 1);
        assertTrue(a.text().startsWith("Training 13.0B-parameter model (shape of llama-2-13b) in full costs about "
                + "18.2 bytes per parameter"), a.text());
    }
}
