package io.oomdoc.protocol;

/**
 * A fix's code as every answer shows it: "before: " and "after:  " at the given indent, each further line of the
 * code under the code's first column. The report's ladder, a follow-up's rung and a scan finding all print it.
 */
public final class FixText {
    private static final String BEFORE = "before: ";
    private static final String AFTER = "after:  ";

    private FixText() {}

    public static String before(String code, int indent) { return labelled(BEFORE, code, indent); }

    public static String after(String code, int indent) { return labelled(AFTER, code, indent); }

    /** Both, on their own lines (no newline after the last). */
    public static String both(Report.Fix f, int indent) {
        return before(f.before(), indent) + "\n" + after(f.after(), indent);
    }

    private static String labelled(String label, String code, int indent) {
        String pad = " ".repeat(indent);
        return pad + label + code.replace("\n", "\n" + pad + " ".repeat(label.length()));
    }
}
