package io.oomdoc;

import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.protocol.dialogue.Conversation;
import io.oomdoc.protocol.dialogue.Transcripts;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's "Adding things" list, path by path: a file dropped in its folder or a row added to its table is all it
 * takes, with no index or list elsewhere to update. (A slash command as one markdown file is shown by
 * ReplTest.userMarkdownCommandsAreOffered.)
 */
class AddingThingsTest {
    private static List<String[]> rows(String csv) throws Exception {
        return Files.readAllLines(Path.of("src/main/resources/catalog", csv)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(",", -1)).toList();
    }

    @Test
    void aConversationFileDroppedInAFolderIsPlayedTurnByTurn(@TempDir Path dir) throws Exception {
        Path one = Path.of("src/test/resources/conversations/02-nanochat-one-4090.txt");
        Files.copy(one, dir.resolve(one.getFileName()));
        var transcripts = Transcripts.all(dir);
        assertEquals(1, transcripts.size());
        Conversation c = new Conversation();
        var verdicts = Transcripts.play(transcripts.get(0), c::respond, c::facts, a -> String.valueOf(a.text()));
        assertEquals(transcripts.get(0).turns().size(), verdicts.size());
        assertFalse(verdicts.isEmpty());
    }

    @Test
    void everyMarkdownFileInKnowledgeIsAnEntry() throws Exception {
        List<String> ids;
        try (Stream<Path> s = Files.list(Path.of("knowledge"))) {
            ids = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.indexOf('-'))).toList();
        }
        KnowledgeBase kb = KnowledgeBase.bundled();
        for (String id : ids) assertTrue(kb.get(id).isPresent(), id + " is in knowledge/ but not an entry");
        assertEquals(ids.size(), kb.all().size());
    }

    @Test
    void everyRowOfTheGpuTableIsFoundByItsNameWithItsMemory() throws Exception {
        for (String[] r : rows("gpus.csv")) {
            var gpu = GpuCatalog.find(r[0]);
            assertTrue(gpu.isPresent(), r[0]);
            assertEquals(Math.round(Double.parseDouble(r[2]) * Bytes.GIB), gpu.get().memoryBytes(), r[0]);
        }
    }

    @Test
    void everyRowOfTheModelTableIsFoundByItsNameWithItsSize() throws Exception {
        for (String[] r : rows("models.csv")) {
            var model = ModelCatalog.find(r[0]);
            assertTrue(model.isPresent(), r[0]);
            assertEquals(Long.parseLong(r[2]), model.get().params(), r[0]);
        }
    }
}
