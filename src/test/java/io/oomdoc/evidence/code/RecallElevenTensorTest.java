package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tensor_accumulated on leaks that maintainers confirmed and fixed. Fixtures: scan_patterns (written by us; each
 * file's header and labels.json name the thread it models). Each buggy file is reported at the leaking line; its
 * fixed side is not.
 */
class RecallElevenTensorTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static List<Integer> lines(String caseDir) throws Exception {
        return new PythonScanner(Rules.ALL).scan(SET.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("tensor_accumulated")).map(Finding::line).toList();
    }

    /** BatsResearch/labelmodels#4: `running_loss += loss` where loss comes from `self(votes)` in an nn.Module. */
    @Test
    void aLossFromCallingSelfInsideAModuleIsAGraph() throws Exception {
        assertEquals(List.of(25), lines("loss_from_self_call__bug"));
    }

    /** The fix of the same thread sums loss.item(): nothing is reported. */
    @Test
    void theSameSumOfItemIsNotReported() throws Exception {
        assertTrue(lines("loss_from_self_call__fixed").isEmpty());
    }

    /**
     * microsoft/SpareNet#12: `self.meter.update([coarse_loss * 1000, ...])` in train_step(), which the caller's
     * loop runs once per step; the losses come out of the same call as the one that is backpropagated.
     */
    @Test
    void aMeterKeptOnTheObjectOutlivesEachStepMethodCall() throws Exception {
        assertEquals(List.of(27), lines("meter_on_the_object__bug"));
        assertTrue(lines("meter_on_the_object__fixed").isEmpty());
    }

    /**
     * The fix for SpareNet's `self.meter.update([coarse_loss * 1000, fine_loss * 1000])` takes .item() of each element:
     * a list has no .item(), so the whole list's .item() would fail when run.
     */
    @Test
    void theFixOfAListOfLossesTakesItemOfEachElement() throws Exception {
        Finding f = new PythonScanner(Rules.ALL).scan(SET.resolve("meter_on_the_object__bug")).findings().get(0);
        assertEquals("self.meter.update([(coarse_loss * 1000).item(), (fine_loss * 1000).item()])",
                f.fix().after().strip());
    }

    /**
     * The same SpareNet case with the losses named `coarse_err`, `fine_err` (scan_patterns, ours): they come out of
     * `self.net(...)`, a module kept on the runner, so they carry its graph whatever they are called.
     */
    @Test
    void valuesComputedFromAModuleOnTheObjectCarryItsGraphWhateverTheirName() throws Exception {
        assertEquals(List.of(27), lines("meter_on_the_object_renamed__bug"));
    }

    /**
     * The same SpareNet case without the loop that moved the batch to the GPU (scan_patterns, ours): the file then
     * has no loop at all, the step loop being the caller's, and the meter on the runner still outlives every step.
     */
    @Test
    void aMeterOnTheObjectIsReportedInAFileWithoutAnyLoop() throws Exception {
        assertEquals(List.of(25), lines("meter_without_batch_loop__bug"));
    }

    /**
     * TRI-ML/packnet-sfm#47: `collected.append(output)` of `module.training_step(batch, i)`, whose 'loss' carries
     * the step's graph.
     */
    @Test
    void aTrainingStepOutputIsAGraph() throws Exception {
        assertEquals(List.of(17), lines("step_outputs_collected__bug"));
    }

    /** The fix (PR #51) sets `output["loss"] = output["loss"].detach()` before collecting: the graph is dropped. */
    @Test
    void aTrainingStepOutputWhoseLossIsDetachedInPlaceIsNotReported() throws Exception {
        assertTrue(lines("step_outputs_collected__fixed").isEmpty());
    }
}
