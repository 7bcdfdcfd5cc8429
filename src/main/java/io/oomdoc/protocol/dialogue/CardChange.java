package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.protocol.facts.Mention;
import io.oomdoc.protocol.facts.Names;
import io.oomdoc.util.Bytes;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "And on the two A100 80GB instead?", "what if I had a 32GB V100 instead": another card proposed against the one
 * the conversation is about. Before anything is budgeted the expert says the memory before and after, the factor and
 * the room it adds or takes per card; what the job holds per card at the same settings does not move with the card.
 * Several cards do not pool their memory: each holds a whole copy unless the model is split or sharded.
 */
final class CardChange {
    /** The turn proposes a card ("what if", "instead", "and on ...?", "move to", "had", "rent"). */
    private static final Pattern PROPOSES = Pattern.compile("(?i)\\bwhat if\\b|\\binstead\\b|^\\W*(?:and|or|but)\\b"
            + "|\\b(?:move|moved|moving|switch\\w*|upgrad\\w*|rent\\w*|had|buy|get)\\b|\\bonly have\\b|\\bwhat about\\b"
            + "|\\bhow about\\b");
    /**
     * "two A100 80GB", "2x 4090", "4 x V100": how many of the card the turn proposes; a number with a memory unit
     * ("a 32 GB 5090") is the card's size, not a count.
     */
    private static final Pattern COUNT = Pattern.compile("(?i)(?:\\b(two|three|four|six|eight)|\\b(\\d{1,2})"
            + "(?!\\s*(?:gb|gib|g|tb)\\b)\\s*(?:x|×|\\*)?)\\s*(?:[\\w-]+\\s+){0,1}$");
    /** "a 48 GB card", "24 GB cards", "an 8GB GPU": a card said by its memory. */
    private static final Pattern SIZED_CARD = Pattern.compile("(?i)(?<![\\w.])(\\d{1,3})\\s*(?:gb|gib|g)\\s+"
            + "(?:\\w+\\s+)?(?:cards?|gpus?)\\b");
    private static final List<String> WORDS = List.of("two", "three", "four", "five", "six", "seven", "eight");
    private static final int FIRST_WORD = 2;

    private CardChange() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!PROPOSES.matcher(t).find()) return null;
        List<Mention> here = cards(t);
        Optional<GpuCatalog.Gpu> proposed = here.isEmpty() ? Optional.empty() : find(t, here.get(0));
        // "what if I ran it on a 48 GB card": a card said by its size alone
        var sized = SIZED_CARD.matcher(t);
        if (proposed.isEmpty() && sized.find()) {
            long bytes = Long.parseLong(sized.group(1)) * Bytes.GIB;
            proposed = Optional.of(new GpuCatalog.Gpu(Messages.get("card.change.sized", sized.group(1)), bytes, false,
                    false, bytes, bytes));
            here = List.of(new Mention(sized.start(), sized.end(), "gpu", sized.group()));
        }
        if (proposed.isEmpty()) return null;
        GpuCatalog.Gpu to = proposed.get();
        // the card held (the user's own), else the newest other card the turns before named
        String fromName = null;
        long from = 0;
        var own = a.facts().gpuName() == null ? Optional.<GpuCatalog.Gpu>empty()
                : GpuCatalog.find(a.facts().gpuName());
        if (own.isPresent() && !own.get().name().equals(to.name())) {
            fromName = own.get().name();
            from = a.facts().gpuMemBytes() != null ? a.facts().gpuMemBytes() : own.get().marketedBytes();
        }
        for (Mention m : fromName != null ? List.<Mention>of() : cards(a.earlier())) {
            var g = find(a.earlier(), m);
            if (g.isPresent() && !g.get().name().equals(to.name())) {
                fromName = g.get().name();
                from = g.get().marketedBytes();
                break;
            }
        }
        if (fromName == null) {
            Long held = a.facts().gpuMemBytes();
            if (held == null || held == to.marketedBytes()) return null;
            fromName = Messages.get("card.change.held");
            from = held;
        }
        if (from <= 0 || from == to.marketedBytes()) return null;
        double r = (double) to.marketedBytes() / from;
        long room = Math.abs(to.marketedBytes() - from);
        String line = Messages.get("card.change", fromName, gib(from), to.name(), gib(to.marketedBytes()),
                Scaling.ratio(r), gib(room), Messages.get(r > 1 ? "card.change.more" : "card.change.less"));
        int n = count(t.substring(0, here.get(0).start()));
        if (n > 1) line += " " + Messages.get("card.change.several", n);
        return line;
    }

    /** How many cards are said just before the card's name ("two A100 80GB", "2x 4090"), 1 when none. */
    private static int count(String before) {
        var m = COUNT.matcher(before.length() > 24 ? before.substring(before.length() - 24) : before);
        if (!m.find()) return 1;
        if (m.group(1) != null) return WORDS.indexOf(m.group(1).toLowerCase(Locale.ROOT)) + FIRST_WORD;
        return Integer.parseInt(m.group(2));
    }

    /** "a 32GB V100", "A100 40GB": the size said beside the name picks the card's variant. */
    private static final Pattern SIZE_BEFORE = Pattern.compile("(?i)(\\d{1,3})\\s*(?:gb|gib|g)\\s*$");
    private static final Pattern SIZE_AFTER = Pattern.compile("(?i)^[\\s-]*(\\d{1,3})\\s*(?:gb|gib|g)\\b");
    private static final int NEAR = 8;

    private static Optional<GpuCatalog.Gpu> find(String text, Mention m) {
        var before = SIZE_BEFORE.matcher(text.substring(Math.max(0, m.start() - NEAR), m.start()));
        var after = SIZE_AFTER.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + NEAR)));
        String size = before.find() ? before.group(1) : after.find() ? after.group(1) : null;
        Optional<GpuCatalog.Gpu> sized = size == null ? Optional.empty() : GpuCatalog.find(m.value() + " " + size
                + "GB");
        return sized.isPresent() ? sized : GpuCatalog.find(m.value());
    }

    private static List<Mention> cards(String text) {
        return Names.find(text.toLowerCase(Locale.ROOT), text).stream().filter(m -> m.key().equals("gpu"))
                .sorted(Comparator.comparingInt(Mention::start)).toList();
    }

    private static String gib(long bytes) { return Sizes.trim((double) bytes / Bytes.GIB) + " GiB"; }
}
