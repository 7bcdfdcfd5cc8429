package io.oomdoc.protocol.reasoning;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which word features the trainer may weigh: a token enters only if reports of at least K distinct groups
 * (repositories) use it. A word of one repository (its package name, its author's phrasing) then cannot carry a
 * weight learned from that repository's few reports; K itself is chosen by grouped cross-validation.
 */
public final class Vocabulary {
    private final Map<String, Set<String>> groups = new HashMap<>();

    /** Counts the word features (prefixed {@link Words#PROSE} or {@link Words#LOG}) of one report of a group. */
    public void add(String group, Iterable<String> features) {
        for (String f : features) {
            if (isWord(f)) groups.computeIfAbsent(f, k -> new HashSet<>()).add(group);
        }
    }

    /** The word features that reports of at least {@code minGroups} groups use, sorted. */
    public Set<String> select(int minGroups) {
        Set<String> out = new TreeSet<>();
        groups.forEach((w, g) -> { if (g.size() >= minGroups) out.add(w); });
        return out;
    }

    public static boolean isWord(String feature) {
        return feature.startsWith(Words.PROSE) || feature.startsWith(Words.LOG);
    }
}
