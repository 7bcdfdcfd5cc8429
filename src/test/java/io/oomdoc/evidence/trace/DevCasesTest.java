package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Every labeled real report: the figures its message states are decoded exactly. */
class DevCasesTest {
    private static final Map<String, String> FIELDS = Map.of(
            "tried", "triedBytes", "total", "totalBytes", "free", "freeBytes", "allocated", "allocatedBytes",
            "reserved", "reservedBytes", "reserved_unallocated", "reservedUnallocatedBytes", "process_in_use", "processInUseBytes");

    @TestFactory
    Stream<DynamicTest> numbersAreDecodedExactly() {
        TraceAnalyzer analyzer = new TraceAnalyzer();
        return Fixtures.devCases().stream().filter(c -> c.path("numbers").size() > 0).map(c -> DynamicTest.dynamicTest(c.path("id").asText(), () -> {
            OomNumbers n = analyzer.analyze(LogText.of(Fixtures.caseText(c))).numbers();
            var it = c.path("numbers").fields();
            while (it.hasNext()) {
                var label = it.next();
                String key = label.getKey();
                String unit = key.substring(key.lastIndexOf('_') + 1);
                String field = key.substring(0, key.lastIndexOf('_'));
                Long got = get(n, FIELDS.get(field));
                assertNotNull(got, c.path("id").asText() + ": " + field + " not decoded");
                double inUnit = got / (double) (unit.equals("gib") ? Bytes.GIB : Bytes.MIB);
                double expected = label.getValue().asDouble();
                // labels are rounded to 3 decimals (GiB) or 2 (MiB): compare at that precision
                double tolerance = unit.equals("gib") ? 0.0006 : 0.006;
                assertEquals(expected, inUnit, tolerance + expected * 1e-4, c.path("id").asText() + ": " + field);
            }
        }));
    }

    private static Long get(OomNumbers n, String accessor) throws ReflectiveOperationException {
        return (Long) OomNumbers.class.getMethod(accessor).invoke(n);
    }
}
