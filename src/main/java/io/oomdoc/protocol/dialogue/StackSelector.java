package io.oomdoc.protocol.dialogue;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What selects a table row for a conversation: the frameworks held (Facts.framework) or words in its turns. A row with
 * neither applies to every conversation. Read from two TSV cells, "-" for none; stacks comma-separated.
 */
record StackSelector(Set<String> stacks, Pattern words) {
    static StackSelector of(String stacksCell, String wordsCell) {
        return new StackSelector(stacksCell.equals("-") ? Set.of() : Set.of(stacksCell.split(",")),
                wordsCell.equals("-") ? null : Pattern.compile(wordsCell));
    }

    /** Whether the framework held or the lower-cased turns select the row. */
    boolean matches(String framework, String lower) {
        if (stacks.isEmpty() && words == null) return true;
        return stacks.contains(String.valueOf(framework)) || words != null && words.matcher(lower).find();
    }
}
