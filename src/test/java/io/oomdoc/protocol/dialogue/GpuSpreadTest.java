package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "And with two GPUs?" after a LoRA fine-tune failed on one card (issue 13 names the follow-up; the setup is the
 * common Llama 3.1 8B LoRA on a 24 GB RTX 4090, r=16, bf16, seq 2048, batch 4): more cards are answered with the three
 * things they can mean for a training job, computed by the budget engine, not with one data-parallel delta or a
 * serving passage about tensor parallelism.
 */
class GpuSpreadTest {
    private static final Pattern GIB = Pattern.compile("about ([\\d.]+) GiB per GPU");
    private static final Facts LORA_ON_A_4090 = Facts.builder().gpuName("GeForce RTX 4090").gpuMemBytes(24L << 30)
            .model("llama-3.1-8b").lora(true).loraRank(16).precision("bf16").seqLen(2048).batch(4).build();
    private static final Facts TWO = Facts.builder().worldSize(2).build();

    @Test
    void dataParallelCopiesKeepThePeak() {
        String s = GpuSpread.whatIf(TWO, LORA_ON_A_4090);
        assertTrue(s.startsWith("More GPUs alone do not lower the peak"), s);
        assertTrue(s.contains("DDP"), s);
    }

    @Test
    void splittingTheBatchKeepsTheEffectiveBatchAndLowersThePeak() {
        String s = GpuSpread.whatIf(TWO, LORA_ON_A_4090);
        assertTrue(s.contains("micro-batch 2 on each of 2 GPUs keeps the effective batch of 4"), s);
        double[] peaks = peaks(s);
        assertTrue(peaks[1] < peaks[0] * 0.8, s);
    }

    @Test
    void shardingIsComputedToo() {
        String s = GpuSpread.whatIf(TWO, LORA_ON_A_4090);
        assertTrue(s.contains("FSDP full shard / ZeRO-3"), s);
        assertTrue(peaks(s)[2] < peaks(s)[0], s);
    }

    @Test
    void aBatchOfOneCannotBeSplit() {
        String s = GpuSpread.whatIf(TWO, LORA_ON_A_4090.toBuilder().batch(1).build());
        assertTrue(!s.contains("Split the batch"), s);
    }

    @Test
    void aServedModelIsNotAnsweredHere() {
        assertNull(GpuSpread.whatIf(TWO, LORA_ON_A_4090.toBuilder().framework("vllm").build()));
    }

    @Test
    void aJobAlreadyShardedIsNotAnsweredHere() {
        assertNull(GpuSpread.whatIf(TWO, LORA_ON_A_4090.toBuilder().zeroStage(3).build()));
    }

    @Test
    void anotherChangeBesideTheCountIsNotAnsweredHere() {
        assertNull(GpuSpread.whatIf(TWO.toBuilder().zeroStage(3).build(), LORA_ON_A_4090));
    }

    @Test
    void theConversationAnswersTheFollowUpWithTheSpread() {
        Conversation c = new Conversation();
        c.respond("I am fine-tuning Llama 3.1 8B with LoRA r=16 on a single RTX 4090, bf16, seq 2048, batch 4 and get"
                + " CUDA out of memory");
        String s = c.respond("and with two GPUs?").text();
        assertTrue(s.contains("effective batch of 4"), s);
        assertTrue(!s.contains("Tensor parallelism"), s);
    }

    private static double[] peaks(String s) {
        Matcher m = GIB.matcher(s.replace("\n", " "));
        double[] out = new double[3];
        int i = 0;
        while (m.find() && i < 3) out[i++] = Double.parseDouble(m.group(1));
        return out;
    }
}
