package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.PySource;

/** Whether a file runs under multi-process data parallelism. */
final class Distributed {
    private Distributed() {}

    static boolean uses(PySource src) {
        String t = src.codeText();
        // Importing accelerate, deepspeed or torch.distributed is not enough: conversion scripts do that and run in
        // one process. A commented-out launcher is none either (comments are blanked).
        return t.contains("DistributedDataParallel(") || t.contains("DDP(") || t.contains("init_process_group")
                || t.contains("mp.spawn")
                || t.contains("LOCAL_RANK\"") || t.contains("LOCAL_RANK'") || t.contains("FullyShardedDataParallel(")
                || t.contains("Accelerator(") || t.contains("deepspeed.initialize");
    }
}
