package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.cli.ReportView;
import io.oomdoc.cli.Style;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Conversations written from the user's side (src/test/resources/transcripts): `> ` lines are what the
 * user types; `expect:`, `expect-not:` and `category:` lines check the answer to the turn above them.
 * Facts carry from turn to turn as in the REPL.
 */
class TranscriptsTest {
    @TestFactory
    Stream<DynamicTest> everyTranscriptHolds() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Fixtures.path("transcripts"))) {
            for (Path f : files.sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(Files.readAllLines(f))));
            }
        }
        return tests.stream();
    }

    private static void run(List<String> lines) {
        ChatResponder chat = new ChatResponder();
        Facts facts = Facts.EMPTY;
        ChatResponder.Reply reply = null;
        String answer = "";
        for (String line : lines) {
            if (line.startsWith("> ")) {
                reply = chat.respond(line.substring(2), facts);
                facts = reply.facts();
                answer = (reply.text() == null ? "" : reply.text()) + (reply.report() == null ? "" : ReportView.text(reply.report(), Style.plain()));
            } else if (line.startsWith("expect: ")) {
                assertTrue(answer.contains(line.substring(8)), "expected \"" + line.substring(8) + "\" in:\n" + answer);
            } else if (line.startsWith("expect-not: ")) {
                assertFalse(answer.contains(line.substring(12)), "did not expect \"" + line.substring(12) + "\" in:\n" + answer);
            } else if (line.startsWith("category: ")) {
                assertNotNull(reply.report(), "a diagnosis was expected");
                assertEquals(line.substring(10), reply.report().category(), answer);
            }
        }
    }
}
