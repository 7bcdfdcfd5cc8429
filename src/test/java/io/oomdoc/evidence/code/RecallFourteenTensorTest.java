package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tensor_accumulated on leaks that public threads named (scan_recall14, tune half; labels.json there has the thread
 * and commit of each file, SPLIT.md the split). Each buggy file is reported at the named line; the file at the fix
 * commit, where there is one, is not.
 */
class RecallFourteenTensorTest {
    private static final Path TUNE = Path.of("src/test/resources/scan_recall14/tune");

    private static List<Integer> lines(String caseDir) throws Exception {
        return new PythonScanner().scan(TUNE.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("tensor_accumulated")).map(Finding::line).toList();
    }

    /**
     * ajhamdi/MVTN#2: `loss = criterion(outputs, targets)` of `models_bag["mvnetwork"](...)`, then `loss.backward()`,
     * then `total_loss += loss` in both training functions; the fix commit adds `.item()` to both.
     */
    @Test
    void aLossThatWasBackpropagatedHeldAGraphWhateverProducedIt() throws Exception {
        assertEquals(List.of(219, 319), lines("ajhamdi+MVTN__run_mvtn_train__bug"));
        assertTrue(lines("ajhamdi+MVTN__run_mvtn_train__fixed").isEmpty());
    }

    /**
     * zoogzog/chexnet#12: epochVal sums `losstensor` over `enumerate(dataLoader)` and returns the sum; a sum over the
     * batches of a loader is an epoch's total, not one batch's loss handed to the caller to backpropagate.
     */
    @Test
    void aSumReturnedAfterALoopOverALoaderIsStillAnAccumulation() throws Exception {
        assertEquals(List.of(150), lines("zoogzog+chexnet__ChexnetTrainer_epochVal__bug"));
    }

    /**
     * caikit/caikit-nlp PR #258: the fix stores `loss.detach().float().item()` in the per-step dict, so nothing is
     * reported. The buggy file (`step_loss_log[step_count] = loss`) left the set on 2026-11-27: the stored index has
     * no version with its text (PROVENANCE.md).
     */
    @Test
    void aNumberStoredUnderAChangingKeyIsNotReported() throws Exception {
        assertTrue(lines("caikit+caikit-nlp__peft_prompt_tuning__execute_train_loop__fixed").isEmpty());
    }
}
