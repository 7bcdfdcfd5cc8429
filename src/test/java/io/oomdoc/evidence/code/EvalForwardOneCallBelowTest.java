package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
     * kan-bayashi/ParallelWaveGAN PR #26 (https://github.com/kan-bayashi/ParallelWaveGAN/pull/26), train.py at
     * 210df9f: _eval_epoch() sets every model to eval and loops over the dev loader calling self._eval_step(batch)
     * (256), which runs self.model["generator"](z, c) with autograd on. The loop is reported, naming the step.
     */
    @Test
    void aStepMethodThatRunsTheModelMakesItsLoopAnEvalLoopWithAGraph() throws Exception {
        var f = found("kan-bayashi+ParallelWaveGAN__train__bug");
        assertEquals(List.of(256), f.stream().map(Finding::line).toList(), f.toString());
        assertTrue(f.get(0).message().contains("_eval_step()"), f.get(0).message());
    }

    /** The fix commit of the same PR wraps that call in torch.no_grad(): nothing is reported. */
    @Test
    void theSameCallUnderNoGradIsNotReported() throws Exception {
        assertTrue(found("kan-bayashi+ParallelWaveGAN__train__fixed").isEmpty());
    }
}
