package io.oomdoc.cli;

import io.oomdoc.evidence.snapshot.SnapshotReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The text `oomdoc snapshot` prints, whole, for the fragmented-OOM fixture (src/test/resources/snapshots/
 * oom_fragmented.pickle, built by make_fixtures.py there): every section of the view, the failing request and the
 * timeline's "!" included. Captured before the view's sentences moved to cli/messages.properties.
 */
class SnapshotViewTest {
    @Test
    void theFragmentedOomFixtureReadsAsBefore() throws Exception {
        var report = new SnapshotReader().read(Path.of("src/test/resources/snapshots/oom_fragmented.pickle"));
        assertEquals("""
                snapshot: 1 device(s), 6 segments, 24 blocks, 49 history events
                  reserved 261.00 MiB, allocated 127.00 MiB, free in cache 134.00 MiB \
                (largest block 16.00 MiB, fragmentation 88%)
                  peak allocated during the recording: 140.00 MiB
                  out of memory at event 48 asking for 96.00 MiB

                live memory by kind
                  activations        127.00 MiB

                top holders (your frames)
                    127.00 MiB     12 blocks  model.py:88 in forward

                allocated over time (max 140.00 MiB, ! = the failing allocation)
                  | ▁▁ ▁▂▂▁▂▂▂▂▂▃▃▂▃▄▄▃▃▄▄▃▄▅▅▄▅▆▆▅▅▆▆▅▆▇▇▆▇▇▇▇▇██▇!|
                note: fragmented: the largest free block is 12% of the free cached memory
                note: the history contains an out-of-memory event at event 48
                """, SnapshotView.text(report, Style.plain()));
    }
}
