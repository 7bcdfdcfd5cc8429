package io.oomdoc.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every cause has its words in report/messages.properties: a category added to the enum alone fails here. */
class CategoryLabelTest {
    @Test
    void everyCategoryReadsItsLabelFromTheReportsSentences() {
        for (Category c : Category.values()) {
            String label = c.label();
            assertFalse(label.isBlank(), c.json());
            assertFalse(label.contains("_"), "a label in words, not an id: " + label);
        }
    }

    @Test
    void theLabelIsTheCauseInWordsNotItsId() {
        assertEquals("the model's fixed cost does not fit the card", Category.MODEL_TOO_LARGE.label());
        assertTrue(Category.HOST_RAM_OOM.label().startsWith("host RAM"), Category.HOST_RAM_OOM.label());
    }
}
