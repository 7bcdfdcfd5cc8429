package io.oomdoc.protocol.dialogue;

import java.util.regex.Pattern;

/**
 * A fit answer that sets the user's quoted need against the card, followed by the budget's own estimate: the two
 * must not say opposite things. taOS#144 (burned set 16) quoted a run's total of 10054 MiB on an 8 GB card and got
 * "short by 1.82 GiB" followed by the budget's "Yes: about 5.19 GiB ... within the 8 GiB card", an estimate of the
 * weights alone. The figures the user measured or was told win; an estimate that contradicts them is left out.
 */
final class QuotedAgreement {
    /** The budget's first line says it fits ("Yes: about ...", "Fits, as far as the weights go"). */
    private static final Pattern BUDGET_FITS = Pattern.compile("^(?:Yes\\b|Fits\\b|Tight\\b)");
    /** The budget's first line says it does not ("No: ...", "Does not fit", "that alone does not fit"). */
    private static final Pattern BUDGET_SHORT = Pattern.compile("^(?:No\\b|Does not fit\\b)|\\bdoes not fit\\b");

    private QuotedAgreement() {}

    /** Whether the budget's verdict (its first line) agrees with the quoted need's, or gives none. */
    static boolean agrees(String need, String budget) {
        String first = budget.lines().findFirst().orElse("");
        boolean needShort = need.contains(overTail());
        if (needShort) return !BUDGET_FITS.matcher(first).find();
        return !BUDGET_SHORT.matcher(first).find();
    }

    /** The words need.over ends with after its last figure: what marks the quoted need as more than the card. */
    private static String overTail() {
        String over = Messages.get("need.over");
        return over.substring(over.lastIndexOf("%s") + 2);
    }
}
