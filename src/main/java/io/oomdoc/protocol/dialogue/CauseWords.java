package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Category;

import java.util.Locale;

/**
 * The cause held, in the words the report uses ("tensors held across iterations (a real leak)"): a category's JSON
 * name ("leak_held_references") is an internal label and is never shown to the user (ux14 row 25).
 */
final class CauseWords {
    private CauseWords() {}

    static String of(String category) {
        try {
            return Category.valueOf(category.toUpperCase(Locale.ROOT)).label();
        } catch (IllegalArgumentException e) {
            // a category this build does not know still reads better without its underscores
            return category.replace('_', ' ');
        }
    }
}
