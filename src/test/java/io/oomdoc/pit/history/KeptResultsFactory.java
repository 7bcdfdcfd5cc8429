package io.oomdoc.pit.history;

import org.pitest.mutationtest.History;
import org.pitest.mutationtest.HistoryFactory;
import org.pitest.mutationtest.HistoryParams;
import org.pitest.mutationtest.incremental.WriterFactory;
import org.pitest.plugin.Feature;

import java.io.Reader;
import java.util.Optional;

/**
 * Open-source PIT has the hook for incremental analysis but no implementation behind it (ErroringHistoryFactory stops
 * a run that names a history file). This one fills it: it is loaded from the pitest-maven plugin's class path (the
 * jar that process-test-classes builds from this package, see pom.xml) and reuses the verdict of every mutant whose
 * class and covering test classes are byte for byte those of the run that wrote the file. {@code -Doomdoc.pit.fresh}
 * ignores the file, so every mutant runs again, and still writes it.
 */
public final class KeptResultsFactory implements HistoryFactory {
    /** The system property that makes a run ignore the kept verdicts. */
    static final String FRESH = "oomdoc.pit.fresh";

    @Override
    public History makeHistory(HistoryParams params, WriterFactory output, Optional<Reader> input) {
        ClassPrints prints = new ClassPrints(name -> params.code().fetchClassHash(name)
                .map(h -> h.getDeepHash().toString(16) + "/" + h.getHierarchicalId().getHierarchicalHash()));
        return new KeptResults(prints, output, Boolean.getBoolean(FRESH) ? Optional.empty() : input);
    }

    @Override
    public Feature provides() {
        return Feature.named("oomdoc_history").withOnByDefault(true).withDescription(description());
    }

    @Override
    public String description() {
        return "oomdoc history: reuses the verdicts of mutants whose class and covering tests did not change";
    }
}
