package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import io.oomdoc.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A LoRA run on a 4-bit or 8-bit base whose checkpointing is not stated is budgeted with it on, and the estimate says
 * so: PEFT's prepare_model_for_kbit_training defaults to use_gradient_checkpointing=True (peft/utils/other.py), and
 * the QLoRA recipes people copy (qlora.py, axolotl's and LLaMA-Factory's QLoRA examples, Unsloth) keep it on. The
 * published record is Google's Vertex AI OpenLLaMA 7B fine-tune benchmark (vertex-ai-samples, community-content/
 * vertex_model_garden/benchmarking_reports/openllama_7b_fine_tune_benchmark_report.md, measured_heldout2.json): QLoRA
 * at 2048 tokens, batch 2, peak 15.18 GiB on an A100 40GB, checkpointing not stated. Read as off, its eager
 * attention and every layer's activations came to 87 GiB and the call said it would not fit.
 */
class UnstatedKbitCheckpointingTest {
    private static final String NOTE = "checkpointing not stated: taken as on";

    @TempDir Path tmp;

    private JsonNode budget(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("budget", "--model", "llama-3.1-8b", "--seq", "2048", "--batch",
                "2", "--lora-rank", "16", "--gpu", "rtx 4090", "--json"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false),
                err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aQloraRunThatDoesNotNameCheckpointingIsBudgetedWithItOnAndSaysSo() throws Exception {
        JsonNode unsaid = budget("--quant", "nf4"), on = budget("--quant", "nf4", "--checkpointing", "full");
        assertEquals(on.path("per_gpu_bytes").path("total").asLong(), unsaid.path("per_gpu_bytes").path("total")
                .asLong());
        assertTrue(unsaid.path("assumptions").toString().contains(NOTE), unsaid.path("assumptions").toString());
        assertFalse(on.path("assumptions").toString().contains(NOTE));
    }

    @Test
    void checkpointingNoneStatedIsKeptForQlora() throws Exception {
        JsonNode off = budget("--quant", "nf4", "--checkpointing", "none"), unsaid = budget("--quant", "nf4");
        assertTrue(off.path("per_gpu_bytes").path("activations").asLong()
                > unsaid.path("per_gpu_bytes").path("activations").asLong());
        assertFalse(off.path("assumptions").toString().contains(NOTE));
    }

    @Test
    void aLoraRunOnASixteenBitBaseKeepsCheckpointingOffWhenUnsaid() throws Exception {
        JsonNode unsaid = budget(), off = budget("--checkpointing", "none");
        assertEquals(off.path("per_gpu_bytes").path("total").asLong(), unsaid.path("per_gpu_bytes").path("total")
                .asLong());
        assertFalse(unsaid.path("assumptions").toString().contains(NOTE));
    }

    @Test
    void vertexOpenLlamaQloraAt2048TokensFitsItsA100AndComesWithinHalfOfItsPeak() throws Exception {
        JsonNode r = MeasuredRecords.byId("heldout2", "vertex-openllama7b-qlora-s2048-r16");
        Setup s = BudgetBench.devSetup(r);
        assertEquals(Setup.Checkpointing.FULL, s.checkpointing());
        assertTrue(s.checkpointingAssumed());
        var b = new BudgetEngine().estimate(s, BudgetBench.cardBytes(r.path("gpu").asText()));
        assertTrue(b.fits(), "published: it ran on the A100 40GB");
        double measured = r.path("measured_bytes").asDouble();
        assertEquals(measured, b.perGpuBytes().total(), 0.5 * measured);
    }

    @Test
    void aRecordThatNamesItsFrameworksDefaultOffKeepsItOff() throws Exception {
        // TRL issue 1111: "not stated (TRL's default then: off)": SFTTrainer passed args.gradient_checkpointing,
        // False by default, to prepare_model_for_kbit_training
        Setup s = BudgetBench.devSetup(MeasuredRecords.byId("heldout10",
                "trl-1111-open-llama-3b-v2-qlora-r16-s512-b1"));
        assertEquals(Setup.Checkpointing.NONE, s.checkpointing());
        assertFalse(s.checkpointingAssumed());
    }
}
