package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a change acts on what fills the card in the failure held: 8-bit Adam shrinks optimizer state, so it is no
 * answer to activations; a shorter sequence is no answer to a leak. Read from dialogue/addresses.tsv.
 */
final class Relevance {
    private static volatile Map<String, Set<String>> table;

    private Relevance() {}

    /** One line: does the change address the held cause, and if not, what does. */
    static String line(Report report, Facts change) {
        Set<String> keys = table().getOrDefault(report.category(), Set.of());
        boolean acts = change.asMap().keySet().stream().anyMatch(keys::contains);
        String cause = CauseWords.of(report.category());
        String what = Conversation.describe(change);
        if (acts) return Messages.get("relevance.yes", what, cause);
        String first = report.fixes().isEmpty() ? Messages.get("relevance.nofix")
                : report.fixes().get(0).title() + " [" + report.fixes().get(0).kb() + "]";
        return Messages.get("relevance.no", what, cause, first);
    }

    static Map<String, Set<String>> table() {
        if (table == null) {
            Map<String, Set<String>> t = new HashMap<>();
            try (var in = Relevance.class.getClassLoader().getResourceAsStream("dialogue/addresses.tsv")) {
                if (in == null) throw new IllegalStateException("bundled dialogue/addresses.tsv missing");
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    String[] cols = line.split("\t", -1);
                    t.put(cols[0], cols.length < 2 || cols[1].isBlank() ? Set.of() : Set.copyOf(List.of(cols[1]
                            .split(","))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            table = Map.copyOf(t);
        }
        return table;
    }
}
