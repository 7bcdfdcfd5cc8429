package io.oomdoc.evidence.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Installed applications whose own files are not the user's code (trace/app-frames.tsv): a ComfyUI user did not
 * write comfy/sd.py, so the report should not send them there to "look first at your code". A data file so that
 * another application is one row.
 */
final class AppFrames {
    private static final String TABLE = "trace/app-frames.tsv";
    private static volatile List<Pattern> rows;

    private AppFrames() {}

    /** True when the path (with '/' separators) lies in an installed application's own code. */
    static boolean matches(String path) {
        for (Pattern p : rows()) if (p.matcher(path).find()) return true;
        return false;
    }

    private static List<Pattern> rows() {
        if (rows == null) rows = read(AppFrames.class.getClassLoader().getResourceAsStream(TABLE));
        return rows;
    }

    static List<Pattern> read(InputStream in) {
        if (in == null) throw new IllegalStateException("bundled application frame table missing: " + TABLE);
        List<Pattern> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(Pattern.compile(line.strip(), Pattern.CASE_INSENSITIVE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
