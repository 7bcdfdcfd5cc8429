package io.oomdoc.protocol.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * "it's not a 4090, it's a 3090", "Llama-3.2-1B, not the 8B": a card or a model the user denies beside another of its
 * kind is the value being replaced, not the one they have. A name cannot be negated as a lexicon word is (a denied name
 * says nothing about which one is held), so it is dropped only where a name of the same kind stays undenied.
 */
final class DeniedNames {
    private DeniedNames() {}

    static List<Mention> keep(List<Mention> all, Clauses clauses) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : all) {
            String kind = kind(m);
            boolean replaced = kind != null && clauses.negated(m) && all.stream().anyMatch(o -> kind.equals(kind(o))
                    && !o.overlaps(m) && !clauses.negated(o));
            if (!replaced) out.add(m);
        }
        return out;
    }

    /** Card names are one kind; a model's name and its size are another. */
    private static String kind(Mention m) {
        return switch (m.key()) {
            case "gpu" -> "card";
            case "model", "params" -> "model";
            default -> null;
        };
    }
}
