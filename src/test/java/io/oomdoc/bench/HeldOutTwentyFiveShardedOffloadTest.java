package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * measured_heldout25's sharded record (scored blind in the thirty-fifth session at +934.8%, read in the thirty-sixth):
 * LambdaLabsML/distributed-training-guide, 05-training-llama-405b/README.md at aed7489, Llama 3.1 405B trained in full
 * under FSDP2 (fully_shard on every decoder layer and on the model) with CPUOffloadPolicy over 64 H100s, activation
 * checkpointing on every LlamaDecoderLayer (apply_activation_checkpointing) and a torch.compile'd loss, batch 1 x 4096:
 * "Peak Memory Allocated: 52.9GB" per rank (train_llm.py: 1e-9 * allocated_bytes.all.peak). The reader took the
 * record as unoffloaded, uncheckpointed and with the upcast loss; with the parameters offloaded the rank holds the
 * units FSDP gathers (two 3.2B-parameter decoder layers and the 4.2B-parameter embedding and head) and their
 * gradients in flight, not the 1/64 shards.
 */
class HeldOutTwentyFiveShardedOffloadTest {
    private static final String ID = "distributed-training-guide-llama-3.1-405b-full-fsdp2-cpu-offload-64xh100-b1-s4096";

    private static JsonNode record() { return MeasuredRecords.record("heldout25", ID); }

    private static Setup setup() { return BudgetBench.devSetup(record()); }

    @Test
    void fsdp2sCpuOffloadPolicyIsTheParameterOffload() {
        assertTrue(setup().fsdp() && setup().offloadParams() && setup().offloadOptimizer(), setup()::toString);
    }

    @Test
    void pytorchsActivationCheckpointingIsFullCheckpointing() {
        assertEquals(Setup.Checkpointing.FULL, setup().checkpointing());
    }

    @Test
    void aLossTheRecordSaysIsCompiledIsTheFusedLoss() {
        assertEquals(Setup.Loss.FUSED, setup().loss());
    }

    @Test
    void theRankHoldsTheGatheredUnitsNotTheShards() {
        Budget b = new BudgetEngine().estimate(setup(), null);
        // Llama 3.1 405B: a decoder layer 16384 x (2 x 16384 + 2 x 1024) + 3 x 16384 x 53248 = 3.19e9 parameters,
        // embedding and head 128256 x 16384 = 2.10e9 each; 16-bit
        double layer = 16384.0 * (2 * 16384 + 2 * 1024) + 3.0 * 16384 * 53248;
        double head = 128256.0 * 16384;
        assertEquals(2 * (2 * layer + 2 * head), b.perGpuBytes().weights(), 0.01 * b.perGpuBytes().weights());
        assertEquals(0, b.perGpuBytes().optimizer());
    }

    @Test
    void thePeakComesWithinATenthOfThePublishedAllocatedPeak() {
        var t = new BudgetEngine().estimate(setup(), null).perGpuBytes();
        double measured = record().path("measured_bytes").asDouble();
        assertEquals(0, (t.total() - t.overhead()) / measured - 1, 0.10);
    }
}
