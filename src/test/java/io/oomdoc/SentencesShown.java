package io.oomdoc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The English sentences a statement of main code shows its user as string literals: the resource checks of the cli
 * and the evidence packages read statements with it, each with its own idea of what shows text.
 */
public final class SentencesShown {
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** Four words of two letters or more: a sentence, not a label, a unit or a key. */
    private static final int WORDS = 4;

    private SentencesShown() {}

    /** The literals of one statement, with adjacent "a" + "b" joined, when {@code shown} says it shows them. */
    public static List<String> in(String statement, Pattern shown) {
        List<String> out = new ArrayList<>();
        if (!shown.matcher(statement).find()) return out;
        Matcher m = LITERAL.matcher(statement.replaceAll("\"\\s*\\+\\s*\"", ""));
        while (m.find()) {
            long words = Stream.of(m.group(1).split("\\s+")).filter(w -> w.matches(".*[A-Za-z]{2,}.*")).count();
            if (words >= WORDS) out.add(m.group(1));
        }
        return out;
    }
}
