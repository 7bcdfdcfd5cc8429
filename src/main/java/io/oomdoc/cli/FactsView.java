package io.oomdoc.cli;

import io.oomdoc.protocol.Facts;

import java.util.Locale;
import java.util.Map;

/** Text view of the session's facts (/facts): one line each, with the turn that set it. */
public final class FactsView {
    private FactsView() {}

    /** {@code setAt}: the turn that set each fact, by its name; a fact the code scan gave has none. */
    public static String text(Facts f, Map<String, Integer> setAt) {
        if (f.isEmpty()) return CliText.get("facts.none") + "\n";
        StringBuilder sb = new StringBuilder();
        f.asMap().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-14s %-24s %s%n", k, v,
                setAt.containsKey(k) ? CliText.get("facts.turn", setAt.get(k)) : "")));
        return sb.toString();
    }
}
