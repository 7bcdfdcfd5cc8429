package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the learned intent reads of a turn. The turns are the issue's own examples (issue 13, "Why") and turns of
 * src/test/resources/conversations/07-hf-trainer-eval-compute-metrics.txt.
 */
class IntentFeaturesTest {
    private static Set<String> features(String text, boolean holdsFailure) {
        var s = new IntentClassifier.Signals(text, false, false, false, false, false, holdsFailure, false, false,
                false);
        return IntentFeatures.of(new IntentFeatures.State(s, Intent.EXPLAIN, null)).values().keySet();
    }

    @Test
    void aNegatedWordIsNotTheWord() {
        Set<String> f = features("gradient checkpointing is off, not fp16", false);
        assertTrue(f.contains("w:not_fp16"));
        assertFalse(f.contains("w:fp16"));
    }

    @Test
    void theQuestionMarkAndTheOpeningAreRead() {
        Set<String> f = features("what if I use QLoRA r=16?", false);
        assertTrue(f.contains("w:?"));
        assertTrue(f.contains("open:what_if"));
        assertTrue(f.contains("shape:ends-q"));
        assertTrue(f.contains("shape:setting"));
    }

    /** conversations_heldout29/P30-viteraser-2x4090-batch-8-chinese.txt, turn 5: a how-to asked in Chinese. */
    @Test
    void hanCharactersAreTokensAndTheFullWidthQuestionMarkIsOne() {
        Set<String> f = features("命令行怎么改？", true);
        assertTrue(f.contains("w:怎") && f.contains("p:怎_么"), f.toString());
        assertTrue(f.contains("w:?"), f.toString());
    }

    @Test
    void numbersWithUnitsAreAShapeNotWords() {
        Set<String> f = features("the card has 24 GB", false);
        assertTrue(f.contains("shape:number-unit"));
        assertTrue(f.contains("w:#"));
        assertFalse(f.contains("w:24"));
    }

    /** "why ..." asks about this run when a failure is held, and for a mechanism when none is. */
    @Test
    void howATurnOpensIsReadWithTheFailureHeld() {
        String why = "why is eval worse than training anyway, there's no backward";
        assertTrue(features(why, true).contains("held|open:why"));
        assertTrue(features(why, false).contains("none|open:why"));
    }

    @Test
    void theRulesIntentAndTheIntentBeforeAreFeatures() {
        var s = new IntentClassifier.Signals("and with two GPUs?", false, false, false, true, false, true, false,
                true, false);
        Set<String> f = IntentFeatures.of(new IntentFeatures.State(s, Intent.WHAT_IF, Intent.WHAT_IF)).values()
                .keySet();
        assertTrue(f.containsAll(Set.of("rule:what_if", "prev:what_if", "sig:holds", "sig:after-what-if",
                "sig:hypothetical")));
        assertFalse(f.contains("sig:pasted"));
    }
}
