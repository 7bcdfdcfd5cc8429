package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.util.Bytes;
import io.oomdoc.util.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * "Which GPU do I need to run it in bf16?": with the need computed and no card held, the answer is the smallest card
 * size that holds the need with headroom (dialogue/card-tiers.tsv), and the one above it; a need over the largest
 * single card is split over several of the largest.
 */
final class CardsForNeed {
    private static final String TABLE = "dialogue/card-tiers.tsv";
    /** Headroom on top of the need: allocator slack and spikes (the report's 10-15% rule). */
    private static final double HEADROOM = 1.15;
    private static final Pattern ASKS = Pattern.compile("(?i)\\b(?:which|what)\\s+(?:kind of\\s+|size of\\s+)?"
            + "(?:gpus?|cards?|graphics cards?|hardware)\\b|\\bminimum (?:gpu|card|hardware|vram)");

    /** One size and the cards sold with it. */
    record Tier(long bytes, List<String> cards) {}

    private static volatile List<Tier> tiers;

    private CardsForNeed() {}

    /** Whether the question asks which card to get. */
    static boolean asks(String text) { return ASKS.matcher(text).find(); }

    /** The smallest size that holds {@code need} with headroom and the size above it, or the count of the largest. */
    static String of(long need) {
        long wanted = (long) (need * HEADROOM);
        List<Tier> all = tiers();
        for (int i = 0; i < all.size(); i++) {
            if (GpuCatalog.usableBytes(all.get(i).bytes()) < wanted) continue;
            Tier t = all.get(i);
            String line = Messages.get("cards.tier", Bytes.human(need), Bytes.human(t.bytes()),
                    String.join(", ", t.cards()));
            if (i + 1 < all.size()) line += " " + Messages.get("cards.next", Bytes.human(all.get(i + 1).bytes()),
                    String.join(", ", all.get(i + 1).cards()));
            return line;
        }
        Tier top = all.get(all.size() - 1);
        long n = (long) Math.ceil(wanted / (double) GpuCatalog.usableBytes(top.bytes()));
        return Messages.get("cards.several", Bytes.human(need), n, Bytes.human(top.bytes()),
                String.join(", ", top.cards()));
    }

    static List<Tier> tiers() {
        if (tiers == null) tiers = read();
        return tiers;
    }

    private static List<Tier> read() {
        List<Tier> out = new ArrayList<>();
        for (String line : Resources.text(TABLE).split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] c = line.split("\t");
            out.add(new Tier(Long.parseLong(c[0]) * Bytes.GIB, List.of(c[1].split(","))));
        }
        return List.copyOf(out);
    }
}
