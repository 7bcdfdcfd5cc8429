package io.oomdoc.evidence.trace;

import io.oomdoc.util.Num;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log reduced to clean lines: colour codes gone, rank prefixes ({@code [rank3]:}) split off,
 * line numbers of the original kept so findings can point back into the file.
 */
public final class LogText {
    public record Line(int number, Integer rank, String text) {}

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B\\][^\u0007]*\u0007"
            + "|\u001B[()][A-Z0-9]");
    private static final Pattern RANK_PREFIX = Pattern.compile(
            "^(?:.{0,40}?\\[(?:rank|default)(\\d+)\\]:\\s?|\\[(\\d+)\\]:\\s|\\[1,(\\d+)\\]<std(?:out|err)>:\\s?)");
    /** Widths at which terminals hard-wrap; a line exactly this long probably continues on the next. */
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int[] WRAP_WIDTHS = {80, 100, 120, 132, 160, 200};

    private final List<Line> lines;
    private final boolean truncated;
    private String joined;
    private LogText condensed;

    public LogText(List<Line> lines, boolean truncated) {
        this.lines = List.copyOf(lines);
        this.truncated = truncated;
    }

    public static LogText of(String text) {
        List<Line> out = new ArrayList<>();
        String[] raw = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < raw.length; i++) out.add(clean(i + 1, raw[i]));
        return new LogText(out, false);
    }

    static Line clean(int number, String raw) {
        String t = ANSI.matcher(raw).replaceAll("");
        if (t.indexOf('\u001B') >= 0) t = t.replace("\u001B", "");
        Integer rank = null;
        Matcher m = RANK_PREFIX.matcher(t);
        if (m.find()) {
            String g = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            rank = Num.toInt(g);
            t = t.substring(m.end());
        }
        return new Line(number, rank, t);
    }

    public List<Line> lines() { return lines; }

    public boolean truncated() { return truncated; }

    public boolean isBlank() { return lines.stream().allMatch(l -> l.text().isBlank()); }

    /**
     * The lines the reasoning reads: a line whose text recurs with only its digits changed (a progress bar, a step
     * line, the same traceback from every rank) is kept at its first and its last occurrence. A long log's kept
     * lines are mostly such repeats, and every word cue and fact pattern would otherwise run over each of them.
     */
    public LogText condensed() {
        if (condensed == null) condensed = condense();
        return condensed;
    }

    private LogText condense() {
        String[] keys = new String[lines.size()];
        Map<String, Integer> lastAt = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            keys[i] = DIGITS.matcher(lines.get(i).text()).replaceAll("0");
            lastAt.put(keys[i], i);
        }
        if (lastAt.size() == keys.length) return this;
        Set<String> seen = new HashSet<>();
        List<Line> kept = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            if (seen.add(keys[i]) || lastAt.get(keys[i]) == i) kept.add(lines.get(i));
        }
        LogText c = new LogText(kept, truncated);
        c.condensed = c;
        return c;
    }

    /** All lines joined with newlines. */
    public String text() {
        if (joined == null) {
            StringBuilder sb = new StringBuilder();
            for (Line l : lines) sb.append(l.text()).append('\n');
            joined = sb.toString();
        }
        return joined;
    }

    /**
     * The message that starts at line index {@code start}: that line and the ones that continue it,
     * joined into one string, so a message wrapped by a terminal or split over log lines reads whole.
     */
    public String messageAt(int start, int maxLines) {
        StringBuilder sb = new StringBuilder(lines.get(start).text());
        int prevLen = lines.get(start).text().length();
        for (int i = start + 1; i < lines.size() && i < start + maxLines; i++) {
            String t = lines.get(i).text();
            if (t.isBlank() || startsNewRecord(t)) break;
            boolean hardWrapped = isWrapWidth(prevLen);
            sb.append(hardWrapped ? "" : " ").append(hardWrapped ? t : t.strip());
            prevLen = t.length();
        }
        return sb.toString();
    }

    private static boolean isWrapWidth(int len) {
        for (int w : WRAP_WIDTHS) if (len == w) return true;
        return false;
    }

    private static boolean startsNewRecord(String t) {
        String s = t.stripLeading();
        return s.startsWith("Traceback") || s.startsWith("File \"") || s.startsWith("During handling")
                || s.startsWith("The above exception") || s.matches("^(?:\\d{4}[-/]\\d\\d[-/]\\d\\d|[IWEF]\\d{4} ).*")
                || s.startsWith("[") && s.matches("^\\[\\d{4}-.*");
    }
}
