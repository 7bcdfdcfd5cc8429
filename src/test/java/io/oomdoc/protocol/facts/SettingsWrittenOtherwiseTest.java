package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A new failure's setup written in the other ways real users write it: a change that ends its sentence ("from 3 to
 * 1."), detectron2's IMS_PER_BATCH, "64 images per GPU", a default
 * named beside the value the user set, "my GPU has only 24GB", a size before 显存, TensorFlow named as TF1 or TF Hub,
 * Quadro cards counted, TGI's num_shard without its dashes. The turns are real users' own, from the burned
 * conversation sets (fixture and thread named on each test; scored once, development data since).
 */
class SettingsWrittenOtherwiseTest {
    private static Facts stated(String turn) { return FactReader.read(turn).asserted(); }

    // conversations_heldout25/P37-second-pytorch-gtx1050.txt #1 (traveller59/second.pytorch#9)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aChangeEndingItsSentenceHoldsTheNewValue() {
        assertEquals(1, stated("it always says CUDA Error (Out Of Memory). I already changed the batchsize from 3 to "
                + "1. do I have to change something else, like the maximum voxels?").batch());
    }

    // conversations_heldout25/P26-taichi-nerfs-2070-8gb.txt #1 (taichi-dev/taichi-nerfs#37)
    @Test
    void aSizeBeforeXianCunIsTheCard() {
        assertEquals(8 * Bytes.GIB, stated("我的GPU是2070，8G显存，batch_size改为1依旧爆显存")
                .gpuMemBytes());
    }

    // conversations_heldout15/P29-transfiner-2080ti-oom-until-min-size-200.txt #1 (SysCV/transfiner#16)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void detectronImagesPerBatchIsTheBatch() {
        assertEquals(1, stated("training Transfiner on COCO with a single RTX 2080 Ti: out of memory, even after "
                + "IMS_PER_BATCH 1. only with MIN_SIZE_TRAIN (200,) and MAX_SIZE_TRAIN 300 does training complete")
                .batch());
    }

    // conversations_heldout15/P05-mar-h-8xa100-batch-64-grad-checkpointing.txt #1 (LTH14/mar#7)
    @Test
    void imagesPerGpuAreThePerDeviceBatch() {
        assertEquals(64, stated("training MAR-H (diffloss depth 12, width 1536) on 8x A100 80GB with 64 images per "
                + "GPU, global batch 512, runs out of GPU memory").batch());
    }

    // conversations_heldout16/P23-eyoc-3090-batch-16-iter-size.txt #1 (liuQuan98/EYOC#6)
    @Test
    void theDefaultGivesWayToTheValueSet() {
        assertEquals(16, stated("GPU utilization peaks at only 27% with the default batch_size=8 on my RTX 3090 (32GB "
                + "VRAM), so I set BATCH_SIZE=16, ITER_SIZE=2, MODEL_N_OUT=16 and got in run_backward:").batch());
    }

    // conversations_heldout12/M15-consisid-gradio-cpu-offload-43gb-ram-oom.txt #1 (PKU-YuanGroup/ConsisID#19)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aGpuThatHasOnlySoMuchIsTheCard() {
        assertEquals(24 * Bytes.GIB, stated("ConsisID gradio demo: my GPU has only 24GB, so I turned on offloading "
                + "the model to the CPU. but the machine has only 43GB of RAM").gpuMemBytes());
    }

    // conversations_heldout24/P25-zh-ner-tf-step-2000.txt #1 (Determined22/zh-NER-TF#86)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void tfOneIsTensorflow() {
        assertEquals("tensorflow", stated("training zh-NER-TF (BiLSTM-CRF, TF1) on my own, fairly large data with "
                + "batch_size=128. around step 2000 it dies with OOM. what is wrong?").framework());
    }

    // conversations_heldout24/P38-tfhub-use-100k-sentences-ram.txt #1 (tensorflow/hub#105)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void tfHubAndSessionRunAreTensorflow() {
        assertEquals("tensorflow", stated("embedding 100K sentences with the Universal Sentence Encoder from TF Hub, "
                + "following the notebook: one session.run with every sentence in the feed_dict.").framework());
    }

    // conversations_heldout10/K22-dpo-vicuna-fp32-two-quadro-rtx-8000.txt #1
    // (eric-mitchell/direct-preference-optimization#19)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void quadroCardsAreCounted() {
        assertEquals(2, stated("I run the DPO pipeline on a Vicuna (Llama) model with the FSDP trainer on two Quadro "
                + "RTX 8000 with 45 GB each.").worldSize());
    }

    // conversations_heldout11/L18-tgi-llama2-70b-eight-a10g-not-enough-memory-16000-tokens.txt #1
    // (huggingface/text-generation-inference#710)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void tgiNumShardWithoutDashesCountsTheCards() {
        assertEquals(8, stated("on a g5.48xlarge, num_shard 8, quantize None, max_input_length 3072, "
                + "max_total_tokens 4096").worldSize());
    }
}
