package io.oomdoc.evidence.code;

import java.util.List;

/**
 * One memory anti-pattern. A rule reports only what it can tell from the code's structure; when it
 * cannot tell (an unknown helper, a deliberate pattern), it stays quiet rather than guess.
 */
public interface Rule {
    String id();

    /** The knowledge entry that explains the pattern. */
    String kb();

    String severity();

    /** One line on what the pattern costs, from scan/messages.properties ({@code ID.description}). */
    default String description() { return ScanText.get(id() + ".description"); }

    List<Finding> check(PySource src);

    /**
     * What a file must hold to be worth parsing for this rule (the scanner parses a file when any enabled rule's
     * declaration admits it). A rule that declares nothing is run on every file: slow, never silently unreached.
     */
    default FileTokens fileTokens() { return FileTokens.EVERY_FILE; }

    default Finding finding(PySource src, org.treesitter.TSNode at, String message, String before, String after) {
        return new Finding(id(), src.path, src.line(at), src.cell(at), kb(), severity(), message,
                new Finding.Fix(before, after));
    }
}
