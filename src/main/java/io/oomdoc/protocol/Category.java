package io.oomdoc.protocol;

import java.util.List;
import java.util.Locale;

/**
 * The causes oomdoc tells apart (DESIGN.md taxonomy), each with the knowledge entries that explain
 * and fix it, most useful first.
 */
public enum Category {
    ACTIVATIONS_BATCH("the activations of the batch do not fit", "M5", "M7", "M6", "M4", "M1"),
    OPTIMIZER_STATE_STEP2("optimizer state allocated at the first optimizer step", "M17", "M12", "M1", "M9"),
    FIRST_BACKWARD("peak of the first backward pass", "M14", "M7", "M5"),
    EVAL_ACCUMULATION("evaluation keeps graphs or predictions on the GPU", "M15", "M20", "M5"),
    LONGEST_BATCH("the longest batch of variable-length data", "M16", "M8", "M11", "M5"),
    FRAGMENTATION("allocator fragmentation", "M8", "M18", "M2", "M16"),
    LEAK_HELD_REFERENCES("tensors held across iterations (a real leak)", "M20", "M19", "M18"),
    OTHER_PROCESS_OR_ZOMBIE("another process or a zombie holds the GPU", "U11", "U10", "M2", "M3"),
    HOST_RAM_OOM("host RAM exhausted (kernel or cgroup kill)", "U9", "M3"),
    MODEL_TOO_LARGE("the model's fixed cost does not fit the card", "M1", "M13", "M12", "M9", "M10"),
    ATTENTION_SEQ_LEN("attention at long sequence length", "M11", "M7", "M9"),
    LIBRARY_WORKSPACE("a CUDA library could not get its workspace", "M5", "U10", "M2", "M11"),
    KV_CACHE_INFERENCE("the inference KV cache does not fit", "M11", "M1", "U10"),
    CONTEXT_CREATION("the CUDA context could not be created", "U10", "U11", "M3"),
    OTHER("other memory pressure", "M2", "U10", "M3");

    public final String label;
    public final List<String> kb;

    Category(String label, String... kb) {
        this.label = label;
        this.kb = List.of(kb);
    }

    public String json() { return name().toLowerCase(Locale.ROOT); }
}
