package io.oomdoc.protocol;

import io.oomdoc.util.MessageTable;

import java.util.List;
import java.util.Locale;

/**
 * The causes oomdoc tells apart (DESIGN.md taxonomy), each with the knowledge entries that explain
 * and fix it, most useful first.
 */
public enum Category {
    ACTIVATIONS_BATCH("M5", "M7", "M6", "M4", "M1"),
    OPTIMIZER_STATE_STEP2("M17", "M12", "M1", "M9"),
    FIRST_BACKWARD("M14", "M7", "M5"),
    EVAL_ACCUMULATION("M15", "M20", "M5"),
    LONGEST_BATCH("M16", "M8", "M11", "M5"),
    FRAGMENTATION("M8", "M18", "M2", "M16"),
    LEAK_HELD_REFERENCES("M20", "M19", "M18"),
    OTHER_PROCESS_OR_ZOMBIE("U11", "U10", "M2", "M3"),
    HOST_RAM_OOM("U9", "M3"),
    MODEL_TOO_LARGE("M1", "M13", "M12", "M9", "M10"),
    ATTENTION_SEQ_LEN("M11", "M7", "M9"),
    LIBRARY_WORKSPACE("M5", "U10", "M2", "M11"),
    KV_CACHE_INFERENCE("M11", "M1", "U10"),
    CONTEXT_CREATION("U10", "U11", "M3"),
    OTHER("M2", "U10", "M3");

    /** The causes' names in words live beside the report's other sentences. */
    private static final MessageTable TEXT = ReportText.TABLE;

    public final List<String> kb;

    Category(String... kb) {
        this.kb = List.of(kb);
    }

    /** The cause in plain words ("the model's fixed cost does not fit the card"), for the report and its headline. */
    public String label() { return TEXT.get("category." + json()); }

    public String json() { return name().toLowerCase(Locale.ROOT); }
}
