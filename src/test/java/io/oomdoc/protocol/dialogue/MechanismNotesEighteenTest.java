package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;
import static io.oomdoc.protocol.dialogue.CaseFiguresTest.turn;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mechanisms and figures asked in the burned held-out sets 20 and 21 (scored once, development data since), each
 * answered by one row of knowledge/dialogue/notes.yaml (or a keyword of one) or by a calculation, played through the
 * engine as the conversation goes.
 */
class MechanismNotesEighteenTest {
    private static final Path SET20 = Path.of("src/test/resources/conversations_heldout20");
    private static final Path SET21 = Path.of("src/test/resources/conversations_heldout21");

    /** github.com/deepseek-ai/DeepSeek-OCR-2/issues/49: 6.7 GB of bf16 weights took over 13 GB. */
    @Test
    void bf16WeightsLoadedAsFloat32TakeTwiceTheDownload() {
        holdsSaying(SET20, "P11-deepseek-ocr2-load-fp32-then-bf16.txt", 2, "twice the download");
    }

    /** github.com/deepseek-ai/DeepSeek-OCR/issues/74: 13 GB of RAM for a 6.7 GB download. */
    @Test
    void hostRamTwiceTheDownloadIsTheSameUpcast() {
        holdsSaying(SET20, "P13-deepseek-ocr-cpu-only-colab-ram.txt", 4, "twice the download");
    }

    /** github.com/lyuwenyu/RT-DETR/issues/86: all_gather_object in DDP evaluation takes GPU memory. */
    @Test
    void allGatherObjectPutsPickledCopiesOnTheGpu() {
        holdsSaying(SET20, "P33-rt-detr-ddp-eval-all-gather.txt", 2, "pickles each rank's object");
    }

    /** github.com/google/gemma_pytorch/issues/3: "2B" is about 2.5B with the 256k-token embedding table. */
    @Test
    void aModelsNameLeavesOutItsEmbeddings() {
        holdsSaying(SET20, "P40-gemma-pytorch-p2200-5gb.txt", 4, "524M parameters");
    }

    /** github.com/guyyariv/DyPE/issues/12: a diffusion transformer's tokens grow with the image. */
    @Test
    void aDiffusionTransformersTokensGrowWithTheResolution() {
        holdsSaying(SET20, "P09-dype-qwen-image-3072-h100.txt", 3, "one token per latent pixel or patch");
    }

    /** github.com/thecooltechguy/ComfyUI-Stable-Video-Diffusion/issues/6: decoding_t is frames decoded at once. */
    @Test
    void decodingTIsTheFramesDecodedAtATime() {
        holdsSaying(SET20, "P21-comfyui-svd-sampler-and-decoder.txt", 4, "decode_chunk_size");
    }

    /** github.com/HKUDS/LightRAG/issues/1509: Ollama's "gpu VRAM usage didn't recover within timeout". */
    @Test
    void ollamaWaitsForTheFreedVramBeforePlacingTheNextModel() {
        holdsSaying(SET20, "P44-lightrag-ollama-4060-two-models.txt", 4, "'gpu VRAM usage didn't recover within timeout'");
    }

    /** github.com/microsoft/OmniParser/pull/29: inference without inference_mode keeps graphs. */
    @Test
    void nothingTrainedStillKeepsGraphsWithoutNoGrad() {
        holdsSaying(SET21, "P16-omniparser-no-inference-mode.txt", 2, "keeps its graph alive");
    }

    /**
     * github.com/taki0112/UGATIT/issues/82: "inference works on 12 GB but training does not": gradients,
     * optimizer states and saved activations. The turn is labelled explain and routed follow-up (the intent model's
     * share), so only the note's presence is asserted here.
     */
    @Test
    void trainingAddsGradientsStatesAndSavedActivations() {
        var v = turn(SET20, "P17-ugatit-titan-xp-256-training.txt", 3);
        assertTrue(v.output().contains("Training adds a gradient for every trainable weight"), v.output());
    }

    /** github.com/AI4Bharat/IndicConformerASR/issues/4: 91.71 GiB for one three-hour file. */
    @Test
    void aWholeRecordingGrowsWithItsLength() {
        holdsSaying(SET21, "P42-indicconformer-three-hour-audio.txt", 2, "grows with the square of the length");
    }

    /** github.com/toverainc/willow-inference-server/pull/129: the whole-file approach grew with the audio. */
    @Test
    void theWholeFileApproachGrowsWithTheAudio() {
        holdsSaying(SET21, "P38-willow-whisper-large-1070-long-audio.txt", 4, "grow with the file's length");
    }

    /** github.com/dhlee347/pytorchic-bert/issues/5: batch 32, 12 heads, max_len 512, fp32 scores of one layer. */
    @Test
    void oneLayersScoresTensorIsComputedFromMaxLen() {
        holdsSaying(SET21, "P14-pytorchic-bert-attention-scores.txt", 2, "(384 MiB) per layer");
    }
}
