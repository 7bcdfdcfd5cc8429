package io.oomdoc.knowledge;

import io.oomdoc.util.Resources;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** The pre-parsed front-matter the jar carries (CompiledKnowledge) against the YAML of knowledge/*.md. */
class KnowledgeBaseCompiledTest {
    private static final String REWRITE = "knowledge/ changed since the compiled form was written: run "
            + "bench/run.sh CompileKnowledge";

    @Test
    void bundledFormIsTheFormOfTheKnowledgeFolderAsItIsNow() throws IOException {
        byte[] now = CompiledKnowledge.write(Resources.readDir(Path.of("knowledge")));
        assertArrayEquals(now, bundledForm(), REWRITE);
    }

    @Test
    void entriesReadFromTheFormEqualTheEntriesParsedFromTheYaml() {
        List<KnowledgeEntry> fromYaml = KnowledgeBase.parseBundled();
        List<KnowledgeEntry> fromForm = CompiledKnowledge.read().orElseThrow();
        assertEquals(23, fromYaml.size());
        assertEquals(fromYaml, fromForm);
    }

    @Test
    void anEntryWhoseFrontMatterChangedIsParsedFromItsYamlAndNotFromTheStaleForm() throws IOException {
        Map<String, String> files = Resources.readDir(Path.of("knowledge")).stream()
                .collect(Collectors.toMap(Resources.Doc::name, Resources.Doc::text));
        String name = "M16-longest-batch.md";
        String edited = files.get(name).replaceFirst("\ntitle: [^\n]*\n", "\ntitle: Edited after the form was written\n");
        assertNotEquals(files.get(name), edited);
        files.put(name, edited);
        Function<String, String> markdown = files::get;

        List<KnowledgeEntry> read = CompiledKnowledge.read(bundledForm(), markdown).orElseThrow();

        KnowledgeEntry m16 = read.stream().filter(e -> e.file().equals(name)).findFirst().orElseThrow();
        assertEquals("Edited after the form was written", m16.title());
        assertEquals(KnowledgeBase.parse(name, edited), m16);
    }

    @Test
    void anUnknownLayoutIsRefusedSoThatTheYamlIsParsedInstead() {
        assertTrue(CompiledKnowledge.read(new byte[]{0, 0, 0, 1, 0, 0, 0, 0}, n -> "").isEmpty());
    }

    private static byte[] bundledForm() throws IOException {
        try (InputStream in = KnowledgeBaseCompiledTest.class.getClassLoader()
                .getResourceAsStream(CompiledKnowledge.RESOURCE)) {
            assertNotNull(in, CompiledKnowledge.RESOURCE + " is not on the class path");
            return in.readAllBytes();
        }
    }
}
