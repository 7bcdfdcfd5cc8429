package io.oomdoc.evidence.trace;

import io.oomdoc.util.Num;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the frames of the tracebacks quoted in a log: CPython's, IPython's (both layouts) and rich's. */
public final class Tracebacks {
    private static final Pattern FRAME = Pattern.compile("^\\s*File \"([^\"]+)\", line (\\d+), in (\\S+)");
    /** IPython's frames ("File ~/x.py:12, in f(a)", the path sometimes a markdown link) and rich's ("x.py:12 in f"). */
    private static final Pattern NOTEBOOK_FRAME = Pattern.compile(
            "^[\\s\u2502|]*(?:File \\[?)?(~?[\\w./\\\\-]+\\.py):(\\d+)(?:\\]\\([^)]*\\))?,? in ([\\w.<>]+)");
    /** IPython before 8 names a frame "~/x.py in f(a)" or "<ipython-input-3-ab> in <module>()", the line only below. */
    private static final Pattern OLD_NOTEBOOK_FRAME = Pattern.compile(
            "^\\s*(~?[\\w./\\\\-]+\\.py|<ipython-input-[\\w-]+>) in ([\\w.<>]+)\\(");
    /**
     * IPython prints a few lines of context under a frame and marks the one that ran with an arrow ("--> 624 x()",
     * "---> 21 x()"); the first line under the frame is context, not the call.
     */
    private static final Pattern ARROW = Pattern.compile("^\\s*-+>\\s*(\\d+)\\s+(.*)$");
    /**
     * Python's report of an exception raised in a destructor or at shutdown ("Exception ignored in: <bound method
     * DataLoaderIter.__del__ ...>") and its traceback: teardown after the failure, not where memory ran out (a
     * DataLoader's __del__ after a THC out-of-memory error read as the loader, P-CNN#6).
     */
    private static final Pattern IGNORED = Pattern.compile("\\s*Exception ignored in\\b");
    private static final Pattern ERROR_LINE = Pattern.compile("[A-Za-z_][\\w.]*(?:Error|Exception|Warning)\\b");
    /** IPython's context is a handful of lines; past this the arrow would belong to something else. */
    private static final int CONTEXT_LINES = 12;

    private Tracebacks() {}

    public static List<Frame> frames(LogText log) {
        List<Frame> out = new ArrayList<>();
        List<LogText.Line> lines = log.lines();
        boolean ignored = false;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text();
            if (IGNORED.matcher(text).lookingAt()) { ignored = true; continue; }
            if (ignored) {
                // the teardown's own traceback ends at its error line; the frames after it are the failure's again
                if (ERROR_LINE.matcher(text).lookingAt()) ignored = false;
                continue;
            }
            Matcher m = FRAME.matcher(text);
            if (m.find()) {
                out.add(new Frame(m.group(1), Num.toInt(m.group(2), 0), m.group(3), nextLine(lines, i)));
                continue;
            }
            m = NOTEBOOK_FRAME.matcher(text);
            if (m.find()) {
                Matcher arrow = arrow(lines, i);
                out.add(new Frame(m.group(1), Num.toInt(m.group(2), 0), m.group(3),
                        arrow != null ? arrow.group(2).strip() : nextLine(lines, i)));
                continue;
            }
            m = OLD_NOTEBOOK_FRAME.matcher(text);
            Matcher arrow = m.find() ? arrow(lines, i) : null;
            if (arrow != null) {
                out.add(new Frame(m.group(1), Num.toInt(arrow.group(1), 0), m.group(2), arrow.group(2).strip()));
            }
        }
        return out;
    }

    /** The source line printed under a CPython frame, if the next line is one. */
    private static String nextLine(List<LogText.Line> lines, int i) {
        if (i + 1 >= lines.size() || isFrame(lines.get(i + 1).text())) return "";
        String next = lines.get(i + 1).text().strip();
        if (next.startsWith("Traceback") || next.matches("^[A-Za-z_.]+(?:Error|Exception)\\b.*")) return "";
        return next;
    }

    /** The arrowed line of an IPython frame's context, before the next frame. */
    private static Matcher arrow(List<LogText.Line> lines, int i) {
        for (int j = i + 1; j < lines.size() && j <= i + CONTEXT_LINES; j++) {
            String text = lines.get(j).text();
            if (isFrame(text)) return null;
            Matcher a = ARROW.matcher(text);
            if (a.find()) return a;
        }
        return null;
    }

    private static boolean isFrame(String line) {
        return FRAME.matcher(line).find() || NOTEBOOK_FRAME.matcher(line).find()
                || OLD_NOTEBOOK_FRAME.matcher(line).find();
    }
}
