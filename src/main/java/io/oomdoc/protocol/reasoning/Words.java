package io.oomdoc.protocol.reasoning;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a report as features, read with negation: in "no other process is running" the words after
 * "no" become {@code not_other}, {@code not_process}, so "not a leak" does not count as "leak". Numbers,
 * paths and very short tokens carry no meaning that transfers between reports and are left out.
 */
public final class Words {
    private static final Pattern TOKEN = Pattern.compile("[a-z][a-z_]+(?:'t)?");
    private static final Set<String> NEGATORS = Set.of("no", "not", "never", "without", "don't", "doesn't", "didn't",
            "isn't", "wasn't", "aren't", "can't", "cannot", "nor", "none", "nothing", "neither", "won't");
    private static final Pattern CLAUSE_END = Pattern.compile("[.;!?\\n,:()]|\\bbut\\b|\\bhowever\\b");
    private static final int NEGATION_REACH = 4;
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "this", "that", "was", "are", "you",
            "have",
            "has", "had", "from", "but", "not", "can", "all", "any", "its", "it's", "our", "your", "she", "his", "her",
            "they", "them", "then", "than", "when", "what", "which", "who", "will", "would", "could", "should", "there",
            "here", "been", "being", "were", "also", "just", "some", "into", "out", "only", "very", "more", "most",
                    "such",
            "use", "using", "used", "how", "does", "did", "one", "two", "get", "got", "like", "file", "line", "self",
            "home", "users", "user", "usr", "lib", "site_packages", "packages", "python", "py", "local", "anaconda",
                    "envs");

    private Words() {}

    /** A crude stem: the first letters of a word join its inflections (validate, validation, validating). */
    static String stem(String t) { return t.length() > STEM ? t.substring(0, STEM) : t; }

    private static final int STEM = 7;

    /** The distinct word features of a text: {@code w:token} or {@code w:not_token}. */
    public static Set<String> features(String text) {
        Set<String> out = new LinkedHashSet<>();
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("(?:/[\\w.\\-]+){2,}", " ");
        for (String clause : CLAUSE_END.split(lower)) {
            int negatedUntil = -1;
            Matcher m = TOKEN.matcher(clause);
            int i = 0;
            while (m.find()) {
                String t = m.group();
                if (NEGATORS.contains(t) || t.endsWith("n't")) { negatedUntil = i + NEGATION_REACH; i++; continue; }
                if (t.length() >= 3 && !STOP.contains(t)) out.add("w:" + (i <= negatedUntil ? "not_" : "") + stem(t));
                i++;
            }
        }
        return out;
    }
}
