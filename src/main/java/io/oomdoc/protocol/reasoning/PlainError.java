package io.oomdoc.protocol.reasoning;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python traceback that ends in an error which is about something other than memory (an assertion, a wrong
 * argument, a missing key) while nothing in the whole text speaks of memory: the run failed, but not for lack of
 * memory, and an out-of-memory answer would send the user after the wrong thing. Any memory word anywhere (the
 * reporter's "VRAM", a kill, a size in GiB, an allocator line) leaves the case to the other rules.
 */
final class PlainError {
    private static final Pattern TRACEBACK = Pattern.compile("Traceback \\(most recent call last\\)");
    /** The exception line Python prints last: a dotted class name ending in Error or Exception, and its message. */
    private static final Pattern EXCEPTION = Pattern.compile(
            "(?m)^\\s*((?:[A-Za-z_][\\w]*\\.)*[A-Za-z_]\\w*(?:Error|Exception)(?::.*)?)$");
    /** Anything a memory failure is told with, in the log or the prose, in English or Chinese. */
    private static final Pattern MEMORY = Pattern.compile("(?i)memory|\\boom(?:s|ed)?\\b|vram|\\bram\\b|显存|内存"
            + "|allocat|exhaust|\\bkilled\\b|signal|sigkill|exit (?:code|status)|\\b(?:137|-9)\\b|\\d\\s*[KMGT]i?B\\b"
            + "|nvidia-smi|\\bleak|\\bcuda\\b|cudnn|cublas|nccl|\\bshm\\b|\\bswap\\b");

    private PlainError() {}

    /** The last exception line of a traceback that names no memory, or null. */
    static String of(String text) {
        if (text == null || !TRACEBACK.matcher(text).find() || MEMORY.matcher(text).find()) return null;
        Matcher m = EXCEPTION.matcher(text);
        String last = null;
        while (m.find()) last = m.group(1).strip();
        return last;
    }
}
