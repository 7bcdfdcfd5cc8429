package io.oomdoc.evidence.snapshot;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Snapshot pickles in torch's documented layout (see snapshots/make_fixtures.py), and bad input. */
class SnapshotReaderTest {
    @TempDir Path tmp;
    private final SnapshotReader reader = new SnapshotReader();
    private static final long MIB = 1 << 20;

    @Test
    void trainingStepsSplitIntoParametersGradientsAndOptimizerState() throws Exception {
        SnapshotReport r = reader.read(Fixtures.path("snapshots/train_steps.pickle"));
        assertEquals(384 * MIB, r.allocatedBytes());
        assertEquals(192 * MIB, r.buckets().stream().filter(b -> b.name().equals("optimizer state")).findFirst().orElseThrow().bytes());
        assertEquals("train.py:65 in train_step", r.topHolders().get(0).frame(), "grouped by the user's own frame");
        assertEquals(704 * MIB, r.peakAllocatedBytes(), "peak replayed from the allocation history");
    }

    @Test
    void aLeakShowsAsOneFrameHoldingManyBlocks() throws Exception {
        SnapshotReport r = reader.read(Fixtures.path("snapshots/leak.pickle"));
        assertTrue(r.topHolders().stream().anyMatch(h -> h.frame().startsWith("train.py:70") && h.blocks() == 40));
    }

    @Test
    void theFailingAllocationAndFragmentationAreReported() throws Exception {
        SnapshotReport r = reader.read(Fixtures.path("snapshots/oom_fragmented.pickle"));
        assertNotNull(r.oomEventIndex());
        assertEquals(96 * MIB, r.oomRequestedBytes());
        assertTrue(r.fragmentation() > 0.5);
        assertTrue(r.largestFreeBlockBytes() < r.oomRequestedBytes(), "no free block could hold the request");
    }

    @Test
    void theNotesSayWhatTheFailureAndTheFreeMemoryShow() throws Exception {
        SnapshotReport r = reader.read(Fixtures.path("snapshots/oom_fragmented.pickle"));
        assertEquals(List.of("fragmented: the largest free block is 12% of the free cached memory",
                "the history contains an out-of-memory event at event " + r.oomEventIndex()), r.notes());
    }

    /** Recorded on an H200 with torch 2.11 (snapshots/h200_*.pickle, bench/gpu/snap.py): stacks hold C++ frames. */
    @Test
    void aRealTorch211SnapshotIsGroupedByTheUsersPythonLineNotTheAllocatorsCppFrames() throws Exception {
        SnapshotReport r = reader.read(Fixtures.path("snapshots/h200_gpt2_then_oom.pickle"));
        SnapshotReport.Holder top = r.topHolders().get(0);
        assertTrue(top.frame().endsWith("snap.py:22 in <module>"), top.frame());
        assertEquals(5, top.blocks(), "the five 20 GiB tensors the script keeps");
        assertEquals(200L << 30, r.oomRequestedBytes());
    }

    @Test
    void aRealTorch211SnapshotSplitsGpt2SmallIntoItsWeightsAndAdamState() throws Exception {
        SnapshotReport r = reader.read(Fixtures.path("snapshots/h200_gpt2_train_3_steps.pickle"));
        long params = r.buckets().stream().filter(b -> b.name().equals("parameters")).findFirst().orElseThrow().bytes();
        long adam = r.buckets().stream().filter(b -> b.name().equals("optimizer state")).findFirst().orElseThrow()
                .bytes();
        // GPT-2 small: 124.4 M fp32 parameters (475 MiB); AdamW keeps two moments of each (950 MiB) and its steps
        assertEquals(475, params / MIB, 2);
        assertEquals(2.0, adam / (double) params, 0.05);
    }

    @Test
    void realSnapshotsDroppedIntoTheFixtureFolderAreRead() throws Exception {
        try (Stream<Path> s = Files.list(Fixtures.path("snapshots"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".pickle")).toList()) {
                SnapshotReport r = reader.read(p);
                assertTrue(r.reservedBytes() >= r.allocatedBytes(), p.toString());
            }
        }
    }

    @Test
    void aPickleFromAnotherProgramIsRefused() throws Exception {
        Path p = tmp.resolve("other.pickle");
        // pickle.dumps({"hello": [1, 2]}, protocol=4)
        Files.write(p, new byte[]{(byte) 0x80, 4, (byte) 0x95, 20, 0, 0, 0, 0, 0, 0, 0, 125, (byte) 0x94, (byte) 0x8c, 5, 'h', 'e', 'l', 'l', 'o',
                (byte) 0x94, 93, (byte) 0x94, 40, 75, 1, 75, 2, 101, 115, 46});
        SnapshotReader.NotASnapshot e = assertThrows(SnapshotReader.NotASnapshot.class, () -> reader.read(p));
        assertTrue(e.getMessage().contains("not a torch.cuda.memory snapshot"), e.getMessage());
    }

    @Test
    void aTruncatedSnapshotIsAClearError() throws Exception {
        byte[] full = Files.readAllBytes(Fixtures.path("snapshots/train_steps.pickle"));
        Path p = tmp.resolve("cut.pickle");
        Files.write(p, java.util.Arrays.copyOf(full, full.length / 2));
        assertThrows(SnapshotReader.NotASnapshot.class, () -> reader.read(p));
    }

    @Test
    void aPickleThatWouldRunCodeIsNeverExecuted() throws Exception {
        // pickle of os.system("touch PWNED"): GLOBAL os system, then REDUCE
        Path marker = tmp.resolve("PWNED");
        String payload = "cos\nsystem\n(S'touch " + marker + "'\ntR.";
        Path p = tmp.resolve("evil.pickle");
        byte[] body = payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] withProto = new byte[body.length + 2];
        withProto[0] = (byte) 0x80;
        withProto[1] = 2;
        System.arraycopy(body, 0, withProto, 2, body.length);
        Files.write(p, withProto);
        assertThrows(SnapshotReader.NotASnapshot.class, () -> reader.read(p));
        assertFalse(Files.exists(marker));
    }

    @Test
    void textIsNotAPickle() throws Exception {
        Path p = tmp.resolve("log.txt");
        Files.writeString(p, "RuntimeError: CUDA out of memory");
        assertThrows(SnapshotReader.NotASnapshot.class, () -> reader.read(p));
    }
}
