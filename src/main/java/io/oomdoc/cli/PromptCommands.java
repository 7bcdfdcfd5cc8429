package io.oomdoc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.oomdoc.util.Resources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slash commands written as markdown: the bundled prompts/commands/*.md plus the user's own in
 * prompts/commands/ or .oomdoc/commands/ of their repo. Front-matter gives description and
 * argument-hint; the body is the prompt, with $ARGUMENTS replaced by what the user typed.
 */
public final class PromptCommands {
    public record PromptCommand(String name, String description, String argumentHint, String body, String source) {
        public String expand(String args) { return body.replace("$ARGUMENTS", args == null ? "" : args).strip(); }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PromptCommands() {}

    /**
     * Bundled first; a repo's file of the same name overrides it. Unreadable or malformed files are reported, not
     * fatal.
     */
    public static Map<String, PromptCommand> load(Path repo, List<String> problems) {
        Map<String, PromptCommand> out = new LinkedHashMap<>();
        for (Resources.Doc d : Resources.listMarkdown("prompts/commands")) add(out, d, "bundled", problems);
        if (repo != null) {
            for (Path dir : List.of(repo.resolve("prompts/commands"), repo.resolve(".oomdoc/commands"))) {
                try {
                    for (Resources.Doc d : Resources.readDir(dir)) add(out, d, dir.toString(), problems);
                } catch (IOException | RuntimeException e) {
                    problems.add(CliText.get("prompt.dir.unreadable", dir, e.getMessage()));
                }
            }
        }
        return out;
    }

    private static void add(Map<String, PromptCommand> out, Resources.Doc d, String source, List<String> problems) {
        String name = d.name().replaceFirst("\\.md$", "");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            problems.add(CliText.get("prompt.bad.name", source + "/" + d.name()));
            return;
        }
        String text = d.text().replace("\r\n", "\n");
        String description = "", hint = "", body = text;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 4);
            if (end > 0) {
                try {
                    JsonNode fm = YAML.readTree(text.substring(4, end));
                    if (fm != null) {
                        description = fm.path("description").asText("");
                        hint = fm.path("argument-hint").asText("");
                    }
                } catch (IOException e) {
                    problems.add(CliText.get("prompt.bad.front.matter", source + "/" + d.name(),
                            e.getMessage().lines().findFirst().orElse("")));
                }
                body = text.substring(Math.min(text.length(), end + 4)).strip();
            }
        }
        out.put(name, new PromptCommand(name, description, hint, body, source));
    }

    public static List<String> names(Map<String, PromptCommand> m) { return new ArrayList<>(m.keySet()); }
}
