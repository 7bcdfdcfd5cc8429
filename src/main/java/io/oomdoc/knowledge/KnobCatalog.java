package io.oomdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The knob catalog (knowledge/dialogue/knobs.yaml): every memory-relevant setting of each stack, one row per knob, with
 * what it does to memory, its default, when to change it, its exact syntax and the documentation it comes from.
 * Written from the stacks' own documentation rather than from questions, so that it covers settings nobody has asked
 * about yet.
 */
public record KnobCatalog(List<Stack> stacks, List<Knob> knobs) {
    private static final String RESOURCE = "knowledge/dialogue/knobs.yaml";

    /**
     * A stack the catalog has rows for. {@code words}: how a sentence names it; {@code impliedBy}: the conversation's
     * own stack names (a fact, the failure's framework) that stand for it.
     */
    public record Stack(String id, String label, Pattern words, List<String> impliedBy) {}

    /**
     * One setting. {@code names}: its spellings, any of which names it on its own; {@code asks}: what a user says about
     * its effect ("the whole card"), which points to it only when its stack is in the conversation.
     */
    public record Knob(String name, String stack, List<String> names, List<String> asks, String byDefault,
                       String effect, String when, String syntax, String source) {}

    /** Read once (class-holder idiom): a session that never asks about a setting never parses the file. */
    private static final class Bundled {
        static final KnobCatalog CATALOG = read();
    }

    public static KnobCatalog bundled() { return Bundled.CATALOG; }

    /** The stack with this id; the catalog's own rows only name stacks it declares. */
    public Stack stack(String id) {
        return stacks.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("knob stack not declared: " + id));
    }

    private static KnobCatalog read() {
        try (InputStream in = KnobCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("bundled " + RESOURCE + " missing");
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static KnobCatalog parse(JsonNode root) {
        List<Stack> stacks = new ArrayList<>();
        for (JsonNode n : root.path("stacks")) {
            stacks.add(new Stack(n.path("id").asText(), n.path("label").asText(),
                    Pattern.compile("(?i)" + n.path("words").asText()), strings(n.path("implied_by"))));
        }
        List<Knob> knobs = new ArrayList<>();
        for (JsonNode n : root.path("knobs")) {
            knobs.add(new Knob(n.path("knob").asText(), n.path("stack").asText(), strings(n.path("names")),
                    strings(n.path("asks")), n.path("default").asText(""), n.path("effect").asText(""),
                    n.path("when").asText(""), n.path("syntax").asText(""), n.path("source").asText("")));
        }
        return new KnobCatalog(List.copyOf(stacks), List.copyOf(knobs));
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add(x.asText().toLowerCase(Locale.ROOT)));
        return List.copyOf(out);
    }
}
