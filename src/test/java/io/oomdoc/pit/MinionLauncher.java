package io.oomdoc.pit;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The one JUnit launcher of a mutation minion. A plain launcher opens a new session for each request, and each
 * request reads junit-platform.properties off the whole class path and the system properties again: PIT makes one
 * request per test run, tens of thousands in a verify. Here the session stays open and the configuration is read
 * once, with JUnit's own precedence (a system property over the file). Measured on three test classes, C1 only:
 * 4.9 ms of CPU a run with a launcher per run, 2.8 ms here, 1.3 ms a test in one request (bench/results.md
 * "verify34").
 */
final class MinionLauncher {
    private static final String CONFIG_FILE = "junit-platform.properties";
    private final Launcher launcher = LauncherFactory.openSession().getLauncher();
    private final Map<String, String> configuration = configuration();

    void execute(DiscoverySelector selector, TestExecutionListener listener, Filter<?>... filters) {
        launcher.execute(request(selector, filters), listener);
    }

    private LauncherDiscoveryRequest request(DiscoverySelector selector, Filter<?>... filters) {
        return LauncherDiscoveryRequestBuilder.request().enableImplicitConfigurationParameters(false)
                .configurationParameters(configuration).selectors(selector).filters(filters).build();
    }

    private static Map<String, String> configuration() {
        Map<String, String> values = new HashMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(CONFIG_FILE)) {
            if (in != null) {
                Properties file = new Properties();
                file.load(in);
                file.forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.getProperties().forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
        return values;
    }
}
