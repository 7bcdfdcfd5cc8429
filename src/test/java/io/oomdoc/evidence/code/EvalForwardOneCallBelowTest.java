package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * eval_without_no_grad follows a call of the evaluation loop into a function of the same file: the model's forward
 * may sit one call below the loop, in a per-batch step method.
 */
class EvalForwardOneCallBelowTest {
    private static final Path TUNE = Path.of("src/test/resources/scan_recall11/tune");

    private static List<Finding> found(String caseDir) throws Exception {
        return new PythonScanner().scan(TUNE.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("eval_without_no_grad")).toList();
    }

    /**
     * kan-bayashi/ParallelWaveGAN PR #26 (https://github.com/kan-bayashi/ParallelWaveGAN/pull/26), train.py at the
     * fix commit 8c03abb: _eval_epoch() loops over the dev loader calling self._eval_step(batch), one call above the
     * model's forward, and the fix wraps that call in torch.no_grad(): nothing is reported. The file before the fix
     * left the set on 2026-11-27 (no stored version has its text, scan_recall11/PROVENANCE.md).
     */
    @Test
    void theSameCallUnderNoGradIsNotReported() throws Exception {
        assertTrue(found("kan-bayashi+ParallelWaveGAN__train__fixed").isEmpty());
    }
}
