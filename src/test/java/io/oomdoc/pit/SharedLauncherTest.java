package io.oomdoc.pit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.pitest.testapi.AbstractTestUnit;
import org.pitest.testapi.Description;
import org.pitest.testapi.ResultCollector;

/**
 * One JUnit test (or one invocation of a parameterized one) run by its unique id on the minion's one launcher
 * (MinionLauncher), its outcome told to PIT as the JUnit 5 plugin tells it: an aborted test passes, and a class
 * whose set-up fails (a container, not a test) fails the unit.
 */
final class SharedLauncherTest extends AbstractTestUnit {
    private final MinionLauncher launcher;
    private final Class<?> testClass;
    private final String uniqueId;

    SharedLauncherTest(MinionLauncher launcher, Class<?> testClass, String uniqueId) {
        super(new Description(uniqueId, testClass));
        this.launcher = launcher;
        this.testClass = testClass;
        this.uniqueId = uniqueId;
    }

    @Override
    public void execute(ResultCollector results) {
        launcher.execute(DiscoverySelectors.selectUniqueId(uniqueId), new Outcomes(results));
    }

    private final class Outcomes implements TestExecutionListener {
        private final ResultCollector results;

        Outcomes(ResultCollector results) {
            this.results = results;
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            if (id.isTest()) results.notifySkipped(description(id));
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) results.notifyStart(description(id));
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            boolean aborted = result.getStatus() == TestExecutionResult.Status.ABORTED;
            Throwable failure = id.isTest() && aborted ? null : result.getThrowable().orElse(null);
            if (failure != null) results.notifyEnd(description(id), failure);
            else if (id.isTest()) results.notifyEnd(description(id));
        }

        private Description description(TestIdentifier id) {
            return new Description(id.getUniqueId(), testClass);
        }
    }
}
