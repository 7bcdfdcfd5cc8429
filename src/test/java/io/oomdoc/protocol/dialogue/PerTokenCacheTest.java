package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A KV cache as bytes per token × tokens × sequences, the bytes per token said or read from a total said before.
 * Turns played as their conversations go, from readable halves of burned sets (file and turn cited).
 */
class PerTokenCacheTest {
    private static final Path SET8 = Path.of("src/test/resources/conversations_heldout8");
    private static final Path SET18 = Path.of("src/test/resources/conversations_heldout18");

    /** heldout18 P12-q27-prefix-cache-oom.txt turn 2: the per-token figure said, at the context said. */
    @Test
    void theFigurePerTokenTimesTheContextIsTheCache() {
        holdsSaying(SET18, "P12-q27-prefix-cache-oom.txt", 2, "13.4 KB per token × 98,192 tokens = 1.32 GB");
    }

    /** heldout18 P12-q27-prefix-cache-oom.txt turn 3: a what-if of the context uses the figure said before. */
    @Test
    void aNewContextUsesTheFigureSaidBefore() {
        holdsSaying(SET18, "P12-q27-prefix-cache-oom.txt", 3, "× 32,768 tokens = 439 MB");
    }

    /** heldout8 I03-vllm-qwen3-1.7b-kv-cache-fills-24gb.txt turn 3: 175,856 tokens in 18.78 GiB, for 1024 tokens. */
    @Test
    void aTotalSaidOverItsTokensGivesTheFigurePerToken() {
        holdsSaying(SET8, "I03-vllm-qwen3-1.7b-kv-cache-fills-24gb.txt", 3, "× 1,024 tokens = 117 MB");
    }

    /** heldout18 P45-xinfer-qwen3-vl-32b-kv-262144.txt turn 4: two sequences each of the length said. */
    @Test
    void eachSequenceHoldsItsOwnTokens() {
        holdsSaying(SET18, "P45-xinfer-qwen3-vl-32b-kv-262144.txt", 4, "× 32,768 tokens × 2 = 16384 MB");
    }

    /** heldout18 P45 turn 2: the turn that derives the figure per token is not multiplied back. */
    @Test
    void theTurnThatDerivesTheFigureIsLeftToTheShare() {
        String q = "how much KV does one token take if 2 x 262144 tokens need 131072 MB?";
        assertNull(PerTokenCache.of(new Calculations.Ask(q, q, Facts.EMPTY)));
    }
}
