package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How-to turns of the burned held-out sets 17, 18 and 19 (scored once, development data since) answered by one row
 * of knowledge/dialogue/howto.yaml each, played through the engine as their conversations go.
 */
class HowToRowsSeventeenTest {
    private static final Path SET17 = Path.of("src/test/resources/conversations_heldout17");
    private static final Path SET18 = Path.of("src/test/resources/conversations_heldout18");
    private static final Path SET19 = Path.of("src/test/resources/conversations_heldout19");

    /** github.com/willisma/SiT/issues/11: "is the OOM from CUDA or from RAM, how do I tell?" is the kernel log. */
    @Test
    void gpuOrHostMemoryIsToldApartByTheErrorAndTheKernelLog() {
        var v = turn(SET19, "P27-sit-xl-ema-sampling-ram.txt", 2);
        assertTrue(v.output().contains("dmesg") && v.output().contains("OutOfMemoryError"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/gradio-app/gradio/issues/6971: one pipeline for every request, built before demo.launch(). */
    @Test
    void oneModelForEveryRequestIsBuiltAtModuleLevel() {
        var v = turn(SET18, "P04-gradio-txt2img-vram-grows.txt", 3);
        assertTrue(v.output().contains("once, at module level"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/open-mmlab/mmocr/issues/986: 2000 results written out one batch at a time, not kept. */
    @Test
    void resultsAreWrittenOutOneBatchAtATime() {
        var v = turn(SET17, "P39-mmocr-batch-inference-2000-images.txt", 3);
        assertTrue(v.output().contains("torch.save(out.cpu()"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/tianweiy/CausVid/issues/23: only the T5 text encoder on the CPU, in plain PyTorch. */
    @Test
    void oneModuleOnTheCpuIsModuleTo() {
        var v = turn(SET18, "P05-causvid-3090-t5-on-cpu.txt", 3);
        assertTrue(v.output().contains("text_encoder.to('cpu')"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/modal-labs/llm-finetuning/issues/66: merging the 70B LoRA on the CPU, not the GPU. */
    @Test
    void aMergeForcedOntoTheCpuLoadsWithDeviceMapCpu() {
        var v = turn(SET17, "P20-modal-llm-finetuning-70b-merge-oom.txt", 3);
        assertTrue(v.output().contains("device_map='cpu'"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** reddit r/ollama (qwen3:4b partly on the CPU): "how do I see the split while it is running?" is ollama ps. */
    @Test
    void theCpuGpuSplitOfAnOllamaModelIsOllamaPs() {
        var v = turn(SET18, "P13-reddit-ollama-qwen3-4b-partial-offload.txt", 3);
        assertTrue(v.output().startsWith("see where ollama placed the model"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
