package io.oomdoc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Every text fixture under src/test/resources, lower-cased, read once per JVM. Each blind set's "nobody else cites
 * this thread" check needs all of them but its own folder: reading and lower-casing the 21 MB again for each of the
 * twenty-odd sets cost a fork ~0.2 s of CPU a set, for the same bytes.
 */
public final class FixtureTexts {
    private static final Path ROOT = Path.of("src/test/resources");
    private static List<Text> all;

    private FixtureTexts() {}

    /** One fixture's path and lower-cased text. */
    public record Text(Path path, String lower) {}

    /** The fixtures in the order Files.walk gives them; binary files are left out (they cite nothing). */
    public static synchronized List<Text> all() {
        if (all == null) all = read();
        return all;
    }

    /** The lower-cased text of every fixture that {@code skip} does not match, each followed by a newline. */
    public static String joinedExcept(Predicate<Path> skip) {
        StringBuilder out = new StringBuilder();
        for (Text t : all()) if (!skip.test(t.path())) out.append(t.lower()).append('\n');
        return out.toString();
    }

    private static List<Text> read() {
        List<Text> out = new ArrayList<>();
        try (var files = Files.walk(ROOT)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                try {
                    out.add(new Text(p, Files.readString(p).toLowerCase(Locale.ROOT)));
                } catch (CharacterCodingException binary) {
                    // not text: cites nothing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
