package io.oomdoc.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A command reads its evidence through shared classes (EvidenceFiles, UserFiles, the protocol's EvidenceGatherer), not
 * through another command's static helpers: diagnose once reached into scan, gpu and snapshot that way, so a change to
 * one command's output path could change another command's input. A reference such as {@code ScanCommand.scan(} from
 * another command's source fails here.
 */
class CommandsCallNoOtherCommandTest {
    private static final Path COMMANDS = Path.of("src/main/java/io/oomdoc/cli/commands");
    private static final Pattern CALL = Pattern.compile("\\b(\\w+Command)\\.[a-z]\\w*\\(");

    static List<String> otherCommandsCalled(String ownClass, String source) {
        List<String> out = new ArrayList<>();
        Matcher m = CALL.matcher(source);
        while (m.find()) if (!m.group(1).equals(ownClass)) out.add(m.group());
        return out;
    }

    @Test
    void aCallIntoAnotherCommandIsFound() {
        assertEquals(List.of("ScanCommand.scan("),
                otherCommandsCalled("DiagnoseCommand", "x = ScanCommand.scan(ctx);"));
        assertEquals(List.of(), otherCommandsCalled("ScanCommand", "x = ScanCommand.scan(ctx);"));
    }

    @Test
    void noCommandCallsAnotherCommandsHelpers() throws Exception {
        List<String> calls = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.list(COMMANDS)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files++;
                String own = f.getFileName().toString().replace(".java", "");
                otherCommandsCalled(own, Files.readString(f)).forEach(c -> calls.add(own + ": " + c));
            }
        }
        assertTrue(files >= 10, "the command sources were read: " + files);
        assertEquals(List.of(), calls, "move the helper to a shared class of cli (EvidenceFiles, UserFiles)");
    }
}
