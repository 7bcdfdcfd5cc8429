package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One item's share of a total whose count is a product ("2 x 262144 tokens need 131072 MB") and whose "one" is asked
 * first ("how much KV does one token take if …"). The turn is from the burned held-out set 18 (development data).
 */
class ShareOfAProductTest {
    /** github.com/guoqingbao/xinfer/issues/195: 131072 MB over 2 x 262144 tokens is 256 KiB a token. */
    @Test
    void aCountGivenAsAProductDividesTheTotal() {
        var v = turn(Path.of("src/test/resources/conversations_heldout18"), "P45-xinfer-qwen3-vl-32b-kv-262144.txt", 2);
        assertTrue(v.output().contains("131072 MB over 524,288 tokens is about 256 KiB each"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** The plain case still holds: "2000 episodes occupy 60G, how much is one?" */
    @Test
    void aPlainCountStillDivides() {
        String q = "2000 episodes occupy 60G, how much is one?";
        String s = Ratios.of(new Calculations.Ask(q, q, Facts.EMPTY));
        assertTrue(s != null && s.contains("over 2,000 episodes is about 30.7 MiB each"), s);
    }
}
