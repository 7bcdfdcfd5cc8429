package io.oomdoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's "Adding things" for a slash command written as markdown: one file in prompts/commands/. The file is
 * reachable when the bundled loader reads it without a problem (a lower-case name, front-matter that parses), its
 * front-matter gives the description /help and --help print, and the REPL's slash commands include its name.
 */
class EveryPromptCommandIsReachableTest {
    @TempDir Path tmp;

    /** The command files as written in the repository (the jar carries a copy of this folder). */
    private static List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("prompts/commands"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.replaceFirst("\\.md$", "")).sorted().toList();
        }
    }

    @Test
    void everyCommandFileLoadsWithItsDescription() throws Exception {
        List<String> problems = new ArrayList<>();
        var loaded = PromptCommands.load(null, problems);
        assertEquals(List.of(), problems);
        List<String> files = files();
        assertTrue(files.size() >= 15, files.toString());
        assertEquals(List.of(), files.stream().filter(n -> !loaded.containsKey(n)
                || loaded.get(n).description().isBlank()).toList(), "not loaded, or no description in front-matter");
    }

    @Test
    void everyCommandFileIsASlashCommandOfTheRepl() throws Exception {
        PrintWriter w = new PrintWriter(new StringWriter(), true);
        AppContext ctx = new AppContext(w, w, new ByteArrayInputStream(new byte[0]),
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, Style.plain(), new Session(null), true);
        SlashCommands slash = new SlashCommands(ctx, CommandTree.tree(ctx, true),
                PromptCommands.load(tmp, new ArrayList<>()));
        assertEquals(List.of(), files().stream().filter(n -> !slash.names().contains(n)).toList());
    }
}
