package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.util.Bytes;
import io.oomdoc.util.MessageTable;

/**
 * A request of a pebibyte or more: no GPU or host has it, so the size was computed wrong (a negative, unset or
 * overflowed length turned into an allocation). No memory setting makes it fit, so its one fix is in the code that
 * computed the size; the other holder, a smaller batch or the allocator's settings would each send the user the
 * wrong way (QwenLM/Qwen3-VL#334: 538976288 GiB asked for by beam search with sampling).
 */
public final class ImpossibleRequest {
    private static final MessageTable TEXT = ReportText.TABLE;
    /** The entry that reads the message's figures, under which the request's size is read (@figures). */
    private static final String ENTRY = CategoryKb.role("figures").get(0);

    private ImpossibleRequest() {}

    public static boolean of(OomNumbers n) {
        return n.triedBytes() != null && n.triedBytes() >= Bytes.PIB;
    }

    /** Why it cannot be met, worded as the large-request row of Signals words it. */
    static String reason(OomNumbers n) {
        return TEXT.get("signal.impossible-request", Bytes.human(n.triedBytes()));
    }

    static Report.Fix fix(OomNumbers n) {
        return new Report.Fix(ENTRY, TEXT.get("fix.impossible-request.title"), "free", false,
                TEXT.get("fix.impossible-request.before"),
                TEXT.get("fix.impossible-request.after", Bytes.human(n.triedBytes())));
    }
}
