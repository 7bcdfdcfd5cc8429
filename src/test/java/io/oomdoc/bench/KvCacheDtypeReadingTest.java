package io.oomdoc.bench;

import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import io.oomdoc.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A KV cache kept in int8 (lmdeploy's TurboMind kCacheKVInt8) takes one byte a value, half the fp16 cache. Records:
 * lmdeploy's KV int8 page, InternLM-chat-7B under TurboMind with 8 to 48 sessions of 2048 tokens, each beside its
 * fp16 twin (measured_heldout9.json, burned; before the reader took the dtype the int8 rows were +41% to +98%).
 */
class KvCacheDtypeReadingTest {
    @TempDir Path tmp;

    @Test
    void anInt8CacheRecordHoldsHalfTheKvOfItsFp16Twin() throws IOException {
        Setup int8 = BudgetBench.devSetup(MeasuredRecords.byId("heldout9",
                "lmdeploy-internlm-chat-7b-turbomind-kv-int8-b48"));
        Setup fp16 = BudgetBench.devSetup(MeasuredRecords.byId("heldout9",
                "lmdeploy-internlm-chat-7b-turbomind-kv-fp16-b48"));
        BudgetEngine e = new BudgetEngine();
        assertEquals(e.estimate(fp16, null).perGpuBytes().kvCache() / 2.0,
                e.estimate(int8, null).perGpuBytes().kvCache(), 1e6);
    }

    @Test
    void theCommandLineTakesInt8AsOneByteAValue() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int rc = Main.run(new String[]{"budget", "--model", "llama-3.1-8b", "--mode", "infer", "--seq", "2048",
                "--batch", "8", "--kv-cache-dtype", "int8"}, new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false);
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("KV cache stored in 1 byte(s) a value"));
    }
}
