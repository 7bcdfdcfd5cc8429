package io.oomdoc.evidence.code;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The dataflow behind tensor_accumulated and eval_without_no_grad, each behaviour on the real file of
 * src/test/resources/scan_wild where it was judged (repository and commit in its labels.json).
 */
class GraphFlowOnRealReposTest {
    private static Set<String> found(String repo, String rule) throws Exception {
        List<Finding> all = new PythonScanner().scan(Fixtures.path("scan_wild/" + repo)).findings();
        Set<String> out = new TreeSet<>();
        for (Finding f : all) if (f.rule().equals(rule)) out.add(f.file() + ":" + f.line());
        return out;
    }

    /** Losses returned as a tuple by methods of the same class, through an if/elif chain, under set_grad_enabled(flag). */
    @Test
    void lossFromAMethodOfTheFileSummedOverTheEpochIsALeak() throws Exception {
        Set<String> f = found("boschresearch+Continuous-Recurrent-Units", "tensor_accumulated");
        assertTrue(f.containsAll(Set.of("lib/CRU.py:348", "lib/CRU.py:353")), f.toString());
    }

    /** The per-scale losses summed inside one step, reset each step and backpropagated through an alias. */
    @Test
    void aSumInsideOneStepBeforeBackwardIsNotALeak() throws Exception {
        assertEquals(Set.of(), found("bubbliiiing+yolo3-pytorch", "tensor_accumulated"));
    }

    /** batch_loss += loss.item(), then total_loss += batch_loss: Python floats all the way. */
    @Test
    void numbersMadeByItemStayNumbers() throws Exception {
        assertEquals(Set.of(), found("chrischoy+FCGF", "tensor_accumulated"));
    }

    /** `layer_inputs, pre_acts = [], []` at the top of every epoch resets both lists. */
    @Test
    void aTupleAssignmentResetsTheAccumulator() throws Exception {
        assertEquals(Set.of(), found("MorvanZhou+PyTorch-Tutorial", "tensor_accumulated"));
    }

    /** batch_loss() sums the loss over time steps and returns it; train() backpropagates it. */
    @Test
    void aSumReturnedToTheCallerIsTheCallersLoss() throws Exception {
        assertEquals(Set.of(), found("ShusenTang+Dive-into-DL-PyTorch", "tensor_accumulated"));
    }

    /** epoch_loss += loss / len(loader) is reported; epoch_accuracy += acc / len(loader), from argmax, is not. */
    @Test
    void onlyTheValueThatCarriesAGraphIsReported() throws Exception {
        assertEquals(Set.of("examples/cats_and_dogs.ipynb:164"), found("lucidrains+vit-pytorch", "tensor_accumulated"));
    }

    /** validation() has no no_grad of its own, but train.py calls it inside one: followed across files. */
    @Test
    void anEvalFunctionCalledUnderNoGradElsewhereIsFine() throws Exception {
        assertEquals(Set.of(), found("clovaai+deep-text-recognition-benchmark", "eval_without_no_grad"));
    }

    /** Decoding one sentence step by step is not an eval loop over batches. */
    @Test
    void aLoopOverTimeStepsIsNotAnEvalLoopOverBatches() throws Exception {
        assertEquals(Set.of(), found("spro+practical-pytorch", "eval_without_no_grad"));
    }

    /** The default rules leave out the imprecise ones; Rules.ALL runs them. */
    @Test
    void rulesBelowThePrecisionBarAreOffByDefault() throws Exception {
        assertEquals(Set.of(), found("pai4451+ML2021", "pin_memory_many_workers"));
        long all = new PythonScanner(Rules.ALL).scan(Fixtures.path("scan_wild/pai4451+ML2021")).findings().stream()
                .filter(x -> x.rule().equals("pin_memory_many_workers")).count();
        assertTrue(all > 0);
        assertEquals(Set.of("hw7/hw7_macbert4.ipynb:322", "hw7/hw7_macbert4_w_val.ipynb:323",
                "hw7/hw7_macbert6.ipynb:323"), found("pai4451+ML2021", "tensor_accumulated"));
    }
}
