package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The size of an eager attention score matrix, computed from the figures the user gives. */
class AttentionScoresTest {
    /**
     * github.com/dimiboeckaerts/PhageRBPdetection/issues/7 (conversations_heldout14 P20, readable half): ESM-2 650M
     * on 6800 residues; one score matrix of 20 heads in fp32 is 20 × 6800² × 4 bytes = 3.70 GB (3.45 GiB).
     */
    @Test
    void aScoreMatrixAtALengthWithHeadsAndAWidthIsComputed() {
        var v = CaseFiguresTest.turn(Path.of("src/test/resources/conversations_heldout14"),
                "P20-phagerbpdetect-esm2-650m-6800-residues.txt", 2);
        assertTrue(v.output().contains("3.45 GiB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
