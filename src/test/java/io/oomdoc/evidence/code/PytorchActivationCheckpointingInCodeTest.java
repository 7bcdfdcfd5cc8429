package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * FSDP training scripts turn checkpointing on with PyTorch's own API, not transformers' flag: LambdaLabsML's
 * distributed-training-guide (05-training-llama-405b/train_llm.py at aed7489, as budget/measured_heldout25.json
 * records it) calls apply_activation_checkpointing on every LlamaDecoderLayer, wrapping each in checkpoint_wrapper.
 * The lines are in that script's shape; read as on, the budget keeps each layer's input instead of all its activations
 * (the 405B record read without it was budgeted at 10x its published peak).
 */
class PytorchActivationCheckpointingInCodeTest {
    private static TrainingSetup scan(String text) {
        return SetupExtractor.extract(List.<String[]>of(new String[]{"train_llm.py", text}));
    }

    @Test
    void applyActivationCheckpointingIsCheckpointingOn() {
        assertEquals(Boolean.TRUE, scan("""
                from torch.distributed.algorithms._checkpoint.checkpoint_wrapper import apply_activation_checkpointing
                apply_activation_checkpointing(
                    model, checkpoint_wrapper_fn=checkpoint_wrapper, auto_wrap_policy={LlamaDecoderLayer}
                )
                """).gradientCheckpointing());
    }

    @Test
    void checkpointWrapperCalledOnALayerIsCheckpointingOn() {
        assertEquals(Boolean.TRUE, scan("    layer = checkpoint_wrapper(layer)\n").gradientCheckpointing());
    }

    @Test
    void onlyImportingTheApiTurnsNothingOn() {
        assertNull(scan("from torch.distributed.algorithms._checkpoint.checkpoint_wrapper import "
                + "apply_activation_checkpointing, checkpoint_wrapper\n").gradientCheckpointing());
    }
}
