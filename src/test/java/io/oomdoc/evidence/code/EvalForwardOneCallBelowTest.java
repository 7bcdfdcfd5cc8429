package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * eval_without_no_grad follows a call of the evaluation loop into a function of the same file: the model's forward
 * may sit one call below the loop, in a per-batch step method. Fixtures: scan_patterns (written by us), modelling
 * kan-bayashi/ParallelWaveGAN PR #26 (https://github.com/kan-bayashi/ParallelWaveGAN/pull/26).
 */
class EvalForwardOneCallBelowTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static List<Finding> found(String caseDir) throws Exception {
        return new PythonScanner(Rules.ALL).scan(SET.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("eval_without_no_grad")).toList();
    }

    /**
     * _eval_epoch() sets every model to eval and loops over the dev loader calling self._eval_step(batch), which
     * runs the generator with autograd on. The loop's call is reported, naming the step.
     */
    @Test
    void aStepMethodThatRunsTheModelMakesItsLoopAnEvalLoopWithAGraph() throws Exception {
        var f = found("eval_forward_one_call_below__bug");
        assertEquals(List.of(26), f.stream().map(Finding::line).toList(), f.toString());
        assertTrue(f.get(0).message().contains("_eval_step()"), f.get(0).message());
    }

    /** The fix commit (8c03abb) wraps that call in torch.no_grad(): nothing is reported. */
    @Test
    void theSameCallUnderNoGradIsNotReported() throws Exception {
        assertTrue(found("eval_forward_one_call_below__fixed").isEmpty());
    }
}
