package io.oomdoc.protocol;

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
    private static final Pattern PATH = Pattern.compile(
            "(?:\\b[a-z]:)?(?:[\\\\/][\\w.+-]+){2,}[\\\\/]?");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--?[a-z][\\w-]*");

    static String of(String lower) {
        String t = PROMPT_VALUE.matcher(lower).replaceAll(" ");
        t = PATH.matcher(t).replaceAll(" ");
        return FLAG.matcher(t).replaceAll(" ");
    }
}
