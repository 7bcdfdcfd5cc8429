package io.oomdoc.protocol.dialogue;

import io.oomdoc.Fixtures;
import io.oomdoc.protocol.Report;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Would a smaller batch help?" about the failure held: the answer opens on whether the report's ladder pulls that
 * lever first, later or not at all, and names the rung to start from (dialogue/lever-verdicts.tsv).
 */
class LeverVerdictTest {
    /** speedinghzl/pytorch-segmentation-toolbox#54: the batch's activations overflow in backward. */
    @Test
    void aSmallerBatchIsTheFirstFixWhenTheBatchsActivationsOverflow() {
        Conversation c = new Conversation();
        c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        String a = c.respond("would a smaller batch help?").text();
        assertTrue(a.startsWith("Yes: a smaller batch is the first fix for this failure"), a);
        assertTrue(a.contains("[M5]"), a);
    }

    /** PRBonn/lidar-bonnetal#52 (conversations_heldout3/L31): a DataLoader worker killed when validation starts. */
    @Test
    void aSmallerBatchOnTheGpuIsNotTheLeverForAHostRamKill() {
        Conversation c = new Conversation();
        c.respond(firstTurnOf("conversations_heldout3", "L31-"));
        String a = c.respond("would a smaller batch on the gpu fix it").text();
        assertTrue(a.startsWith("Probably not: this failure is "), a);
        assertTrue(a.toLowerCase(java.util.Locale.ROOT).contains("host"), a);
    }

    /** explosion/spacy-transformers (conversations_heldout17/P35): two knobs offered; a verdict on one is no answer. */
    @Test
    void aChoiceBetweenTwoKnobsGetsNoVerdictOnOne() {
        Report r = heldSegToolboxReport();
        assertNull(LeverVerdict.answer("after pruning the long documents, should I lower batch size or words per"
                + " batch?", r));
    }

    @Test
    void aQuestionOnNoLeverOfTheTableGetsNoVerdict() {
        assertNull(LeverVerdict.answer("would a bigger card help?", heldSegToolboxReport()));
    }

    @Test
    void everyRowIsReachedByItsOwnName() {
        for (LeverVerdict.Row row : LeverVerdict.rows()) {
            String asked = "would " + row.lever() + " help?";
            assertEquals(row, LeverVerdict.rows().stream().filter(x -> x.said().matcher(asked).find()).findFirst()
                    .orElse(null), asked);
        }
    }

    private static Report heldSegToolboxReport() {
        Conversation c = new Conversation();
        return c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt")).report();
    }

    private static String firstTurnOf(String set, String prefix) {
        return Transcripts.all(Path.of("src/test/resources", set)).stream().filter(t -> t.file().startsWith(prefix))
                .findFirst().orElseThrow().turns().get(0).input();
    }
}
