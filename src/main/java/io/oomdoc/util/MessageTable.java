package io.oomdoc.util;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/** User-facing sentences by key from one bundled .properties file, read once (user text stays out of Java). */
public final class MessageTable {
    private final String resource;
    private volatile Properties text;

    public MessageTable(String resource) { this.resource = resource; }

    /** The sentence for the key, its %s filled from the arguments; a missing key is a packaging error. */
    public String get(String key, Object... args) {
        String pattern = table().getProperty(key);
        if (pattern == null) throw new IllegalStateException("no message " + key + " in " + resource);
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }

    /** Whether the table has a sentence for the key (an optional one, such as a gap's own question). */
    public boolean has(String key) { return table().getProperty(key) != null; }

    private Properties table() {
        if (text != null) return text;
        Properties p = new Properties();
        try (var in = MessageTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("bundled " + resource + " missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text = p;
        return p;
    }
}
