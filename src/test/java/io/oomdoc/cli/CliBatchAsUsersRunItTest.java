package io.oomdoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * `oomdoc batch` and `oomdoc budget` as a user runs them (issue 14, item 3), through the real command line, on
 * catalog models (catalog/models.csv, each row with its source). The optimizer rules come from the libraries' code:
 * torch.optim.SGD keeps its momentum buffer as `torch.clone(grad).detach()` (torch/optim/sgd.py), in the gradient's
 * dtype; ZeRO-1 partitions the optimizer states of whatever trains, ZeRO-2 the gradients as well, adapters included
 * (DeepSpeed's ZeRO docs, "ZeRO Stage 1: The optimizer states ... are partitioned across the processes"), and
 * ZeRO-Offload keeps those states and the fp32 gradients in host RAM (DeepSpeed's offload_optimizer docs).
 */
class CliBatchAsUsersRunItTest {
    @TempDir Path tmp;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode json(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private long optimizerBytes(String... args) throws Exception {
        return json(args).path("per_gpu_bytes").path("optimizer").asLong();
    }

    @Test
    void aPrimeEffectiveBatchIsKeptExactlyAndTheNoteSaysWhyTheMicroBatchIsOne() throws Exception {
        JsonNode r = json("batch", "--model", "gpt2", "--seq", "1024", "--batch", "47", "--gpu", "rtx 3090",
                "--json");
        assertEquals(47, r.path("micro_batch").asInt() * r.path("accumulation_steps").asInt());
        assertEquals(47, r.path("effective_batch").asInt());
        assertEquals(1, r.path("micro_batch").asInt(), "47 is prime");
        String notes = r.path("notes").toString();
        assertTrue(notes.contains("47 has no divisor"), notes);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("; (\\d+) \\((\\d+) × (\\d+)\\) would run")
                .matcher(notes);
        assertTrue(m.find(), notes);
        int nearest = Integer.parseInt(m.group(1)), micro = Integer.parseInt(m.group(2));
        assertEquals(nearest, micro * Integer.parseInt(m.group(3)));
        assertTrue(nearest > 47 && nearest - 47 < micro, "the nearest effective batch above that runs " + micro);
    }

    @Test
    void withoutBatchTheLargestMicroBatchThatFitsIsShownWithoutAccumulation() throws Exception {
        // the command's own question ("largest micro-batch that fits") with nothing to keep: not an effective batch
        // of one answered with micro-batch 1 (QLoRA 8B at 2,048 tokens on a 24 GB card)
        JsonNode r = json("batch", "--model", "llama-3.1-8b", "--seq", "2048", "--lora-rank", "16", "--quant", "nf4",
                "--gpu-mem", "24GB", "--json");
        assertTrue(r.path("micro_batch").asInt() > 1, r.toString());
        assertEquals(1, r.path("accumulation_steps").asInt());
        assertTrue(r.path("peak_bytes").asLong() <= r.path("usable_gpu_bytes").asLong(), r.toString());
    }

    @Test
    void whenNotEvenOneSampleFitsThePeakShownIsOneThatDoesNotFit() throws Exception {
        // checkpointing off said outright: left out, a QLoRA run takes it on and two samples fit
        JsonNode r = json("batch", "--model", "llama-3.1-8b", "--seq", "2048", "--batch", "50", "--lora-rank", "16",
                "--quant", "nf4", "--checkpointing", "none", "--gpu-mem", "24GB", "--json");
        assertEquals(0, r.path("micro_batch").asInt());
        assertTrue(r.path("peak_bytes").asLong() > r.path("usable_gpu_bytes").asLong(),
                "a peak under the card beside \"none fits\": " + r);
    }

    @Test
    void sgdMomentumInPureBf16KeepsASixteenBitBuffer() throws Exception {
        String[] common = {"budget", "--model", "llama-3.1-8b", "--precision", "bf16", "--zero", "2", "--gpus", "8",
                "--seq", "2048", "--batch", "1", "--json", "--optimizer"};
        long params = json("budget", "--model", "llama-3.1-8b", "--json").path("params").asLong();
        long momentum = optimizerBytes(concat(common, "sgd-momentum")) - optimizerBytes(concat(common, "sgd"));
        assertEquals(2.0 * params / 8, momentum, params / 8.0 * 0.01, "2 B per parameter, split over 8 GPUs");
    }

    @Test
    void zeroOneAndTwoSplitTheAdaptersOptimizerStatesOverTheGpus() throws Exception {
        String[] lora = {"budget", "--model", "llama-3.1-8b", "--lora-rank", "16", "--gpus", "8", "--seq", "2048",
                "--batch", "1", "--json", "--zero"};
        long whole = optimizerBytes(concat(lora, "0"));
        for (String stage : new String[]{"1", "2"}) {
            assertEquals(whole / 8.0, optimizerBytes(concat(lora, stage)), whole * 0.01, "ZeRO-" + stage);
        }
        long grads0 = json(concat(lora, "1")).path("per_gpu_bytes").path("gradients").asLong();
        long grads2 = json(concat(lora, "2")).path("per_gpu_bytes").path("gradients").asLong();
        assertEquals(grads0 / 8.0, grads2, grads0 * 0.01, "ZeRO-2 partitions the adapters' gradients");
    }

    @Test
    void optimizerOffloadMovesTheAdaptersStatesToTheHost() throws Exception {
        JsonNode r = json("budget", "--model", "llama-3.1-8b", "--lora-rank", "16", "--zero", "2", "--gpus", "8",
                "--offload", "--seq", "2048", "--batch", "1", "--json");
        assertEquals(0, r.path("per_gpu_bytes").path("optimizer").asLong(), r.toString());
    }

    @Test
    void vllmsOwnFlagsAreRead() throws Exception {
        // vllm-project/vllm#10517 (traces/vllm-10517-max-model-len-kv.txt): max_model_len 29000 does not fit the KV
        // cache of Llama 3.1 8B at 0.90 of a 24 GB card; fp8 KV values double the tokens it holds
        String[] serve = {"budget", "--model", "llama-3.1-8b", "--mode", "infer", "--precision", "bf16",
                "--max-model-len", "29000", "--batch", "1", "--gpu-mem", "24GiB", "--gpu-memory-utilization", "0.9",
                "--json"};
        assertFalse(json(serve).path("fits").asBoolean());
        assertTrue(json(concat(concat(serve, "--kv-cache-dtype"), "fp8")).path("fits").asBoolean());
        long one = json(concat(concat(serve, "--quant"), "awq")).path("per_gpu_bytes").path("weights").asLong();
        long four = json(concat(concat(concat(concat(serve, "--quant"), "awq"), "--tensor-parallel-size"), "4"))
                .path("per_gpu_bytes").path("weights").asLong();
        assertEquals(one / 4.0, four, one * 0.01);
    }

    private static String[] concat(String[] a, String last) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = last;
        return out;
    }
}
