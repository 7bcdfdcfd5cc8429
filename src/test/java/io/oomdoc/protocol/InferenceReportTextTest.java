package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A report on a server or an inference application carries no training wording outside its fixes either
 * (bench/results.md "## ux15" rows 13, 17, 19). Fixtures (traces/SOURCES.md): comfyui-iclight-4-vaedecode-12gib.txt
 * (huchenlei/ComfyUI-IC-Light-Native#4), ollama-8825-two-4060ti-8gb-ram-fit-log.txt (ollama/ollama#8825),
 * sglang-393-prefill-out-of-memory-token-pool.txt (sgl-project/sglang#393),
 * comfyui-1781-control-lora-vaedecode-6gib.txt (Comfy-Org/ComfyUI#1781: its report closed on accumulation, effective
 * batch, "the training mathematics" and "which step failed", none of which an image generation has).
 */
class InferenceReportTextTest {
    private static Report diagnose(String name) throws Exception {
        LogText log = LogText.of(Files.readString(Path.of("src/test/resources/traces/" + name)));
        return EvidenceGatherer.from(log).gather().diagnose(new Diagnoser());
    }

    @Test
    void aComfyUiReportIsVerifiedWithoutALossCurve() throws Exception {
        String v = diagnose("comfyui-iclight-4-vaedecode-12gib.txt").sections().verification();
        assertFalse(v.contains("loss curve"), v);
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aComfyUiReportsBackgroundSpeaksOfNoMicroBatchOrAccumulation() throws Exception {
        String root = diagnose("comfyui-iclight-4-vaedecode-12gib.txt").sections().rootCause();
        assertFalse(root.contains("micro-batch") || root.contains("gradients"), root);
    }

    @Test
    void anSglangReportsBackgroundSpeaksOfNoMicroBatchOrAccumulation() throws Exception {
        String root = diagnose("sglang-393-prefill-out-of-memory-token-pool.txt").sections().rootCause();
        assertFalse(root.contains("micro-batch") || root.contains("gradients"), root);
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void anOllamaReportsBackgroundSpeaksOfNoDataLoaderWorkers() throws Exception {
        String root = diagnose("ollama-8825-two-4060ti-8gb-ram-fit-log.txt").sections().rootCause();
        assertFalse(root.contains("DataLoader"), root);
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aComfyUiReportCarriesNoAccumulationCaveat() throws Exception {
        var caveats = diagnose("comfyui-1781-control-lora-vaedecode-6gib.txt").sections().caveats();
        assertFalse(caveats.stream().anyMatch(c -> c.contains("accumulation")), caveats.toString());
    }

    @Test
    void aComfyUiReportsPreventionSpeaksOfNoEffectiveBatch() throws Exception {
        String prevention = diagnose("comfyui-1781-control-lora-vaedecode-6gib.txt").sections().prevention();
        assertFalse(prevention.contains("effective batch") || prevention.contains("hyperparameter"), prevention);
    }

    @Test
    void aComfyUiReportsRiskSpeaksOfNoTraining() throws Exception {
        String risk = diagnose("comfyui-1781-control-lora-vaedecode-6gib.txt").sections().riskAssessment();
        assertFalse(risk.contains("training"), risk);
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aComfyUiReportAsksForNoTrainingStep() throws Exception {
        var gaps = diagnose("comfyui-1781-control-lora-vaedecode-6gib.txt").sections().informationGaps();
        assertFalse(gaps.stream().anyMatch(g -> g.startsWith("Which step failed")), gaps.toString());
    }
}
