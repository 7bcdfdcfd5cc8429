package io.oomdoc.cli;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

import java.util.regex.Pattern;

/**
 * Keeps reading while a pasted Python traceback is unfinished, so a trace typed or piped line by line
 * is one input, diagnosed once. An empty line always ends the input.
 */
final class TraceAwareParser extends DefaultParser {
    private static final Pattern FRAME = Pattern.compile("^\\s*File \"[^\"]+\", line \\d+");
    private static final Pattern EXCEPTION = Pattern.compile("^(?:[A-Za-z_][\\w.]*(?:Error|Exception|Interrupt"
            + "|Exit)\\b|Killed\\b)"
            + "|out of memory|OutOfMemory|RESOURCE_EXHAUSTED|\\bKilled\\s*$");
    private static final Pattern LOG_START = Pattern.compile("\\d+%\\||it/s]|s/it]|^\\[?\\d{4}-\\d\\d-\\d\\d"
            + "|^\\[?(?:INFO|WARNING|ERROR)\\b");

    /**
     * While the REPL reads the rest of a paste that arrived at once, the paste's end is where the input stops: a
     * traceback waiting for its exception line would hold ComfyUI's frames, which come after its error, forever.
     */
    private volatile boolean readingRestOfPaste;

    void readingRestOfPaste(boolean on) { readingRestOfPaste = on; }

    TraceAwareParser() {
        setEscapeChars(new char[0]); // Windows paths and regexes keep their backslashes
        setEofOnUnclosedQuote(false);
        setEofOnUnclosedBracket();
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !readingRestOfPaste && unfinishedTraceback(line)) {
            throw new EOFError(-1, -1, "traceback continues", "trace");
        }
        return super.parse(line, cursor, context);
    }

    /**
     * Without bracketed paste a pasted log arrives line by line. A traceback, or a paste whose first line is a frame, a
     * progress bar or a timestamped log line, is read on until its exception line or an empty line; a line starting
     * with "/" is a command and ends it.
     */
    static boolean unfinishedTraceback(String text) {
        String[] lines = text.split("\n", -1);
        boolean logLike = text.contains("Traceback (most recent call last)") || FRAME.matcher(lines[0]).find()
                || LOG_START.matcher(lines[0]).find();
        if (!logLike) return false;
        if (text.endsWith("\n\n") || text.endsWith("\n \n")) return false;
        if (lines[lines.length - 1].startsWith("/")) return false;
        int lastFrame = -1;
        for (int i = 0; i < lines.length; i++) if (FRAME.matcher(lines[i]).find()) lastFrame = i;
        int start = Math.max(0, lastFrame + 1);
        for (int i = start; i < lines.length; i++) if (EXCEPTION.matcher(lines[i]).find()) return false;
        return true;
    }
}
