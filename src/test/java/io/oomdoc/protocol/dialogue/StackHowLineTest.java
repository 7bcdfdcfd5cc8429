package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * StackHow.line alone, on the setup of huggingface/trl#846 (conversations/47-trl-qlora-7b-a10-16gb.txt: QLoRA with
 * SFTTrainer, batch 2, seq 2048, read from the user's first turn): the snippet is the HF Trainer's, and the topic is
 * the one the turn names, else the one its change implies.
 */
class StackHowLineTest {
    private static final Facts HELD = FactExtractor.extract("qlora on mistral 7b instruct with SFTTrainer, 4-bit,"
            + " per_device_train_batch_size 2, max seq length 2048, a10 24gb. the tutorials oomed on the same g5"
            + " instance; my version finally runs but uses 16gb and is super slow. why so much for a 4 bit model?");
    private static final String HOW = Messages.get("whatif.how", "HF Trainer");

    private static String line(String turn, Facts held) {
        return StackHow.line(turn, FactExtractor.read(turn).hypothetical(), held);
    }

    /** The thread's own turn 3: a shorter sequence is made with the trainer's length setting. */
    @Test
    void aShorterSequenceIsMadeWithTheTrainersLengthSetting() {
        String s = line("what if i drop max seq length to 1024", HELD);
        assertTrue(s != null && s.startsWith(HOW + "\n  ") && s.contains("max_seq_length"), s);
    }

    /** unslothai/unsloth#465's turn (conversations/48): a smaller batch implies accumulation. */
    @Test
    void aSmallerBatchIsMadeWithAccumulation() {
        String s = line("what if batch 1 and gradient accumulation 8 instead", HELD);
        assertTrue(s != null && s.startsWith(HOW) && s.contains("gradient_accumulation_steps"), s);
    }

    /** A larger batch than the one held is made by saying it: no accumulation snippet. */
    @Test
    void aLargerBatchThanHeldHasNoSnippet() {
        assertNull(line("what if batch 4", HELD));
    }

    /** A precision change the turn names no topic for implies mixed precision. */
    @Test
    void aPrecisionChangeIsMadeWithTheMixedPrecisionFlag() {
        String s = line("what if i use bf16", HELD);
        assertTrue(s != null && s.startsWith(HOW) && s.contains("bf16=True"), s);
    }

    /** Checkpointing asked for by name gets the trainer's checkpointing arguments. */
    @Test
    void checkpointingIsMadeWithTheTrainersCheckpointingArguments() {
        String s = line("what if I use gradient checkpointing?", HELD);
        assertTrue(s != null && s.startsWith(HOW) && s.contains("gradient_checkpointing=True"), s);
    }

    /** Without a stack held there is no snippet to choose. */
    @Test
    void withoutAStackHeldThereIsNoLine() {
        assertNull(line("what if i use bf16", HELD.with(b -> b.framework(null))));
    }
}
