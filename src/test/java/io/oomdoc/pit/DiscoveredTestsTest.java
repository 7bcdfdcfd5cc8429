package io.oomdoc.pit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pitest.testapi.Description;
import org.pitest.testapi.NullExecutionListener;
import org.pitest.testapi.ResultCollector;
import org.pitest.testapi.TestGroupConfig;
import org.pitest.testapi.TestUnit;
import org.pitest.testapi.TestUnitExecutionListener;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PIT plugin of the mutation minions: finds the tests of a class as they run, and runs one test per unit. */
class DiscoveredTestsTest {
    private static final String CLASS_ID = "[engine:junit-jupiter]/[class:io.oomdoc.pit.PluginFixtureCases]";
    private static final TestGroupConfig NO_REPLAY = new TestGroupConfig(List.of("replay"), List.of());

    @BeforeEach
    void resetCounts() {
        PluginFixtureCases.METHOD_RUNS.set(0);
        PluginFixtureCases.PARAMETER_RUNS.set(0);
    }

    @Test
    void aMutationMinionGetsEachUntaggedTestByTheIdCoverageRecordedAfterOneUnmutatedRun() {
        List<TestUnit> units = new DiscoveredTests(NO_REPLAY, List.of())
                .findTestUnits(PluginFixtureCases.class, new NullExecutionListener());
        List<String> names = units.stream().map(u -> u.getDescription().getName()).sorted().toList();
        assertEquals(List.of(CLASS_ID + "/[method:failing()]", CLASS_ID + "/[method:plain()]",
                CLASS_ID + "/[test-template:parameterized(int)]/[test-template-invocation:#1]",
                CLASS_ID + "/[test-template:parameterized(int)]/[test-template-invocation:#2]"), names);
        assertEquals(2, PluginFixtureCases.METHOD_RUNS.get(), "runs of the plain methods (plain, failing) while finding");
        assertEquals(2, PluginFixtureCases.PARAMETER_RUNS.get(), "runs of the parameterized one while finding");
        assertEquals("io.oomdoc.pit.PluginFixtureCases", units.get(0).getDescription().getFirstTestClass());
    }

    @Test
    void theCoverageMinionIsLeftToTheJUnit5Plugin() {
        TestUnitExecutionListener coverage = new TestUnitExecutionListener() {
            @Override public void executionStarted(Description d) { }
            @Override public void executionFinished(Description d, boolean passed, Throwable error) { }
        };
        assertEquals(List.of(), new DiscoveredTests(NO_REPLAY, List.of()).findTestUnits(PluginFixtureCases.class,
                coverage));
    }

    @Test
    void aUnitRunsOnlyItsOwnTest() {
        TestUnit plain = unit("[method:plain()]");
        PluginFixtureCases.METHOD_RUNS.set(0);
        Outcomes outcomes = new Outcomes();
        plain.execute(outcomes);
        assertEquals(1, PluginFixtureCases.METHOD_RUNS.get());
        assertEquals(List.of("start plain()", "pass plain()"), outcomes.events);
    }

    @Test
    void aFailingTestFailsItsUnit() {
        Outcomes outcomes = new Outcomes();
        unit("[method:failing()]").execute(outcomes);
        assertEquals(List.of("start failing()", "fail failing()"), outcomes.events);
    }

    @Test
    void oneInvocationOfAParameterizedTestRunsAlone() {
        TestUnit second = unit("[test-template:parameterized(int)]/[test-template-invocation:#2]");
        PluginFixtureCases.PARAMETER_RUNS.set(0);
        second.execute(new Outcomes());
        assertEquals(1, PluginFixtureCases.PARAMETER_RUNS.get());
    }

    private static TestUnit unit(String tail) {
        List<TestUnit> units = new DiscoveredTests(NO_REPLAY, List.of())
                .findTestUnits(PluginFixtureCases.class, new NullExecutionListener());
        return units.stream().filter(u -> u.getDescription().getName().equals(CLASS_ID + "/" + tail)).findFirst()
                .orElseThrow();
    }

    private static final class Outcomes implements ResultCollector {
        final List<String> events = new ArrayList<>();

        @Override public void notifyEnd(Description d, Throwable t) { events.add("fail " + method(d)); }
        @Override public void notifyEnd(Description d) { events.add("pass " + method(d)); }
        @Override public void notifyStart(Description d) { events.add("start " + method(d)); }
        @Override public void notifySkipped(Description d) { events.add("skip " + method(d)); }
        @Override public boolean shouldExit() { return false; }

        private static String method(Description d) {
            String name = d.getName();
            assertTrue(name.startsWith(CLASS_ID), name);
            return name.substring(name.lastIndexOf("[method:") + 8, name.length() - 1);
        }
    }
}
