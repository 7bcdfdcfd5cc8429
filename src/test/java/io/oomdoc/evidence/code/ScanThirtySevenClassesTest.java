package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two false classes of scan37's choose half (bench/scan_wild37.md), each on a fixture that models the real file:
 * a launcher that is only a comment taken for distributed code (yxli2123/LoftQ@ae33fd4 glue/run_glue.py), and loads
 * in functions that only the launching process runs, beside an mp.spawn worker
 * (harvardnlp/annotated-transformer@debc9fd the_annotated_transformer.py).
 */
class ScanThirtySevenClassesTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static List<String> findings(String folder) throws Exception {
        return new PythonScanner(Rules.ALL).scan(SET.resolve(folder)).findings().stream()
                .map(f -> f.rule() + " " + f.file() + ":" + f.line()).toList();
    }

    /** A commented-out Accelerator makes no process group: the one process's checkpoint read is not reported. */
    @Test
    void aLauncherInACommentIsNoDistributedCode() throws Exception {
        assertEquals(List.of(), findings("launcher_in_a_comment"));
    }

    /** Of three loads in a file with a spawned worker, only the worker's is read by every rank. */
    @Test
    void onlyTheLoadTheSpawnedWorkerReachesIsReported() throws Exception {
        assertEquals(List.of("torch_load_no_map_location translate.py:28"),
                findings("loads_outside_the_spawned_worker"));
    }
}
