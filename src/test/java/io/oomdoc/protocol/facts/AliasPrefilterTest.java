package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a compiled card alias knows before its pattern runs: whether every piece of its name is in the text (the
 * cheap check that spares running some hundred patterns on every turn), and whether it ends on a variant word. The
 * names are rows of the GPU catalog (src/main/resources/catalog/gpus.csv: "rtx 3080" and "rtx 3080 ti").
 */
class AliasPrefilterTest {
    private static Names.Alias alias(String name) {
        return Names.compile(List.<String[]>of(new String[]{name, name}), true).get(0);
    }

    @Test
    void anAliasIsNotTriedOnATextThatLacksOneOfItsPieces() {
        assertFalse(alias("rtx 3080").mayMatch("the rtx 3090 ran out of memory at batch 8"));
    }

    @Test
    void anAliasIsTriedWhenEveryPieceOfItsNameIsInTheText() {
        assertTrue(alias("rtx 3080").mayMatch("the rtx 3080 ran out of memory at batch 8"));
    }

    @Test
    void aNameEndingOnTiHasAVariantSuffix() {
        assertTrue(alias("rtx 3080 ti").hasSuffix());
    }

    @Test
    void aNameEndingOnItsNumberHasNoVariantSuffix() {
        assertFalse(alias("rtx 3080").hasSuffix());
    }
}
