package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Questions about a vLLM server get computed answers: the failure is vllm-project/vllm#751
 * (traces/vllm-751-70b-neighbour-50gib.txt, StableBeluga2, a Llama 2 70B, with tensor_parallel_size=2 on two H100s),
 * the questions trial21's (defects 13 and 14).
 */
class ServedChangeTest {
    private static Conversation served() throws Exception {
        Conversation c = new Conversation();
        c.respond(Files.readString(Path.of("src/test/resources/traces/vllm-751-70b-neighbour-50gib.txt")));
        c.respond("this is vLLM serving stabilityai/StableBeluga2 (llama-2 70b) with tensor_parallel_size=2 on 2x H100"
                + " 80GB, max_model_len 4096");
        return c;
    }

    @Test
    void whichUtilizationToUseIsANumberComputedFromTheWeightsAndTheCache() throws Exception {
        String s = served().respond("what gpu_memory_utilization should I use?").text();
        assertTrue(s.matches("(?s).*least share that holds one such sequence is 0\\.8\\d.*"), s);
    }

    @Test
    void aFourBitCheckpointOnOneCardIsAYesFromThePoolWithTheEnginesFlag() throws Exception {
        String s = served().respond("would AWQ 4-bit let it run on a single H100?").text();
        assertTrue(s.startsWith("Yes:") && s.contains("--quantization awq"), s);
        assertFalse(s.contains("load_in_4bit"), s);
    }
}
