package io.oomdoc.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A command prints its result through {@link Output}: one place decides JSON or view, its newline and its flush. A
 * command that writes {@code Json.write(} itself is found here.
 */
class CommandsPrintThroughOutputTest {
    private static final Path COMMANDS = Path.of("src/main/java/io/oomdoc/cli/commands");

    @Test
    void noCommandRendersJsonItself() throws Exception {
        List<String> found = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.list(COMMANDS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                if (Files.readString(f).contains("Json.write(")) found.add(f.getFileName().toString());
            }
        }
        assertTrue(files >= 10, "the command sources were read: " + files);
        assertEquals(List.of(), found, "print the result with Output.print(ctx, json, result, view)");
    }

    @Test
    void theJsonDocumentIsTheOnlyThingPrintedAndEndsItsLine() {
        java.io.StringWriter text = new java.io.StringWriter();
        java.io.PrintWriter w = new java.io.PrintWriter(text, true);
        AppContext ctx = new AppContext(w, w, java.io.InputStream.nullInputStream(), java.util.Map.of(), Path.of("."),
                Style.plain(), new Session(null), false);
        Output.print(ctx, true, java.util.Map.of("peak_bytes", 1), () -> "a view");
        assertEquals(Json.write(java.util.Map.of("peak_bytes", 1)) + System.lineSeparator(), text.toString());
        Output.print(ctx, false, java.util.Map.of(), () -> "a view\n");
        assertTrue(text.toString().endsWith("}" + System.lineSeparator() + "a view\n"), text.toString());
    }
}
