package io.oomdoc.evidence.trace;

import io.oomdoc.SentencesShown;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the trace reading and the GPU probes tell the user (a finding's note, the phase's reason, what could not be
 * read) comes from trace/messages.properties and gpu/messages.properties by key: a sentence written into one of the
 * statements that carry such text fails here. Patterns and the words a parser looks for in a log are not notes.
 */
class EvidenceNotesAreResourcesTest {
    private static final List<Path> DIRS = List.of(Path.of("src/main/java/io/oomdoc/evidence/trace"),
            Path.of("src/main/java/io/oomdoc/evidence/gpu"));
    /** A statement whose text reaches the report or the probe's output. */
    private static final Pattern SHOWN = Pattern.compile(
            "notes\\.add\\(|List<String> notes = |new TraceFinding\\(|unreadable\\.add\\(|phaseWhy = "
                    + "|new GpuState\\.Unknown\\(|new Failed\\(|return none\\(");
    static List<String> sentencesShown(String statement) {
        return SentencesShown.in(statement, SHOWN);
    }

    @Test
    void aSentenceInANoteIsFoundAndAKeyIsNot() {
        assertEquals(List.of("the process was killed by the kernel"),
                sentencesShown("notes.add(\"the process was killed \" + \"by the kernel\");"));
        assertEquals(List.of(), sentencesShown("notes.add(TraceText.get(\"host.sigkill\"));"));
        assertEquals(List.of(), sentencesShown("if (lower.contains(\"unable to allocate memory here\")) x = 1;"));
    }

    @Test
    void noNoteOfTheTraceReadingOrTheProbesIsWrittenInJava() throws Exception {
        List<String> inJava = new ArrayList<>();
        int files = 0;
        for (Path dir : DIRS) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    files++;
                    String src = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "")
                            .replaceAll("(?m)(^|\\s)//\\s.*$", "");
                    for (String statement : src.split(";")) {
                        for (String x : sentencesShown(statement)) inJava.add(f.getFileName() + ": " + x);
                    }
                }
            }
        }
        assertTrue(files >= 30, "the evidence sources were read: " + files);
        assertEquals(List.of(), inJava, "move them to trace/messages.properties or gpu/messages.properties");
    }
}
