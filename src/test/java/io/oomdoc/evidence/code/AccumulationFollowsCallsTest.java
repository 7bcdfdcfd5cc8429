package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tensor_accumulated across files (issue 17, scan23): a loss appended to a run-long list by a helper the loop imports,
 * and a loss tensor summed from a step function of another file that runs the model two calls down. Fixtures:
 * scan_patterns (written by us; labels.json names what each models).
 */
class AccumulationFollowsCallsTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static List<Finding> found(String caseDir) throws Exception {
        return new PythonScanner(Rules.ALL).scan(SET.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("tensor_accumulated")).toList();
    }

    /** record(history, loss) with record() appending its value in meters.py: reported at the call, fix detaches. */
    @Test
    void anAppendInAnImportedHelperIsJudgedAtTheCall() throws Exception {
        var f = found("loss_appended_by_imported_helper__bug");
        assertEquals(List.of("train_seg.py:17"), f.stream().map(x -> x.file() + ":" + x.line()).toList());
        assertTrue(f.get(0).fix().after().contains("record(history, loss.item())"), f.get(0).fix().after());
    }

    /** The same record() defined in the training script itself: reported at the call too, with the helper named. */
    @Test
    void anAppendInAHelperOfTheSameFileIsJudgedAtTheCall() throws Exception {
        var f = found("loss_appended_by_local_helper__bug");
        assertEquals(List.of("train_seg.py:20"), f.stream().map(x -> x.file() + ":" + x.line()).toList());
        assertEquals("`record()` appends `loss` to `history`: the list keeps the graph of every step alive",
                f.get(0).message());
    }

    /** The helper appends value.detach().item(): nothing is kept with a graph, nothing is reported. */
    @Test
    void aHelperThatKeepsNumbersIsNotReported() throws Exception {
        assertTrue(found("loss_appended_by_imported_helper__fixed").isEmpty());
    }

    /** total_loss += loss where loss is what engine.train_step returns, a criterion of the model's output. */
    @Test
    void aLossReturnedByAnImportedStepAndSummedIsReported() throws Exception {
        var f = found("loss_summed_from_imported_step__bug");
        assertEquals(List.of("run.py:10"), f.stream().map(x -> x.file() + ":" + x.line()).toList());
        assertTrue(f.get(0).fix().after().contains("total_loss += loss.item()"), f.get(0).fix().after());
    }

    /** train_step returns loss.item(): the sum is of numbers, not reported. */
    @Test
    void aStepThatReturnsANumberIsNotReported() throws Exception {
        assertTrue(found("loss_summed_from_imported_step__fixed").isEmpty());
    }
}
