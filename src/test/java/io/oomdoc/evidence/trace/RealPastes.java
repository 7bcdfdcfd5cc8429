package io.oomdoc.evidence.trace;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Real reports by their case id, read where they are labelled: the corpus and the burned held-out splits 5..41 (each
 * line names its thread in "source"). Tests quote them from there rather than copying them into traces/: a copy
 * elsewhere would cite a blind split's repository (BlindCorpusSplitChecks).
 */
final class RealPastes {
    private static Map<String, Case> byId;

    private RealPastes() {}

    static synchronized Map<String, Case> all() {
        if (byId == null) {
            Map<String, Case> m = new LinkedHashMap<>();
            Stream.of(Corpus.all(), Corpus.heldout5(), Corpus.heldout6(), Corpus.heldout7(), Corpus.heldout8(),
                    Corpus.heldout9(), Corpus.heldout10(), Corpus.heldout11(), Corpus.heldout12(), Corpus.heldout13(),
                    Corpus.heldout14(), Corpus.heldout15(), Corpus.heldout16(), Corpus.heldout17(), Corpus.heldout18(),
                    Corpus.heldout19(), Corpus.heldout20(), Corpus.heldout21(), Corpus.heldout22(), Corpus.heldout23(),
                    Corpus.heldout24(), Corpus.heldout25(), Corpus.heldout26(), Corpus.heldout27(), Corpus.heldout28(),
                    Corpus.heldout29(), Corpus.heldout30(), Corpus.heldout31(),
                    Corpus.heldout32(), Corpus.heldout33(), Corpus.heldout34(), Corpus.heldout35(),
                    Corpus.heldout36(), Corpus.heldout37(), Corpus.heldout38(), Corpus.heldout39(),
                    Corpus.heldout40(), Corpus.heldout41())
                    .flatMap(List::stream).forEach(c -> m.putIfAbsent(c.id(), c));
            byId = m;
        }
        return byId;
    }

    /** The report's paste, found as all() would hold it but without parsing every split (Corpus.inAllOrBurned). */
    static String paste(String id) {
        return Corpus.inAllOrBurned(id).orElseThrow(() -> new IllegalArgumentException("no labelled report " + id))
                .paste();
    }

    static LogText log(String id) { return LogText.of(paste(id)); }
}
