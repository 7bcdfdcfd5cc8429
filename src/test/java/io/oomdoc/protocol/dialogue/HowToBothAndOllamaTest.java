package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How-to turns of burned sets 8, 11, 15, 20 and 21 (development data, choose side of conv45): a plural pointer after
 * a turn that named two settings, the Ollama server's environment, and a setting a maintainer added. Each turn is
 * played as its conversation goes.
 */
class HowToBothAndOllamaTest {
    private static final Path SET8 = Path.of("src/test/resources/conversations_heldout8");
    private static final Path SET11 = Path.of("src/test/resources/conversations_heldout11");
    private static final Path SET15 = Path.of("src/test/resources/conversations_heldout15");
    private static final Path SET20 = Path.of("src/test/resources/conversations_heldout20");
    private static final Path SET21 = Path.of("src/test/resources/conversations_heldout21");

    /**
     * github.com/LiuY1Chen/OOTDiffusion-train/issues/20: "what if I use 8-bit Adam plus gradient checkpointing?" then
     * "how do I turn both on in a diffusers/accelerate training script?": one snippet of each, not checkpointing alone.
     */
    @Test
    void bothAfterTwoSettingsShowsEachSnippet() {
        var v = turn(SET15, "P13-ootdiffusion-train-rtx4090-oom-two-unets.txt", 4);
        assertTrue(v.output().contains("--use_8bit_adam") && v.output().contains("enable_gradient_checkpointing"),
                v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/tomekkorbak/pretraining-with-human-feedback/issues/5: fp16 and checkpointing, both for the Trainer. */
    @Test
    void bothInTrainingArgumentsIsPrecisionAndCheckpointing() {
        var v = turn(SET21, "P04-phf-gpt2-pretrain-11gb.txt", 5);
        assertTrue(v.output().contains("gradient_checkpointing=True") && v.output().contains("fp16=True"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/ollama/ollama/issues/14130: the server reads OLLAMA_CONTEXT_LENGTH, not OLLAMA_NUM_CTX. */
    @Test
    void ollamasDefaultContextIsItsContextLengthVariable() {
        var v = turn(SET11, "L22-ollama-0.15.5-ignores-num-ctx-262k-oom-kill.txt", 3);
        assertTrue(v.output().contains("OLLAMA_CONTEXT_LENGTH="), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/ionfury/homelab/pull/1355: "how do I set these in the ollama deployment?" after the context and a
     * q8_0 cache: the server's environment, flash attention included (the quantized cache needs it).
     */
    @Test
    void ollamaDeploymentSettingsAreTheServersEnvironment() {
        var v = turn(SET20, "P06-homelab-ollama-p4000-context.txt", 4);
        assertTrue(v.output().contains("OLLAMA_FLASH_ATTENTION=1") && v.output().contains("OLLAMA_KV_CACHE_TYPE"),
                v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/GiusTex/ComfyUI-DiffusersImageOutpaint/issues/6: "the author says he already added it, it's named
     * sequential_cpu_offload": the named setting's row, not the other diffusers settings as if it had been tried.
     */
    @Test
    void aSettingTheMaintainerAddedIsShownByName() {
        var v = turn(SET8, "I14-diffusers-outpaint-6gb-sequential-offload.txt", 2);
        assertTrue(v.output().startsWith("diffusers enable_sequential_cpu_offload()"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
