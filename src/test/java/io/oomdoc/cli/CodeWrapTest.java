package io.oomdoc.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Code lines of a report fit the terminal and still run when copied. */
class CodeWrapTest {
    /** knowledge/M13-lora-qlora.md's QLoRA rung as a report prints it: 170 columns (trial 21, row 12). */
    private static final String QLORA = "   after:  bnb = BitsAndBytesConfig(load_in_4bit=True,"
            + " bnb_4bit_quant_type='nf4', bnb_4bit_use_double_quant=True, bnb_4bit_compute_dtype=torch.bfloat16)";
    /** knowledge/M01-anatomy.md's ComfyUI rung as `oomdoc diagnose` printed it for Comfy-Org/ComfyUI#1781. */
    private static final String LOWVRAM = "   after:  python main.py --lowvram  # or --novram; models wait in RAM and"
            + " move to the GPU part by part";

    @Test
    void aLongCallBreaksAfterACommaInsideItsBrackets() {
        String w = Wrap.text(QLORA, 100);
        assertTrue(w.lines().allMatch(l -> l.length() <= 100), w);
        assertEquals(QLORA.replace(" ", ""), w.replace("\n", "").replace(" ", ""));
        assertTrue(w.lines().skip(1).allMatch(l -> l.startsWith("               ")), w);
    }

    @Test
    void aTrailingCommentMovesBelowTheCommandItExplains() {
        String w = Wrap.text(LOWVRAM, 100);
        assertEquals("   after:  python main.py --lowvram\n"
                + "           # or --novram; models wait in RAM and move to the GPU part by part", w);
    }

    @Test
    void aShellCommandWithNothingToBreakAtStaysWhole() {
        String cmd = "    torchrun --nproc_per_node=8 --nnodes=2 --rdzv_backend=c10d --rdzv_endpoint=host:29400"
                + " train.py --config config/long_run.yaml";
        assertEquals(cmd, Wrap.text(cmd, 80));
    }
}
