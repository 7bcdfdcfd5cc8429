package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.Frame;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's text with the source lines that a Python traceback prints under a library's frame blanked out. Those
 * lines are the framework's code, not the user's words: torch's own backward frame prints
 * {@code torch.autograd.backward(self, gradient, retain_graph, create_graph)} under every backward failure
 * (facebookresearch/detectron2#1563), which names a parameter, not graphs the user keeps. The frame line itself stays
 * (its function name is where the failure sits); the user's own frames keep their code, which is the user's.
 */
public final class LibraryCode {
    private LibraryCode() {}

    /** A frame header and the one source line Python prints beneath it. */
    private static final Pattern FRAME_AND_CODE = Pattern.compile(
            "(?m)^([ \\t]*file \"([^\"\\n]+)\", line \\d+, in [^\\n]*\\n)[ \\t]*(?!file \")[^\\n]*$",
            Pattern.CASE_INSENSITIVE);

    /** The last text blanked and its result: three word rows ask for the same text in one diagnosis. */
    private record Last(String text, String blanked) {}

    private static volatile Last last = new Last("", "");

    /** The text with every library frame's source line emptied (the frame line kept). */
    public static String blanked(String text) {
        Last l = last;
        if (l.text().equals(text)) return l.blanked();
        Matcher m = FRAME_AND_CODE.matcher(text);
        String out = m.replaceAll(r -> new Frame(r.group(2), 0, "", "").isLibrary()
                ? Matcher.quoteReplacement(r.group(1)) : Matcher.quoteReplacement(r.group()));
        last = new Last(text, out);
        return out;
    }
}
