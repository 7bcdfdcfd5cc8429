package io.oomdoc.pit;

import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.pitest.testapi.NullExecutionListener;
import org.pitest.testapi.TestGroupConfig;
import org.pitest.testapi.TestUnit;
import org.pitest.testapi.TestUnitExecutionListener;
import org.pitest.testapi.TestUnitFinder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A test class's tests as PIT units in a mutation minion, the one that passes PIT's null listener: the coverage
 * minion passes its own listener, gets nothing here, and falls through to the JUnit 5 plugin. Like that plugin, the
 * class is run once in full, unmutated, and its tests are the ones that ran: the ids match what coverage recorded,
 * a parameterized test's invocations are found, and every fixture and lazy cache is loaded by the real code before
 * the first mutant (a discovery without the run was tried: the first mutant of each minion then paid the loading
 * inside its timeout and timed out, bench/results.md "verify34"). What differs is the launcher: MinionLauncher's
 * one session, here and in every unit.
 */
final class DiscoveredTests implements TestUnitFinder {
    private final TestGroupConfig groups;
    private final Collection<String> includedMethods;
    private MinionLauncher launcher;

    DiscoveredTests(TestGroupConfig groups, Collection<String> includedMethods) {
        this.groups = groups;
        this.includedMethods = includedMethods;
    }

    @Override
    public List<TestUnit> findTestUnits(Class<?> testClass, TestUnitExecutionListener coverage) {
        // nested classes are run through their outer class, as the JUnit 5 plugin does
        if (!(coverage instanceof NullExecutionListener) || testClass.getEnclosingClass() != null) return List.of();
        Set<String> ids = new LinkedHashSet<>();
        launcher().execute(DiscoverySelectors.selectClass(testClass.getName()), new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest() && included(id)) ids.add(id.getUniqueId());
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                // a class whose set-up fails has no tests that ran: the class itself is the unit that fails
                if (result.getStatus() == TestExecutionResult.Status.FAILED) ids.add(id.getUniqueId());
            }
        }, tagFilters());
        List<TestUnit> units = new ArrayList<>();
        for (String id : ids) units.add(new SharedLauncherTest(launcher, testClass, id));
        return units;
    }

    private boolean included(TestIdentifier node) {
        if (includedMethods == null || includedMethods.isEmpty()) return true;
        return node.getSource().filter(MethodSource.class::isInstance)
                .map(s -> includedMethods.contains(((MethodSource) s).getMethodName())).orElse(true);
    }

    private Filter<?>[] tagFilters() {
        List<Filter<?>> filters = new ArrayList<>();
        List<String> excluded = nonEmpty(groups.getExcludedGroups());
        List<String> included = nonEmpty(groups.getIncludedGroups());
        if (!excluded.isEmpty()) filters.add(TagFilter.excludeTags(excluded));
        if (!included.isEmpty()) filters.add(TagFilter.includeTags(included));
        return filters.toArray(new Filter<?>[0]);
    }

    private static List<String> nonEmpty(List<String> tags) {
        return tags == null ? List.of() : tags.stream().filter(t -> !t.isEmpty()).toList();
    }

    private MinionLauncher launcher() {
        if (launcher == null) launcher = new MinionLauncher();
        return launcher;
    }
}
