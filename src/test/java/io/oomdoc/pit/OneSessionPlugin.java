package io.oomdoc.pit;

import org.pitest.classinfo.ClassByteArraySource;
import org.pitest.help.PitHelpError;
import org.pitest.testapi.Configuration;
import org.pitest.testapi.TestGroupConfig;
import org.pitest.testapi.TestPluginFactory;
import org.pitest.testapi.TestSuiteFinder;
import org.pitest.testapi.TestUnitFinder;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * PIT's JUnit 5 plugin builds a new JUnit launcher for every test a mutation minion runs, and with it a launcher
 * session and a read of junit-platform.properties off the whole class path; PIT runs tens of thousands of tests a
 * verify. This plugin sits beside it on the minions' class path (META-INF/services) and is asked first: in a
 * mutation minion it finds the tests as that plugin does (one full unmutated run of each test class) and runs each
 * on one open session. In the coverage minion it finds nothing, so the JUnit 5 plugin records coverage exactly as
 * before. Same mutants, same tests, same order and warm state (bench/results.md "verify34").
 */
public final class OneSessionPlugin implements TestPluginFactory {
    /** Asked before the JUnit 5 plugin, which has PIT's default priority. */
    private static final int BEFORE_DEFAULT = Configuration.DEFAULT_PRIORITY - 1;

    @Override
    public Configuration createTestFrameworkConfiguration(TestGroupConfig groups, ClassByteArraySource source,
            Collection<String> excludedRunners, Collection<String> includedTestMethods) {
        // the JUnit 5 plugin sets this too: PIT's minions run one test at a time
        System.setProperty("junit.jupiter.execution.parallel.enabled", "false");
        DiscoveredTests finder = new DiscoveredTests(groups, includedTestMethods);
        return new Configuration() {
            @Override public int priority() { return BEFORE_DEFAULT; }
            @Override public TestUnitFinder testUnitFinder() { return finder; }
            @Override public TestSuiteFinder testSuiteFinder() { return c -> List.of(); }
            @Override public Optional<PitHelpError> verifyEnvironment() { return Optional.empty(); }
        };
    }

    @Override
    public String name() {
        return "junit5-one-session";
    }

    @Override
    public String description() {
        return "JUnit 5 tests on one launcher session in mutation minions";
    }
}
