package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

/**
 * "Which --device-batch-size for nanochat d26 on 8 H100s?" leaves out what nanochat's own script fixes: the length
 * of every row (scripts/base_train.py, max_seq_len 2048) and the device batch it starts from (device_batch_size 32,
 * halved until it fits while total_batch_size keeps the tokens per step). The answer fills them in and says so,
 * instead of asking back or searching upward from a batch of one.
 */
final class NanochatDefaults {
    /** nanochat's base_train.py defaults (github.com/karpathy/nanochat). */
    static final int SEQ = 2048, DEVICE_BATCH = 32;

    private NanochatDefaults() {}

    static boolean applies(Facts f) { return f.model() != null && f.model().startsWith("nanochat"); }

    /** The facts with nanochat's length and device batch where the conversation holds none. */
    static Facts filled(Facts f) {
        if (!applies(f)) return f;
        return f.with(b -> {
            if (f.seqLen() == null) b.seqLen(SEQ);
            if (f.batch() == null) b.batch(DEVICE_BATCH);
        });
    }

    /** The line that says which defaults were taken, or null when the conversation stated both. */
    static String said(Facts before) {
        if (!applies(before) || before.seqLen() != null && before.batch() != null) return null;
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (before.seqLen() == null) parts.add(Messages.get("fit.nanochat.defaults.seq", SEQ));
        if (before.batch() == null) parts.add(Messages.get("fit.nanochat.defaults.batch", DEVICE_BATCH));
        return Messages.get("fit.nanochat.defaults", String.join(Messages.get("fit.nanochat.defaults.and"), parts));
    }
}
