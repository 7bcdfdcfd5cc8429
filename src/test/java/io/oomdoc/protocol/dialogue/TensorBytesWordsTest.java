package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dimensions said the way people say them in prose: "1000 by 1000", "a million sentences", "256^3", "79 classes".
 * The tensor is still its elements times the bytes of the type named (burned sets 8, 24 and 25).
 */
class TensorBytesWordsTest {
    private static final Path SET8 = Path.of("src/test/resources/conversations_heldout8");
    private static final Path SET24 = Path.of("src/test/resources/conversations_heldout24");
    private static final Path SET25 = Path.of("src/test/resources/conversations_heldout25");

    /** discuss.pytorch.org/t/how-to-delete-pytorch-objects-correctly-from-memory/947 (#2): "1000 by 1000 float". */
    @Test
    void byBetweenTwoNumbersIsAProduct() {
        var v = turn(SET8, "I33-pytorch-forum-del-tensor-memory-not-freed.txt", 2);
        assertTrue(v.output().contains("1,000 × 1,000 = 1M values × 4 B (fp32) = 4 MB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/tensorflow/hub/issues/105 (#2): 512-dimensional float embeddings for a million sentences. */
    @Test
    void aMillionSaidInWordsIsACount() {
        var v = turn(SET24, "P38-tfhub-use-100k-sentences-ram.txt", 2);
        assertTrue(v.output().contains("512 × 1,000,000 = 512M values × 4 B (fp32) = 2.05 GB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/Deep-MI/FastSurfer/issues/364 (#3): one 256^3 volume of float32 logits for 79 classes. */
    @Test
    void aPowerRepeatsItsSideAndClassesAreADimension() {
        var v = turn(SET25, "P48-fastsurfer-vinn-validation-alloc.txt", 3);
        assertTrue(v.output().contains("256 × 256 × 256 × 79 = 1.33B values × 4 B (fp32) = 5.3 GB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
