package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class FactsTest {
    @Test
    void builderSetsWhatItIsGivenAndLeavesTheRestUnsaid() {
        Facts f = Facts.builder().gpuName("GeForce RTX 3090").batch(8).zeroStage(2).build();
        assertEquals("GeForce RTX 3090", f.gpuName());
        assertEquals(8, f.batch());
        assertEquals(2, f.zeroStage());
        assertNull(f.seqLen());
        assertTrue(Facts.EMPTY.isEmpty());
    }

    @Test
    void mergeLetsTheNewerStatementWinFieldByField() {
        Facts older = Facts.builder().batch(32).seqLen(2048).precision("bf16").build();
        Facts newer = Facts.builder().batch(16).quant("4bit").build();
        Facts m = older.merge(newer);
        assertEquals(16, m.batch());
        assertEquals(2048, m.seqLen());
        assertEquals("bf16", m.precision());
        assertEquals("4bit", m.quant());
    }

    @Test
    void withoutDropsOneFactByItsKey() {
        Facts f = Facts.builder().zeroStage(3).worldSize(8).seqLen(1024).build();
        assertNull(f.without("zero").zeroStage());
        assertEquals(8, f.without("zero").worldSize());
        assertNull(f.without("seq").seqLen());
        assertEquals(f, f.without("no-such-key"));
    }

    @Test
    void withChangesSomeFacts() {
        Facts f = Facts.builder().batch(4).build().with(b -> b.batch(8).loraRank(16));
        assertEquals(8, f.batch());
        assertEquals(16, f.loraRank());
    }

    @Test
    void asMapUsesTheTranscriptKeysAndReadableValues() {
        Facts f = Facts.builder().gpuName("A100 80GB").gpuMemBytes(80 * Bytes.GIB).params(1_300_000_000L).checkpointing(false)
                .worldSize(8).seqLen(2048).framework("deepspeed").build();
        Map<String, Object> m = f.asMap();
        assertEquals(List.of("gpu", "gpu_mem", "gpus", "params", "seq", "checkpointing", "framework"), List.copyOf(m.keySet()));
        assertEquals("80 GiB", m.get("gpu_mem"));
        assertEquals("1.3B", m.get("params"));
        assertEquals("none", m.get("checkpointing"));
        assertEquals("7B", Facts.params(7_000_000_000L));
        assertTrue(Facts.KEYS.containsAll(m.keySet()));
    }
}
