package io.oomdoc.bench;

import io.oomdoc.knowledge.CompiledKnowledge;
import io.oomdoc.util.Resources;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the pre-parsed front-matter of knowledge/*.md that the jar carries (CompiledKnowledge). Run it after
 * editing a knowledge entry: {@code bench/run.sh CompileKnowledge}; KnowledgeBaseCompiledTest fails until then.
 */
public final class CompileKnowledge {
    private CompileKnowledge() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of("src/main/resources").resolve(CompiledKnowledge.RESOURCE);
        Files.createDirectories(out.getParent());
        byte[] form = CompiledKnowledge.write(Resources.readDir(Path.of("knowledge")));
        Files.write(out, form);
        System.out.println("wrote " + out + " (" + form.length + " bytes)");
    }
}
