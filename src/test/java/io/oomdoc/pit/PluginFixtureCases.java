package io.oomdoc.pit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Cases for DiscoveredTestsTest, not a test of anything (surefire leaves it out by name): the plain methods count
 * their runs in one counter, the parameterized one in another, so a test can tell a discovery from an execution.
 */
public final class PluginFixtureCases {
    static final AtomicInteger METHOD_RUNS = new AtomicInteger();
    static final AtomicInteger PARAMETER_RUNS = new AtomicInteger();

    @Test
    void plain() {
        METHOD_RUNS.incrementAndGet();
    }

    @Test
    void failing() {
        METHOD_RUNS.incrementAndGet();
        fail("this case fails on purpose");
    }

    @Test
    @Tag("replay")
    void replayed() {
        METHOD_RUNS.incrementAndGet();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void parameterized(int value) {
        PARAMETER_RUNS.incrementAndGet();
    }
}
