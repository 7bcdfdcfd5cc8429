package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * eval_without_no_grad in a function that both trains and evaluates: the loop after {@code model.eval()} that steps
 * no optimizer is an evaluation loop. Fixtures: scan_patterns (written by us; each file's header and labels.json
 * name the thread of scan_recall11 it models).
 */
class RecallElevenEvalTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static List<Integer> lines(String caseDir) throws Exception {
        return new PythonScanner(Rules.ALL).scan(SET.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("eval_without_no_grad")).map(Finding::line).toList();
    }

    /**
     * gentaiscool/end2end-asr-pytorch PR #41 (OOM in validation): Trainer.train() runs the training loop, then
     * model.eval() and the validation forward with autograd on. The loop after model.eval() is reported at its
     * forward.
     */
    @Test
    void theLoopAfterModelEvalInATrainingFunctionIsReported() throws Exception {
        assertEquals(List.of(21), lines("validation_after_training_loop__bug"));
    }

    /** The fix of the same PR wraps that forward in no_grad: nothing is reported. */
    @Test
    void theValidationForwardUnderNoGradAfterModelEvalIsQuiet() throws Exception {
        assertTrue(lines("validation_after_training_loop__fixed").isEmpty());
    }

    /**
     * chenxi116/DeepLabv3.pytorch (issue #14, PR #18): main() trains in one branch, where a loop over the modules
     * calls m.eval() to freeze batch norm, and evaluates in the other after model.eval(); the evaluation loop's
     * forward is reported, the training loop is not.
     */
    @Test
    void batchNormFrozenForTrainingIsNotEvalModeButModelEvalIs() throws Exception {
        assertEquals(List.of(25), lines("eval_branch_after_bn_freeze__bug"));
    }

    /**
     * yalesong/pvse issue #30 (GPU memory grows in evaluation until it crashes): after model.eval() the batch loop
     * calls {@code net.forward(...)} by name with autograd on. The default rules' prefilter reads a forward called by
     * name as a model call, so the file is parsed and the loop reported.
     */
    @Test
    void aForwardCalledByNameAfterModelEvalIsReportedByTheDefaultRules() throws Exception {
        assertEquals(List.of(13), lines("eval_forward_by_name__bug"));
    }

    /**
     * The same pvse loop with the loader named `loader` (scan_patterns, ours): `net.eval()` before it, not the name
     * val_loader, makes the file worth parsing for the default rules, and the loop is reported.
     */
    @Test
    void anEvalLoopAfterModelEvalIsReportedWhateverTheLoaderIsCalled() throws Exception {
        assertEquals(List.of(13), lines("eval_forward_plain_loader__bug"));
    }

    /**
     * skorch-dev/skorch issue #218 (OOM in validation): validation_step() has no loop; it puts the module in eval
     * mode and calls self.infer(x), whose self.module_(x) is the forward, and fit() calls the step for every
     * validation batch. The step is reported at its call of infer().
     */
    @Test
    void anEvalStepCalledOncePerBatchIsReportedAtItsForward() throws Exception {
        assertEquals(List.of(23), lines("eval_step_per_batch__bug"));
    }

    /** PR #219 of the same thread wraps the step's forward in no_grad: nothing is reported. */
    @Test
    void anEvalStepUnderNoGradCalledOncePerBatchIsQuiet() throws Exception {
        assertTrue(lines("eval_step_per_batch__fixed").isEmpty());
    }

    /**
     * facebookresearch/fairseq pgslm sample.py (scan_recall11/wild_negatives/README.md): the models are switched to
     * eval mode and sampled under a @torch.no_grad() function; the batch loop then calls a frozen lookup decoder from
     * another file. Only the module switched to eval mode counts as the loop's forward: nothing is reported, with
     * every rule on.
     */
    @Test
    void aLoopAfterEvalModeThatRunsAnotherModuleIsNotReported() throws Exception {
        var findings = new PythonScanner(Rules.ALL).scan(SET.resolve("eval_mode_other_module")).findings().stream()
                .filter(f -> f.rule().equals("eval_without_no_grad")).toList();
        assertTrue(findings.isEmpty(), findings.toString());
    }

    /**
     * cszn/KAIR main_test_dncnn.py (scan_recall11/wild_negatives/README.md): model.eval(), then every parameter's
     * requires_grad set to False before the test loop; nothing there builds a graph. Scanned with every rule.
     */
    @Test
    void aTestLoopOverFrozenParametersIsNotReported() throws Exception {
        var findings = new PythonScanner(Rules.ALL).scan(SET.resolve("frozen_parameters_test_loop")).findings()
                .stream().filter(f -> f.rule().equals("eval_without_no_grad")).toList();
        assertTrue(findings.isEmpty(), findings.toString());
    }
}
