package io.oomdoc.protocol.reasoning;

import io.oomdoc.protocol.LibraryCode;
import io.oomdoc.protocol.ReportText;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The phase as the text says it in words (model/phase-words.tsv): "during backward", "while loading the model",
 * a shard-loading progress bar cut off by a kill. Frames are often missing from a report (prose, a screenshot, the
 * last line only), and then the words are the only evidence of where the memory ran out. A phrase in a negated
 * clause ("not during validation") does not count.
 */
public final class PhaseWords {
    private static final String TABLE = "model/phase-words.tsv";
    /** The head of a long log carries the reporter's words; the phrase table is not run over 100 MB. */
    private static final int MAX_TEXT = 256 * 1024;

    record Row(String phase, Pattern pattern) {}

    private static volatile List<Row> table;

    private PhaseWords() {}

    static List<Row> table() {
        if (table == null) table = read(PhaseWords.class.getClassLoader().getResourceAsStream(TABLE));
        return table;
    }

    /** Adds words-phase:PHASE, with the phrase as its reason, for each phase the text names. */
    static void addTo(String text, FeatureVector.Builder b) {
        if (text == null || text.isBlank()) return;
        String head = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        String t = head.toLowerCase(Locale.ROOT);
        java.util.Set<String> seen = new java.util.HashSet<>();
        String own = null; // the text without library code, made once and only when a phrase is found
        for (Row r : table()) {
            if (seen.contains(r.phase())) continue;
            String phrase = Cues.affirmed(r.pattern(), t);
            if (phrase == null || ofTheRunThatWorks(phrase, t)) continue;
            seen.add(r.phase());
            // "retain_graph" printed under torch's own backward frame is library code (facebookresearch/detectron2
            // #1563): a sign of the phase, but nothing the user said or did
            if (own == null) own = LibraryCode.blanked(head).toLowerCase(Locale.ROOT);
            b.set("words-phase:" + r.phase(), 1.0, Cues.affirmed(r.pattern(), own) != null
                    ? ReportText.TABLE.get("signal.phase-words", quoted(phrase, head, t))
                    : ReportText.TABLE.get("signal.phase-words-library", r.phase(), quoted(phrase, head, t)));
        }
    }

    /**
     * "However I am able to have a batch_size of 30 while testing" (facebookarchive/C3D#39): the phrase names the run
     * that works, set against the one that fails, so it says nothing of where the memory ran out.
     */
    private static final Pattern WORKS = Pattern.compile("\\b(?:(?:am|is|are|was|were) able to|can (?:run|use|have"
            + "|train|fit|go up to)|(?:works?|worked|runs?|ran) (?:fine|ok|well)|no (?:problem|issue)s? (?:with|at))\\b"
            + "[^.;:!?\\n]{0,60}$");

    static boolean ofTheRunThatWorks(String phrase, String lower) {
        int at = lower.indexOf(phrase);
        return at > 0 && WORKS.matcher(lower.substring(Math.max(0, at - 80), at)).find();
    }

    /**
     * The phrase as the user wrote it, on one line: rows match the lower-cased text and some span a line break
     * (a llama.cpp loading line and the cudaMalloc failure under it), which the report quoted as "144817.04 mib"
     * with the break inside the quotation marks (ggml-org/llama.cpp#20431).
     */
    static String quoted(String phrase, String original, String lower) {
        int at = lower.indexOf(phrase);
        // lower-casing kept every offset (it does for all but a few non-ASCII letters): the user's own case
        String own = at >= 0 && lower.length() == original.length() ? original.substring(at, at + phrase.length())
                : phrase;
        return own.strip().replaceAll("\\s+", " ");
    }

    static List<Row> read(InputStream in) {
        if (in == null) throw new IllegalStateException("bundled phase phrase table missing: " + TABLE);
        List<Row> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                out.add(new Row(line.substring(0, tab), Pattern.compile(line.substring(tab + 1))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    /** For tests: the phases the text names, in table order. */
    public static List<String> phases(String text) {
        FeatureVector.Builder b = FeatureVector.builder();
        addTo(text, b);
        return b.build().values().keySet().stream().filter(k -> k.startsWith("words-phase:"))
                .map(k -> k.substring("words-phase:".length())).sorted().toList();
    }
}
