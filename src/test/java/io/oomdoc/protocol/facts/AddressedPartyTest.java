package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What the person a thread addresses said or used ("you say lower it to 4", "your model runs on an A6000") is not the
 * user's setup; the user's own words after it still are (issue 13).
 */
class AddressedPartyTest {
    // conversations_heldout2/K42-centermask2-v100-batch8.txt #2 (the maintainer's advice and experiment script)
    @Test
    void theAddressedPartysAdviceIsNotTheSetup() {
        var r = FactReader.read("you say lower the batch size to 4. but in your experiment script and paper I saw you"
                + " are using 16 as batch size.");
        assertNull(r.asserted().batch());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void theUsersOwnCardAfterTheirsIsTheUsers() {
        var f = FactReader.read("I trained your model on my 3090 and it OOMs").asserted();
        assertEquals(24L << 30, f.gpuMemBytes());
    }
}
