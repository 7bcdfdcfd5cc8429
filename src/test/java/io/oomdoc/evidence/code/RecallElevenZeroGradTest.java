package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * missing_zero_grad with more than one optimizer or more than one branch. Fixtures: scan_patterns (written by us;
 * each file's header and labels.json name the thread or file it models).
 */
class RecallElevenZeroGradTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static List<Integer> lines(String caseDir) throws Exception {
        return new PythonScanner(Rules.ALL).scan(SET.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("missing_zero_grad")).map(Finding::line).toList();
    }

    /**
     * Hsintien-Ng/idinvert_pytorch-reproduced#1: the loop clears the encoder's optimizer but never the
     * discriminator's, whose step follows critic_loss.backward(); that backward is reported.
     */
    @Test
    void theOptimizerTheLoopNeverClearsIsReportedAtItsBackward() throws Exception {
        assertEquals(List.of(17), lines("zero_grad_second_optimizer__bug"));
    }

    /** The maintainer's fix clears the discriminator's optimizer too: nothing is reported. */
    @Test
    void bothOptimizersClearedIsQuiet() throws Exception {
        assertTrue(lines("zero_grad_second_optimizer__fixed").isEmpty());
    }

    /**
     * bubbliiiing/yolo3-pytorch utils/utils_fit.py: optimizer.zero_grad(), then in the fp16 branch
     * scaler.scale(loss).backward() and scaler.step(optimizer); the optimizer stepped is the scaler's argument, and
     * it is cleared.
     */
    @Test
    void aScalerStepsTheOptimizerItIsGiven() throws Exception {
        assertTrue(lines("scaler_steps_its_optimizer").isEmpty());
    }

    /**
     * IDEA-Research/DAB-DETR#58, engine.py: the AMP branch clears before `scaler.scale(losses).backward()`; the other
     * branch runs `losses.backward()` and `optimizer.step()` with nothing cleared. Only that backward is reported.
     */
    @Test
    void aZeroGradOnlyInTheOtherBranchDoesNotClearThisBackward() throws Exception {
        assertEquals(List.of(21), lines("zero_grad_in_one_branch__bug"));
    }
}
