package io.oomdoc.budget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Parameter offload under a sharded LoRA/QLoRA fine-tune (issue 14, item 1). PyTorch's CPUOffload(offload_params=True)
 * keeps every parameter shard in host RAM, frozen or not, and offloads the gradients with them so the optimizer
 * steps on the CPU (torch.distributed.fsdp docs); DeepSpeed's offload_param does the same for ZeRO-3. Checked on
 * philschmid's FSDP + QLoRA Llama 3 70B notebook (budget/measured_heldout6.json, record
 * philschmid-fsdp-qlora-llama-3-70b-4xa10g, burned: 4 x A10G, 'full_shard auto_wrap offload', published to fit at
 * 22 GB per GPU).
 */
class BudgetShardedOffloadTest {
    private final BudgetEngine engine = new BudgetEngine();

    private static JsonNode record() throws IOException {
        JsonNode all = new ObjectMapper().readTree(Path.of("src/test/resources/budget/measured_heldout6.json")
                .toFile());
        for (JsonNode r : all) if (r.path("id").asText().equals("philschmid-fsdp-qlora-llama-3-70b-4xa10g")) return r;
        throw new AssertionError("record not found");
    }

    private static Setup setup(JsonNode r, boolean offload) {
        assertTrue(r.path("sharding").asText().contains("offload_param"), "the record offloads its parameters");
        return Setup.builder(ModelCatalog.find("llama-3-70b").orElseThrow()).seq(r.path("seq").asInt())
                .batch(r.path("batch").asInt()).gpus(r.path("gpus").asInt()).zeroStage(3)
                .loraRank(r.path("lora_rank").asInt()).quant(Setup.Quant.NF4).doubleQuant(true).loraDropout(true)
                .checkpointing(Setup.Checkpointing.FULL).contextBytes(BudgetEngine.DEFAULT_CONTEXT)
                .offloadParams(offload).offloadOptimizer(offload).build();
    }

    @Test
    void offloadedShardsLeaveOnlyTheGatheredUnitsOnTheGpu() throws IOException {
        JsonNode r = record();
        Budget kept = engine.estimate(setup(r, false), null), offloaded = engine.estimate(setup(r, true), null);
        long frozenShard = kept.perGpuBytes().weights() - offloaded.perGpuBytes().weights();
        // a quarter of a 70B model at about 0.53 B per parameter leaves the GPU
        assertTrue(frozenShard > 8e9 && frozenShard < 10.5e9, "shard moved to host: " + frozenShard);
        assertEquals(0, offloaded.perGpuBytes().optimizer() + offloaded.perGpuBytes().gradients());
    }

    @Test
    void withTheShardsOffloadedItFitsTheA10gItWasPublishedToFit() throws IOException {
        JsonNode r = record();
        long a10g = GpuCatalog.find("a10g").orElseThrow().memoryBytes();
        assertEquals("fit", r.path("outcome").asText());
        assertEquals(Boolean.TRUE, engine.estimate(setup(r, true), a10g).fits());
    }
}
