package io.oomdoc.pit;

import org.junit.platform.engine.Filter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.pitest.testapi.Description;
import org.pitest.testapi.NullExecutionListener;
import org.pitest.testapi.ResultCollector;
import org.pitest.testapi.TestGroupConfig;
import org.pitest.testapi.TestUnit;
import org.pitest.testapi.TestUnitExecutionListener;
import org.pitest.testapi.TestUnitFinder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A test class's tests as PIT units, found by JUnit's discovery alone. Only in a mutation minion, which is the one
 * that passes PIT's null listener: the coverage minion passes its own listener, gets nothing here, and falls through
 * to the JUnit 5 plugin, whose run of each test during discovery is what records coverage. The unit ids are the
 * ones that run records, so the tests PIT lists for a mutant are found here by name. The first test of each class
 * is run once, unmutated: it loads the class's fixtures and the tables they share, and fills the lazy caches with
 * what the real code computes. Without it the first mutant of every minion pays that loading inside its timeout
 * (its tests' covered time x 1.25 + 2 s), timed out, and the minion that replaced it did the same.
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
        TestPlan plan = launcher().discover(DiscoverySelectors.selectClass(testClass.getName()), tagFilters());
        List<TestUnit> units = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) addTests(plan, root, testClass, units);
        if (!units.isEmpty()) units.get(0).execute(new Ignored());
        return units;
    }

    private void addTests(TestPlan plan, TestIdentifier node, Class<?> testClass, List<TestUnit> units) {
        if (node.isTest() && included(node)) units.add(new SharedLauncherTest(launcher, testClass, node.getUniqueId()));
        else if (isTemplate(node) && included(node)) units.addAll(invocations(node, testClass));
        else for (TestIdentifier child : plan.getChildren(node)) addTests(plan, child, testClass, units);
    }

    /**
     * A parameterized or repeated test, or a test factory, has its invocations only when it runs: this one method
     * is run once, unmutated, to learn their ids, as the JUnit 5 plugin runs the whole class.
     */
    private List<TestUnit> invocations(TestIdentifier template, Class<?> testClass) {
        List<TestUnit> found = new ArrayList<>();
        launcher().execute(DiscoverySelectors.selectUniqueId(template.getUniqueId()),
                new TestExecutionListener() {
                    @Override
                    public void executionStarted(TestIdentifier id) {
                        if (id.isTest()) found.add(new SharedLauncherTest(launcher, testClass, id.getUniqueId()));
                    }
                });
        return found;
    }

    private static boolean isTemplate(TestIdentifier node) {
        return node.isContainer() && node.getSource().filter(MethodSource.class::isInstance).isPresent();
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

    /** The warm-up's outcome: its test passed in the coverage run, and the mutants are not in yet. */
    private static final class Ignored implements ResultCollector {
        @Override public void notifyEnd(Description d, Throwable t) { }
        @Override public void notifyEnd(Description d) { }
        @Override public void notifyStart(Description d) { }
        @Override public void notifySkipped(Description d) { }
        @Override public boolean shouldExit() { return false; }
    }

    private MinionLauncher launcher() {
        if (launcher == null) launcher = new MinionLauncher();
        return launcher;
    }
}
