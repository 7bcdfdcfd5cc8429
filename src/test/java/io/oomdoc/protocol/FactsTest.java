package io.oomdoc.protocol;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the user said, as Facts keeps it and renders it for /facts and the transcript. Real turns from the dev
 * conversations (each file's "source:" line): 10-deepseek-coder-33b-zero3 (deepseek-ai/DeepSeek-Coder#78),
 * 15-litgpt-llama2-7b-lora-3090 (Lightning-AI/litgpt#553), 46-deepspeed-chatglm6b-lora-4x3090
 * (deepspeedai/DeepSpeed#6679), 04-vllm-7b-uses-70gb.
 */
class FactsTest {
    private static final String DEEPSEEK = "full fine-tune deepseek-coder-33b-instruct on 8 x A800 80G, deepspeed "
            + "zero3, 1.2T host ram, micro batch 1. still:";
    private static final String LITGPT = "getting OOM finetuning Llama-2-7b-hf with litgpt finetune/lora.py on my rtx "
            + "3090 24gb, micro_batch_size 1, lora_r 8";
    private static final String CHATGLM = "6b model (chatglm-6b), lora with ~0.5% of params trainable, deepspeed zero "
            + "3, fp16, micro batch 1, adam. cuda oom during back-propagation every time";

    @Test
    void aTurnIsRenderedKeyByKeyInTheFixedOrderWithSizesInGib() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("gpu", "A800 80GB");
        expected.put("gpu_mem", "80 GiB");
        expected.put("host_ram", "1228.80 GiB");
        expected.put("gpus", 8);
        expected.put("model", "deepseek-coder-33b-instruct");
        expected.put("params", "33B");
        expected.put("batch", 1);
        expected.put("zero", 3);
        expected.put("framework", "deepspeed");
        Map<String, Object> said = FactExtractor.extract(DEEPSEEK).asMap();
        assertEquals(expected, said);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(said.keySet()));
    }

    @Test
    void everyGetterReturnsWhatTheTurnSaid() {
        Facts f = FactExtractor.extract(LITGPT).merge(FactExtractor.extract(CHATGLM));
        assertEquals("GeForce RTX 3090", f.gpuName());
        assertEquals(24L << 30, f.gpuMemBytes());
        assertEquals("chatglm-6b", f.model());
        assertEquals(6_000_000_000L, f.params());
        assertEquals(1, f.batch());
        assertEquals("fp16", f.precision());
        assertEquals("adamw", f.optimizer());
        assertEquals(8, f.loraRank());
        assertEquals(3, f.zeroStage());
        assertEquals("deepspeed", f.framework());
        assertEquals("backward", f.phaseHint());
        assertEquals(Boolean.TRUE, f.lora());
        assertEquals(null, f.qlora());
        assertEquals(null, f.checkpointing());
    }

    @Test
    void aNewerTurnReplacesOnlyWhatItStates() {
        Facts older = FactExtractor.extract(LITGPT);
        Facts merged = older.merge(FactExtractor.extract(CHATGLM));
        assertEquals("GeForce RTX 3090", merged.gpuName(), "kept: the second turn names no card");
        assertEquals("chatglm-6b", merged.model(), "replaced: the second turn names its model");
        assertEquals(8, merged.loraRank());
        assertSame(older, older.merge(null));
    }

    @Test
    void withoutDropsExactlyTheNamedFactAndAcceptsTheLongNames() {
        Facts all = full();
        for (String key : Facts.KEYS) {
            Map<String, Object> expected = new LinkedHashMap<>(all.asMap());
            expected.remove(key);
            assertEquals(expected, all.without(key).asMap(), key);
        }
        assertEquals(all.without("seq"), all.without("seq_len"));
        assertEquals(all.without("gpu_mem"), all.without("GPU_MEMORY_BYTES"));
        assertEquals(all.without("gpus"), all.without("world_size"));
        assertEquals(all.without("phase"), all.without("phase_hint"));
        assertEquals(all.without("host_ram"), all.without("host_ram_bytes"));
        assertSame(all, all.without("colour"));
        assertSame(all, all.without(null));
    }

    @Test
    void setParsesEachKeyFromTextAndRefusesWhatDoesNotParse() {
        Facts f = full();
        assertEquals(Facts.KEYS, List.copyOf(f.asMap().keySet()), "every key set from text");
        Facts.Builder b = Facts.builder();
        assertFalse(b.set("seq", "long"));
        assertFalse(b.set("colour", "blue"));
        assertTrue(b.set("checkpointing", "full"));
        assertEquals("full", b.build().asMap().get("checkpointing"));
        assertTrue(b.set("checkpointing", "none"));
        assertEquals("none", b.build().asMap().get("checkpointing"));
    }

    @Test
    void withChangesOneFactAndKeepsTheRest() {
        Facts f = FactExtractor.extract(LITGPT);
        Facts eight = f.with(b -> b.batch(8));
        assertEquals(8, eight.batch());
        assertEquals(f.gpuName(), eight.gpuName());
        assertEquals(1, f.batch(), "the original is unchanged");
    }

    @Test
    void sizesAndCountsReadAsPeopleWriteThem() {
        assertEquals("24 GiB", Facts.gib(24L << 30));
        assertEquals("22.49 GiB", Facts.gib(Math.round(22.49 * (1L << 30))));
        assertEquals("512 MiB", Facts.gib(512L << 20));
        assertEquals("1 GiB", Facts.gib(1L << 30));
        assertEquals("7B", Facts.params(7_000_000_000L));
        assertEquals("6.7B", Facts.params(6_738_000_000L));
        assertEquals("1B", Facts.params(1_000_000_000L));
        assertEquals("124M", Facts.params(124_000_000L));
        assertEquals("1M", Facts.params(1_000_000L));
        assertEquals("999999", Facts.params(999_999L));
    }

    @Test
    void twoFactsAreEqualOnlyWhenTheirExactBytesAgree() {
        Facts a = Facts.builder().gpuMemBytes(24L << 30).build();
        Facts b = Facts.builder().gpuMemBytes((24L << 30) + 1).build();
        assertEquals(a.asMap(), b.asMap(), "both render as 24 GiB");
        assertNotEquals(a, b);
        assertEquals(a, Facts.builder().gpuMemBytes(24L << 30).build());
        assertEquals(a.hashCode(), Facts.builder().gpuMemBytes(24L << 30).build().hashCode());
        assertNotEquals(Facts.builder().params(7_000_000_001L).build(), Facts.builder().params(7_000_000_000L).build());
        assertNotEquals(Facts.builder().hostRamBytes((32L << 30) + 1).build(),
                Facts.builder().hostRamBytes(32L << 30).build());
        assertNotEquals(a, "24 GiB");
        assertEquals("Facts{gpu_mem=24 GiB}", a.toString());
    }

    @Test
    void nothingSaidIsEmptyAndAnythingSaidIsNot() {
        assertTrue(Facts.EMPTY.isEmpty());
        assertFalse(FactExtractor.extract(LITGPT).isEmpty());
    }

    @Test
    void aBareReplyFillsTheFactThatWasAskedFor() {
        // 04-vllm-7b-uses-70gb: "it's an 80gb card" after the card's size was asked; 15-litgpt: "2048" for seq
        assertEquals(80L << 30, FactExtractor.answer("it's an 80gb card", "gpu_mem").gpuMemBytes());
        assertEquals(2048, FactExtractor.answer("2048", "seq").seqLen());
        assertEquals(Facts.EMPTY, FactExtractor.extract("2048"), "a bare number means nothing unless asked");
    }

    @Test
    void aBareReplyIsReadForTheKeyThatWasAskedAndOnlyThen() {
        // the reply forms FactExtractor.answer documents: "24gb" for gpu_mem, "a 3090" for gpu, "8" for batch
        assertEquals(24L << 30, FactExtractor.answer("24gb", "gpu_mem").gpuMemBytes());
        assertEquals(24L << 30, FactExtractor.answer("24", "gpu_mem").gpuMemBytes(), "a bare size is in GB");
        assertNull(FactExtractor.answer("4096", "gpu_mem").gpuMemBytes(), "no card has 4 TB");
        assertNull(FactExtractor.answer("0.1", "gpu_mem").gpuMemBytes(), "nor 100 MB");
        Facts card = FactExtractor.answer("a 3090", "gpu");
        assertEquals("GeForce RTX 3090", card.gpuName());
        assertEquals(24L << 30, card.gpuMemBytes(), "the catalog's size comes with the card");
        assertEquals(8, FactExtractor.answer("8", "batch").batch());
        assertEquals(4096, FactExtractor.answer("about 4k tokens", "seq").seqLen());
        assertNull(FactExtractor.answer("0", "batch").batch());
        assertEquals(2, FactExtractor.answer("just two", "gpus").worldSize());
        assertEquals(1, FactExtractor.answer("single", "gpus").worldSize());
        assertEquals(8, FactExtractor.answer("eight", "gpus").worldSize());
        assertEquals("bf16", FactExtractor.answer("bf16", "precision").precision());
        assertNull(FactExtractor.answer("bf16", "optimizer").optimizer(), "a word for another key is not the answer");
        assertEquals(Facts.EMPTY, FactExtractor.answer("2048", null));
        assertEquals(Facts.EMPTY, FactExtractor.answer(null, "seq"));
        assertEquals(Facts.EMPTY, FactExtractor.read("  ").asserted());
    }

    /** Every key set, from the three real turns and the rest through Builder.set as /facts edits them. */
    private static Facts full() {
        Facts f = FactExtractor.extract(DEEPSEEK).merge(FactExtractor.extract(CHATGLM))
                .merge(FactExtractor.extract(LITGPT));
        Facts.Builder b = f.toBuilder();
        assertTrue(b.set("depth", "32"));
        assertTrue(b.set("seq", "2048"));
        assertTrue(b.set("checkpointing", "true"));
        assertTrue(b.set("quant", "4bit"));
        assertTrue(b.set("qlora", "true"));
        assertTrue(b.set("grad_accum", "8"));
        assertTrue(b.set("total_batch", "64"));
        assertTrue(b.set("attention", "sdpa"));
        assertTrue(b.set("host_ram", String.valueOf(32L << 30)));
        assertTrue(b.set("device_map", "auto"));
        assertTrue(b.set("gguf", "q4_k_m"));
        assertTrue(b.set("fsdp", "true"));
        assertTrue(b.set("offload", "params"));
        assertTrue(b.set("gpu_mem", String.valueOf(24L << 30)));
        assertTrue(b.set("gpus", "2"));
        assertTrue(b.set("params", "6738000000"));
        assertTrue(b.set("gpu", "GeForce RTX 3090"));
        assertTrue(b.set("model", "llama-2-7b"));
        assertTrue(b.set("batch", "4"));
        assertTrue(b.set("precision", "bf16"));
        assertTrue(b.set("optimizer", "adamw"));
        assertTrue(b.set("lora_rank", "16"));
        assertTrue(b.set("zero", "2"));
        assertTrue(b.set("framework", "deepspeed"));
        assertTrue(b.set("phase", "backward"));
        assertTrue(b.set("lora", "true"));
        return b.build();
    }
}
