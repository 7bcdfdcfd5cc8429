package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A what-if that names a setting whose how-to row carries no note ("and with vae tiling too?", the session's trial of
 * SDXL on a 12 GB card) must not print the row's KB tag alone on a line. Walks every how-to row without a note.
 */
class BareKbLineTest {
    private static final Pattern BARE_TAG = Pattern.compile("(?m)^\\s*\\[[A-Z]+\\d+\\]\\s*$");

    @Test
    void noWhatIfPrintsAKnowledgeTagWithoutItsSentence() {
        Facts sdxl = Facts.builder().gpuName("GeForce RTX 3060").gpuMemBytes(12L << 30).framework("pytorch").build();
        List<String> bare = new ArrayList<>();
        int rows = 0;
        for (Topics.Topic t : Topics.howTo()) {
            if (!t.note().isBlank() || t.keywords().isEmpty()) continue;
            rows++;
            String q = "and with " + t.keywords().get(0) + " too?";
            String s = BudgetAnswers.whatIf(q, sdxl, Facts.EMPTY, null).text();
            if (BARE_TAG.matcher(s).find()) bare.add(q + " -> " + s);
        }
        assertTrue(rows > 0, "the how-to table has rows without a note");
        assertTrue(bare.isEmpty(), String.join("\n", bare));
    }
}
