package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;

import java.util.ArrayList;
import java.util.Set;

/** What the cue tests share: the features a text yields, and a corpus report's paste by id. */
final class CueFeatures {
    private CueFeatures() {}

    /** The names of the features the reasoning reads from a text given alone (no facts, code or GPU state). */
    static Set<String> of(String text) {
        var e = new Diagnoser().evidence(LogText.of(text), null, Facts.EMPTY, null, null, null, new ArrayList<>());
        return new FeatureExtractor().extract(e).values().keySet();
    }

    /** The paste of a report of the scored corpus parts (dev + heldout5..9; the ninth was scored, then burned). */
    static String paste(String id) {
        // development8() then heldout9(), in their order, each report parsed alone (the cue tests run in PIT's minions)
        return Corpus.inDevelopment(id).or(() -> Corpus.firstIn(id, java.util.List.of(Corpus.HELDOUT5,
                Corpus.HELDOUT6, Corpus.HELDOUT7, Corpus.HELDOUT8, Corpus.HELDOUT9))).map(Case::paste).orElseThrow();
    }
}
