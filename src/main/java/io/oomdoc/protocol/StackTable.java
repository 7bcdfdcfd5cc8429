package io.oomdoc.protocol;

import io.oomdoc.util.Resources;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The stacks oomdoc tells apart, as model/stacks.tsv declares them: the one place a stack is added, read both by
 * {@link Stacks} (which stack a failure ran on) and by the conversation (which stacks a question names).
 */
public final class StackTable {
    public static final String TABLE = "model/stacks.tsv";
    private static final String NONE = "-";
    private static final String SERVING = "serving";
    private static final String TRAINING = "training";
    private static final String APP = "app";

    /**
     * One stack. {@code name} is also the key of its how-to snippets; {@code said} finds it in a question (case
     * ignored); {@code logged} finds it in a failure's lowercased text, null for a stack only a user names.
     * {@code training}: the owner of a training loop (Trainer, Lightning, a plain loop), whose marks name the trainer
     * of a training failure rather than its stack. {@code app}: an inference application (ComfyUI) whose fixes
     * are its own flags and nodes.
     */
    public record Row(String name, boolean serving, boolean training, boolean app, Pattern said, Pattern logged) {}

    private static final List<Row> ROWS = parse(Resources.text(TABLE));

    private StackTable() {}

    /** Every row, in the table's order (the order they are tried in). */
    public static List<Row> rows() { return ROWS; }

    /** Rows of "stack TAB kind TAB said TAB logged"; blank lines and # comments skipped. */
    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t");
            if (cols.length != 4) throw new IllegalStateException("not 4 columns in " + TABLE + ": " + line);
            String name = cols[0].strip();
            if (!names.add(name)) throw new IllegalStateException("stack listed twice in " + TABLE + ": " + name);
            Pattern logged = cols[3].strip().equals(NONE) ? null : Pattern.compile(cols[3].strip());
            rows.add(new Row(name, cols[1].strip().equals(SERVING), cols[1].strip().equals(TRAINING),
                    cols[1].strip().equals(APP),
                    Pattern.compile(cols[2].strip(), Pattern.CASE_INSENSITIVE), logged));
        }
        return Collections.unmodifiableList(rows);
    }
}
