package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.protocol.facts.Mention;
import io.oomdoc.protocol.facts.Names;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * "What would llama2 70B need then?", "and with ViT-B at 86M?", "what if I fine-tune the 800M DiT instead?": another
 * model proposed against the one discussed. What is paid per parameter scales with the parameter count: the 16-bit
 * weights (2 bytes each) for running it, the model states of full training with AdamW in mixed precision (16 bytes
 * each) for training it; the activations grow with width and depth, not in this ratio, and are left to the budget.
 */
final class ModelSwap {
    private static final Pattern PROPOSES = Pattern.compile("(?i)\\bwhat if\\b|\\binstead\\b|^\\W*(?:and|or)\\b"
            + "|\\bwhat (?:would|about|does)\\b|\\bhow about\\b|\\bswitch\\w*\\b|换成|改成|换为");
    private static final double WEIGHT_BYTES = 2;
    private static final double STATE_BYTES = 16;

    private ModelSwap() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        // "a 13B q4_0": a format named gets the weights' line at that format (Sizes), not the 16-bit comparison
        if (!PROPOSES.matcher(t).find() || Sizes.formatNamed(t)) return null;
        Double to = params(t);
        if (to == null) return null;
        // the model held (its count, else its catalog row), else the one the turns before named
        Double from = a.facts().params() != null ? Double.valueOf(a.facts().params())
                : a.facts().model() != null ? ModelCatalog.find(a.facts().model()).filter(m -> m.params() > 0)
                .map(m -> (double) m.params()).orElse(null) : null;
        if (from == null) from = params(a.earlier());
        if (from == null || from <= 0 || Math.abs(to / from - 1) < 0.05) return null;
        double r = to / from;
        return Messages.get("model.swap", Sizes.count(from), Sizes.count(to), Scaling.ratio(r),
                Sizes.decimal(from * WEIGHT_BYTES), Sizes.decimal(to * WEIGHT_BYTES),
                Sizes.decimal(from * STATE_BYTES), Sizes.decimal(to * STATE_BYTES));
    }

    /** The parameters of the first model the text names from the catalog, else the count it says ("86M", "65B"). */
    private static Double params(String text) {
        var named = Names.find(text.toLowerCase(Locale.ROOT), text).stream().filter(m -> m.key().equals("model"))
                .sorted(Comparator.comparingInt(Mention::start)).map(m -> ModelCatalog.find(m.value()))
                .filter(java.util.Optional::isPresent).map(java.util.Optional::get)
                .filter(m -> m.params() > 0).findFirst();
        Double said = Sizes.params(text);
        return said != null ? said : named.map(m -> (double) m.params()).orElse(null);
    }
}
