package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A what-if that gives a setting a new value is answered with the ratio to the value said before, whatever the
 * setting. Turns written from github.com/huggingface/transformers/issues/22639 (beam search multiplies what
 * model.forward sees: batch 1 with 8 beams is 8 samples at once).
 */
class KnobChangeTest {
    private static final String BEFORE = "generate runs out of memory with a batch size of 1 and num_beams=8:"
            + " model.forward sees 8 samples at once";

    private static String change(String turn) {
        return KnobChange.of(new Calculations.Ask(turn, turn + "\n" + BEFORE, Facts.EMPTY));
    }

    @Test
    void aNewValueIsComparedWithTheValueSaidBefore() {
        String line = change("what if I use num_beams=4");
        assertTrue(line != null && line.contains("8 → 4") && line.contains("half"), line);
    }

    @Test
    void everySpellingOfASettingIsOneSetting() {
        assertEquals("beam", KnobChange.key("num_beams"));
        assertEquals("beam", KnobChange.key("beam size"));
        assertEquals("beam", KnobChange.key("--beamSize"));
    }

    @Test
    void aValueKeptOrOnlyReportedIsNotAChange() {
        assertNull(change("what if I keep num_beams=4"));
        assertNull(change("num_beams=4 ran fine yesterday"));
    }

    @Test
    void theConversationAnswersTheWhatIfWithTheRatio() {
        Conversation c = new Conversation();
        c.respond(BEFORE);
        Answer a = c.respond("what if I use num_beams=2");
        assertEquals(Intent.WHAT_IF, a.intent());
        assertTrue(a.text().contains("8 → 2"), a.text());
    }
}
