package io.oomdoc.knowledge;

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
 * Code names knowledge entries by id: a rule's kb(), the fix ladder's steps (budget cannot import knowledge, which
 * comes after it), the constants of {@link KnowledgeBase}. Each id so named must be a bundled entry, or the report
 * points at an entry nobody can open.
 */
class KbIdsInCodeExistTest {
    private static final Pattern ID = Pattern.compile("\"([MU]\\d{1,2})\"");

    @Test
    void everyKnowledgeIdTheCodeNamesIsABundledEntry() throws Exception {
        KnowledgeBase kb = KnowledgeBase.bundled();
        List<String> missing = new ArrayList<>();
        int named = 0;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = ID.matcher(Files.readString(f));
                while (m.find()) {
                    named++;
                    if (kb.get(m.group(1)).isEmpty()) missing.add(f.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertTrue(named >= 20, "ids were found in the code: " + named);
        assertEquals(List.of(), missing);
    }

    @Test
    void theEntryThatReadsTheMessageIsBundled() {
        assertTrue(KnowledgeBase.bundled().get(KnowledgeBase.READING_THE_MESSAGE).isPresent());
    }
}
