package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Report;

import java.util.regex.Pattern;

/**
 * "Is this my 12 GB card running out, or the RAM?": which of the two memories ran out is read from the failure held,
 * not searched for in the knowledge base (Wan2GP#1393, conversations_heldout18/P17). A passage about cards never
 * having their printed size free answered it before, and never said which one.
 */
final class WhichMemory {
    private static final String CARD = "(?:card|gpu|vram|graphics|video memory|cuda)";
    private static final String HOST = "(?:(?:system |host |cpu |main )?ram|system memory|host memory|cpu memory)";
    /** Both memories named with an "or" between them, either order: the asker wants one of them picked. */
    private static final Pattern ASKS = Pattern.compile("(?i)\\b" + CARD + "\\b[^.?!]{0,40}?\\bor\\b[^.?!]{0,20}?\\b"
            + HOST + "\\b|\\b" + HOST + "\\b[^.?!]{0,40}?\\bor\\b[^.?!]{0,20}?\\b" + CARD + "\\b");

    private WhichMemory() {}

    /** The memory that ran out in the failure held, with why, then the first fix; null when not asked or unknown. */
    static String answer(String text, Report r) {
        if (r == null || !text.contains("?") || !ASKS.matcher(text).find()) return null;
        String first = r.fixes().isEmpty() ? null : Messages.get("followup.which.first", r.fixes().get(0).title(),
                r.fixes().get(0).kb());
        String lead;
        if (r.issueType().equals("host_ram_oom")) {
            lead = Messages.get("followup.which.host", CauseWords.of(r.category()));
        } else if (r.issueType().equals("vram_oom")) {
            lead = r.numbers().get("total_bytes") instanceof Number total
                    ? Messages.get("followup.which.card.sized", io.oomdoc.util.Bytes.human(total.longValue()),
                            CauseWords.of(r.category()))
                    : Messages.get("followup.which.card", CauseWords.of(r.category()));
        } else {
            return null;
        }
        return first == null ? lead : lead + "\n" + first;
    }
}
