package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tensor_accumulated on leaks that public threads named (the cases of scan_recall14). Fixtures: scan_patterns
 * (written by us; each file's header and labels.json name the thread it models).
 */
class RecallFourteenTensorTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static List<Integer> lines(String caseDir) throws Exception {
        return new PythonScanner(Rules.ALL).scan(SET.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("tensor_accumulated")).map(Finding::line).toList();
    }

    /**
     * ajhamdi/MVTN#2: `loss = criterion(outputs, targets)`, `loss.backward()`, then `total_loss += loss` in both
     * training functions: a loss that was backpropagated still holds its graph.
     */
    @Test
    void aLossThatWasBackpropagatedHeldAGraphWhateverProducedIt() throws Exception {
        assertEquals(List.of(15, 27), lines("backpropagated_loss_summed__bug"));
    }

    /** The fix commit adds `.item()` to both sums: nothing is reported. */
    @Test
    void theSameSumsOfItemAreNotReported() throws Exception {
        assertTrue(lines("backpropagated_loss_summed__fixed").isEmpty());
    }

    /**
     * zoogzog/chexnet#12: epoch_val sums each batch's loss over `enumerate(loader)` and returns the sum; a sum over
     * the batches of a loader is an epoch's total, not one batch's loss handed to the caller to backpropagate.
     */
    @Test
    void aSumReturnedAfterALoopOverALoaderIsStillAnAccumulation() throws Exception {
        assertEquals(List.of(28), lines("epoch_sum_returned__bug"));
    }

    /**
     * caikit/caikit-nlp PR #258: `log_by_step[step_no] = loss` after `accelerator.backward(loss)` in the batch loop;
     * the dict lives for the epoch, one entry per step.
     */
    @Test
    void aLossStoredUnderAChangingKeyIsKeptForEveryStep() throws Exception {
        assertEquals(List.of(21), lines("loss_under_step_key__bug"));
    }

    /** The fix stores `loss.detach().float().item()` in the per-step dict: nothing is reported. */
    @Test
    void aNumberStoredUnderAChangingKeyIsNotReported() throws Exception {
        assertTrue(lines("loss_under_step_key__fixed").isEmpty());
    }
}
