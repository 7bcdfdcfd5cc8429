package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A DataLoader worker killed for host RAM is fixed in the data pipeline, not where the weights are loaded. Fixture
 * (traces/SOURCES.md): mmrotate-501-dataloader-killed-16g.txt (open-mmlab/mmrotate#501: a rotated-box detector's
 * distributed training on 16 GB of RAM).
 */
class DataLoaderKillRungsTest {
    private static Report diagnose(String name) throws Exception {
        LogText log = LogText.of(Files.readString(Path.of("src/test/resources/traces/" + name)));
        return EvidenceGatherer.from(log).gather().diagnose(new Diagnoser());
    }

    @Test
    void aKilledWorkerIsNotToldToLoadAModelWithoutAHostCopy() throws Exception {
        Report r = diagnose("mmrotate-501-dataloader-killed-16g.txt");
        assertEquals("dataloader", r.phase());
        assertFalse(r.fixes().stream().anyMatch(f -> f.after().contains("from_pretrained")), r.fixes().toString());
    }
}
