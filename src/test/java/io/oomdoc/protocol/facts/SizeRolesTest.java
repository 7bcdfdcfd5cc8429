package io.oomdoc.protocol.facts;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a size in a paste measures (the card, a used figure, host RAM), from the words around it. Lines are from
 * the dev corpus (src/test/resources/corpus/serving.jsonl, record and thread named on each test) and the dev
 * conversations (src/test/resources/conversations, file named on each test).
 */
class SizeRolesTest {
    private static List<String> values(String text, String key) {
        return Quantities.find(text.toLowerCase(Locale.ROOT)).stream().filter(m -> m.key().equals(key))
                .map(Mention::value).toList();
    }

    private static String bytes(String number, String unit) { return String.valueOf(Bytes.parse(number, unit)); }

    // vllm-10517-llama31-8b-29k-max-model-len-kv (vllm-project/vllm#10517)
    @Test
    void vllmsTotalGpuMemoryIsTheCardAndItsUsageFiguresAreNot() {
        String line = "Memory profiling results: total_gpu_memory=23.58GiB initial_memory_usage=15.34GiB "
                + "peak_torch_memory=17.98GiB memory_usage_post_profile=15.35GiB non_torch_memory=0.35GiB";
        assertEquals(List.of(bytes("23.58", "GiB")), values(line, "size.capacity"));
        assertTrue(values(line, "size.stated").isEmpty(), values(line, "size.stated").toString());
    }

    // trtllm-6281-qwen3-32b-fp8-tp2-rank1-on-gpu0 (NVIDIA/TensorRT-LLM#6281)
    @Test
    void usedOverAvailableMakesTheSecondFigureTheCapacity() {
        String line = "Model load consumes ~18GB VRAM per GPU (total 36GB/48GB available).";
        assertEquals(List.of(bytes("48", "GB")), values(line, "size.capacity"), "36GB is the used figure");
    }

    // 33-diffusers-lora-validation-oom.txt
    @Test
    void aSizeBeforeTheWordCardIsTheCardsMemory() {
        assertEquals(List.of(String.valueOf(16 * Bytes.GIB)),
                values("train_text_to_image_lora.py on my 3080 16 gb laptop card. batch 1", "size.stated"));
    }

    // 05-llamacpp-65b-two-3090s-ram.txt
    @Test
    void systemRamIsHostMemoryNotTheCard() {
        String turn = "2x rtx 3090 (48gb vram total), only 32gb system ram, windows.";
        assertEquals(List.of(String.valueOf(32 * Bytes.GIB)), values(turn, "host_ram"));
        assertEquals(List.of(String.valueOf(48 * Bytes.GIB)), values(turn, "size.total"));
    }
}
