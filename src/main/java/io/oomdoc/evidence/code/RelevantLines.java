package io.oomdoc.evidence.code;

import java.util.ArrayList;
import java.util.List;

/**
 * Blanks the parts of a Python file no rule can care about, keeping line numbers: functions (at any depth)
 * and top-level statements that contain a trigger word are kept with the headers of the classes and
 * functions around them. Every rule's scope is at most one function, so this loses nothing, and the
 * parser reads a small fraction of a large repository.
 */
public final class RelevantLines {
    private RelevantLines() {}

    private record Block(int start, int end, int indent, boolean isDef) {}

    public static String filter(String text, java.util.function.Predicate<String> triggers) {
        String[] lines = text.split("\n", -1);
        int n = lines.length;
        int[] indent = new int[n];
        boolean[] code = new boolean[n];   // a line that can open or close a block (not blank, not inside a string)
        boolean inString = false;
        String quote = null;
        for (int i = 0; i < n; i++) {
            String l = lines[i];
            String s = l.stripLeading();
            indent[i] = l.length() - s.length();
            code[i] = !inString && !s.isEmpty() && !s.startsWith("#");
            // track triple-quoted strings so their column-0 lines do not end a block
            int idx = 0;
            while (true) {
                if (!inString) {
                    int a = l.indexOf("\"\"\"", idx), b = l.indexOf("'''", idx);
                    int at = a < 0 ? b : b < 0 ? a : Math.min(a, b);
                    if (at < 0) break;
                    quote = l.startsWith("\"\"\"", at) ? "\"\"\"" : "'''";
                    inString = true;
                    idx = at + 3;
                } else {
                    int at = l.indexOf(quote, idx);
                    if (at < 0) break;
                    inString = false;
                    idx = at + 3;
                }
            }
        }
        // Blocks: every def/class (with its decorators) and every top-level statement with its body.
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!code[i]) continue;
            String s = lines[i].stripLeading();
            boolean def = s.startsWith("def ") || s.startsWith("async def ") || s.startsWith("class ");
            if (!def && indent[i] > 0) continue;
            int start = i;
            while (start > 0 && code[start - 1] && lines[start - 1].stripLeading().startsWith("@") && indent[start - 1] == indent[i]) start--;
            int end = i + 1;
            while (end < n && (!code[end] || indent[end] > indent[i])) end++;
            // continuation lines of a multi-line top-level statement belong to it
            blocks.add(new Block(start, end, indent[i], def));
        }
        boolean[] keep = new boolean[n];
        for (Block b : blocks) {
            boolean isClass = lines[header(lines, b)].stripLeading().startsWith("class ");
            if (isClass || !containsTrigger(lines, b, triggers)) continue; // a class is kept through its methods
            for (int k = b.start; k < b.end; k++) keep[k] = true;
        }
        // Headers (decorators, signature) of every class or function around a kept line, so indentation parses.
        for (Block b : blocks) {
            if (!b.isDef) continue;
            boolean any = false;
            for (int k = b.start; k < b.end && !any; k++) any = keep[k];
            if (!any) continue;
            int h = header(lines, b);
            for (int k = b.start; k <= Math.min(h + headerContinuation(lines, h), b.end - 1); k++) keep[k] = true;
        }
        StringBuilder sb = new StringBuilder(text.length() / 4);
        for (int i = 0; i < n; i++) {
            if (keep[i]) sb.append(lines[i]);
            if (i < n - 1) sb.append('\n');
        }
        return sb.toString();
    }

    private static int headerContinuation(String[] lines, int h) {
        int extra = 0;
        while (h + extra < lines.length && !lines[h + extra].stripTrailing().endsWith(":") && extra < 20) extra++;
        return extra;
    }

    private static boolean containsTrigger(String[] lines, Block b, java.util.function.Predicate<String> triggers) {
        StringBuilder sb = new StringBuilder();
        for (int k = b.start; k < b.end; k++) sb.append(lines[k]).append('\n');
        return triggers.test(sb.toString());
    }

    private static int header(String[] lines, Block b) {
        int h = b.start;
        while (h < b.end - 1 && lines[h].stripLeading().startsWith("@")) h++;
        return h;
    }
}
