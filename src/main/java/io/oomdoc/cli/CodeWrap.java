package io.oomdoc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fits a code line to the terminal without breaking what it does when copied: a trailing comment moves to lines of
 * its own, and a call too long still is broken after a comma inside its brackets, where Python continues the line.
 * Anything else stays whole: a shell command broken at a space would no longer run.
 */
final class CodeWrap {
    /** A report's "   after:  " label, or plain leading spaces: where the code starts. */
    private static final Pattern INDENT = Pattern.compile("^(\\s+(?:before|after):\\s+|\\s+)");
    private static final int CONTINUATION = 4;

    private CodeWrap() {}

    static List<String> fit(String line, int width) {
        Matcher m = INDENT.matcher(line);
        if (line.length() <= width || !m.find()) return List.of(line);
        String label = line.substring(0, m.end()), indent = " ".repeat(label.length());
        String code = line.substring(m.end());
        int hash = commentStart(code);
        List<String> out = new ArrayList<>();
        if (hash > 0) {
            out.addAll(breakAtCommas(label + code.substring(0, hash).stripTrailing(),
                    indent + " ".repeat(CONTINUATION), width));
        }
        if (hash < code.length()) out.addAll(comment(code.substring(hash), hash > 0 ? indent : label, indent, width));
        return out;
    }

    /** Where a trailing comment starts: a "#" at the start or after two spaces, outside quotes; else the end. */
    private static int commentStart(String code) {
        if (code.startsWith("# ")) return 0;
        char quote = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) { if (c == quote) quote = 0; }
            else if (c == '\'' || c == '"') quote = c;
            else if (c == '#' && i >= 2 && code.startsWith("  ", i - 2)) return i;
        }
        return code.length();
    }

    private static List<String> comment(String comment, String first, String indent, int width) {
        String text = comment.replaceFirst("^#\\s*", "");
        List<String> out = new ArrayList<>();
        for (String l : Wrap.text(text, Math.max(20, width - indent.length() - 2)).split("\n")) {
            out.add((out.isEmpty() ? first : indent) + "# " + l);
        }
        return out;
    }

    /** Breaks after ", " inside brackets, at the last such place that fits; a line with none stays whole. */
    private static List<String> breakAtCommas(String line, String contIndent, int width) {
        List<String> out = new ArrayList<>();
        String rest = line;
        int depth = 0; // brackets open at the start of rest
        while (rest.length() > width) {
            int cut = -1, cutDepth = 0, d = depth;
            for (int i = 0; i < rest.length() - 1 && i < width; i++) {
                char c = rest.charAt(i);
                if (c == '(' || c == '[' || c == '{') d++;
                else if (c == ')' || c == ']' || c == '}') d--;
                else if (c == ',' && rest.charAt(i + 1) == ' ' && d > 0 && i > contIndent.length()) {
                    cut = i + 1;
                    cutDepth = d;
                }
            }
            if (cut < 0) break;
            out.add(rest.substring(0, cut));
            rest = contIndent + rest.substring(cut).strip();
            depth = cutDepth;
        }
        out.add(rest);
        return out;
    }
}
