package io.oomdoc.pit.history;

import org.pitest.classinfo.ClassName;
import org.pitest.coverage.CoverageDatabase;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a mutant's verdict depends on, per mutated class: the class's bytes with its supertypes' (PIT's own hashes)
 * and the test classes that cover it (PIT's coverage id, a sum of their hashes). Changes elsewhere (another main
 * class the tests reach, a resource) are not seen: a run with -Doomdoc.pit.fresh rechecks everything.
 */
final class ClassPrints {
    private final Function<ClassName, Optional<String>> codeHash;
    private final Map<String, ClassPrint> seen = new ConcurrentHashMap<>();
    private volatile CoverageDatabase coverage;

    ClassPrints(Function<ClassName, Optional<String>> codeHash) { this.codeHash = codeHash; }

    void coverage(CoverageDatabase coverage) { this.coverage = coverage; }

    /** The class's print in this run; empty before coverage is known or when PIT cannot read the class. */
    Optional<ClassPrint> of(ClassName name) {
        CoverageDatabase now = coverage;
        if (now == null) return Optional.empty();
        return Optional.ofNullable(seen.computeIfAbsent(name.asJavaName(), n -> codeHash.apply(name)
                .map(code -> new ClassPrint(code, now.getCoverageIdForClass(name).toString(16))).orElse(null)));
    }
}
