package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * eval_without_no_grad on scan25's audit (issue 17, scan_wild25): a range loop is a batch loop when its variable
 * starts a slice of the data, whatever the names; a module frozen before the loop builds no graph, however the freeze
 * is chained. Fixtures: scan_patterns (ours; labels.json names the repository each models).
 */
class EvalLoopDataflowTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static List<String> found(String caseDir) throws Exception {
        return new PythonScanner().scan(SET.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("eval_without_no_grad")).map(f -> f.file() + ":" + f.line()).toList();
    }

    /** for start in range(0, len(items), chunk): net(items[order[start:start + chunk]]) in eval mode, grad on. */
    @Test
    void aRangeWhoseVariableSlicesTheDataIsABatchLoop() throws Exception {
        assertEquals(List.of("graph_eval.py:13"), found("eval_minibatch_slices__bug"));
    }

    /** The same slices under no_grad: nothing to say. */
    @Test
    void theSameSlicesUnderNoGradAreSilent() throws Exception {
        assertEquals(List.of(), found("eval_minibatch_slices__fixed"));
    }

    /** sampler.eval().requires_grad_(False).to(device) before the loop: the sampler builds no graph. */
    @Test
    void aModuleFrozenInAChainBeforeTheLoopIsNotReported() throws Exception {
        assertEquals(List.of(), found("eval_module_frozen_by_chain"));
    }

    /** sampler.eval().to(device) alone: every batch builds a graph, reported. */
    @Test
    void theSameModuleOnlySwitchedToEvalIsReported() throws Exception {
        assertEquals(List.of("ppl_metric.py:29"), found("eval_module_not_frozen__bug"));
    }
}
