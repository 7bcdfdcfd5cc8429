package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.Setup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What if I use SGD instead of Adam?", "what if I swap AdamW for plain SGD?": another optimizer changes only its own
 * state per trained parameter (the budget's Setup.Optimizer.stateBytes); the weights, the gradients and the fp32
 * master copy of mixed precision stay. The expert line is that state before and after, then the model states of full
 * training in mixed precision and in pure 16-bit (no master copy), for the parameters discussed.
 */
final class OptimizerSwap {
    private static final Pattern PROPOSES = Pattern.compile("(?i)\\bwhat if\\b|\\binstead\\b|\\bswap\\w*|\\breplac\\w*"
            + "|\\bswitch\\w*|\\bif (?:i|we)\\b|换成|改成|改用");
    /** "swap AdamW for SGD", "replace Adam with Lion": the first optimizer named is the old one. */
    private static final Pattern INSTEAD_OF = Pattern.compile("(?i)\\binstead of\\b|\\brather than\\b");
    private static final Pattern OLD_FIRST = Pattern.compile("(?i)\\b(?:swap\\w*|replac\\w*|switch\\w* from|from)\\b");
    /** Optimizers by name, the most specific first; the order they are said in is read from where they match. */
    private static final Object[][] NAMES = {
            {Pattern.compile("(?i)\\b8[- ]?bit (?:adam\\w*)|adam\\w*[-_ ]?8[-_ ]?bit"), Setup.Optimizer.ADAMW_8BIT},
            {Pattern.compile("(?i)\\bsgd\\b.{0,30}\\bmomentum|\\bmomentum\\b.{0,20}\\bsgd\\b"),
                    Setup.Optimizer.SGD_MOMENTUM},
            {Pattern.compile("(?i)\\bsgd\\b"), Setup.Optimizer.SGD},
            {Pattern.compile("(?i)\\badafactor\\b"), Setup.Optimizer.ADAFACTOR},
            {Pattern.compile("(?i)\\blion\\b"), Setup.Optimizer.LION},
            {Pattern.compile("(?i)\\badam(?:w)?\\b"), Setup.Optimizer.ADAMW}};
    private static final double WEIGHTS = 2;
    private static final double GRADIENTS = 2;
    private static final double MASTER = 4;

    private OptimizerSwap() {}

    private record Named(Setup.Optimizer optimizer, int at) {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!PROPOSES.matcher(t).find()) return null;
        List<Named> said = named(t);
        if (said.isEmpty()) return null;
        Setup.Optimizer to = said.get(0).optimizer();
        Setup.Optimizer from = null;
        Matcher instead = INSTEAD_OF.matcher(t);
        if (instead.find()) {
            // "SGD instead of Adam": the last one named before "instead of" is new, the first after it old
            for (Named n : said) {
                if (n.at() < instead.start()) to = n.optimizer();
                else if (from == null) from = n.optimizer();
            }
        } else if (OLD_FIRST.matcher(t).find()) {
            // "swap AdamW for plain SGD": the first is old, the next other one new
            from = to;
            to = said.stream().map(Named::optimizer).filter(o -> o != said.get(0).optimizer()).findFirst()
                    .orElse(null);
        } else {
            final Setup.Optimizer first = to;
            from = said.stream().map(Named::optimizer).filter(o -> o != first).findFirst().orElse(null);
        }
        if (from == null) from = held(a);
        if (to == null || to == from) return null;
        Double params = Sizes.paramsOf(a.withContext(), a.facts());
        String line = Messages.get("optimizer.swap", name(from), name(to), Sizes.trim(from.stateBytes(false, false)),
                Sizes.trim(to.stateBytes(false, false)));
        if (params == null) return line;
        double mixedFrom = WEIGHTS + GRADIENTS + MASTER + from.stateBytes(false, false);
        double mixedTo = WEIGHTS + GRADIENTS + MASTER + to.stateBytes(false, false);
        double pureFrom = WEIGHTS + GRADIENTS + from.stateBytes(true, false);
        double pureTo = WEIGHTS + GRADIENTS + to.stateBytes(true, false);
        return line + " " + Messages.get("optimizer.swap.states", Sizes.count(params), Sizes.trim(mixedFrom),
                Sizes.trim(mixedTo), Sizes.decimal(params * mixedFrom), Sizes.decimal(params * mixedTo),
                Sizes.trim(pureFrom), Sizes.trim(pureTo), Sizes.decimal(params * pureFrom),
                Sizes.decimal(params * pureTo));
    }

    /** The optimizer the conversation holds, else AdamW (what a fine-tune uses unless said). */
    private static Setup.Optimizer held(Calculations.Ask a) {
        String o = a.facts().optimizer();
        if (o != null) {
            try {
                return Setup.Optimizer.valueOf(o.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                // a name the budget does not know: the turns before may still name it
            }
        }
        List<Named> before = named(a.earlier());
        return before.isEmpty() ? Setup.Optimizer.ADAMW : before.get(0).optimizer();
    }

    /** The optimizers the text names, in order, each span read once (the most specific name wins). */
    private static List<Named> named(String text) {
        List<Named> out = new ArrayList<>();
        boolean[] used = new boolean[text.length()];
        for (Object[] row : NAMES) {
            Matcher m = ((Pattern) row[0]).matcher(text);
            while (m.find()) {
                boolean taken = false;
                for (int i = m.start(); i < m.end(); i++) taken |= used[i];
                if (taken) continue;
                for (int i = m.start(); i < m.end(); i++) used[i] = true;
                out.add(new Named((Setup.Optimizer) row[1], m.start()));
            }
        }
        out.sort(Comparator.comparingInt(Named::at));
        return out;
    }

    private static String name(Setup.Optimizer o) { return Messages.get("optimizer.name." + o.name()); }
}
