package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A setting named in a Chinese condition (如果…, 换成…呢) is a proposal, not the setup: the what-if it asks changes
 * it, and the stored facts keep theirs. A swap reported done (换成了) is the setup.
 */
class ChineseConditionalsTest {
    // conversations_heldout29/P07-open-llama-fp32-half-chinese.txt #5
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aConditionProposesTheSetting() {
        var r = FactReader.read("如果再用 8-bit 量化加载呢？");
        assertEquals("8bit", r.hypothetical().quant());
        assertEquals(null, r.asserted().quant());
    }

    // conversations_heldout30/P41-slmrec-4090-teacher-student-chinese.txt #3
    @Test
    void aSwapAskedWithTheParticleProposesTheSize() {
        assertEquals(1_000_000_000L, FactReader.read("那学生换成 1B 呢？").hypothetical().params());
    }

    @Test
    void aSwapReportedDoneIsTheSetup() {
        assertEquals("bf16", FactReader.read("我换成了 bf16，还是 OOM").asserted().precision());
    }
}
