import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * What one PIT minion pays for a run of tests: the same test classes run PASSES times in one JVM, the CPU of each
 * pass printed. The first pass is a fresh minion's cost (class loading, static tables, cold code); the later ones
 * are the steady cost of re-running the covering tests for the next mutant. Run it with the minion's JVM options
 * (pom.xml's pitest jvmArgs) to compare options or code: bench/minion/run.sh PASSES TestClass...
 * With -DperTest=N it also prints the N test methods that cost the most thread CPU in the last pass: a survivor
 * runs every test that covers it, so a costly test that kills nothing first is what PIT pays for most.
 */
public final class MinionSim {
    public static void main(String[] args) {
        int passes = Integer.parseInt(args[0]);
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            selectors.add(args[i].endsWith(".*") ? DiscoverySelectors.selectPackage(args[i].substring(0,
                    args[i].length() - 2)) : DiscoverySelectors.selectClass(args[i]));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors)
                .filters(TagFilter.excludeTags("slow", "replay")).build();
        Launcher launcher = LauncherFactory.create();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long steadyCpu = 0;
        PerTestCpu perTest = new PerTestCpu();
        for (int p = 0; p < passes; p++) {
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            perTest.cpu.clear();
            long cpu0 = os.getProcessCpuTime(), wall0 = System.nanoTime();
            launcher.execute(request, summary, perTest);
            long cpu = os.getProcessCpuTime() - cpu0, wall = System.nanoTime() - wall0;
            long tests = summary.getSummary().getTestsSucceededCount();
            long failed = summary.getSummary().getTotalFailureCount();
            if (p > 0) steadyCpu += cpu;
            System.out.printf("pass %d: %d tests (%d failed), %.0f ms CPU, %.0f ms wall, %.2f ms CPU per test%n", p,
                    tests, failed, cpu / 1e6, wall / 1e6, cpu / 1e6 / Math.max(1, tests));
        }
        if (passes > 1) System.out.printf("steady: %.0f ms CPU per pass%n", steadyCpu / 1e6 / (passes - 1));
        int top = Integer.getInteger("perTest", 0);
        perTest.cpu.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%8.1f ms CPU %s%n", e.getValue() / 1e6, e.getKey()));
    }

    /** Thread CPU of each test method (JUnit runs them on the launcher's thread unless told otherwise). */
    private static final class PerTestCpu implements TestExecutionListener {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Map<String, Long> started = new HashMap<>();
        final Map<String, Long> cpu = new HashMap<>();

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) started.put(id.getUniqueId(), threads.getCurrentThreadCpuTime());
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Long t0 = started.remove(id.getUniqueId());
            if (t0 != null) cpu.put(name(id), threads.getCurrentThreadCpuTime() - t0);
        }

        private static String name(TestIdentifier id) {
            String u = id.getUniqueId();
            int c = u.indexOf("[class:"), m = u.indexOf("[method:");
            if (c < 0 || m < 0) return u;
            return u.substring(c + 7, u.indexOf(']', c)) + "#" + u.substring(m + 8, u.indexOf('(', m));
        }
    }
}
