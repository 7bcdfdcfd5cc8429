package io.oomdoc.evidence.trace.parsers;

import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.util.Num;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Stats:" dump TensorFlow's and XLA's BFC allocator print on an OOM. "Limit:" is the allocator's whole room on
 * the card (what it may ever hold, the usable total), "InUse:" the bytes live when it failed.
 */
final class BfcStats {
    /**
     * The dump states bytes as a bare integer. Other allocators print "Limit: 31.246 GiB" in their own stats
     * (Enzyme-JAX#2422): that is not a byte count, and reading its integer part gave a 31-byte card.
     */
    private static final Pattern LIMIT = Pattern.compile("\\bLimit:\\s+(\\d+)(?![.,\\d])");
    private static final Pattern IN_USE = Pattern.compile("\\bInUse:\\s+(\\d+)(?![.,\\d])");

    private BfcStats() {}

    /** Fills total and allocated from the log's first dump; true when the limit was found. */
    static boolean fill(OomNumbers.Builder b, String log) {
        Matcher use = IN_USE.matcher(log);
        if (use.find()) b.allocated = Num.toLong(use.group(1));
        Matcher lim = LIMIT.matcher(log);
        if (!lim.find()) return false;
        b.total = Num.toLong(lim.group(1));
        return true;
    }
}
