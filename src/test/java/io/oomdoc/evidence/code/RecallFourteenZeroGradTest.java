package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * missing_zero_grad on a training loop that a public thread named (scan_recall14, tune half; labels.json has the
 * thread and commit).
 */
class RecallFourteenZeroGradTest {
    private static final Path TUNE = Path.of("src/test/resources/scan_recall14/tune");

    /**
     * IDEA-Research/DAB-DETR#58, engine.py at 7989945: the AMP branch clears before
     * `scaler.scale(losses).backward()`; the other branch runs `losses.backward()` and `optimizer.step()` with
     * nothing cleared. Only that backward is reported; the AMP branch's is on a path that clears.
     */
    @Test
    void aZeroGradOnlyInTheOtherBranchDoesNotClearThisBackward() throws Exception {
        Path bug = TUNE.resolve("IDEA-Research+DAB-DETR__engine_train_one_epoch__bug");
        List<Integer> lines = new PythonScanner().scan(bug).findings().stream()
                .filter(f -> f.rule().equals("missing_zero_grad")).map(Finding::line).toList();
        assertEquals(List.of(84), lines);
    }
}
