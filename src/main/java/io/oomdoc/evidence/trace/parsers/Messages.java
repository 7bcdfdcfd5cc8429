package io.oomdoc.evidence.trace.parsers;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers shared by the parsers: find message starts, read labelled sizes. */
final class Messages {
    static final String SIZE = Bytes.SIZE;

    private Messages() {}

    /** Indexes of lines matching the marker, skipping repeats of the same message on adjacent lines. */
    static List<Integer> linesMatching(LogText log, Pattern marker) {
        List<Integer> out = new ArrayList<>();
        List<LogText.Line> lines = log.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (marker.matcher(lines.get(i).text()).find()) out.add(i);
        }
        return out;
    }

    /** The size captured by groups 1 (number) and 2 (unit) of the first match, or null. */
    static Long size(String text, Pattern p) {
        Matcher m = p.matcher(text);
        if (!m.find()) return null;
        // Alternatives each carry their own (number, unit) group pair; use the pair that matched.
        for (int g = 1; g + 1 <= m.groupCount(); g++) {
            if (m.group(g) != null && m.group(g + 1) != null && m.group(g).matches("\\d+(?:[.,]\\d+)?")) {
                return Bytes.parse(m.group(g), m.group(g + 1));
            }
        }
        return null;
    }

    static Pattern sized(String regexWithSize) {
        return Pattern.compile(regexWithSize.replace("SIZE", SIZE), Pattern.CASE_INSENSITIVE);
    }

    static String clip(String s) {
        String t = s.strip();
        return t.length() > 600 ? t.substring(0, 600) + " …" : t;
    }
}
