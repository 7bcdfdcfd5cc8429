package io.oomdoc.cli;

import io.oomdoc.SentencesShown;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the commands tell the user (an error, a line they print) is read from cli/*.properties by key, as jshell reads
 * its l10n.properties: the text can be reworded or checked without reading Java. A sentence written into a
 * UserError, a usage error or a print in the cli sources fails here; labels of a word or two (a column, a unit) and
 * text nobody reads (warm-up inputs, exception internals) are not what this looks for.
 */
class CommandSentencesAreResourcesTest {
    private static final Path CLI = Path.of("src/main/java/io/oomdoc/cli");
    /** A statement that shows its text to the user. */
    private static final Pattern SHOWN = Pattern.compile("UserError\\(|\\busage\\(|\\.print(?:ln|f)?\\(");
    static List<String> sentencesShown(String statement) {
        return SentencesShown.in(statement, SHOWN);
    }

    @Test
    void aSentenceInAPrintIsFoundAndAKeyIsNot() {
        assertEquals(List.of("cannot read the file: "),
                sentencesShown("throw new UserError(\"cannot read \" + \"the file: \" + f);"));
        assertEquals(List.of(), sentencesShown("throw new UserError(CliText.get(\"file.missing\", f));"));
        assertEquals(List.of(), sentencesShown("String s = \"what batch fits llama on a 3090\";"), "not shown");
    }

    @Test
    void noCommandWritesASentenceInJava() throws Exception {
        List<String> inJava = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(CLI)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                String src = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
                for (String statement : src.split(";")) {
                    for (String x : sentencesShown(statement)) inJava.add(f.getFileName() + ": " + x);
                }
            }
        }
        assertTrue(files >= 40, "the cli sources were read: " + files);
        assertEquals(List.of(), inJava, "move them to src/main/resources/cli/messages.properties");
    }
}
