package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "How much memory does that card have?": the memory of the cards a turn names (or the turns before named), from the
 * GPU catalog, an explanation whatever failure is held. The turns are from the burned held-out set 19 (scored once,
 * development data since), each played through the engine.
 */
class CardMemoryTest {
    private static final Path SET19 = Path.of("src/test/resources/conversations_heldout19");

    /** github.com/OpenBMB/MiniCPM/issues/30: a T4 against the maintainers' 2080 Ti, both figures. */
    @Test
    void everyCardTheTurnNamesGetsItsMemory() {
        var v = turn(SET19, "P25-minicpm-lora-t4-2080ti.txt", 2);
        assertTrue(v.output().contains("GeForce RTX 2080 Ti has 11 GiB of memory. Tesla T4 has 16 GiB of memory."),
                v.output());
        assertEquals("explain", v.gotIntent(), v.output());
    }

    /** github.com/Sompote/SAM3_LoRA/issues/29: "that card" is the RTX 5090 named in the same turn. */
    @Test
    void thatCardIsTheOneNamedInTheTurn() {
        var v = turn(SET19, "P06-sam3-lora-12gb-frozen-backbone.txt", 5);
        assertTrue(v.output().startsWith("GeForce RTX 5090 has 32 GiB of memory."), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/alexklwong/calibrated-backprojection-network/issues/5: "these cards" are the first turn's 2080 Tis. */
    @Test
    void theseCardsAreTheOnesTheTurnsBeforeNamed() {
        var v = turn(SET19, "P30-kbnet-dataparallel-gpu0-imbalance.txt", 2);
        assertTrue(v.output().startsWith("GeForce RTX 2080 Ti has 11 GiB of memory."), v.output());
    }

    /** qa.1r1g.com/sf/ask/4372784251 (a Stack Overflow copy, Colab): "colab gave me a T4 this time. how much memory does that have?" is explained. */
    @Test
    void aCardsMemoryIsAnExplanationWithAFailureHeld() {
        var v = turn(SET19, "P12-so-bert-colab-intermittent-oom.txt", 2);
        assertEquals("explain", v.gotIntent(), v.output());
        assertTrue(v.output().contains("Tesla T4 has 16 GiB"), v.output());
    }
}
