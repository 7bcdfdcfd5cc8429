package io.oomdoc.evidence.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The phase definitions (knowledge/phases.tsv): what each phase value means, what sets it, and the rank a frame of
 * it has against the others. A data file so that the definition the user can read and the order the code applies
 * are one and the same.
 */
public final class PhaseDefinitions {
    private static final String TABLE = "knowledge/phases.tsv";
    private static final String NO_FRAME = "-";

    /** One phase: its frame rank (lower wins; 0 when no frame sets it), the moment, its evidence, a real example. */
    public record Definition(Phase phase, int frameRank, String moment, String setBy, String example) {}

    private static volatile List<Definition> table;

    private PhaseDefinitions() {}

    public static List<Definition> all() {
        if (table == null) table = read(PhaseDefinitions.class.getClassLoader().getResourceAsStream(TABLE));
        return table;
    }

    /** The rank of a phase's frames (lower wins); phases with no frame row rank last. */
    static int frameRank(Phase phase) {
        for (Definition d : all()) if (d.phase() == phase && d.frameRank() > 0) return d.frameRank();
        return Integer.MAX_VALUE;
    }

    static List<Definition> read(InputStream in) {
        if (in == null) throw new IllegalStateException("bundled phase definitions missing: " + TABLE);
        List<Definition> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] c = line.split("\t", -1);
                out.add(new Definition(Phase.valueOf(c[0].toUpperCase(Locale.ROOT)),
                        c[1].equals(NO_FRAME) ? 0 : Integer.parseInt(c[1]), c[2], c[3], c[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
