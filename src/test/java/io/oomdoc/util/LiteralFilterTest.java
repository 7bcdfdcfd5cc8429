package io.oomdoc.util;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pieces read off a pattern, one of which every match holds. The patterns are of the kinds in the bundled
 * tables (model/cues.tsv's "late" and "spike" rows, lexicon/facts.tsv's wrapped rows); BundledPatternsFilterTest
 * checks the tables themselves against the corpus.
 */
class LiteralFilterTest {
    private static List<String> pieces(String regex) {
        return LiteralFilter.read(Pattern.compile(regex)).pieces();
    }

    @Test
    void aTextWithoutAnyBranchsWordsIsSkipped() {
        LiteralFilter f = LiteralFilter.read(Pattern.compile("after a while|eventually"));
        assertFalse(f.mayMatch("it fails on the first step"));
        assertTrue(f.mayMatch("it eventually fails"));
    }

    @Test
    void anOptionalCharacterIsNotRequired() {
        assertEquals(List.of("spike"), pieces("\\bspikes?\\b"));
        assertTrue(LiteralFilter.read(Pattern.compile("\\bspikes?\\b")).mayMatch("one spike"));
    }

    @Test
    void aRepeatedCharacterIsRequiredOnce() {
        assertEquals(List.of("zz"), pieces("a?zz+y?"));
    }

    @Test
    void aRequiredGroupGivesItsBranches() {
        assertEquals(List.of("8-bit adam", "adamw"), pieces("(?<![a-z0-9_])(?:8-bit adam|adamw)(?![a-z0-9_])"));
    }

    @Test
    void theLongestRequiredRunOfABranchIsTaken() {
        assertEquals(List.of("loop", "compute_metrics"), pieces("\\bval(?:_| )?loop|compute_metrics"));
    }

    @Test
    void anEscapedPunctuationMarkIsPlainText() {
        assertEquals(List.of("loss.backward("), pieces("loss\\.backward\\("));
    }

    @Test
    void aLookaroundsTextIsNotRequired() {
        assertEquals(List.of("increas"), pieces("(?<!sudden )(?<!sharp )increas"));
    }

    @Test
    void anOptionalGroupIsNotRequired() {
        assertEquals(List.of("load"), pieces("(?:the )?(?:model )?load(?:ing)?"));
    }

    @Test
    void aBranchWithNoPlainTextLeavesThePatternUnfiltered() {
        assertNull(pieces("duration|\\d{3,4}"));
        assertTrue(LiteralFilter.read(Pattern.compile("duration|\\d{3,4}")).mayMatch("512"));
    }

    @Test
    void anEmptyBranchLeavesThePatternUnfiltered() {
        assertNull(pieces("(?:abc|)x?"));
    }

    @Test
    void flagsLeaveThePatternUnfiltered() {
        assertNull(pieces("(?i)oom"));
        assertNull(LiteralFilter.read(Pattern.compile("oom", Pattern.CASE_INSENSITIVE)).pieces());
    }

    @Test
    void aCharacterClassBreaksTheRun() {
        assertEquals(List.of("optimi"), pieces("optimi[sz]er"));
        assertEquals(List.of("gpu"), pieces("[│|]gpu\\s+\\w"));
    }
}
