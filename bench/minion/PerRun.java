import java.lang.management.ManagementFactory;
import java.util.*;
import org.junit.platform.launcher.*;
import org.junit.platform.launcher.core.*;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * CPU of one PIT-style test run (one JUnit request per test, by unique id) three ways: a new launcher per run, as
 * PIT's JUnit 5 plugin does ("new"); one launcher ("shared"), which still opens a session and reads the
 * configuration per request; one open session with the configuration read once ("session", what
 * src/test/java/io/oomdoc/pit/MinionLauncher does); and the same tests in one request, as surefire runs them.
 * Run with the minions' flags: java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp TEST_CLASSPATH PerRun.java
 * PASSES TestClass... (bench/results.md "verify34").
 */
public class PerRun {
    public static void main(String[] a) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<String> ids = new ArrayList<>();
        Launcher l0 = LauncherFactory.create();
        for (int i = 1; i < a.length; i++) {
            TestPlan plan = l0.discover(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(a[i])).filters(TagFilter.excludeTags("slow","replay")).build());
            for (TestIdentifier r : plan.getRoots()) collect(plan, r, ids);
        }
        int passes = Integer.parseInt(a[0]);
        Launcher shared = LauncherFactory.create();
        Launcher session = LauncherFactory.openSession().getLauncher();
        Map<String,String> params = new HashMap<>(); System.getProperties().forEach((k,v) -> params.put(String.valueOf(k), String.valueOf(v)));
        for (int p = 0; p < passes; p++) {
            for (String mode : new String[]{"new", "shared", "session"}) {
                long c0 = os.getProcessCpuTime();
                for (String id : ids) {
                    Launcher l = mode.equals("new") ? LauncherFactory.create() : mode.equals("session") ? session : shared;
                    l.execute(LauncherDiscoveryRequestBuilder.request().enableImplicitConfigurationParameters(!mode.equals("session")).configurationParameters(mode.equals("session") ? params : Map.of()).selectors(DiscoverySelectors.selectUniqueId(id)).build());
                }
                long c = os.getProcessCpuTime() - c0;
                System.out.printf("pass %d %s: %d runs, %.2f ms CPU a run%n", p, mode, ids.size(), c / 1e6 / ids.size());
            }
        }
        // the same tests in one request, as surefire runs them
        for (int p = 0; p < 3; p++) {
            long c0 = os.getProcessCpuTime();
            var req = LauncherDiscoveryRequestBuilder.request().filters(TagFilter.excludeTags("slow","replay"));
            List<org.junit.platform.engine.DiscoverySelector> sel = new ArrayList<>();
            for (int i = 1; i < a.length; i++) sel.add(DiscoverySelectors.selectClass(a[i]));
            shared.execute(req.selectors(sel).build());
            System.out.printf("one request: %.2f ms CPU a test%n", (os.getProcessCpuTime() - c0) / 1e6 / ids.size());
        }
    }
    static void collect(TestPlan plan, TestIdentifier n, List<String> ids) {
        if (n.isTest()) ids.add(n.getUniqueId());
        else for (TestIdentifier c : plan.getChildren(n)) collect(plan, c, ids);
    }
}
