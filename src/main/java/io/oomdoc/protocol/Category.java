package io.oomdoc.protocol;

import io.oomdoc.util.MessageTable;

import java.util.List;
import java.util.Locale;

/**
 * The causes oomdoc tells apart (DESIGN.md taxonomy), each with the knowledge entries that explain
 * and fix it, most useful first (declared in model/category-kb.tsv, {@link CategoryKb}).
 */
public enum Category {
    ACTIVATIONS_BATCH,
    OPTIMIZER_STATE_STEP2,
    FIRST_BACKWARD,
    EVAL_ACCUMULATION,
    LONGEST_BATCH,
    FRAGMENTATION,
    LEAK_HELD_REFERENCES,
    OTHER_PROCESS_OR_ZOMBIE,
    HOST_RAM_OOM,
    MODEL_TOO_LARGE,
    ATTENTION_SEQ_LEN,
    LIBRARY_WORKSPACE,
    KV_CACHE_INFERENCE,
    CONTEXT_CREATION,
    OTHER;

    /** The causes' names in words live beside the report's other sentences. */
    private static final MessageTable TEXT = ReportText.TABLE;

    /** The cause's knowledge ids, most useful first, from model/category-kb.tsv. */
    public final List<String> kb;

    Category() {
        this.kb = CategoryKb.of(name().toLowerCase(Locale.ROOT));
    }

    /** The cause in plain words ("the model's fixed cost does not fit the card"), for the report and its headline. */
    public String label() { return TEXT.get("category." + json()); }

    public String json() { return name().toLowerCase(Locale.ROOT); }
}
