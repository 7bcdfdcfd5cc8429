package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * eval_without_no_grad in a function that both trains and evaluates (scan_recall11, tune half; labels.json there
 * has each thread and commit): the loop after {@code model.eval()} that steps no optimizer is an evaluation loop.
 */
class RecallElevenEvalTest {
    private static final Path TUNE = Path.of("src/test/resources/scan_recall11/tune");

    private static List<Integer> lines(String caseDir) throws Exception {
        return new PythonScanner().scan(TUNE.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("eval_without_no_grad")).map(Finding::line).toList();
    }

    /**
     * gentaiscool/end2end-asr-pytorch PR #41 (OOM in validation): Trainer.train() runs the training loop, then
     * model.eval() and the validation forward with autograd on; the fix wraps that forward in no_grad, and the fixed
     * file is quiet. The buggy file left the set on 2026-11-27 (no stored version has its text, PROVENANCE.md).
     */
    @Test
    void theValidationForwardUnderNoGradAfterModelEvalIsQuiet() throws Exception {
        assertTrue(lines("gentaiscool+end2end-asr-pytorch__trainer__fixed").isEmpty());
    }

    /**
     * chenxi116/DeepLabv3.pytorch (issue #14, PR #18): main() trains in one branch, where a loop over the modules
     * calls m.eval() to freeze batch norm, and evaluates in the other after model.eval() (155); the evaluation loop
     * (167) is reported, the training loop is not.
     */
    @Test
    void batchNormFrozenForTrainingIsNotEvalModeButModelEvalIs() throws Exception {
        assertEquals(List.of(167), lines("chenxi116+DeepLabv3.pytorch__main__bug"));
    }

    /**
     * yalesong/pvse issue #30 (GPU memory grows in evaluation until it crashes): encode_data() calls model.eval()
     * (22) and then runs {@code model.forward(img, txt, txt_len)} (34) for every batch with autograd on. The forward
     * is called by name, which the default rules' prefilter now reads as a model call, so the file is parsed and the
     * loop after the mode switch reported.
     */
    @Test
    void aForwardCalledByNameAfterModelEvalIsReportedByTheDefaultRules() throws Exception {
        assertEquals(List.of(34), lines("yalesong+pvse__eval__bug"));
    }

    /**
     * skorch-dev/skorch issue #218 (OOM in validation; PR #219 wraps the step in no_grad): validation_step() has no
     * loop; it calls self.module_.eval() and then self.infer(Xi), whose self.module_(x) is the forward, and fit()
     * calls it for every batch of the validation set. The fixed file, whose step runs under no_grad, is quiet; the
     * buggy file left the set on 2026-11-27 (no stored version has its text, PROVENANCE.md).
     */
    @Test
    void anEvalStepUnderNoGradCalledOncePerBatchIsQuiet() throws Exception {
        assertTrue(lines("skorch-dev+skorch__net__fixed").isEmpty());
    }
}
