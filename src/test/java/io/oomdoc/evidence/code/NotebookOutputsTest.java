package io.oomdoc.evidence.code;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A notebook is mostly its outputs: scan_patterns/epoch_loss_in_notebook/examples/vit_pets.ipynb (ours, after
 * lucidrains/vit-pytorch's examples/cats_and_dogs.ipynb) with a 3 MB plot added to one cell's outputs, as a saved
 * notebook carries it, still has its code read (round 7 found two real notebooks skipped as "larger than 2 MB" for
 * their outputs alone).
 */
class NotebookOutputsTest {
    @Test
    void aNotebookLargeOnlyForItsOutputsIsStillRead(@TempDir Path repo) throws Exception {
        String nb = Files.readString(Fixtures.path("scan_patterns/epoch_loss_in_notebook/examples/vit_pets.ipynb"));
        String plot = "{\"output_type\": \"display_data\", \"metadata\": {}, \"data\": {\"image/png\": \""
                + "A".repeat(3_000_000) + "\"}}";
        int outputs = nb.indexOf("\"outputs\": [");
        assertTrue(outputs > 0, "the fixture has an outputs list");
        int at = outputs + "\"outputs\": [".length();
        boolean empty = nb.substring(at).stripLeading().startsWith("]");
        String big = nb.substring(0, at) + plot + (empty ? "" : ",") + nb.substring(at);
        Files.createDirectories(repo.resolve("examples"));
        Files.writeString(repo.resolve("examples/vit_pets.ipynb"), big);
        assertTrue(Files.size(repo.resolve("examples/vit_pets.ipynb")) > RepoFiles.MAX_FILE_BYTES);

        ScanResult r = new PythonScanner(Rules.ALL).scan(repo);
        assertEquals(1, r.filesScanned(), r.skipped().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("tensor_accumulated")
                && f.file().equals("examples/vit_pets.ipynb") && f.line() == 23), r.findings().toString());
    }
}
