package io.oomdoc.evidence.trace;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A parser's name is owned by the parser (its NAME constant, or TraceFinding.MENTION): code that tells findings apart
 * by parser compares against that constant, so renaming a parser cannot silently break a signal in another package.
 */
class ParserNamesAreConstantsTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern LITERAL = Pattern.compile("parser\\(\\)\\.equals\\(\"");

    @Test
    void noMainCodeComparesAParserNameWithAStringLiteral() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(p);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = LITERAL.matcher(lines.get(i));
                    if (m.find()) found.add(MAIN.relativize(p) + ":" + (i + 1));
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
