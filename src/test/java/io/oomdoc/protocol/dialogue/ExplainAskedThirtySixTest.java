package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * Explain turns of the burned held-out sets (development data since) whose answer missed what was asked: an engine's
 * up-front share read as a leak or a KV-cache question (UpFrontShare, with the session's card), more than the card
 * said without the word "allocated", the CUDA context a process keeps, and a DDP rank's memory on another card
 * (knowledge/dialogue/glossary.yaml). Each played through the engine as its conversation goes.
 */
class ExplainAskedThirtySixTest {
    private static final Path SET4 = Path.of("src/test/resources/conversations_heldout4");
    private static final Path SET8 = Path.of("src/test/resources/conversations_heldout8");
    private static final Path SET10 = Path.of("src/test/resources/conversations_heldout10");
    private static final Path SET12 = Path.of("src/test/resources/conversations_heldout12");
    private static final Path SET15 = Path.of("src/test/resources/conversations_heldout15");
    private static final Path SET16 = Path.of("src/test/resources/conversations_heldout16");
    private static final Path SET17 = Path.of("src/test/resources/conversations_heldout17");

    /** github.com/vllm-project/vllm/issues/33263: max_num_seqs=1 and the card still fills. */
    @Test
    void vllmFillsItsShareOfTheCardWhateverTheRequests() {
        holdsSaying(SET8, "I03-vllm-qwen3-1.7b-kv-cache-fills-24gb.txt", 1, "0.90 × 24.00 GiB = 21.60 GiB");
    }

    /** github.com/bentoml/OpenLLM/issues/275: 70 GB on an A100 80GB with the vLLM backend, "is that a leak?". */
    @Test
    void seventyGigabytesOnAnEightyGigabyteCardIsTheShareNotALeak() {
        holdsSaying(SET15, "P09-openllm-llama2-7b-vllm-backend-70gb-a100.txt", 1, "0.90 × 80.00 GiB = 72.00 GiB");
    }

    /** github.com/jax-ml/jax/issues/19267: XLA_PYTHON_CLIENT_PREALLOCATE set from Python has no effect. */
    @Test
    void jaxReadsItsAllocatorSettingsBeforeTheFirstCall() {
        holdsSaying(SET10, "K37-jax-preallocate-false-ignored-mem-fraction.txt", 1, "before jax is imported");
    }

    /** github.com/bytedance/InfiniteYou/issues/4: 41.6 GB used on a 24 GB RTX 3090. */
    @Test
    void moreThanTheCardSaidAsUseIsSystemMemoryFallback() {
        holdsSaying(SET17, "P16-infiniteyou-3090-41gb-sysmem-fallback.txt", 2, "Sysmem Fallback");
    }

    /** github.com/rhasspy/piper/issues/484: a 50 MB voice model, a 500 MB server. */
    @Test
    void aSmallModelsServerHoldsTheCudaContext() {
        holdsSaying(SET16, "P32-piper-http-server-gpu-memory-stays-high.txt", 3, "context on each card");
    }

    /** github.com/devnen/Chatterbox-TTS-Server/pull/103: what an unload endpoint cannot give back. */
    @Test
    void whatStaysAfterEverythingIsFreedIsTheContext() {
        holdsSaying(SET16, "P36-chatterbox-tts-server-unload-endpoint.txt", 3, "goes when the process exits");
    }

    /** discuss.pytorch.org/t/66080: one DDP rank's 1369 MiB on another rank's card after loading a checkpoint. */
    @Test
    void aDdpRanksMemoryOnAnotherCardIsItsContextOrItsCheckpoint() {
        holdsSaying(SET4, "M46-pytorch-forum-ddp-gpu0-pretrained-load.txt", 3, "torch.cuda.set_device(local_rank)");
    }

    /** discuss.pytorch.org/t/66080: the pretrained load that lands on one GPU is mapped with map_location. */
    @Test
    void aCheckpointLoadedOnEveryRankIsMappedToItsCard() {
        holdsSaying(SET4, "M46-pytorch-forum-ddp-gpu0-pretrained-load.txt", 1, "map_location");
    }

    /** github.com/Light-Heart-Labs/DreamServer/pull/1481: small models for a Jetson Orin Nano 8GB. */
    @Test
    void aJetsonSharesOneMemoryBetweenCpuAndGpu() {
        holdsSaying(SET15, "P48-dreamserver-jetson-orin-nano-8gb-tier-small-models.txt", 1, "share one physical memory");
    }

    /** github.com/antirez/ds4/issues/46: the macOS cap on what the GPU may wire. */
    @Test
    void iogpuWiredLimitRaisesTheMacGpusCap() {
        holdsSaying(SET12, "M24-ds4-96gb-mac-wired-limit-250k-context.txt", 2, "iogpu.wired_limit_mb raises");
    }
}
