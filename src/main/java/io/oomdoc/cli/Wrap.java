package io.oomdoc.cli;

import java.util.Map;

/**
 * Wraps prose to the terminal's width at word boundaries. Lines that start with spaces are code or tables: they are
 * fitted by {@link CodeWrap} where that keeps them runnable, else left whole (a command broken at a space would no
 * longer run when copied).
 */
public final class Wrap {
    static final int DEFAULT_WIDTH = 100;
    private static final int MIN_WIDTH = 40;

    private Wrap() {}

    /** $COLUMNS when set (shells export it to children only sometimes), else a width that suits most terminals. */
    public static int width(Map<String, String> env) {
        try {
            int c = Integer.parseInt(env.getOrDefault("COLUMNS", ""));
            return Math.max(MIN_WIDTH, c);
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    public static String text(String s, int width) {
        if (s == null) return null;
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            if (out.length() > 0) out.append('\n');
            if (line.startsWith(" ")) { out.append(String.join("\n", CodeWrap.fit(line, width))); continue; }
            if (line.length() <= width) { out.append(line); continue; }
            int col = 0;
            for (String word : line.split(" ")) {
                if (col > 0 && col + 1 + word.length() > width) { out.append('\n'); col = 0; }
                else if (col > 0) { out.append(' '); col++; }
                out.append(word);
                col += word.length();
            }
        }
        return out.toString();
    }
}
