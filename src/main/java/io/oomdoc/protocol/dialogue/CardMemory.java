package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.protocol.facts.Mention;
import io.oomdoc.protocol.facts.Names;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * "How much memory does a T4 have compared to that?", "how much memory does that card have?": the memory of each card
 * the turn names, from the GPU catalog; with none named, the card the turns before named ("these cards"). A user
 * comparing a maintainer's card with their own needs both figures before any advice.
 */
final class CardMemory {
    private static final Pattern ASKS = Pattern.compile("(?i)\\bhow much (?:gpu |video |graphics )?(?:memory|vram)"
            + " (?:does|do|did|is|are) (?:\\S+ ){0,5}?(?:have|has|got|come with)\\b|\\bhow much (?:gpu |video )?"
            + "(?:memory|vram) (?:is|are) (?:that|those|this|these)\\b");
    private static final Pattern MINE = Pattern.compile("(?i)\\b(?:mine|my (?:card|gpu))\\b");

    private CardMemory() {}

    /** The memory of the cards asked about, one line, or null when the turn asks no card's memory. */
    static String of(Calculations.Ask a) {
        if (!ASKS.matcher(a.text()).find()) return null;
        List<String> cards = cards(a.text());
        if (cards.isEmpty()) cards = cards(a.withContext()).stream().limit(1).toList();
        List<String> said = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        for (String name : cards) {
            GpuCatalog.find(name).ifPresent(g -> {
                said.add(Messages.get("card.memory", g.name(), gib(g.marketedBytes())));
                sizes.add(g.marketedBytes());
            });
        }
        if (said.isEmpty()) return null;
        // "compared to mine": the card held, unless the turn's own card was just taken for it
        Long mine = a.facts().gpuMemBytes();
        if (mine != null && MINE.matcher(a.text()).find() && !sizes.contains(mine)) {
            said.add(Messages.get("card.mine", gib(mine)));
        }
        return String.join(" ", said);
    }

    /** The catalog cards named in the text, in the order they are named, each once. */
    private static List<String> cards(String text) {
        List<Mention> found = Names.find(text.toLowerCase(Locale.ROOT), text);
        return found.stream().filter(m -> m.key().equals("gpu")).sorted(Comparator.comparingInt(Mention::start))
                .map(Mention::value).distinct().toList();
    }

    private static String gib(long bytes) { return Sizes.trim((double) bytes / Bytes.GIB) + " GiB"; }
}
