package io.oomdoc.evidence.code;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A notebook is mostly its outputs: lucidrains/vit-pytorch's examples/cats_and_dogs.ipynb (scan_wild) with a 3 MB
 * plot added to one cell's outputs, as a saved notebook carries it, still has its code read (round 7 found two real
 * notebooks skipped as "larger than 2 MB" for their outputs alone).
 */
class NotebookOutputsTest {
    @Test
    void aNotebookLargeOnlyForItsOutputsIsStillRead(@TempDir Path repo) throws Exception {
        String nb = Files.readString(Fixtures.path("scan_wild/lucidrains+vit-pytorch/examples/cats_and_dogs.ipynb"));
        String plot = "{\"output_type\": \"display_data\", \"metadata\": {}, \"data\": {\"image/png\": \""
                + "A".repeat(3_000_000) + "\"}}";
        int outputs = nb.indexOf("\"outputs\": [");
        assertTrue(outputs > 0, "the fixture has an outputs list");
        int at = outputs + "\"outputs\": [".length();
        boolean empty = nb.substring(at).stripLeading().startsWith("]");
        String big = nb.substring(0, at) + plot + (empty ? "" : ",") + nb.substring(at);
        Files.createDirectories(repo.resolve("examples"));
        Files.writeString(repo.resolve("examples/cats_and_dogs.ipynb"), big);
        assertTrue(Files.size(repo.resolve("examples/cats_and_dogs.ipynb")) > RepoFiles.MAX_FILE_BYTES);

        ScanResult r = new PythonScanner(Rules.ALL).scan(repo);
        assertEquals(1, r.filesScanned(), r.skipped().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("tensor_accumulated")
                && f.file().equals("examples/cats_and_dogs.ipynb") && f.line() == 164), r.findings().toString());
    }
}
