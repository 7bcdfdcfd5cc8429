package io.oomdoc.protocol.reasoning;

import io.oomdoc.util.LiteralFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cue table (model/cues.tsv): words that bear on a cause, looked for in the reporter's prose and in the log
 * apart, and read with negation. "Memory grows during validation" and a frame named {@code validation_step} are
 * different evidence; "there is no other process" rules a neighbour out instead of pointing at one.
 */
public final class Cues {
    private static final String TABLE = "model/cues.tsv";
    private static final Pattern NEGATION = Pattern.compile("(?:\\bno|\\bnot|\\bnever|\\bwithout|n't|\\bnone|\\bnor"
            + "|\\bneither"
            + "|\\bcannot)\\b[^.;:!?\\n,]{0,40}$");
    private static final Pattern LOG_LINE = Pattern.compile("^\\s*(?:File \"|Traceback|at [\\w.$]+\\("
            + "|\\[?\\d{4}-\\d\\d-\\d\\d|\\[?(?:INFO|"
            + "WARNING|WARN|ERROR|DEBUG|CRITICAL)\\b|\\(\\w+ pid=|\\[rank\\d*\\]|rank\\d+:|\\^+\\s*$"
                    + "|\\w+(?:\\.\\w+)*(?:Error|Exception"
            + "|Warning)\\b|[│|]|\\s{2,}\\S)|\\d+%\\||it/s\\]|s/it\\]|\\.py:\\d+|0x[0-9a-f]{6,}");

    /** Cues are read from the head of long texts: a 100 MB log's prose is its first lines. */
    private static final int MAX_PROSE = 64 * 1024;
    private static final int MAX_LOG = 256 * 1024;

    private record Cue(String name, Pattern pattern) {}

    private static volatile List<Cue> table;

    private Cues() {}

    static List<Cue> table() {
        if (table == null) table = read(Cues.class.getClassLoader().getResourceAsStream(TABLE));
        return table;
    }

    /** Adds cue:NAME / cue:not-NAME for prose and log:NAME for log lines. */
    static void addTo(String text, FeatureVector.Builder b) {
        if (text == null || text.isBlank()) return;
        StringBuilder prose = new StringBuilder(), log = new StringBuilder();
        for (String line : text.split("\n")) (isLog(line) ? log : prose).append(line).append('\n');
        if (prose.length() > MAX_PROSE) prose.setLength(MAX_PROSE);
        if (log.length() > MAX_LOG) log.setLength(MAX_LOG);
        String p = prose.toString().toLowerCase(Locale.ROOT), l = log.toString().toLowerCase(Locale.ROOT);
        for (Cue c : table()) {
            String inProse = find(c.pattern(), p);
            if (inProse != null) b.set("cue:" + inProse + c.name(), 1.0, null);
            if (LiteralFilter.of(c.pattern()).mayMatch(l) && c.pattern().matcher(l).find()) b.flag("log:" + c.name());
        }
    }

    public static boolean isLog(String line) { return LOG_LINE.matcher(line).find(); }

    /** Whether the named cue is said in lower-case prose outside a negated clause ("for inference", not "no"). */
    public static boolean says(String name, String lower) {
        for (Cue c : table()) if (c.name().equals(name) && affirmed(c.pattern(), lower) != null) return true;
        return false;
    }

    /** The first match outside a negated clause, or null. */
    static String affirmed(Pattern p, String text) {
        if (!LiteralFilter.of(p).mayMatch(text)) return null;
        Matcher m = p.matcher(text);
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 60), m.start());
            if (!NEGATION.matcher(before).find()) return m.group();
        }
        return null;
    }

    /** "" for an affirmed match, "not-" when every match sits in a negated clause, null when absent. */
    private static String find(Pattern p, String text) {
        if (!LiteralFilter.of(p).mayMatch(text)) return null;
        Matcher m = p.matcher(text);
        boolean negated = false;
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 60), m.start());
            if (!NEGATION.matcher(before).find()) return "";
            negated = true;
        }
        return negated ? "not-" : null;
    }

    static List<Cue> read(InputStream in) {
        if (in == null) throw new IllegalStateException("bundled cue table missing: " + TABLE);
        List<Cue> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                out.add(new Cue(line.substring(0, tab), Pattern.compile(line.substring(tab + 1))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
