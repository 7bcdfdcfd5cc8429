package io.oomdoc.corpus;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The by-id lookups find, for every id, the very case the whole lists hold (the real corpus files). */
class CaseLookupTest {

    @Test
    void everyCaseOfAllIsFoundByItsIdAlone() {
        for (Case c : Corpus.all()) assertEquals(c, Corpus.inAll(c.id()).orElseThrow(), c.id());
    }

    @Test
    void everyTrainableIdFindsTheCaseTrainableListsFirst() {
        Set<String> seen = new HashSet<>();
        for (Case c : Corpus.trainable()) {
            if (seen.add(c.id())) assertEquals(c, Corpus.inTrainable(c.id()).orElseThrow(), c.id());
        }
    }

    @Test
    void aCaseOfTheFinalSplitIsNotTrainable() {
        Case fin = Corpus.finalSplit().get(0);
        boolean burnedToo = Corpus.BURNED.stream().flatMap(p -> Corpus.read(p).stream())
                .anyMatch(c -> c.id().equals(fin.id()));
        assertEquals(burnedToo, Corpus.inTrainable(fin.id()).isPresent(), fin.id());
    }

    @Test
    void aBurnedSplitsCaseIsFoundWhereAllHasNone() {
        List<Case> burned = Corpus.heldout20();
        Case c = burned.get(0);
        assertTrue(Corpus.inAll(c.id()).isEmpty(), c.id());
        assertEquals(c, Corpus.inAllOrBurned(c.id()).orElseThrow());
    }

    @Test
    void anIdNoFileHoldsIsNotFound() {
        assertTrue(Corpus.inAllOrBurned("no-such-report-id").isEmpty());
    }
}
