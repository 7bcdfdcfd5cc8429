package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tensor_accumulated on leaks that maintainers confirmed and fixed (scan_recall11, tune half; labels.json there has
 * the thread and commit of each file). Each buggy file is reported at the fixed line; the file at the fix commit
 * is not.
 */
class RecallElevenTensorTest {
    private static final Path TUNE = Path.of("src/test/resources/scan_recall11/tune");

    private static List<Integer> lines(String caseDir) throws Exception {
        return new PythonScanner().scan(TUNE.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("tensor_accumulated")).map(Finding::line).toList();
    }

    /**
     * microsoft/SpareNet#12: `self.losses.update([coarse_loss * 1000, ...])` in train_step(), which the caller's
     * loop runs once per step; the losses come out of the same call as the one that is backpropagated.
     */
    @Test
    void aMeterKeptOnTheObjectOutlivesEachStepMethodCall() throws Exception {
        assertEquals(List.of(55), lines("microsoft+SpareNet__sparenet_runner__bug"));
        assertTrue(lines("microsoft+SpareNet__sparenet_runner__fixed").isEmpty());
    }
}
