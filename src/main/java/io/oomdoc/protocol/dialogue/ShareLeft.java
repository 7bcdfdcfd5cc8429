package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import io.oomdoc.util.Bytes;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How do I cut vLLM's share to leave 6 GB for the renderer?" on a 24 GB card: a serving engine's memory share is a
 * fraction of the whole card (vLLM's gpu_memory_utilization, SGLang's mem_fraction_static), so the value to pass is
 * (card − what to leave) / card, computed from the card the session holds.
 */
final class ShareLeft {
    private static final Pattern LEAVE = Pattern.compile("(?i)\\b(?:leave|keep|free up|spare|set aside|reserve)"
            + "\\s+(?:about\\s+|at least\\s+|roughly\\s+|~\\s*)?(\\d+(?:\\.\\d+)?)\\s*(?:gb|gib|g)\\b");
    private static final Pattern SHARE = Pattern.compile("(?i)\\bshare\\b|utili[sz]ation|\\bfraction\\b|\\bvllm\\b"
            + "|\\bsglang\\b|mem[-_ ]fraction");
    private static final double HUNDRED = 100;

    private ShareLeft() {}

    /** The share to pass, or null when the turn names no amount to leave or no card is known. */
    static String line(String question, Facts facts, Report report) {
        Matcher m = LEAVE.matcher(question);
        if (!m.find() || !SHARE.matcher(question).find()) return null;
        Long card = facts.gpuMemBytes();
        if (card == null && report != null && report.numbers().get("total_bytes") instanceof Number t) {
            card = t.longValue();
        }
        if (card == null || card <= 0) return null;
        // A card's size is said in whole GB and its total read in GiB: both sides in the user's unit.
        double total = Math.round((double) card / Bytes.GIB);
        double leave = Double.parseDouble(m.group(1));
        if (leave >= total) return null;
        double share = Math.floor((total - leave) / total * HUNDRED) / HUNDRED;
        return Messages.get("share.left", Sizes.trim(leave), Sizes.trim(total), String.format(Locale.ROOT, "%.2f",
                share));
    }
}
