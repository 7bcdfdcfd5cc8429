package io.oomdoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.budget.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * `--fsdp` states PyTorch FSDP rather than DeepSpeed ZeRO: its full shard keeps the fp32 parameters as the shard the
 * optimizer steps, with no 16-bit shard beside them (MixedPrecisionPolicy, torch/distributed/fsdp/_fully_shard/
 * _fsdp_api.py), and it gathers one unit where DeepSpeed keeps up to stage3_max_live_parameters (1e9) gathered.
 * The setup is torchtitan's Llama 3.1 8B FSDP row on 8 H100s, local batch 2 x 8192
 * (https://github.com/pytorch/torchtitan/blob/main/benchmarks/llama3_h100_202412_torchtitan.md).
 */
class FsdpFlagTest {
    @TempDir Path tmp;

    private JsonNode budget(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("budget", "--model", "llama-3.1-8b", "--seq", "8192", "--batch",
                "2", "--gpus", "8", "--checkpointing", "selective-op", "--gpu", "h100", "--json"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false),
                err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fsdpKeepsTwoBytesAParameterAndTheLiveParametersLessOnEachGpuThanZeroThree() throws Exception {
        JsonNode fsdp = budget("--fsdp"), zero3 = budget("--zero", "3");
        long params = fsdp.path("params").asLong();
        ModelSpec m = ModelCatalog.find("llama-3.1-8b").orElseThrow();
        // FSDP's gathered unit holds its parameters and gradients (4 B a parameter of the largest tensor, the
        // embedding here); DeepSpeed's the live 16-bit parameters and that unit's 16-bit gradient
        long unit = Math.max((long) m.vocab() * m.hidden(), (long) m.hidden() * m.ffn());
        double liveBeyondUnit = 2.0 * BudgetEngine.DEEPSPEED_LIVE_PARAMETERS - 2.0 * unit;
        assertEquals(2.0 * params / 8 + liveBeyondUnit, states(zero3) - states(fsdp), 1e6);
    }

    @Test
    void fsdpAloneIsTheFullShard() throws Exception {
        assertTrue(budget("--fsdp").path("assumptions").toString().contains("FSDP full shard over 8 GPU(s)"));
    }

    private static double states(JsonNode budget) {
        JsonNode b = budget.path("per_gpu_bytes");
        return b.path("weights").asDouble() + b.path("gradients").asDouble() + b.path("optimizer").asDouble();
    }
}
