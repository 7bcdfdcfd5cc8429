package io.oomdoc.protocol.reasoning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word block: the tokens of the reporter's prose ({@value #PROSE}) and, apart, of the log's lines
 * ({@value #LOG}), as features the trainer may weigh. Which tokens count is learned, not written: the trainer keeps a
 * token only if reports of several repositories use it ({@link Vocabulary}), and the runtime looks each token up in
 * the weights it shipped. Tokens carry no sentence: a word adds to a score but is never shown as a reason.
 * Negation is not read here (the cue table reads it); numbers become classes, so "24GB" and "22 GiB" are one token.
 */
public final class Words {
    public static final String PROSE = "w:";
    public static final String LOG = "lw:";

    private static final String STOP_WORDS = "model/stop-words.txt";
    /** The same heads of a long text the cue table reads: a 100 MB log is not tokenised whole. */
    private static final int MAX_PROSE = 64 * 1024;
    private static final int MAX_LOG = 256 * 1024;
    /** A figure with a unit of memory, read before the tokens so that "24 GB" is one token. */
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s?(gib|gb|mib|mb|kib|kb|g)\\b");
    /** One Han character, a word (letters, digits, underscores, starting with a letter), or a number. */
    private static final Pattern TOKEN = Pattern.compile("\\p{IsHan}|[\\p{L}_&&[^\\p{IsHan}]]"
            + "[\\p{L}\\p{N}_&&[^\\p{IsHan}]]*|\\d+(?:\\.\\d+)?");
    private static final double MIB = 1.0 / 1024;

    private static volatile Set<String> stop;

    private Words() {}

    /** Adds w:TOKEN for the prose's tokens and lw:TOKEN for the log lines' tokens (lines as the cue table splits). */
    static void addTo(String text, FeatureVector.Builder b) {
        if (text == null || text.isBlank()) return;
        StringBuilder prose = new StringBuilder(), log = new StringBuilder();
        for (String line : text.split("\n")) (Cues.isLog(line) ? log : prose).append(line).append('\n');
        // Pairs of tokens in a row were tried too (w2:): grouped CV gave the same top-1 and one top-3 case less.
        for (String t : tokens(head(prose, MAX_PROSE))) b.flag(PROSE + t);
        for (String t : tokens(head(log, MAX_LOG))) b.flag(LOG + t);
    }

    private static String head(StringBuilder sb, int max) {
        return sb.length() > max ? sb.substring(0, max) : sb.toString();
    }

    /** The distinct tokens of a text in the order they first occur: lower case, stop words out, numbers as classes. */
    public static Set<String> tokens(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null || text.isEmpty()) return out;
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher size = SIZE.matcher(lower);
        StringBuilder rest = new StringBuilder();
        while (size.find()) {
            out.add(sizeClass(Double.parseDouble(size.group(1)), size.group(2)));
            size.appendReplacement(rest, " ");
        }
        size.appendTail(rest);
        Matcher m = TOKEN.matcher(rest);
        Set<String> stops = stopWords();
        while (m.find()) {
            String t = m.group();
            if (Character.isDigit(t.charAt(0))) out.add(numberClass(t));
            else if ((t.length() > 1 || Character.UnicodeScript.of(t.codePointAt(0)) == Character.UnicodeScript.HAN)
                    && !stops.contains(t)) out.add(t);
        }
        return out;
    }

    /** A memory figure as a class of its size in GiB: the digits of one report are noise in another. */
    static String sizeClass(double value, String unit) {
        double gib = unit.startsWith("k") ? value * MIB * MIB : unit.startsWith("m") ? value * MIB : value;
        return gib < 1 ? "#size-under-1g" : gib < 8 ? "#size-1-8g" : gib < 32 ? "#size-8-32g"
                : gib < 128 ? "#size-32-128g" : "#size-over-128g";
    }

    /** A plain number as its kind and its count of digits (a batch of 8, a step of 1200, a rate of 0.001). */
    static String numberClass(String digits) {
        if (digits.indexOf('.') >= 0) return "#decimal";
        return digits.length() == 1 ? "#n1" : digits.length() == 2 ? "#n2" : digits.length() <= 4 ? "#n3-4" : "#n5+";
    }

    static Set<String> stopWords() {
        if (stop == null) stop = read(Words.class.getClassLoader().getResourceAsStream(STOP_WORDS));
        return stop;
    }

    static Set<String> read(InputStream in) {
        if (in == null) throw new IllegalStateException("bundled stop-word list missing: " + STOP_WORDS);
        Set<String> out = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) out.add(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
