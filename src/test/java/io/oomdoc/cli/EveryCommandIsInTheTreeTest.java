package io.oomdoc.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's "Adding things" for a slash command written in Java: one picocli class, listed in Main's @Command.
 * A class annotated @Command in cli/commands that the tree does not hold is a command nobody can run, so the
 * registry check is that every such class (nested ones included) is a command of the one tree.
 */
class EveryCommandIsInTheTreeTest {
    private static final String PACKAGE = "io.oomdoc.cli.commands";

    private static Set<Class<?>> classesInTheTree() {
        AppContext ctx = new AppContext(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()),
                InputStream.nullInputStream(), Map.of(), Path.of("."), Style.plain(), new Session(null), false);
        Set<Class<?>> seen = new HashSet<>();
        collect(CommandTree.tree(ctx, false), seen);
        return seen;
    }

    private static void collect(CommandLine cl, Set<Class<?>> seen) {
        if (!seen.add(cl.getCommandSpec().userObject().getClass())) return;
        for (CommandLine sub : cl.getSubcommands().values()) collect(sub, seen);
    }

    /** Every class compiled from cli/commands, nested ones included, read from the class path's folder. */
    private static List<Class<?>> commandClasses() throws Exception {
        // the main classes' folder (test classes of the same package live in another one)
        URL known = Main.class.getResource("commands/AskCommand.class");
        assertNotNull(known, PACKAGE + " not on the class path");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(known.toURI()).getParent())) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = p.getFileName().toString().replaceFirst("\\.class$", "");
                Class<?> c = Class.forName(PACKAGE + "." + name, false, EveryCommandIsInTheTreeTest.class
                        .getClassLoader());
                if (c.isAnnotationPresent(CommandLine.Command.class)) out.add(c);
            }
        }
        return out;
    }

    @Test
    void everyCommandClassIsACommandOfTheOneTree() throws Exception {
        Set<Class<?>> tree = classesInTheTree();
        List<Class<?>> classes = commandClasses();
        assertTrue(classes.size() >= 15, classes.toString());
        List<String> unreachable = classes.stream().filter(c -> !tree.contains(c)).map(Class::getName).toList();
        assertEquals(List.of(), unreachable, "list them in Main's @Command subcommands");
    }
}
