package io.oomdoc.protocol.dialogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "it worked in 0.1.29": the same job fit under an older release of the tool. That is evidence (the new release
 * reserves more for the same setup), not thanks, though its words ("it worked") are those of a thank-you
 * (ux14 row 16, ollama/ollama#3460).
 */
final class VersionRegression {
    /**
     * "worked in 0.1.29", "was fine on vllm 0.7.3", "used to work with v2.1": a verb of past success, then a release.
     * A bare two-part number ("worked with 0.85") is a setting's value, so a release has three parts, a "v" or
     * "version" before it, or the tool's name.
     */
    private static final Pattern WORKED_IN = Pattern.compile("(?i)\\b(?:worked|was (?:fine|ok|working)|ran"
            + "|used to (?:work|run|fit))\\b[^?.!]{0,40}?\\b(?:in|on|with|under|before|using)\\s+"
            + "(?:v(?:ersion)?\\s*(\\d+\\.\\d+(?:\\.\\d+)*)|(\\d+\\.\\d+\\.\\d+(?:\\.?post\\d+)?)"
            + "|[a-z][\\w-]{1,20}\\s+v?(\\d+\\.\\d+(?:\\.\\d+)*))\\b");

    private VersionRegression() {}

    /** The version the job last fit under, or null when the turn names none. */
    static String of(String text) {
        Matcher m = WORKED_IN.matcher(text);
        if (!m.find()) return null;
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }
}
