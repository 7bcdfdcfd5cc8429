package io.oomdoc.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** The bundled markdown folders read the same from a jar (as installed) as from a classes folder (as tested). */
class ResourcesTest {
    @TempDir Path tmp;

    @Test
    void aFolderInAJarYieldsItsOwnMarkdownFilesInNameOrder() throws Exception {
        Path jar = tmp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            // entries out of order, plus what must be left out: a subfolder's file, another type, a look-alike folder
            out.putNextEntry(new JarEntry("knowledge/")); // a folder entry, as Maven writes one
            out.closeEntry();
            for (String[] e : new String[][]{{"knowledge/M2-b.md", "second"}, {"knowledge/M1-a.md", "first"},
                    {"knowledge/dialogue/x.md", "nested"}, {"knowledge/notes.txt", "text"},
                    {"knowledgebase/y.md", "other folder"}}) {
                out.putNextEntry(new JarEntry(e[0]));
                out.write(e[1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            List<Resources.Doc> docs = Resources.listMarkdown(loader, "knowledge");
            assertEquals(List.of(new Resources.Doc("M1-a.md", "first"), new Resources.Doc("M2-b.md", "second")), docs);
        }
    }

    @Test
    void aFolderOnDiskYieldsTheSameAsInAJar() throws Exception {
        Files.createDirectories(tmp.resolve("cp/knowledge/dialogue"));
        Files.writeString(tmp.resolve("cp/knowledge/M2-b.md"), "second");
        Files.writeString(tmp.resolve("cp/knowledge/M1-a.md"), "first");
        Files.writeString(tmp.resolve("cp/knowledge/dialogue/x.md"), "nested");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{tmp.resolve("cp").toUri().toURL()}, null)) {
            assertEquals(List.of(new Resources.Doc("M1-a.md", "first"), new Resources.Doc("M2-b.md", "second")),
                    Resources.listMarkdown(loader, "knowledge"));
        }
    }
}
