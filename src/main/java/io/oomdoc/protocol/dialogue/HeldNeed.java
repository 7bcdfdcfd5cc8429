package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;

import java.util.Map;

/**
 * "would a desktop 3060 with 12 GB run the demo?" after a trace from a 6 GB laptop: what the run held when it failed
 * plus the request that failed is the least it needs; set against the card the question names, that floor is the
 * verdict. It is a floor, not the peak (later steps may want more), so the answer says so.
 */
final class HeldNeed {
    /** Below this share of the card left over the floor, the answer is "tight", not "fits". */
    private static final double TIGHT = 0.10;

    private HeldNeed() {}

    /** The verdict line, or null when no figures are held or the question names no other card. */
    static String of(String text, Report report) {
        if (report == null) return null;
        Map<String, Object> n = report.numbers();
        Long held = first(n, "process_in_use_bytes", "reserved_bytes", "allocated_bytes");
        if (held == null || !(n.get("tried_bytes") instanceof Number tried)) return null;
        FactExtractor.Reading r = FactExtractor.read(text);
        Facts asked = r.hypothetical().merge(r.asserted());
        Long card = asked.gpuMemBytes();
        // "there is an 8B Lynx too. can I serve that one on the T4?": another model, so not the failure's floor
        if (card == null || card <= 0 || asked.model() != null || asked.params() != null) return null;
        // the failing card itself asked again is no other card: its verdict is the failure
        if (n.get("total_bytes") instanceof Number total && Math.abs(total.longValue() - card) < card / 10) return null;
        long need = held + tried.longValue();
        String had = Sizes.human(held), req = Sizes.human(tried.longValue()), floor = Sizes.human(need);
        String size = Sizes.human(card);
        if (need > card) return Messages.get("heldneed.over", had, req, floor, size, Sizes.human(need - card));
        if (card - need < TIGHT * card) return Messages.get("heldneed.tight", had, req, floor, size,
                Sizes.human(card - need));
        return Messages.get("heldneed.within", had, req, floor, size, Sizes.human(card - need));
    }

    private static Long first(Map<String, Object> n, String... keys) {
        for (String k : keys) if (n.get(k) instanceof Number v && v.longValue() > 0) return v.longValue();
        return null;
    }
}
