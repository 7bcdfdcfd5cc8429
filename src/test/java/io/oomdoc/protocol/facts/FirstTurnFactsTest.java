package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.dialogue.Transcripts;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The facts of a conversation's first turn, the paste or description every later answer builds on. Each test reads
 * the first turn of a real transcript (conversations_heldoutN, the thread named on the test) and checks the one fact
 * the reader used to miss or misread there.
 */
class FirstTurnFactsTest {
    /** The facts the user states in the first turn of the transcript {@code file} of set {@code set}. */
    private static Facts first(int set, String file) {
        Path dir = Path.of("src/test/resources/conversations_heldout" + set);
        String turn = Transcripts.all(dir).stream().filter(t -> t.file().equals(file)).findFirst().orElseThrow()
                .turns().get(0).input();
        return FactReader.read(turn).asserted();
    }

    private static double gib(Long bytes) { return bytes == null ? -1 : bytes / (double) Bytes.GIB; }

    // fundwotsai2001/MuseControlLite#2: "mixed_precision bf16"
    @Test
    void accelerateMixedPrecisionFlagIsMixedPrecision() {
        assertEquals("mixed-bf16", first(25, "P09-musecontrollite-a40-batch16.txt").precision());
    }

    // vllm-project/vllm#27508: "To serve at least one request with the models's max seq len (131072), ..."
    @Test
    void vllmsKvCacheStartUpMessageNamesVllm() {
        assertEquals("vllm", first(10, "K11-vllm-gpt-oss-120b-h100-kv-cache.txt").framework());
    }

    // pytorch/pytorch#96814: "trainer = L.Trainer(accelerator='gpu', max_steps=10000)"
    @Test
    void lightningImportedAsLIsLightningNotHfTrainer() {
        assertEquals("lightning", first(10, "K42-pytorch-mps-watermark-env-no-effect-lightning.txt").framework());
    }

    // Nixtla/neuralforecast#783: "In training_step, batch["temporal"] has shape (1, 14, 1089214)"
    @Test
    void lightningsTrainingStepHookNamesLightning() {
        assertEquals("lightning", first(19, "P44-neuralforecast-windows-whole-series.txt").framework());
    }

    // google-research/bert#645: "Even if I reduce down to seq_len = 200 and batch_size = 4 I hit on problems"
    @Test
    void evenIfConcedesTheSettingsTried() {
        Facts f = first(27, "P32-bert-base-4gb-run-classifier.txt");
        assertEquals(200, f.seqLen());
        assertEquals(4, f.batch());
    }

    // baaivision/Emu#7: '... An A100-40G or A6000 is recommended." I have a 3090 and the model is about 14B'
    @Test
    void aClosingQuoteEndsTheMaintainersSentence() {
        assertEquals("GeForce RTX 3090", first(32, "P05-emu-30gb-inference-and-a-3090.txt").gpuName());
    }

    // OpenMOSS/MOSS#272: "fine-tuning moss on 2 V100 32G ... people tell me 8 x A100 (40G) trains"
    @Test
    void cardsPeopleTellOfAreTheirs() {
        assertEquals(2, first(7, "H11-moss-zero3-two-v100-32g-offload.txt").worldSize());
    }

    // vllm-project/speculators#1100: "with 8k-token sequences"
    @Test
    void kTokenSequencesAreTheSequenceLength() {
        assertEquals(8192, first(15, "P07-speculators-dflash-qwen3-8b-8k-checkpointing.txt").seqLen());
    }

    // Jiaqi-Chen-00/ImBD#1: "I have tried 2 GPUs with 24GBs"
    @Test
    void gigabytesWrittenInThePluralAreTheCard() {
        assertEquals(24.0, gib(first(33, "P03-imbd-two-scoring-models-on-two-24gb-cards.txt").gpuMemBytes()), 0.01);
    }

    // aigc-apps/VideoX-Fun#56: "on an H100 ... memory spikes by 10-12GB every other step"
    @Test
    void aRangesLowerEndIsNotACard() {
        assertEquals(80.0, gib(first(19, "P18-videox-fun-5b-inpaint-h100.txt").gpuMemBytes()), 0.01);
    }

    // hitachinsk/SAMed#35: "I have only 8GB available GPU memory from the university"
    @Test
    void theAvailableGpuMemoryTheUserHasIsTheCard() {
        assertEquals(8.0, gib(first(29, "P34-samed-8gb-lora-rank.txt").gpuMemBytes()), 0.01);
    }

    // xhinker/sd_embed#2: "Flux1 in bf16 does not fit my 16 GB"
    @Test
    void theSizeAModelDoesNotFitIsTheCard() {
        assertEquals(16.0, gib(first(25, "P46-sd-embed-flux-offload.txt").gpuMemBytes()), 0.01);
    }

    // guoqingbao/xinfer#195: "GPU 0: total 94.97 GB, free 30.17 GB"
    @Test
    void vllmRsTotalIsTheCardsCapacity() {
        assertEquals(94.97, gib(first(18, "P45-xinfer-qwen3-vl-32b-kv-262144.txt").gpuMemBytes()), 0.01);
    }

    // pytorch/pytorch#5902: free's table "Mem: 62880028 5909424 55600892 ..." in KiB
    @Test
    void freesTableGivesTheHostRam() {
        assertEquals(59.97, gib(first(10, "K15-pytorch-dataloader-workers-3x-host-ram.txt").hostRamBytes()), 0.01);
    }

    // ml-explore/mlx-examples#70: "Total parameters 7243.436M"
    @Test
    void mlxPrintedTotalParametersAreTheModelsSize() {
        assertEquals(7_243_436_000L, first(5, "F31-mlx-lora-7b-fp32-32gb-mac-malloc.txt").params());
    }

    // EleutherAI/gpt-neox#1354: '-    "stage": 1,' above '+    "stage": 3,'
    @Test
    void aDiffsAddedLineIsTheSetup() {
        assertEquals(3, first(4, "M30-gpt-neox-13b-zero3-4x2080ti-22g.txt").zeroStage());
    }

    // tensorflow/tensorflow#4735: "OOM when allocating tensor with shape[256,112,112,64]"
    @Test
    void aTensorFlowActivationsFirstDimensionIsTheBatch() {
        assertEquals(256, first(2, "K34-tf-slim-inception-batch256-midway.txt").batch());
    }

    // seyedsaeidmasoumzadeh/Predict-next-word#5: "I guess 32 is the batch size"
    @Test
    void aNumberSaidToBeTheBatchSizeIsTheBatch() {
        assertEquals(32, first(24, "P21-predict-next-word-tf-vocab-onehot.txt").batch());
    }

    // skyhehe123/VoxSeT#9: "I adjusted batch 4 to 2"
    @Test
    void aBatchAdjustedToAValueHoldsThatValue() {
        assertEquals(2, first(25, "P33-voxset-2080ti-47gib-attention.txt").batch());
    }

    // OpenWhispr/openwhispr#89: a system list " - GPU: 5090"
    @Test
    void aGpuFieldNamesTheCardByItsNumber() {
        assertEquals("GeForce RTX 5090", first(28, "P06-openwhispr-5090-turbo-dictation.txt").gpuName());
    }

    // instructlab/instructlab#2666: "a 24GB NVIDIA L4", though the trace prints 22.05 GiB total capacity
    @Test
    void theSizeTheUserGivesAnL4IsTheCard() {
        assertEquals(24.0, gib(first(3, "L21-instructlab-granite7b-l4-other-process.txt").gpuMemBytes()), 0.01);
    }

    // IceClear/StableSR#41: "I already reduced batch_size and num_workers to 1"
    @Test
    void aBatchReducedWithAnotherSettingHoldsTheValue() {
        assertEquals(1, first(6, "G49-stablesr-train-killed-cpu-memory.txt").batch());
    }

    // princeton-vl/RAFT#33: "with batch size 4 on GPUs 0,1"
    @Test
    void theGpuIdsListedCountTheCards() {
        assertEquals(2, first(10, "K34-raft-dataparallel-2080ti-batch-5.txt").worldSize());
    }

    // patrick-kidger/equinox#737: "A simple DeepMLP is taking 11GB/16GB in GPU RAM, why?"
    @Test
    void aUsedOverTotalFigureInAQuestionIsTheCard() {
        assertEquals(16.0, gib(first(2, "K31-equinox-jax-mlp-11gb-preallocation.txt").gpuMemBytes()), 0.01);
    }

    @Test
    void aBulletedListIsNotADiff() {
        assertEquals("GeForce RTX 4090", FactReader.read("- OS: Ubuntu 22.04\n- GPU: RTX 4090 24GB\n- RAM: 64G")
                .asserted().gpuName());
    }

    @Test
    void aKernelsShapeIsNoBatch() {
        assertNull(FactReader.read("OOM when allocating tensor with shape[3,3,512,512]").asserted().batch());
    }
}
