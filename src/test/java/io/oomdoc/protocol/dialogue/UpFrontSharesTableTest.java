package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dialogue/upfront-shares.tsv is the one list of engines and projects that hold a share of the card at start-up:
 * every row is reached by a turn of its engine and project, and the engine defaults agree with the serving code.
 */
class UpFrontSharesTableTest {
    /** A turn that asks about the whole card's use (the words openpi#284's reporter used). */
    private static final String FILLS = "It occupies 44 GB of the card, is that a leak?";
    private static final long CARD = 48L << 30;

    @Test
    void everyRowIsReachedByATurnOfItsEngineAndProject() {
        for (UpFrontShare.Row row : UpFrontShare.ROWS.rows()) {
            String context = row.project() == null ? FILLS : FILLS + " " + projectWords(row);
            String said = UpFrontShare.of(FILLS, context, facts(row.engine()));
            assertNotNull(said, row.engine() + " row not reached");
            String share = String.format(Locale.ROOT, "%.2f", row.share());
            assertTrue(said.contains(share), row + " answered " + said);
            if (row.note() != null) assertTrue(said.contains(Messages.get(row.note())), said);
        }
    }

    @Test
    void vllmsRowHoldsTheShareTheServingCodeAssumes() {
        UpFrontShare.Row vllm = UpFrontShare.ROWS.rows().stream().filter(r -> r.engine().equals("vllm")).findFirst()
                .orElseThrow();
        assertEquals(ServingPool.DEFAULT_UTILIZATION, vllm.share());
    }

    @Test
    void aShareTheTurnSetsWinsOverTheRowAndDropsTheProjectNote() {
        String turn = "XLA_PYTHON_CLIENT_MEM_FRACTION=0.5 and nvidia-smi shows 24 GB, is that a leak?";
        String said = UpFrontShare.of(turn, turn + " openpi pi0_libero", facts("jax"));
        assertTrue(said.contains("0.50"), said);
        assertTrue(!said.contains(Messages.get("upfront.jax.openpi")), said);
    }

    /** The words of a real turn naming each project row's project; a new project row fails here until added. */
    private static String projectWords(UpFrontShare.Row row) {
        for (String words : new String[] {"openpi pi0_libero"}) {
            if (row.project().matcher(words).find()) return words;
        }
        throw new AssertionError("no turn names the project of " + row);
    }

    private static Facts facts(String framework) {
        return Facts.builder().framework(framework).gpuMemBytes(CARD).build();
    }
}
