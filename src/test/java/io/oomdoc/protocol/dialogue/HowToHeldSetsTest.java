package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How-to turns of burned held-out sets 16 and 17 (development data since they were scored) whose setting is one row
 * of knowledge/dialogue/howto.yaml or knobs.yaml, each played through the engine as its conversation goes.
 */
class HowToHeldSetsTest {
    private static final Path SET16 = Path.of("src/test/resources/conversations_heldout16");
    private static final Path SET17 = Path.of("src/test/resources/conversations_heldout17");

    /**
     * github.com/PeterL1n/RobustVideoMatting/issues/231: every DDP rank on GPU 0; "how do I fix it in my own launch
     * code?" is the held fix's own topic (pin each rank), not JAX's preallocation, which shares its knowledge id.
     */
    @Test
    void fixingItTakesTheTopicNamedLikeTheHeldFix() {
        var v = turn(SET16, "P25-robustvideomatting-ddp-processes-on-gpu0.txt", 3);
        assertTrue(v.output().contains("torch.cuda.set_device"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/myungsub/meta-interpolation/issues/4: losses appended with their graph; log them without it. */
    @Test
    void loggingWithoutTheGraphIsItem() {
        var v = turn(SET16, "P26-meta-interpolation-meta-loss-append.txt", 3);
        assertTrue(v.output().contains("loss.item()"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/rhasspy/piper/issues/484: onnxruntime's CUDA provider keeps its arena; gpu_mem_limit caps it. The
     * tool has no how-to snippet: its knob catalog row (knowledge/dialogue/knobs.yaml) answers, never another stack's.
     */
    @Test
    void onnxRuntimesArenaIsCappedInTheProviderOptions() {
        var v = turn(SET16, "P32-piper-http-server-gpu-memory-stays-high.txt", 4);
        assertTrue(v.output().contains("'gpu_mem_limit'") && v.output().contains("kSameAsRequested"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/BinWang28/SBERT-WK-Sentence-Embedding/issues/3: no autograd graph while encoding. */
    @Test
    void noGraphWhileEncodingIsInferenceMode() {
        var v = turn(SET17, "P34-sbert-wk-whole-document-one-batch.txt", 4);
        assertTrue(v.output().contains("torch.inference_mode()"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/kinggongzilla/whatsapp-ai-clone/issues/9: the dtype of a torchtune recipe, on the command line. */
    @Test
    void torchtunesDtypeIsAnOverride() {
        var v = turn(SET17, "P42-whatsapp-ai-clone-torchtune-fp32-3090.txt", 5);
        assertTrue(v.output().contains("dtype=bf16"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/bytedance/InfiniteYou/issues/4: 41.6 GB on a 24 GB card under Windows; fail fast instead. */
    @Test
    void failingFastOnWindowsIsTheSysmemFallbackPolicy() {
        var v = turn(SET17, "P16-infiniteyou-3090-41gb-sysmem-fallback.txt", 3);
        assertTrue(v.output().contains("Prefer No Sysmem Fallback"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/shmsw25/Channel-LM-Prompting/pull/12: 774M params in fp16 named, the copy's size computed. */
    @Test
    void aParameterCountInAFormatIsSized() {
        var v = turn(SET16, "P45-channel-lm-prompting-fp16-more-memory.txt", 2);
        assertTrue(v.output().contains("774M parameters × 2 bytes (16-bit) = 1.55 GB (1.44 GiB)"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /** github.com/kinggongzilla/whatsapp-ai-clone/issues/9: "why doesn't 8B in fp32 fit": 32 GB of weights. */
    @Test
    void whyEightBillionInFp32DoesNotFitIsItsWeights() {
        var v = turn(SET17, "P42-whatsapp-ai-clone-torchtune-fp32-3090.txt", 3);
        assertTrue(v.output().contains("8B parameters × 4 bytes (fp32) = 32 GB"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/nv-morpheus/Morpheus/issues/724: 79.35 GiB card, 21.84 reserved, 3.85 free; "where did the rest go?"
     * is the memory held outside PyTorch's allocator, even though the answer already quotes reserved and allocated.
     */
    @Test
    void theRestOfTheCardIsWhatIsHeldOutsideTheAllocator() {
        var v = turn(SET16, "P04-morpheus-dfp-autoencoder-inference-80gb.txt", 2);
        assertTrue(v.output().contains("held outside this allocator"), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/jamiepine/voicebox/pull/1032 and github.com/Anbeeld/beellama.cpp/issues/74: "what does each one
     * free?", "what do -ctk q8_0 -ctv q8_0 do to the cache?" ask what a term does, an explanation (FORMAT.md), with a
     * failure held or not.
     */
    @Test
    void whatATermDoesIsAnExplanation() {
        var gc = turn(SET16, "P34-voicebox-memory-grows-per-generation.txt", 3);
        assertTrue(gc.holds(), gc.problems() + "\n" + gc.output());
        var cache = turn(SET16, "P10-beellama-extra-vram-120k-context.txt", 4);
        assertTrue(cache.holds(), cache.problems() + "\n" + cache.output());
    }
}
