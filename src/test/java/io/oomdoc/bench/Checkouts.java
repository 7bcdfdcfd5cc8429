package io.oomdoc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The code an audit bench scans is not in the tree (issue 17: third-party code stays out of our commits): the caller
 * brings it, with `fetch` and `git show COMMIT:PATH` into a directory outside the repository, and names that
 * directory. Without one the bench stops with a message saying what to bring and where the set's README tells how.
 */
final class Checkouts {
    private Checkouts() {}

    /** The directory, or the process ends with status 2 and a message naming the bench, the set and its README. */
    static Path require(String bench, String arg, String set) { return require(bench, arg, set, "README.md"); }

    /** {@link #require(String, String, String)} for a set whose rerunning notes are in {@code doc}. */
    static Path require(String bench, String arg, String set, String doc) {
        Path dir = arg == null ? null : Path.of(arg);
        if (dir != null && Files.isDirectory(dir) && !empty(dir)) return dir;
        System.err.println(bench + ": " + (arg == null ? "no checkout directory given" : "no checkout at " + arg)
                + ". The code of " + set + " is not in the tree (issue 17: third-party code stays out of our commits); "
                + "bring it with fetch and name the directory: see src/test/resources/" + set + "/" + doc + ", "
                + "section 'Rerunning'.");
        System.exit(2);
        return null;
    }

    private static boolean empty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return true;
        }
    }
}
