package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "How much host RAM with CPU offload?" for a full fine-tune is answered from the parameters the session holds, at
 * DeepSpeed's own estimator's rates (estimate_zero3_model_states_mem_needs, deepspeed.readthedocs.io memory.html):
 * 16 bytes per parameter with offload_optimizer, 18 with offload_param too, and half again for buffers.
 */
class OffloadHostRamTest {
    /** github.com/OpenMOSS/MOSS/issues/272 (#4, set 7): the 16B MOSS held from turn 1, 16 × 16B = 256 GB. */
    @Test
    void theOffloadedStatesOfTheHeldSixteenBillionModelNeed256Gigabytes() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout7"),
                "H11-moss-zero3-two-v100-32g-offload.txt", 4);
        assertTrue(v.output().startsWith("Host RAM for ZeRO-Offload: about 256 GB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/NovaSky-AI/SkyThought/issues/32 (#1, set 14): the 32B model named in the question itself, 512 GB
     * with offload_optimizer, 576 GB with offload_param; the 8 H100 it names stay the session's cards.
     */
    @Test
    void aThirtyTwoBillionModelNamedInTheQuestionNeeds512Gigabytes() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout14"),
                "P24-skythought-zero3-offload-cpu-ram-32b.txt", 1);
        assertTrue(v.output().contains("512 GB") && v.output().contains("576 GB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
