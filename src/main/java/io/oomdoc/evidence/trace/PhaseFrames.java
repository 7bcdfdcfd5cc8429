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

    /** The markers of one phase; groups come in the frame rank of knowledge/phases.tsv. */
    record Group(Phase phase, List<Marker> markers) {
        boolean matches(Frame f) {
            for (Marker m : markers) if (m.matches(f)) return true;
            return false;
        }
    }

    /**
     * The table: the phase groups in the order they win, and the boundary rows (first column "inside"): a frame that
     * calls a closure the optimizer step runs (Lightning's training step, LBFGS), from which inward the frames are
     * the failure's own and the step's frames around it are not.
     */
    record Table(List<Group> groups, List<Marker> boundaries) {
        /** The index of the innermost boundary frame, or -1. */
        int innermostBoundary(List<Frame> frames) {
            for (int i = frames.size() - 1; i >= 0; i--) {
                for (Marker m : boundaries) if (m.matches(frames.get(i))) return i;
            }
            return -1;
        }
    }

    private static final String INSIDE = "inside";
    private static volatile Table table;

    private PhaseFrames() {}

    static List<Group> groups() { return table().groups(); }

    static Table table() {
        if (table == null) table = read(PhaseFrames.class.getClassLoader().getResourceAsStream(TABLE));
        return table;
    }

    static Table read(InputStream in) {
        if (in == null) throw new IllegalStateException("bundled frame table missing: " + TABLE);
        Map<Phase, List<Marker>> byPhase = new LinkedHashMap<>();
        List<Marker> boundaries = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", 3);
                Part part = Part.valueOf(cols[1].toUpperCase(Locale.ROOT).replace('-', '_'));
                Marker marker = new Marker(part, Pattern.compile(cols[2]));
                if (cols[0].equals(INSIDE)) {
                    boundaries.add(marker);
                    continue;
                }
                Phase phase = Phase.valueOf(cols[0].toUpperCase(Locale.ROOT));
                byPhase.computeIfAbsent(phase, k -> new ArrayList<>()).add(marker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Group> out = new ArrayList<>();
        byPhase.forEach((p, ms) -> out.add(new Group(p, List.copyOf(ms))));
        // the order a frame wins in is the phase definitions' (knowledge/phases.tsv), not this table's row order
        out.sort(java.util.Comparator.comparingInt(g -> PhaseDefinitions.frameRank(g.phase())));
        return new Table(List.copyOf(out), List.copyOf(boundaries));
    }
}
