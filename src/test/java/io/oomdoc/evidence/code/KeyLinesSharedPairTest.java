package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A setup line is kept when its key shares its first two bytes with another key that does not match there: the
 * second key is still tried (Adam/Adafactor, bf16/bfloat16). Written by us for scan33's keyAt change.
 */
class KeyLinesSharedPairTest {
    /** Adafactor starts like Adam, the key tried first: the line stays. */
    @Test
    void aKeyAfterAFailedKeyOfTheSamePairIsFound() {
        assertEquals("opt = Adafactor(params)\n", SetupExtractor.keyLines("x = 1\nopt = Adafactor(params)\ny = 2\n"));
    }

    /** bfloat16 starts like bf16: the line stays. */
    @Test
    void bfloat16IsFoundThoughBf16IsTriedFirst() {
        assertEquals("dtype = torch.bfloat16\n", SetupExtractor.keyLines("import torch\ndtype = torch.bfloat16\n"));
    }
}
