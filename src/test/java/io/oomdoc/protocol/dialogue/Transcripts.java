package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** The conversation transcripts (src/test/resources/conversations/FORMAT.md) and how a turn is judged. */
public final class Transcripts {
    public static final Path DIR = Path.of("src/test/resources/conversations");

    public record Turn(String input, String intent, List<String> facts, List<String> noFacts, List<String> expects,
                       List<String> expectNots, Integer maxLines) {}

    public record Transcript(String file, String title, List<Turn> turns) {}

    /** What happened on one turn and every way it fell short (empty when the turn holds). */
    public record Verdict(String file, int index, Turn turn, String gotIntent, String output, List<String> problems) {
        public boolean holds() { return problems.isEmpty(); }
    }

    private Transcripts() {}

    public static List<Transcript> all() { return all(DIR); }

    /** The transcripts of another folder: the held-out set (conversations_heldout) is played the same way. */
    public static List<Transcript> all(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().map(Transcripts::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Transcript read(Path p) {
        List<String> lines;
        try {
            lines = Files.readAllLines(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = lines.isEmpty() ? "" : lines.get(0).replaceFirst("^#\\s*", "");
        List<Turn> turns = new ArrayList<>();
        StringBuilder input = null;
        String intent = null;
        List<String> facts = new ArrayList<>(), noFacts = new ArrayList<>(), ex = new ArrayList<>(), exNot = new ArrayList<>();
        Integer max = null;
        for (int i = 0; i <= lines.size(); i++) {
            String l = i < lines.size() ? lines.get(i) : null;
            boolean startsTurn = l != null && l.startsWith(">") && (i == 0 || !lines.get(i - 1).startsWith(">"));
            if ((l == null || startsTurn) && input != null) {
                turns.add(new Turn(input.toString().strip(), intent, List.copyOf(facts), List.copyOf(noFacts), List.copyOf(ex),
                        List.copyOf(exNot), max));
                input = null; intent = null; max = null;
                facts.clear(); noFacts.clear(); ex.clear(); exNot.clear();
            }
            if (l == null) break;
            if (l.startsWith(">")) {
                if (input == null) input = new StringBuilder();
                input.append(l.length() > 1 && l.charAt(1) == ' ' ? l.substring(2) : l.substring(1)).append('\n');
            } else if (input != null) {
                String v = l.contains(":") ? l.substring(l.indexOf(':') + 1).strip() : "";
                if (l.startsWith("intent:")) intent = v;
                else if (l.startsWith("fact:")) facts.add(v);
                else if (l.startsWith("no-fact:")) noFacts.add(v);
                else if (l.startsWith("expect-not:")) exNot.add(v);
                else if (l.startsWith("expect:")) ex.add(v);
                else if (l.startsWith("max-lines:")) max = Integer.valueOf(v);
            }
        }
        return new Transcript(p.getFileName().toString(), title, turns);
    }

    /** Plays a transcript one turn at a time through a respond function and judges each turn. */
    public static List<Verdict> play(Transcript t, Function<String, Answer> respond, java.util.function.Supplier<Facts> facts,
                                     Function<Answer, String> render) {
        List<Verdict> out = new ArrayList<>();
        for (int i = 0; i < t.turns().size(); i++) {
            Turn turn = t.turns().get(i);
            Answer a = respond.apply(turn.input());
            String text = render.apply(a);
            out.add(new Verdict(t.file(), i + 1, turn, a.intent().json(), text, judge(turn, a, text, facts.get())));
        }
        return out;
    }

    static List<String> judge(Turn turn, Answer a, String text, Facts facts) {
        List<String> problems = new ArrayList<>();
        if (turn.intent() != null && !turn.intent().equals(a.intent().json())
                && !(turn.intent().equals("answer") && a.intent() == Intent.ANSWER))
            problems.add("intent " + a.intent().json() + " (expected " + turn.intent() + ")");
        Map<String, Object> held = facts.asMap();
        for (String f : turn.facts()) {
            String k = f.substring(0, f.indexOf('=')).strip(), v = f.substring(f.indexOf('=') + 1).strip();
            if (!same(k, v, held.get(k))) problems.add("fact " + k + "=" + v + " (held " + held.get(k) + ")");
        }
        for (String k : turn.noFacts()) {
            Object v = held.get(k);
            if (v != null && !String.valueOf(v).matches("(?i)none|false|0|no")) problems.add("no-fact " + k + " (held " + v + ")");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String e : turn.expects()) {
            boolean any = false;
            for (String alt : e.split("\\|")) any |= mentions(lower, alt.strip().toLowerCase(Locale.ROOT));
            if (!any) problems.add("expect " + e);
        }
        for (String e : turn.expectNots()) if (lower.contains(e.toLowerCase(Locale.ROOT))) problems.add("expect-not " + e);
        long lines = text.lines().count();
        if (turn.maxLines() != null && lines > turn.maxLines()) problems.add("lines " + lines + " > " + turn.maxLines());
        return problems;
    }

    /**
     * Expectations that are a verdict, which a negator turns into its opposite ("fits" is not met by "does not
     * fit"). A topic is met even in a negated clause: "without torch.no_grad() every graph stays" is about no_grad.
     */
    private static final java.util.Set<String> VERDICTS = java.util.Set.of("fit", "fits", "help", "helps", "works",
            "enough", "yes", "saves", "safe");

    /** Words that deny what follows them in the same clause ("does not fit", "no offload", "can't fit"). */
    private static final java.util.regex.Pattern NEGATOR =
            java.util.regex.Pattern.compile("not|no|never|cannot|nor|without|none|\\w+n't|\\w+n’t");
    /**
     * How far back a negator still reaches, within the clause: "does not fit", "not even micro-batch 1 of
     * llama-3.1-8b fits" (six words), never past a comma or a sentence end.
     */
    private static final int NEGATION_WORDS = 6;

    /**
     * An expectation is met when the text says it: the phrase starts a word ("fit" is not met by "outfit"; a stem
     * such as "accum" still meets "accumulation"), and it is not denied by a negator just before it in the same
     * clause ("fits" is not met by "it does not fit"). A phrase that itself denies ("not oom") is taken as written.
     */
    static boolean mentions(String lowerText, String phrase) {
        if (phrase.isEmpty()) return false;
        boolean phraseDenies = java.util.Arrays.stream(phrase.split("\\s+")).anyMatch(w -> NEGATOR.matcher(w).matches());
        boolean wordStart = Character.isLetterOrDigit(phrase.charAt(0));
        for (int i = lowerText.indexOf(phrase); i >= 0; i = lowerText.indexOf(phrase, i + 1)) {
            if (wordStart && i > 0 && Character.isLetterOrDigit(lowerText.charAt(i - 1))) continue;
            if (!phraseDenies && VERDICTS.contains(phrase) && denied(lowerText, i)) continue;
            return true;
        }
        return false;
    }

    /** True when one of the few words before {@code at}, in the same clause, is a negator. */
    static boolean denied(String lowerText, int at) {
        String before = lowerText.substring(Math.max(0, at - 80), at);
        int clause = Math.max(Math.max(before.lastIndexOf(". "), before.lastIndexOf(", ")),
                Math.max(Math.max(before.lastIndexOf(';'), before.lastIndexOf(':')),
                        Math.max(before.lastIndexOf('\n'), Math.max(before.lastIndexOf('?'), before.lastIndexOf('!')))));
        String[] words = before.substring(clause + 1).strip().split("\\s+");
        for (int k = Math.max(0, words.length - NEGATION_WORDS); k < words.length; k++) {
            String w = words[k].replaceAll("^[\"'(`*]+|[\"')`*]+$", "");
            if (NEGATOR.matcher(w).matches()) return true;
        }
        return false;
    }

    static boolean same(String key, String want, Object held) {
        if (held == null) return false;
        String h = String.valueOf(held).toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        String w = want.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        if (key.equals("gpu_mem") || key.equals("host_ram")) {
            long wb = parseBytes(want), hb = parseBytes(String.valueOf(held));
            return wb > 0 && Math.abs(wb - hb) <= 0.06 * wb;
        }
        if (key.equals("params")) return Math.abs(parseParams(want) - parseParams(String.valueOf(held))) <= 0.06 * parseParams(want);
        if (key.equals("gpu")) return h.contains(w) || w.contains(h) || h.replace("geforce", "").replace("nvidia", "").contains(w.replace("geforce", "").replace("nvidia", ""));
        if (key.equals("framework")) return canonical(h).equals(canonical(w));
        if (key.equals("model")) return w.startsWith(h) || h.startsWith(w);
        if (key.equals("checkpointing")) return w.replace("true", "full").replace("on", "full").equals(h.replace("true", "full"));
        return h.equals(w) || h.equals(w.replace("gb", "")) || h.startsWith(w + ".");
    }

    /** Framework names as people write them and as the engine stores them. */
    static String canonical(String f) {
        return switch (f.replace(".", "")) {
            case "transformers", "hftrainer", "trainer", "hf", "huggingface" -> "hf-trainer";
            case "llamacpp", "ollama" -> "llamacpp";
            default -> f.replace(".", "");
        };
    }

    static long parseBytes(String s) {
        var m = java.util.regex.Pattern.compile("(?i)([\\d.]+)\\s*(t|g|m)").matcher(s);
        if (!m.find()) return -1;
        double v = Double.parseDouble(m.group(1));
        return (long) (v * switch (m.group(2).toLowerCase(Locale.ROOT)) { case "t" -> Bytes.GIB * 1024.0; case "m" -> Bytes.MIB; default -> Bytes.GIB; });
    }

    static double parseParams(String s) {
        var m = java.util.regex.Pattern.compile("(?i)([\\d.]+)\\s*([bmk]?)").matcher(s.replace(",", ""));
        if (!m.find()) return -1;
        double v = Double.parseDouble(m.group(1));
        return v * switch (m.group(2).toLowerCase(Locale.ROOT)) { case "b" -> 1e9; case "m" -> 1e6; case "k" -> 1e3; default -> 1; };
    }
}
