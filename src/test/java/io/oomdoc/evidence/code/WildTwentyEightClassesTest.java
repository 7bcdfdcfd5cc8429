package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two classes fixed from scan28's audit (issue 17, scan_wild28 set A): a bool or integer tensor (torch.eq,
 * argmax, .eq) holds no graph, so counting right answers is not an accumulation; a range stepped by a name walks the
 * data in chunks, so an eval loop over it builds a graph per chunk. Fixtures: scan_patterns (ours; labels.json names
 * the repository each models).
 */
class WildTwentyEightClassesTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static List<String> found(String caseDir, String rule) throws Exception {
        return new PythonScanner(Rules.ALL).scan(SET.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals(rule)).map(f -> f.file() + ":" + f.line()).toList();
    }

    /** hits += torch.eq(torch.max(logits, 1)[1], y).sum(), and the .argmax(1).eq(y) form: nothing to say. */
    @Test
    void countingRightAnswersWithEqIsNotAnAccumulatedGraph() throws Exception {
        assertEquals(List.of(), found("hits_counted_by_eq", "tensor_accumulated"));
    }

    /** confidence += torch.max(logits, 1)[0].sum(): the values keep the graph, reported. */
    @Test
    void theValuesHalfOfMaxSummedAcrossStepsIsReported() throws Exception {
        assertEquals(List.of("reid_train.py:17"), found("max_values_summed", "tensor_accumulated"));
    }

    /** for start in range(0, n, opts.window): chunk(corpus, start, ...) then model(inputs) in eval mode, grad on. */
    @Test
    void anEvalLoopOverARangeSteppedByANameIsABatchLoop() throws Exception {
        assertEquals(List.of("lm_eval.py:18"), found("eval_chunks_stepped_by_name__bug", "eval_without_no_grad"));
    }

    /** The same chunk loop under no_grad: nothing to say. */
    @Test
    void theSameChunkLoopUnderNoGradIsSilent() throws Exception {
        assertEquals(List.of(), found("eval_chunks_stepped_by_name__fixed", "eval_without_no_grad"));
    }
}
