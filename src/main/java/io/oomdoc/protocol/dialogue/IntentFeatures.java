package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.reasoning.FeatureVector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the learned intent reads of one turn: its words and word pairs (a negated word kept apart from the word, the
 * question mark a word of its own), its shape (a paste, numbers with units, a setting=value, how it starts) and the
 * session's state (a failure held, a pending question, facts said, the intent before, what the rules conclude).
 */
public final class IntentFeatures {
    /** Raised whenever the features change: the weights record it, and a table fitted on other features is stale. */
    public static final int VERSION = 1;

    /** One turn as the model sees it: the classifier's signals, the rules' intent and the intent of the turn before. */
    public record State(IntentClassifier.Signals signals, Intent rule, Intent previous) {}

    /** Words past this many are a paste's or a long story's; the turn's question is in its first sentences. */
    private static final int MAX_TOKENS = 60;
    private static final int NEGATION_REACH = 3;
    private static final int SHORT = 6;
    private static final int MEDIUM = 20;
    /**
     * A word, a number, a question mark or a sentence's end; one Han character is a token of its own, so a question in
     * Chinese gives its characters and their pairs ("怎_么", "呢_?") as English gives words.
     */
    private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9_+'.-]*[a-z0-9]|[a-z]|\\d[\\d.,]*|\\?|[.!;:]"
            + "|\\p{IsHan}");
    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "without", "don't", "doesn't", "didn't",
            "isn't", "can't", "cannot", "won't", "wasn't", "aren't", "nothing");
    private static final Pattern NUMBER_UNIT = Pattern.compile("(?i)\\d\\s*(?:[kmgt]i?b|gb|mb|k\\b|tokens?\\b"
            + "|b\\b|x\\b|%|gpus?\\b)");
    private static final Pattern SETTING = Pattern.compile("[\\w.-]+\\s*=\\s*\\S|--[a-z][\\w-]+");
    private static final Pattern OPENINGS = Pattern.compile("(?i)^\\W*(?:(so|and|but|ok|okay|also|then)\\W+)?"
            + "(what if|and with|how do i|how can i|how to|how much|how many|what does|what is|what's|why|which"
            + "|what|how|is|are|can|could|would|does|do|did|should|will|i|my|it|the|thanks|actually|no)\\b");

    private IntentFeatures() {}

    /** The turn's features; the same for the same turn and state, whatever came before in the process. */
    public static FeatureVector of(State s) {
        FeatureVector.Builder b = FeatureVector.builder();
        List<String> text = textFeatures(s.signals().text());
        for (String f : text) b.flag(f);
        for (String f : stateFeatures(s)) b.flag(f);
        // How a turn starts means one thing with a failure held ("why ..." about this run) and another without.
        String held = s.signals().holdsFailure() ? "held|" : "none|";
        for (String f : text) if (f.startsWith("open:") || f.startsWith("shape:")) b.flag(held + f);
        b.flag("rule|prev:" + name(s.rule()) + "|" + name(s.previous()));
        return b.build();
    }

    /** The state's own features: the signals that hold, the rules' intent, the intent before. */
    static List<String> stateFeatures(State s) {
        IntentClassifier.Signals g = s.signals();
        List<String> out = new ArrayList<>();
        boolean[] on = {g.pastedFailure(), g.describesFailure(), g.asserts(), g.hypothetical(), g.pending(),
            g.holdsFailure(), g.aboutHeld(), g.afterWhatIf(), g.afterHowTo()};
        for (int i = 0; i < on.length; i++) if (on[i]) out.add("sig:" + SIGNALS.get(i));
        out.add("rule:" + name(s.rule()));
        out.add("prev:" + name(s.previous()));
        return out;
    }

    /** The names of the signals, in the order of {@link IntentClassifier.Signals}' flags. */
    static final List<String> SIGNALS = List.of("pasted", "describes", "asserts", "hypothetical", "pending", "holds",
            "about-held", "after-what-if", "after-how-to");

    public static String name(Intent i) { return i == null ? "none" : i.json(); }

    /** Words, pairs, how the turn opens and its shape. */
    static List<String> textFeatures(String raw) {
        String text = raw == null ? "" : raw.strip();
        String lower = text.toLowerCase(Locale.ROOT).replace("n't", "n't ").replace('\u2019', '\'')
                .replace('？', '?').replace('。', '.').replace('！', '!').replace('；', ';');
        Set<String> out = new LinkedHashSet<>();
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(lower);
        int negated = 0;
        while (m.find() && tokens.size() < MAX_TOKENS) {
            String t = m.group();
            if (Character.isDigit(t.charAt(0))) t = "#";
            if (t.length() == 1 && ".!;:".contains(t)) { negated = 0; tokens.add("|"); continue; }
            String word = negated > 0 && !NEGATORS.contains(t) ? "not_" + t : t;
            negated = NEGATORS.contains(t) ? NEGATION_REACH : Math.max(0, negated - 1);
            tokens.add(word);
        }
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (!t.equals("|")) out.add("w:" + t);
            if (i + 1 < tokens.size() && !t.equals("|") && !tokens.get(i + 1).equals("|")) {
                out.add("p:" + t + "_" + tokens.get(i + 1));
            }
        }
        Matcher open = OPENINGS.matcher(lower);
        out.add("open:" + (open.find() ? open.group(2).replace(' ', '_') : "other"));
        shape(text, tokens.size(), out);
        return new ArrayList<>(out);
    }

    private static void shape(String text, int words, Set<String> out) {
        if (text.contains("\n")) out.add("shape:lines");
        if (text.endsWith("?")) out.add("shape:ends-q");
        else if (text.contains("?")) out.add("shape:has-q");
        if (NUMBER_UNIT.matcher(text).find()) out.add("shape:number-unit");
        if (SETTING.matcher(text).find()) out.add("shape:setting");
        out.add(words < SHORT ? "shape:short" : words < MEDIUM ? "shape:medium" : "shape:long");
    }
}
