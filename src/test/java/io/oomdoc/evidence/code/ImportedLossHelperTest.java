package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * tensor_accumulated reads a loss-named helper imported from another file of the tree with the call's graph arguments
 * (scan25's second audit: a helper that returns a float was taken for a loss by its name). Fixtures: scan_patterns.
 */
class ImportedLossHelperTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static List<String> accumulated(String caseDir) throws Exception {
        return new PythonScanner(Rules.ALL).scan(SET.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("tensor_accumulated")).map(f -> f.file() + ":" + f.line()).toList();
    }

    /** squared_log_loss() turns the prediction into a float with math.log: appending it keeps no graph. */
    @Test
    void aHelperThatReturnsAFloatIsNotAGraphByItsName() throws Exception {
        assertEquals(List.of(), accumulated("loss_helper_returns_float"));
    }

    /** The same helper with torch.log returns a tensor with the prediction's graph: the append is reported. */
    @Test
    void aHelperThatKeepsATensorIsStillReported() throws Exception {
        assertEquals(List.of("pair_scorer.py:31"), accumulated("loss_helper_returns_tensor__bug"));
    }
}
