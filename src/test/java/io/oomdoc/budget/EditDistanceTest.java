package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The edit distance behind "did you mean": insertions at either end count one each, whichever string is the shorter.
 * Written for the mutants PIT left alive in Catalog.distance.
 */
class EditDistanceTest {
    @Test
    void aNameIsAsFarFromNothingAsItIsLong() {
        assertEquals(2, Catalog.distance("", "t4"));
        assertEquals(2, Catalog.distance("t4", ""));
    }

    @Test
    void missingLettersAtTheEndOfTheQueryCountOneEach() {
        // "a100" typed as "a1"
        assertEquals(2, Catalog.distance("a1", "a100"));
    }
}
