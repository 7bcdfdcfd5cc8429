package io.oomdoc.evidence.code;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the YAML lines that can be settings. A YAML setting is a key that starts its line with a plain value
 * (`micro_batch_size: 2`, `optimizer: paged_adamw_8bit`); a `per_device_train_batch_size=4` or a
 * `gradient_checkpointing: true` inside a quoted string, a note or a comment is an example someone wrote down (a
 * how-to, a help text, oomdoc's own knowledge files), not the job's setup.
 */
final class YamlExamples {
    /** Indentation, an optional list dash, a key, a colon, then the value up to a comment. */
    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*(?:-\\s+)?[\\w.-]+:)(?:\\s+(.*?))?\\s*(?:\\s#.*)?$");
    /** One plain value: a number, a word, a name or path, optionally quoted; no spaces, no code. */
    private static final Pattern PLAIN = Pattern.compile("[\"']?[\\w./+-]*[\"']?");

    private YamlExamples() {}

    static boolean isYaml(String path) {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }

    /** The text with every line that is not `key: plain value` emptied; line numbers are kept. */
    static String settingsOnly(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            Matcher m = KEY_LINE.matcher(lines[i]);
            if (m.matches() && (m.group(2) == null || PLAIN.matcher(m.group(2)).matches())) sb.append(lines[i]);
            if (i + 1 < lines.length) sb.append('\n');
        }
        return sb.toString();
    }
}
