package io.oomdoc.pit.history;

import org.pitest.mutationtest.DetectionStatus;
import org.pitest.mutationtest.MutationResult;
import org.pitest.mutationtest.MutationStatusTestPair;
import org.pitest.mutationtest.engine.MutationIdentifier;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One mutant's verdict as the history file keeps it: its key, its status, how many tests ran and the test that
 * killed it (the first one only: the report names one, and the file stays small).
 */
record KeptResult(String key, DetectionStatus status, int testsRun, List<String> killers) {
    /** Statuses that are a verdict; a mutant left STARTED or NOT_STARTED by a broken run is run again. */
    boolean isVerdict() { return status != DetectionStatus.NOT_STARTED && status != DetectionStatus.STARTED; }

    MutationStatusTestPair pair() { return new MutationStatusTestPair(testsRun, status, killers, List.of()); }

    /** PIT's own mutators all live here; the file names them without it. */
    private static final String MUTATORS = "org.pitest.mutationtest.engine.gregor.mutators.";

    static KeptResult of(MutationResult r) {
        List<String> killers = r.getKillingTests().stream().limit(1).map(KeptResult::shortTest).toList();
        return new KeptResult(keyOf(r.getDetails().getId()), r.getStatus(), r.getNumberOfTestsRun(), killers);
    }

    /** Class, method, descriptor, instruction indexes and mutator: what PIT's own id holds. */
    static String keyOf(MutationIdentifier id) {
        return String.join("\t", id.getClassName().asJavaName(), id.getLocation().getMethodName(),
                id.getLocation().getMethodDesc(),
                id.getIndexes().stream().map(String::valueOf).collect(Collectors.joining(",")),
                id.getMutator().startsWith(MUTATORS) ? id.getMutator().substring(MUTATORS.length()) : id.getMutator());
    }

    /**
     * A JUnit 5 test as PIT names it, "CLASS.[engine:junit-jupiter]/[class:CLASS]/[method:NAME()]", written as
     * "CLASS/NAME()": the report of a reused verdict names the same test in fewer bytes.
     */
    static String shortTest(String name) {
        Matcher m = JUNIT5.matcher(name);
        return m.matches() ? m.group(1) + "/" + m.group(2) : name;
    }

    private static final Pattern JUNIT5 =
            Pattern.compile("([\\w.$]+)\\.\\[engine:junit-jupiter]/\\[class:\\1]/\\[method:(.*)]");
}
