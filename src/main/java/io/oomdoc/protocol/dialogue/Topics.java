package io.oomdoc.protocol.dialogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The how-to snippets (knowledge/dialogue/howto.yaml) and the glossary (knowledge/dialogue/glossary.yaml): topics
 * found by their keywords in the user's question, the longest keyword match winning.
 */
public final class Topics {
    /** One how-to topic or glossary term. {@code texts} maps a stack (or "text") to what is shown. */
    public record Topic(String name, List<String> keywords, String kb, String note, Map<String, String> texts) {}

    private static volatile List<Topic> howTo;
    private static volatile List<Topic> glossary;
    private static volatile List<Topic> notes;

    private Topics() {}

    public static List<Topic> howTo() {
        if (howTo == null) howTo = read("knowledge/dialogue/howto.yaml", "topic");
        return howTo;
    }

    public static List<Topic> glossary() {
        if (glossary == null) glossary = read("knowledge/dialogue/glossary.yaml", "term");
        return glossary;
    }

    /**
     * Expert notes (knowledge/dialogue/notes.yaml): facts from documentation and threads that answer the questions
     * people ask, searched as passages only. {@code texts} holds "text" and "stacks" (the stacks a note is about).
     */
    public static List<Topic> notes() {
        if (notes == null) notes = read("knowledge/dialogue/notes.yaml", "note");
        return notes;
    }

    /** The topic whose keyword occurs in the text, preferring the longest keyword (most specific). */
    public static Optional<Topic> find(List<Topic> topics, String text) {
        return findAll(topics, text).stream().findFirst();
    }

    /** A glossary term as an answer: its name first, so the reply says what it explains, then the entry it is from. */
    public static String explained(Topic term) {
        String name = term.name();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + ": " + term.texts().get("text") + " ["
                + term.kb() + "]";
    }

    /**
     * Every topic whose keyword occurs in the text, most specific (longest keyword) first: a question can name two
     * ("ZeRO-3 with the optimizer offloaded").
     */
    public static List<Topic> findAll(List<Topic> topics, String text) {
        String lower = normal(text);
        // "load it in fp16" names the topic "load in fp16": an object pronoun between the words does not change it.
        // "memory really grows" names "memory grows": an adverb between the words does not change the topic either.
        String bare = FILLER.matcher(PRONOUN.matcher(lower).replaceAll("")).replaceAll("");
        Map<Topic, Integer> found = new LinkedHashMap<>();
        for (Topic t : topics) {
            for (String k : t.keywords()) {
                String key = normal(k);
                if (containsWord(lower, key) || containsWord(bare, key)) found.merge(t, key.length(), Math::max);
            }
        }
        return found.entrySet().stream().sorted(Map.Entry.<Topic, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    private static final java.util.regex.Pattern PRONOUN = java.util.regex.Pattern.compile("(?<=[a-z] )(?:it|them"
            + "|this|that) (?=[a-z])");

    private static final java.util.regex.Pattern FILLER = java.util.regex.Pattern.compile("(?<=[a-z] )(?:really"
            + "|actually|still|just|even|also|always|currently) (?=[a-z])");

    /** "8 bit adam", "8-bit adam" and "8_bit_adam" are one spelling. */
    static String normal(String s) {
        return INNER_JOINER.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    /** A hyphen or underscore inside a word joins its parts; a leading one ("-9", "--flag") is part of the token. */
    private static final java.util.regex.Pattern INNER_JOINER = java.util.regex.Pattern.compile("(?<=[a-z0-9])[-_]"
            + "(?=[a-z0-9])");

    /** "offloaded", "checkpoints", "sharding": a keyword's inflections still name it. */
    private static final java.util.regex.Pattern INFLECTION = java.util.regex.Pattern.compile("(?:s|es|ed|d|ing)\\b");

    /** The keyword as whole words: "amp" is not in "sample", "blocks" is not in "blockSize". */
    static boolean containsWord(String text, String keyword) {
        for (int i = text.indexOf(keyword); i >= 0; i = text.indexOf(keyword, i + 1)) {
            int end = i + keyword.length();
            // Chinese and Japanese write no spaces: an ideographic keyword ("梯度累积") is whole wherever
            // it stands.
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))
                    || !Character.isLetterOrDigit(keyword.charAt(0)) || Character.isIdeographic(keyword.charAt(0));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                    || !Character.isLetterOrDigit(keyword.charAt(keyword.length() - 1))
                    || Character.isIdeographic(keyword.charAt(keyword.length() - 1))
                    || INFLECTION.matcher(text).region(end, text.length()).lookingAt();
            if (startOk && endOk) return true;
        }
        return false;
    }

    private static List<Topic> read(String resource, String nameField) {
        try (var in = Topics.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("bundled " + resource + " missing");
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Topic> out = new ArrayList<>();
            for (JsonNode n : root) {
                List<String> kw = new ArrayList<>();
                n.path("keywords").forEach(k -> kw.add(k.asText().toLowerCase(Locale.ROOT)));
                Map<String, String> texts = new LinkedHashMap<>();
                n.path("snippets").properties().forEach(e -> texts.put(e.getKey(), e.getValue().asText()));
                if (n.has("text")) texts.put("text", n.path("text").asText());
                if (n.has("stacks")) {
                    List<String> st = new ArrayList<>();
                    n.path("stacks").forEach(x -> st.add(x.asText()));
                    texts.put("stacks", String.join(" ", st));
                }
                out.add(new Topic(n.path(nameField).asText(), List.copyOf(kw), n.path("kb").asText(""),
                        n.path("note").asText(""),
                        java.util.Collections.unmodifiableMap(texts)));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }
}
