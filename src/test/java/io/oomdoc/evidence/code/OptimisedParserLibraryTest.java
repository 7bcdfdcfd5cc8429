package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On Linux x86-64 the binding loads the project's own -O2 build of tree-sitter and its Python grammar
 * (src/main/native/build.sh), not the -O0 libraries in the io.github.bonede jars, which parse at about half
 * the speed (bench/results.md, round 10). The binding takes the first resource of that name on the class path.
 */
class OptimisedParserLibraryTest {
    private static final List<String> LIBS = List.of(
            "lib/x86_64-linux-gnu-tree-sitter.so", "lib/x86_64-linux-gnu-tree-sitter-python.so");

    @Test
    void theLibrariesTheBindingFindsFirstAreTheProjectsOptimisedBuild() throws IOException {
        for (String lib : LIBS) {
            byte[] ours = Files.readAllBytes(Path.of("src/main/resources").resolve(lib));
            try (InputStream in = PySource.class.getClassLoader().getResourceAsStream(lib)) {
                assertNotNull(in, lib);
                assertArrayEquals(ours, in.readAllBytes(), lib + " on the class path is not the -O2 build");
            }
        }
    }

    @Test
    void theyAreNotACopyOfTheBindingJarsUnoptimisedLibraries() throws IOException {
        for (String lib : LIBS) {
            List<URL> found = Collections.list(PySource.class.getClassLoader().getResources(lib));
            assertTrue(found.size() >= 2, lib + ": the binding's own copy is expected after ours: " + found);
            byte[] ours = read(found.get(0));
            for (URL other : found.subList(1, found.size())) {
                assertFalse(Arrays.equals(ours, read(other)), lib + " is the same as " + other);
            }
        }
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
