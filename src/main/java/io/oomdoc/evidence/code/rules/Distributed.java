package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.PySource;

/** Whether a file runs under multi-process data parallelism. */
final class Distributed {
    private Distributed() {}

    static boolean uses(PySource src) {
        String t = src.text;
        return t.contains("DistributedDataParallel") || t.contains("init_process_group") || t.contains("mp.spawn")
                || t.contains("torch.distributed") || t.contains("LOCAL_RANK") || t.contains("local_rank")
                || t.contains("FullyShardedDataParallel") || t.contains("from accelerate") || t.contains("deepspeed");
    }
}
