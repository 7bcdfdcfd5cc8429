package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A how-to for a tool the snippet table does not cover gets that tool's own catalog row, or is told plainly that there
 * is no exact snippet with the closest setting's name, never another stack's code.
 */
class NoSnippetTest {
    private static final java.nio.file.Path HELD_OUT_12 =
            java.nio.file.Path.of("src/test/resources/conversations_heldout12");

    /** github.com/ml-explore/mlx/issues/1406 (M46): mlx_lm.lora's own flag, not HF Trainer's argument. */
    @Test
    void aToolWithACatalogRowGetsItsOwnSettingAlone() {
        var v = CaseFiguresTest.turn(HELD_OUT_12, "M46-mlx-lora-llama-3.1-8b-8192-memory-grows-to-200gb.txt", 5);
        assertTrue(v.output().contains("--grad-checkpoint"), v.output());
        assertFalse(v.output().contains("TrainingArguments"), v.output());
    }

    /**
     * huggingface.co/docs/text-embeddings-inference/cli_arguments lists no attention option: the answer says there is
     * no exact snippet and names the closest setting, without HF Trainer's code.
     */
    @Test
    void aToolWithoutASnippetIsToldSoWithTheClosestSettingsName() {
        String out = new Conversation().respond("how do I turn on flash attention in text-embeddings-inference?")
                .text();
        assertTrue(out.startsWith("oomdoc's knowledge has no exact snippet for Text Embeddings Inference"), out);
        assertTrue(out.contains("attn_implementation"), out);
        assertFalse(out.contains("from_pretrained("), out);
    }

    /** A tool the snippet table covers (axolotl's YAML) keeps its snippet. */
    @Test
    void aToolTheSnippetTableCoversKeepsItsSnippet() {
        String out = new Conversation().respond("how do I turn on gradient checkpointing in axolotl?").text();
        assertTrue(out.startsWith("gradient checkpointing with axolotl:"), out);
    }
}
