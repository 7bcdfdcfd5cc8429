package io.oomdoc.protocol.dialogue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/** The conversation's own sentences, by key, from dialogue/messages.properties (user text stays out of Java). */
public final class Messages {
    private static volatile Properties text;

    private Messages() {}

    public static String get(String key, Object... args) {
        String pattern = table().getProperty(key);
        if (pattern == null) throw new IllegalStateException("no message " + key);
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }

    private static Properties table() {
        if (text != null) return text;
        Properties p = new Properties();
        try (var in = Messages.class.getClassLoader().getResourceAsStream("dialogue/messages.properties")) {
            if (in == null) throw new IllegalStateException("bundled dialogue/messages.properties missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text = p;
        return p;
    }
}
