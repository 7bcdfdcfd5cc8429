package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A job sharded with ZeRO-3 is budgeted per GPU under that sharding: the setup is deepspeedai/DeepSpeed#5507
 * (traces/prose-deepspeed-5507-llama2-7b-zero3-per-device-batch-4.txt, Llama-2-7b on two A100 80GB, batch 4); the
 * follow-ups are trial21's (defects 10 and 11, asked there about the same setup from GPT-4-LLM#16). One conversation,
 * played once: each test reads the turn it is about.
 */
class ShardedSpreadTest {
    private static String lengthGiven;
    private static String fourGpus;

    @BeforeAll
    static void play() throws Exception {
        Conversation c = new Conversation();
        c.respond(Files.readString(Path.of(
                "src/test/resources/traces/prose-deepspeed-5507-llama2-7b-zero3-per-device-batch-4.txt")));
        lengthGiven = c.respond("the sequence length is 2048").text();
        fourGpus = c.respond("would 4 GPUs fit?").text();
    }

    @Test
    void theLengthThatCompletesTheSetupGetsThePerGpuVerdictUnderZero3() {
        assertTrue(lengthGiven.contains("No: under ZeRO-3 over 2 GPUs at micro-batch 4"), lengthGiven);
    }

    @Test
    void moreGpusForAShardedJobArePerGpuFiguresNotUnpooledMemory() {
        assertTrue(fourGpus.startsWith("No: under ZeRO-3 over 4 GPUs at micro-batch 4"), fourGpus);
        assertFalse(fourGpus.contains(Messages.get("pool.cards")), fourGpus);
    }
}
