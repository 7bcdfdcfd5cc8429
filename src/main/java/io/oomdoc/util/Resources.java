package io.oomdoc.util;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Reads the markdown folders (knowledge/, prompts/) that the jar carries, whether run from a jar or classes. */
public final class Resources {
    public record Doc(String name, String text) {}

    private Resources() {}

    public static List<Doc> listMarkdown(String folder) {
        return listMarkdown(Resources.class.getClassLoader(), folder);
    }

    /** The .md files directly in {@code folder} as {@code loader} sees it (a jar or a classes folder), by name. */
    static List<Doc> listMarkdown(ClassLoader loader, String folder) {
        URL url = loader.getResource(folder);
        if (url == null) return List.of();
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme()) && url.openConnection() instanceof JarURLConnection c) {
                return readJarDir(c.getJarFile(), folder);
            }
            return readDir(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read bundled " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * The folder's .md files straight from the jar's directory, which the JDK has already read to load classes. A
     * zip file system over the same jar would first index all of its thousands of entries again.
     */
    private static List<Doc> readJarDir(JarFile jar, String folder) throws IOException {
        String prefix = folder + "/";
        List<JarEntry> mine = new ArrayList<>();
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            JarEntry je = e.nextElement();
            String n = je.getName();
            if (n.startsWith(prefix) && n.endsWith(".md") && n.indexOf('/', prefix.length()) < 0) mine.add(je);
        }
        mine.sort(Comparator.comparing(JarEntry::getName));
        List<Doc> out = new ArrayList<>();
        for (JarEntry je : mine) {
            try (InputStream in = jar.getInputStream(je)) {
                out.add(new Doc(je.getName().substring(prefix.length()),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    public static List<Doc> readDir(Path dir) throws IOException {
        List<Doc> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".md") && Files.isRegularFile(p)) out.add(new Doc(n, Files.readString(p,
                        StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /**
     * The rows of a bundled tab-separated table, comments (#) and blank lines left out; each row must have the given
     * number of columns (0: any), or the table is refused naming the row, so a broken row fails in tests.
     */
    public static List<String[]> tsvRows(String path, int columns) {
        List<String[]> out = new ArrayList<>();
        for (String line : text(path).split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] c = line.split("\t");
            if (columns > 0 && c.length != columns) {
                throw new IllegalStateException(path + ": not " + columns + " columns: " + line);
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    public static String text(String path) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing bundled resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled " + path, e);
        }
    }
}
