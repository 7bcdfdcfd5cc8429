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

    String description();

    List<Finding> check(PySource src);

    default Finding finding(PySource src, org.treesitter.TSNode at, String message, String before, String after) {
        return new Finding(id(), src.path, src.line(at), src.cell(at), kb(), severity(), message,
                new Finding.Fix(before, after));
    }
}
