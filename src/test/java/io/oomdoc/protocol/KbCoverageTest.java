package io.oomdoc.protocol;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first three knowledge entries chosen to cover the ranked causes' labelled reports (model/kb-coverage.tsv). */
class KbCoverageTest {
    private static Hypothesis h(Category c, double confidence) {
        return new Hypothesis(c, confidence, c.kb, List.of());
    }

    @Test
    void aCloseRunnerUpsReportsAreCoveredToo() {
        // a batch-size cause barely ahead of a host kill: the host entry is among the three, as its reports need it
        List<String> ids = KbCoverage.bundled().extend(List.of("M5"),
                List.of(h(Category.ACTIVATIONS_BATCH, 0.5), h(Category.HOST_RAM_OOM, 0.4)), 3);
        assertEquals(3, ids.size());
        assertTrue(ids.contains("U9"), ids.toString());
    }

    @Test
    void aConfidentLeaderKeepsItsOwnReportsCovered() {
        // the same two causes with the host kill far behind: the three serve the leader's reports
        List<String> ids = KbCoverage.bundled().extend(List.of("M5"),
                List.of(h(Category.ACTIVATIONS_BATCH, 0.95), h(Category.HOST_RAM_OOM, 0.02)), 3);
        assertTrue(KbCoverage.bundled().share("activations_batch", ids)
                > KbCoverage.bundled().share("activations_batch", List.of("M5")), ids.toString());
    }

    @Test
    void reportsThatPrintTheFiguresAreCoveredByTheirOwnCounts() {
        // the trainable pool's library-workspace reports: the few that print the allocator's figures name the entry
        // on reading them (M2), those without (a bare CUDNN_STATUS_ALLOC_FAILED) the allocator settings (U10) and
        // the ladder (M4); the three chosen follow the kind of report
        List<Hypothesis> library = List.of(h(Category.LIBRARY_WORKSPACE, 0.95));
        assertTrue(KbCoverage.bundled().extend(List.of("M5"), library, 3, true).contains("M2"));
        assertEquals(List.of("M5", "U10", "M4"), KbCoverage.bundled().extend(List.of("M5"), library, 3, false));
    }

    @Test
    void aCauseCountedOnlyWithFiguresLendsItsCountsToAReportWithout() {
        // every labelled report of the cause printed figures and named M2: a report without figures reads those
        // counts rather than none (with none, the cause's own first entry, M8, would be chosen)
        KbCoverage only = KbCoverage.of(List.of(new KbCoverage.Row(KbCoverage.key("fragmentation", true),
                java.util.Set.of("M2"), 3)));
        assertEquals(List.of("M2"), only.extend(List.of(), List.of(h(Category.FRAGMENTATION, 1.0)), 1, false));
    }

    @Test
    void withoutCountsTheLeadersOwnOrderStays() {
        assertEquals(List.of("M1", "M13", "M12"), KbCoverage.of(List.of()).extend(List.of("M1"),
                List.of(h(Category.MODEL_TOO_LARGE, 0.9)), 3));
    }

    @Test
    void theSharesAreCountedOverTheLabelledReports() {
        // every labelled host-RAM report of the development part names one of its own entries
        List<Case> host = Corpus.development().stream().filter(c -> c.category().equals("host_ram_oom")
                && !c.kb().isEmpty()).toList();
        KbCoverage counted = KbCoverage.count(host.stream().map(c -> Map.entry(c.category(), c.kb())).toList());
        List<String> all = host.stream().flatMap(c -> c.kb().stream()).distinct().toList();
        assertEquals(1.0, counted.share("host_ram_oom", all), 1e-9);
        long withU9 = host.stream().filter(c -> c.kb().contains("U9")).count();
        assertEquals(withU9 / (double) host.size(), counted.share("host_ram_oom", List.of("U9")), 1e-9);
        assertEquals(0.0, counted.share("fragmentation", List.of("M8")), 1e-9);
    }

    @Test
    void theWrittenTableReadsBackTheSameShares() {
        // what TrainKbCoverage writes is what the report reads: counts over the development part, written and read
        KbCoverage counted = KbCoverage.count(Corpus.development().stream()
                .map(c -> Map.entry(c.category(), c.kb())).toList());
        KbCoverage again = KbCoverage.read(new java.io.ByteArrayInputStream(
                ("# a comment line\n" + counted.toTsv()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (Category c : Category.values()) {
            for (String id : c.kb) {
                assertEquals(counted.share(c.json(), List.of(id)), again.share(c.json(), List.of(id)), 1e-12);
            }
        }
        assertTrue(again.share("host_ram_oom", List.of("U9")) > 0.5, "host kills mostly need the host entry");
    }
}
