package io.oomdoc.pit.history;

import org.pitest.classinfo.ClassName;
import org.pitest.coverage.CoverageDatabase;
import org.pitest.mutationtest.History;
import org.pitest.mutationtest.MutationResult;
import org.pitest.mutationtest.engine.MutationDetails;
import org.pitest.mutationtest.incremental.WriterFactory;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PIT's History for one execution: reads the verdicts a former run kept, hands back those whose class print is
 * unchanged (PIT then runs only the others), and writes every verdict of this run, reused or new, when the run ends.
 */
final class KeptResults implements History {
    private final ClassPrints prints;
    private final WriterFactory output;
    private final Optional<Reader> input;
    private HistoryFile.Contents kept = new HistoryFile.Contents(Map.of(), Map.of());
    private final Map<String, ClassPrint> printsNow = new ConcurrentHashMap<>();
    private final Map<String, KeptResult> resultsNow = new ConcurrentHashMap<>();

    KeptResults(ClassPrints prints, WriterFactory output, Optional<Reader> input) {
        this.prints = prints;
        this.output = output;
        this.input = input;
    }

    @Override
    public void initialize() {
        input.ifPresent(r -> kept = HistoryFile.read(r));
    }

    @Override
    public void processCoverage(CoverageDatabase coverage) {
        prints.coverage(coverage);
    }

    @Override
    public List<MutationResult> analyse(List<MutationDetails> mutations) {
        List<MutationResult> known = new ArrayList<>();
        for (MutationDetails m : mutations) {
            KeptResult r = kept.results().get(KeptResult.keyOf(m.getId()));
            if (r != null && r.isVerdict() && unchanged(m.getClassName())) known.add(new MutationResult(m, r.pair()));
        }
        return known;
    }

    private boolean unchanged(ClassName name) {
        ClassPrint before = kept.prints().get(name.asJavaName());
        return before != null && prints.of(name).map(before::equals).orElse(false);
    }

    @Override
    public void recordResult(MutationResult result) {
        KeptResult r = KeptResult.of(result);
        if (!r.isVerdict()) return;
        ClassName name = result.getDetails().getClassName();
        prints.of(name).ifPresent(p -> {
            printsNow.put(name.asJavaName(), p);
            resultsNow.put(r.key(), r);
        });
    }

    @Override
    public void close() {
        if (resultsNow.isEmpty()) return;
        HistoryFile.write(output.create(), new HistoryFile.Contents(printsNow, resultsNow));
    }
}
