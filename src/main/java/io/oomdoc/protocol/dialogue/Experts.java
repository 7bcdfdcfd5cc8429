package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.budget.ModelSpec;

import java.util.regex.Pattern;

/**
 * "Only 17B parameters are active, why doesn't it fit?": a mixture of experts computes with a few experts per token
 * but keeps every expert in memory, so the weights to fit are the total count, not the active one.
 */
final class Experts {
    private static final Pattern ACTIVE = Pattern.compile("(?i)\\bactive\\b|\\bactivated\\b|\\bper token\\b");
    private static final double HALF_PRECISION_BYTES = 2;

    private Experts() {}

    static String of(Calculations.Ask a) {
        if (!ACTIVE.matcher(a.text()).find() || a.facts().model() == null) return null;
        ModelSpec m = ModelCatalog.find(a.facts().model()).orElse(null);
        if (m == null || m.expertsTotal() <= 1) return null;
        return Messages.get("experts.total", m.name(), Sizes.count(m.params()), m.expertsTotal(),
                Sizes.gb(m.params() * HALF_PRECISION_BYTES), m.expertsActive());
    }
}
