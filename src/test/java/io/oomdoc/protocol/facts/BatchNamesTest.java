package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A batch under the other names scripts and configs give it: MMCV's samples_per_gpu, an inference script's own
 * batch setting (generate_batch_size, --stage2_batch_size), a per-GPU batch under a config path, and "as small as".
 * The turns are real users' own, from the burned conversation sets (fixture, turn and thread named on each test).
 */
class BatchNamesTest {
    private static Integer batch(String turn) { return FactReader.read(turn).asserted().batch(); }

    // conversations_heldout29/P27-vitpose-2080ti-samples-per-gpu.txt #1 (ViTAE-Transformer/ViTPose#14)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void mmcvsSamplesPerGpuIsTheBatch() {
        assertEquals(1, batch("I'd like to re-train this model on my own data, however, out of memory error occurs "
                + "even samples_per_gpu is set to 1. I'm using gtx 2080ti."));
    }

    // conversations_heldout8/I07-deepspeed-zero3-offload-llama2-7b-generate-batch-100.txt #1
    // (deepspeedai/DeepSpeed#7021)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aGenerationBatchSettingIsTheBatch() {
        assertEquals(100, batch("my script loads meta-llama/Llama-2-7b-hf in float16 through HfDeepSpeedConfig, with "
                + "generate_batch_size = 100, zero_optimization = True, offload_cpu = True, and calls generate"));
    }

    // conversations_heldout13/N40-yue-exllamav2-stage2-oom-4070ti-12gb.txt #1 (sgsdxzy/YuE-exllamav2#3)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aStagesBatchFlagIsTheBatch() {
        assertEquals(4, batch("4070 ti 12 GB. python src/yue/infer.py --stage1_use_exl2 --stage2_use_exl2 "
                + "--run_n_segments 2 --stage2_batch_size 4 --max_new_tokens 3000"));
    }

    // conversations_heldout28/P32-centerpoint-kitti-batch-4.txt #1 (tianweiy/CenterPoint-KITTI#44)
    @Test
    void aPerGpuBatchUnderAConfigPathIsTheBatch() {
        assertEquals(4, batch("2022-04-07 11:02:52,498   INFO  cfg.OPTIMIZATION.BATCH_SIZE_PER_GPU: 4\n"
                + "2022-04-07 11:02:52,498   INFO  cfg.OPTIMIZATION.NUM_EPOCHS: 80"));
    }
}
