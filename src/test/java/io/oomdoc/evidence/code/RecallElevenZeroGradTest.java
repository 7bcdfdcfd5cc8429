package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * missing_zero_grad with two optimizers in one loop (scan_recall11, tune half): Hsintien-Ng/idinvert_pytorch-
 * reproduced#1, training_loop_encoder.py clears optimizer_E but never optimizer_D, whose step follows
 * D_loss.backward() (147); the maintainer's fix adds optimizer_D.zero_grad().
 */
class RecallElevenZeroGradTest {
    private static final Path TUNE = Path.of("src/test/resources/scan_recall11/tune");

    private static List<Integer> lines(String caseDir) throws Exception {
        return new PythonScanner().scan(TUNE.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("missing_zero_grad")).map(Finding::line).toList();
    }

    @Test
    void theOptimizerTheLoopNeverClearsIsReportedAtItsBackward() throws Exception {
        assertEquals(List.of(147), lines("Hsintien-Ng+idinvert_pytorch-reproduced__training_loop_encoder__bug"));
        assertTrue(lines("Hsintien-Ng+idinvert_pytorch-reproduced__training_loop_encoder__fixed").isEmpty());
    }

    /**
     * bubbliiiing/yolo3-pytorch utils/utils_fit.py (scan_wild, source and commit in its labels.json and
     * PROVENANCE.md): optimizer.zero_grad() (29), then in the fp16 branch scaler.scale(loss_value).backward() and
     * scaler.step(optimizer) (70-71); the optimizer stepped is the scaler's argument, and it is cleared.
     */
    @Test
    void aScalerStepsTheOptimizerItIsGiven() throws Exception {
        var findings = new PythonScanner().scan(Path.of("src/test/resources/scan_wild/bubbliiiing+yolo3-pytorch"))
                .findings().stream().filter(f -> f.rule().equals("missing_zero_grad")).toList();
        assertTrue(findings.isEmpty(), findings.toString());
    }
}
