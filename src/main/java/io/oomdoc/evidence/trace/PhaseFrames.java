package io.oomdoc.evidence.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The frame table (trace/phase-frames.tsv): which phase a traceback frame names. A data file rather than code so
 * that a new framework's function names are one row, and the rows read as the list of what is recognised.
 */
final class PhaseFrames {
    private static final String TABLE = "trace/phase-frames.tsv";

    enum Part { FUNCTION, CODE, USER_CODE, FILE, FRAME }

    record Marker(Part part, Pattern pattern) {
        boolean matches(Frame f) {
            String file = f.file().replace('\\', '/');
            return switch (part) {
                case FUNCTION -> pattern.matcher(f.function()).find();
                case CODE -> pattern.matcher(f.code()).find();
                case USER_CODE -> !f.isLibrary() && pattern.matcher(f.code()).find();
                case FILE -> pattern.matcher(file).find();
                case FRAME -> pattern.matcher(file + " " + f.function()).find();
            };
        }
    }

    /** The markers of one phase, in the order the table lists the phases. */
    record Group(Phase phase, List<Marker> markers) {
        boolean matches(Frame f) {
            for (Marker m : markers) if (m.matches(f)) return true;
            return false;
        }
    }

    private static volatile List<Group> groups;

    private PhaseFrames() {}

    static List<Group> groups() {
        if (groups == null) groups = read(PhaseFrames.class.getClassLoader().getResourceAsStream(TABLE));
        return groups;
    }

    static List<Group> read(InputStream in) {
        if (in == null) throw new IllegalStateException("bundled frame table missing: " + TABLE);
        Map<Phase, List<Marker>> byPhase = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", 3);
                Phase phase = Phase.valueOf(cols[0].toUpperCase(Locale.ROOT));
                Part part = Part.valueOf(cols[1].toUpperCase(Locale.ROOT).replace('-', '_'));
                byPhase.computeIfAbsent(phase, k -> new ArrayList<>()).add(new Marker(part, Pattern.compile(cols[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Group> out = new ArrayList<>();
        byPhase.forEach((p, ms) -> out.add(new Group(p, List.copyOf(ms))));
        return List.copyOf(out);
    }
}
