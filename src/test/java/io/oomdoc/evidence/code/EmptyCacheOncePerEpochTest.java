package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * empty_cache() once per epoch is not "every iteration", also when the batch loop sits in a called function and no
 * inner loop of the epoch loop shows it (scan33's choose half: salesforce/ALBEF@b9727e4 Retrieval.py:348, modelled
 * in scan_patterns/empty_cache_once_per_epoch, ours).
 */
class EmptyCacheOncePerEpochTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    /** An epoch loop that calls train(), steps the scheduler and empties the cache once: no finding. */
    @Test
    void anEpochLoopThatCallsTrainAndEmptiesTheCacheIsNotReported() throws Exception {
        assertEquals(List.of(), new PythonScanner(Rules.ALL).scan(SET.resolve("empty_cache_once_per_epoch"))
                .findings().stream().map(f -> f.rule() + " " + f.file() + ":" + f.line()).toList());
    }
}
