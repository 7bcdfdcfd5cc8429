package io.oomdoc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REPL's slash commands run through the session's one picocli tree, built once when the session starts. */
class SlashCommandsTest {
    @TempDir Path tmp;

    private final StringWriter text = new StringWriter();

    private AppContext context() {
        PrintWriter w = new PrintWriter(text, true);
        return new AppContext(w, w, new ByteArrayInputStream(new byte[0]),
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, Style.plain(), new Session(null), true);
    }

    private static String commandRun(CommandLine tree) {
        CommandLine.ParseResult p = tree.getParseResult();
        return p == null || p.subcommand() == null ? null : p.subcommand().commandSpec().name();
    }

    @Test
    void everySlashCommandRunsInTheTreeTheSessionBuilt() {
        AppContext ctx = context();
        CommandLine tree = CommandTree.tree(ctx, true);
        SlashCommands slash = new SlashCommands(ctx, tree, PromptCommands.load(tmp, new ArrayList<>()));
        assertNull(commandRun(tree));
        // a tree built anew for a command would parse that command, and this one would not have seen it
        slash.dispatch("/facts");
        assertEquals("facts", commandRun(tree));
        slash.dispatch("/kb M8");
        assertEquals("kb", commandRun(tree));
        slash.dispatch("/reset");
        assertEquals("reset", commandRun(tree));
        assertTrue(text.toString().contains("No facts yet"), text.toString());
    }

    @Test
    void anOptionGivenToOneCommandDoesNotCarryOverToTheNext() {
        AppContext ctx = context();
        SlashCommands slash = new SlashCommands(ctx, CommandTree.tree(ctx, true),
                PromptCommands.load(tmp, new ArrayList<>()));
        slash.dispatch("/budget --params 7B --gpu-mem 24GB --precision fp32");
        int mark = text.getBuffer().length();
        slash.dispatch("/budget --params 7B --gpu-mem 24GB");
        String second = text.toString().substring(mark);

        StringWriter fresh = new StringWriter();
        AppContext other = new AppContext(new PrintWriter(fresh, true), new PrintWriter(fresh, true),
                new ByteArrayInputStream(new byte[0]), ctx.env, tmp, Style.plain(), new Session(null), true);
        new SlashCommands(other, CommandTree.tree(other, true), PromptCommands.load(tmp, new ArrayList<>()))
                .dispatch("/budget --params 7B --gpu-mem 24GB");
        assertEquals(fresh.toString(), second);
    }

    @Test
    void aPrefixSeveralCommandsShareNamesEachOfThemAndRunsNone() {
        AppContext ctx = context();
        CommandLine tree = CommandTree.tree(ctx, true);
        SlashCommands slash = new SlashCommands(ctx, tree, PromptCommands.load(tmp, new ArrayList<>()));
        slash.dispatch("/s"); // scan, snapshot, save
        String out = text.toString();
        assertTrue(out.startsWith("/s is ambiguous: ") && out.contains("/scan") && out.contains("/snapshot"), out);
        assertNull(commandRun(tree));
    }

    @Test
    void helpIsACommandOfTheTreeAndListsWhatTheShellListsPlusThePromptCommands() {
        AppContext ctx = context();
        CommandLine tree = CommandTree.tree(ctx, true);
        new SlashCommands(ctx, tree, PromptCommands.load(tmp, new ArrayList<>())).dispatch("/help");
        assertEquals("help", commandRun(tree));
        String repl = text.toString();
        StringWriter shellText = new StringWriter();
        PrintWriter w = new PrintWriter(shellText, true);
        AppContext shell = new AppContext(w, w, new ByteArrayInputStream(new byte[0]), ctx.env, tmp, Style.plain(),
                new Session(null), false);
        CommandTree.tree(shell, false).execute("help");
        // every command the shell lists is a row of /help, named there with its slash, its description the same
        String flat = repl.replaceAll("\\s+", " ");
        shellText.toString().lines().filter(l -> l.startsWith("  ") && !l.startsWith("   ")).forEach(l -> {
            String[] row = l.strip().split(" {2,}");
            assertTrue(flat.contains(" /" + row[0]) && (row.length == 1 || flat.contains(row[1])), l);
        });
        assertTrue(repl.contains("/explain-numbers") && !shellText.toString().contains("explain-numbers"), repl);
    }

    @Test
    void helpWithACommandPrintsThatCommandsUsage() {
        AppContext ctx = context();
        new SlashCommands(ctx, CommandTree.tree(ctx, true), PromptCommands.load(tmp, new ArrayList<>()))
                .dispatch("/help budget");
        assertTrue(text.toString().startsWith("Usage: oomdoc budget"), text.toString());
    }
}
