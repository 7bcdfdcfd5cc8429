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
    private static final Pattern EXCEPTION = Pattern.compile("^(?:[A-Za-z_][\\w.]*(?:Error|Exception|Interrupt|Exit)\\b|Killed\\b)");

    TraceAwareParser() {
        setEscapeChars(new char[0]); // Windows paths and regexes keep their backslashes
        setEofOnUnclosedQuote(false);
        setEofOnUnclosedBracket();
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && unfinishedTraceback(line)) {
            throw new EOFError(-1, -1, "traceback continues", "trace");
        }
        return super.parse(line, cursor, context);
    }

    static boolean unfinishedTraceback(String text) {
        if (!text.contains("Traceback (most recent call last)")) return false;
        if (text.endsWith("\n\n") || text.endsWith("\n \n")) return false;
        String[] lines = text.split("\n", -1);
        int lastFrame = -1;
        for (int i = 0; i < lines.length; i++) if (FRAME.matcher(lines[i]).find()) lastFrame = i;
        int start = Math.max(0, lastFrame + 1);
        for (int i = start; i < lines.length; i++) if (EXCEPTION.matcher(lines[i]).find()) return false;
        return true;
    }
}
