package io.oomdoc.protocol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's text with the parts that are names rather than words blanked out: file paths (TensorFlow's build path
 * "c:\tf_jenkins\workspace\..." names no cuDNN workspace), command-line flag names ("--per-device-eval-batch-size"
 * is a setting, not an evaluation that ran) and quoted prompt values ("a photo of sks dog in a bucket" is what the
 * model draws, not length bucketing). Cue words that would misfire on those read this text instead.
 */
final class ProseText {
    private ProseText() {}

    private static final Pattern PROMPT_VALUE = Pattern.compile(
            "prompts?[\"']?\\s*[=:]\\s*(?:\"[^\"\\n]*\"|'[^'\\n]*')");
    // a web address is kept whole: its slug is a thread title in words ("out-of-memory-error-during-evaluation")
    private static final Pattern PATH = Pattern.compile(
            "(\\b(?:https?|ftp)://\\S+)|(?:\\b[a-z]:)?(?:[\\\\/][\\w.+-]+){2,}[\\\\/]?");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--?[a-z][\\w-]*");

    /** The last text read and its prose: the word rows of Signals ask for the same text in one diagnosis. */
    private record Last(String text, String prose) {}

    private static volatile Last last = new Last("", "");

    static String of(String lower) {
        Last l = last;
        if (l.text().equals(lower)) return l.prose();
        String prose = blank(lower);
        last = new Last(lower, prose);
        return prose;
    }

    private static String blank(String lower) {
        String t = PROMPT_VALUE.matcher(lower).replaceAll(" ");
        t = PATH.matcher(t).replaceAll(m -> m.group(1) != null ? Matcher.quoteReplacement(m.group(1)) : " ");
        return FLAG.matcher(t).replaceAll(" ");
    }
}
