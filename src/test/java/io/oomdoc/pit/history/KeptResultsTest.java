package io.oomdoc.pit.history;

import org.junit.jupiter.api.Test;
import org.pitest.classinfo.ClassName;
import org.pitest.coverage.CoverageDatabase;
import org.pitest.mutationtest.DetectionStatus;
import org.pitest.mutationtest.MutationResult;
import org.pitest.mutationtest.MutationStatusTestPair;
import org.pitest.mutationtest.engine.Location;
import org.pitest.mutationtest.engine.MutationDetails;
import org.pitest.mutationtest.engine.MutationIdentifier;
import org.pitest.mutationtest.incremental.WriterFactory;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build reuses a mutant's verdict only while its class and the tests covering it are what the last run saw. */
class KeptResultsTest {
    private static final String MUTATOR = "org.pitest.mutationtest.engine.gregor.mutators.NegateConditionalsMutator";
    private final Map<String, String> code = new HashMap<>(Map.of("io.oomdoc.budget.Ladder", "c1"));
    private final Map<String, BigInteger> tests = new HashMap<>(Map.of("io.oomdoc.budget.Ladder", BigInteger.TEN));

    @Test
    void aVerdictComesBackWhenNothingChanged() {
        List<MutationResult> known = secondRun(firstRun(DetectionStatus.KILLED));
        assertEquals(1, known.size());
        assertEquals(DetectionStatus.KILLED, known.get(0).getStatus());
        assertEquals(List.of("LadderTest.rungs"), known.get(0).getKillingTests());
    }

    @Test
    void aChangedClassRunsItsMutantsAgain() {
        String file = firstRun(DetectionStatus.SURVIVED);
        code.put("io.oomdoc.budget.Ladder", "c2");
        assertEquals(List.of(), secondRun(file));
    }

    @Test
    void aChangedCoveringTestRunsTheMutantsAgain() {
        String file = firstRun(DetectionStatus.SURVIVED);
        tests.put("io.oomdoc.budget.Ladder", BigInteger.TWO);
        assertEquals(List.of(), secondRun(file));
    }

    @Test
    void aMutantThatNeverFinishedIsNoVerdict() {
        assertTrue(firstRun(DetectionStatus.STARTED).lines().noneMatch(l -> l.startsWith("mutant")));
    }

    @Test
    void theFileListsTheClassThenItsMutant() {
        List<String> lines = firstRun(DetectionStatus.KILLED).lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(List.of("class\tio.oomdoc.budget.Ladder\tc1\ta",
                "mutant\tio.oomdoc.budget.Ladder\trungs\t()V\t7\tNegateConditionalsMutator\tKILLED\t3\t"
                        + "LadderTest.rungs"), lines);
    }

    @Test
    void aJUnit5TestIsNamedByItsClassAndMethod() {
        assertEquals("io.oomdoc.budget.LadderTest/rungs()", KeptResult.shortTest("io.oomdoc.budget.LadderTest."
                + "[engine:junit-jupiter]/[class:io.oomdoc.budget.LadderTest]/[method:rungs()]"));
    }

    @Test
    void aLineThatDoesNotParseIsSkipped() {
        String file = firstRun(DetectionStatus.KILLED).replace("\tKILLED\t", "\tKILLED-ISH\t");
        assertEquals(List.of(), secondRun(file));
    }

    private String firstRun(DetectionStatus status) {
        StringWriter out = new StringWriter();
        KeptResults history = history(Optional.empty(), out);
        history.initialize();
        history.processCoverage(coverage());
        history.recordResult(new MutationResult(mutant(),
                new MutationStatusTestPair(3, status, List.of("LadderTest.rungs"), List.of())));
        history.close();
        return out.toString();
    }

    private List<MutationResult> secondRun(String file) {
        KeptResults history = history(Optional.of(new StringReader(file)), new StringWriter());
        history.initialize();
        history.processCoverage(coverage());
        return history.analyse(List.of(mutant()));
    }

    private KeptResults history(Optional<java.io.Reader> input, StringWriter out) {
        ClassPrints prints = new ClassPrints(name -> Optional.ofNullable(code.get(name.asJavaName())));
        WriterFactory writer = new WriterFactory() {
            private final PrintWriter w = new PrintWriter(out);
            @Override public PrintWriter create() { return w; }
            @Override public void close() { w.close(); }
        };
        return new KeptResults(prints, writer, input);
    }

    private CoverageDatabase coverage() {
        return (CoverageDatabase) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{CoverageDatabase.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getCoverageIdForClass")) throw new UnsupportedOperationException();
                    return tests.get(((ClassName) args[0]).asJavaName());
                });
    }

    private static MutationDetails mutant() {
        Location at = Location.location(ClassName.fromString("io.oomdoc.budget.Ladder"), "rungs", "()V");
        return new MutationDetails(new MutationIdentifier(at, 7, MUTATOR), "Ladder.java", "negated", 12, 0);
    }
}
