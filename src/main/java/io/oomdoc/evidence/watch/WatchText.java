package io.oomdoc.evidence.watch;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/** Sentences of `oomdoc run` and its verdicts, by key, from watch/messages.properties. */
public final class WatchText {
    private static volatile Properties text;

    private WatchText() {}

    public static String get(String key, Object... args) {
        String pattern = table().getProperty(key);
        if (pattern == null) throw new IllegalStateException("no message " + key);
        return args.length == 0 ? pattern : String.format(Locale.ROOT, pattern, args);
    }

    private static Properties table() {
        if (text != null) return text;
        Properties p = new Properties();
        try (var in = WatchText.class.getClassLoader().getResourceAsStream("watch/messages.properties")) {
            if (in == null) throw new IllegalStateException("bundled watch/messages.properties missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        text = p;
        return p;
    }
}
