package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How far short is my card?", "72.33GB 比我的 40G 多出多少？", "how much headroom is that on my 10 GB card?":
 * the difference between what a job takes and what a card holds, worked out from the sizes the conversation gave. The
 * need is the size quoted in the turn or, failing that, the latest one quoted before it; the card is the one the turn
 * names or the one held; a failure quoted before ("Attempting to allocate 180.59M ... 142.58M free") gives
 * the request and the free memory when the turn names no card. A deficit is what has to come off before it fits; a
 * surplus under a tenth of the card is tight, since the CUDA context and the allocator's slack are not in the figure.
 */
final class MemoryGap {
    /** "how far short", "how far over my card", "only a bit short?", "差了多少", "多出多少". */
    private static final Pattern DEFICIT = Pattern.compile("(?i)\\bhow (?:far |much )?short\\b|\\bhow (?:far|much) over"
            + "\\b|\\b(?:a bit|a little|only|just|slightly) short\\b|差了?多少|多出了?多少|少了?多少");
    /**
     * "how big is that gap?", "how big is the jump", "what is the difference between them?": a difference asked of
     * the figures said, with neither a shortfall nor headroom named; the two figures may both be in a turn before.
     */
    private static final Pattern DIFFERENCE = Pattern.compile("(?i)\\b(?:how (?:big|large|much) (?:is|was) "
            + "|what(?:'s| is| was) )(?:that|the|this)\\s+(?:gap|jump|difference|increase|step)\\b");
    /** "how much is actually left for it?", "how much headroom is that?", "还剩多少". */
    private static final Pattern SURPLUS = Pattern.compile("(?i)\\bhow much\\b[^?]{0,30}\\b(?:left|remains?|spare"
            + "|headroom)\\b|还剩(?:下)?多少|剩(?:下|余)?多少");
    /** A size as people write it: "33 GB", "13G", "9873M", "~17GB", "55-60G" (a range). */
    private static final Pattern SIZE = Pattern.compile("(?i)(?<![\\w.,])(\\d+(?:\\.\\d+)?)"
            + "(?:\\s*[-–~]\\s*(\\d+(?:\\.\\d+)?))?\\s*(gb|gib|g|mib|mb|m)\\b"
            + "(?!\\s*(?:param|token|sample|row|image))");
    /** "how far short of 24 is that?", "8 GB of 12?": a bare number the question sets the size against. */
    private static final Pattern BARE = Pattern.compile("(?i)\\b(?:short of|of|than|against)\\s+(\\d+(?:\\.\\d+)?)"
            + "\\s*(?:\\?|is\\b|$)");
    /** "Tried to allocate 1.50 GiB ... 1.39 GiB free"; XLA's "Attempting to allocate 180.59M ... 142.58M free". */
    private static final Pattern REQUEST = Pattern.compile("(?i)(?:tried|attempting) to allocate\\s*(\\d+(?:\\.\\d+)?)"
            + "\\s*(gib|mib|kib|g|m|k)?\\b");
    private static final Pattern FREE = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(gib|mib|kib|g|m|k)?\\s+"
            + "(?:is\\s+)?free\\b");
    /** "my 16 GB card", "A100-40G", "the upper limit of 2080TI is 10.8G": a card's size, not a need. */
    private static final Pattern CARD_BEFORE = Pattern.compile("(?i)(?:\\b(?:my|mine|have|has|on)\\s+(?:only\\s+"
            + "|a\\s+|an\\s+)?|我的|\\b[a-z]{1,4}-?\\d{2,4}[a-z]*(?:\\s+is)?[\\s,，-]*|\\b\\d{4}\\s*ti\\b(?:\\s+is)?"
            + "\\s*)$");
    private static final Pattern CARD_AFTER = Pattern.compile("(?i)^\\s*(?:of\\s+)?(?:\\w+\\s+)?(?:card|gpu|graphics"
            + "|显卡)");
    /** Below this share of the card left, what remains is the CUDA context's and the allocator's: tight. */
    private static final double TIGHT = 0.10;

    private MemoryGap() {}

    /** One size said: its bounds (equal unless a range) and whether it is a card's. */
    private record Size(long lo, long hi, boolean card) {}

    /** The gap line, or null unless the turn asks for a gap and two sizes can be set against each other. */
    static String of(Calculations.Ask a) {
        boolean deficit = DEFICIT.matcher(a.text()).find();
        if (!deficit && !SURPLUS.matcher(a.text()).find()) return DIFFERENCE.matcher(a.text()).find()
                ? difference(a) : null;
        List<Size> said = sizes(a.text());
        Matcher bare = BARE.matcher(a.text());
        if (said.size() == 1 && bare.find()) {
            long b = Bytes.parse(bare.group(1), "gib");
            said.add(new Size(b, b, false));
        }
        if (said.size() >= 2) return gap(said.get(0), said.get(1), deficit);
        Long named = FactExtractor.read(a.text()).asserted().gpuMemBytes();
        Long card = named != null ? named : a.facts().gpuMemBytes();
        if (said.size() == 1) {
            Size one = said.get(0);
            if (card != null && card != one.hi()) return gap(one, new Size(card, card, true), deficit);
            Size before = earlier(a.earlier(), one.hi());
            return before == null ? null : gap(one, before, deficit);
        }
        if (named == null && deficit) {
            String request = request(a.withContext());
            if (request != null) return request;
        }
        if (card == null) return null;
        Size need = earlier(a.earlier(), card);
        return need == null ? null : gap(need, new Size(card, card, true), deficit);
    }

    /** The two sizes set against each other: the card is the one said to be a card, else the smaller (a deficit). */
    private static String gap(Size x, Size y, boolean deficit) {
        boolean xCard = x.card() && !y.card() || x.card() == y.card() && (deficit ? x.hi() < y.hi() : x.hi() > y.hi());
        Size card = xCard ? x : y, need = xCard ? y : x;
        long have = card.hi();
        if (need.lo() > have) return Messages.get("memgap.short", range(need), Sizes.human(have),
                range(need.lo() - have, need.hi() - have), range(need));
        if (need.hi() > have) return null;
        long left = have - need.hi();
        long pct = Math.round(100.0 * left / have);
        return Messages.get(left < TIGHT * have ? "memgap.tight" : "memgap.left", range(need), Sizes.human(have),
                Sizes.human(left), pct);
    }

    /**
     * "how big is the jump?": the two figures of the turn, else of the newest turn before it that says two, set against
     * each other: a card's size against a need is a shortfall or headroom; two readings are a step from one to the
     * other.
     */
    private static String difference(Calculations.Ask a) {
        List<Size> two = sizes(a.text());
        for (String line : a.earlier().split("\n")) {
            if (two.size() >= 2) break;
            two = sizes(line);
        }
        if (two.size() < 2 || two.get(0).hi() == two.get(1).hi()) return null;
        Size from = two.get(0), to = two.get(1);
        if (from.card() || to.card()) return gap(from, to, true);
        long step = Math.abs(to.hi() - from.hi());
        return Messages.get(to.hi() > from.hi() ? "memgap.up" : "memgap.down", range(from), range(to),
                Sizes.human(step), Sizes.trim((double) to.hi() / from.hi()));
    }

    /** The failing request against the free memory of a failure quoted before, or null when none is quoted. */
    private static String request(String text) {
        Matcher r = REQUEST.matcher(text);
        Matcher f = FREE.matcher(text);
        if (!r.find() || !f.find()) return null;
        long tried = bytes(r.group(1), r.group(2)), free = bytes(f.group(1), f.group(2));
        if (tried <= free) return null;
        return Messages.get("memgap.request", Sizes.human(tried), Sizes.human(free), Sizes.human(tried - free));
    }

    /** The newest size said before the turn that is not the card itself (its own figure asked about again). */
    private static Size earlier(String before, long not) {
        for (String line : before.split("\n")) {
            for (Size s : sizes(line)) if (s.hi() != not && !s.card()) return s;
        }
        return null;
    }

    private static List<Size> sizes(String text) {
        List<Size> out = new ArrayList<>();
        Matcher m = SIZE.matcher(text);
        while (m.find()) {
            String unit = m.group(3).toLowerCase(Locale.ROOT);
            long lo = bytes(m.group(1), unit);
            long hi = m.group(2) == null ? lo : bytes(m.group(2), unit);
            if (hi < lo) continue;
            boolean card = CARD_BEFORE.matcher(text.substring(0, m.start())).find()
                    || CARD_AFTER.matcher(text.substring(m.end())).find();
            out.add(new Size(lo, hi, card));
        }
        return out;
    }

    /** "G" and "M" are binary here, as PyTorch, XLA and nvidia-smi print them; a bare number is GiB. */
    private static long bytes(String number, String unit) {
        String u = unit == null ? "gib" : unit.toLowerCase(Locale.ROOT);
        return Bytes.parse(number, switch (u) {
            case "g", "gb" -> "gib";
            case "m", "mb" -> "mib";
            case "k" -> "kib";
            default -> u;
        });
    }

    private static String range(Size s) { return range(s.lo(), s.hi()); }

    private static String range(long lo, long hi) {
        return lo == hi ? Sizes.human(lo) : Sizes.human(lo).replaceAll(" \\S+$", "") + "-" + Sizes.human(hi);
    }
}
