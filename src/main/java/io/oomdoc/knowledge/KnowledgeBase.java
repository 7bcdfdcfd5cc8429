package io.oomdoc.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.oomdoc.util.Resources;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The entries of {@code knowledge/}, loaded once, looked up by id, searched by words. */
public final class KnowledgeBase {
    private static volatile KnowledgeBase bundled;
    private final Map<String, KnowledgeEntry> byId;
    /** Built on the first search: a diagnosis looks entries up by id and category only. */
    private volatile LexicalIndex index;

    public KnowledgeBase(List<KnowledgeEntry> entries) {
        Map<String, KnowledgeEntry> m = new LinkedHashMap<>();
        entries.stream().sorted(BY_ID).forEach(e -> m.put(e.id(), e));
        this.byId = m;
    }

    /** The knowledge shipped with oomdoc. */
    public static KnowledgeBase bundled() {
        if (bundled == null) {
            synchronized (KnowledgeBase.class) {
                if (bundled == null) {
                    bundled = new KnowledgeBase(CompiledKnowledge.read().orElseGet(KnowledgeBase::parseBundled));
                }
            }
        }
        return bundled;
    }

    /** Every bundled entry parsed from its markdown file's YAML front-matter. */
    static List<KnowledgeEntry> parseBundled() {
        List<KnowledgeEntry> entries = new ArrayList<>();
        for (Resources.Doc d : Resources.listMarkdown("knowledge")) entries.add(parse(d.name(), d.text()));
        return entries;
    }

    public List<KnowledgeEntry> all() { return List.copyOf(byId.values()); }

    /** The entry that reads an out-of-memory message's numbers (knowledge/M02-reading-the-trace.md). */
    public static final String READING_THE_MESSAGE = "M2";

    /** Accepts "M7", "m07", "U11". */
    public Optional<KnowledgeEntry> get(String id) {
        return Optional.ofNullable(byId.get(normalizeId(id)));
    }

    public static String normalizeId(String id) {
        String t = id.trim().toUpperCase(Locale.ROOT);
        if (t.matches("[MU]0*\\d+")) return t.charAt(0) + String.valueOf(Integer.parseInt(t.substring(1)));
        return t;
    }

    public List<LexicalIndex.Hit> search(String query, int limit) {
        LexicalIndex i = index;
        if (i == null) index = i = new LexicalIndex(List.copyOf(byId.values()));
        return i.search(query, limit);
    }

    /** M before U, then by number (M2 before M10). */
    private static final Comparator<KnowledgeEntry> BY_ID = Comparator.comparing((KnowledgeEntry e) -> e.id().charAt(0))
            .thenComparingInt(e -> Integer.parseInt(e.id().substring(1)));

    /** Made on first use: building the YAML mapper costs more than reading the compiled form. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }

    static KnowledgeEntry parse(String file, String text) {
        String[] parts = split(file, text);
        return parse(file, parts[0], parts[1]);
    }

    /** The front-matter's YAML text and the markdown body after it. */
    static String[] split(String file, String text) {
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) throw new IllegalArgumentException(file + ": no front-matter");
        int end = t.indexOf("\n---\n", 4);
        if (end < 0) throw new IllegalArgumentException(file + ": front-matter not closed");
        return new String[]{t.substring(4, end), t.substring(end + 5).strip()};
    }

    static KnowledgeEntry parse(String file, String frontMatter, String body) {
        JsonNode fm;
        try {
            fm = Yaml.MAPPER.readTree(frontMatter);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": bad front-matter: " + e.getMessage(), e);
        }
        List<KnowledgeEntry.Fix> fixes = new ArrayList<>();
        for (JsonNode f : fm.path("fixes")) {
            fixes.add(new KnowledgeEntry.Fix(f.path("title").asText(), f.path("cost").asText("unknown"),
                    f.path("changes_science").asBoolean(false), f.path("before").asText(""), f.path("after").asText(""),
                    strings(f, "stacks")));
        }
        String id = normalizeId(fm.path("id").asText());
        return new KnowledgeEntry(id, fm.path("title").asText(), CauseEntries.causesOf(id),
                strings(fm, "keywords"), strings(fm, "symptoms"), strings(fm, "signals"), List.copyOf(fixes),
                fm.path("verification").asText(""), fm.path("prevention").asText(""),
                strings(fm, "related").stream().map(KnowledgeBase::normalizeId).toList(), strings(fm, "sources"),
                body, file);
    }

    private static List<String> strings(JsonNode fm, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : fm.path(field)) out.add(n.asText());
        return List.copyOf(out);
    }
}
