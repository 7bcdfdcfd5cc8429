package io.oomdoc.knowledge;

import io.oomdoc.util.Resources;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The knowledge entries' front-matter parsed ahead of time (resource {@value #RESOURCE}, written by
 * {@code bench/run.sh CompileKnowledge}). Parsing the YAML of 23 files was the largest cold cost of a short
 * {@code oomdoc diagnose}: the YAML parser's classes run interpreted once each. The form keeps each file's
 * front-matter text beside its fields, and a file whose front-matter no longer equals it is parsed from its YAML, so
 * an edited entry is never read stale; KnowledgeBaseCompiledTest fails until the form is written again.
 */
public final class CompiledKnowledge {
    public static final String RESOURCE = "knowledge-compiled/front-matter.bin";
    // "kb02": a different layout gets a different number (kb01 stored the categories, now model/category-kb.tsv's)
    private static final int MAGIC = 0x6b623032;

    private CompiledKnowledge() {}

    /** The form of these markdown files (name and text each), parsed from their YAML. */
    public static byte[] write(List<Resources.Doc> docs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(docs.size());
            for (Resources.Doc d : docs) {
                String[] parts = KnowledgeBase.split(d.name(), d.text());
                KnowledgeEntry e = KnowledgeBase.parse(d.name(), parts[0], parts[1]);
                str(out, d.name());
                str(out, parts[0]);
                str(out, e.id());
                str(out, e.title());
                strs(out, e.keywords());
                strs(out, e.symptoms());
                strs(out, e.signals());
                out.writeInt(e.fixes().size());
                for (KnowledgeEntry.Fix f : e.fixes()) {
                    str(out, f.title());
                    str(out, f.cost());
                    out.writeBoolean(f.changesScience());
                    str(out, f.before());
                    str(out, f.after());
                    strs(out, f.stacks());
                }
                str(out, e.verification());
                str(out, e.prevention());
                strs(out, e.related());
                strs(out, e.sources());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The bundled entries from the form, or empty when the jar carries none (then the YAML is parsed). */
    static Optional<List<KnowledgeEntry>> read() {
        byte[] form;
        try (InputStream in = CompiledKnowledge.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) return Optional.empty();
            form = in.readAllBytes();
        } catch (IOException e) {
            return Optional.empty();
        }
        return read(form, name -> Resources.text("knowledge/" + name));
    }

    /**
     * The entries of {@code form}, each body taken from its markdown file ({@code markdown} gives a file's text by
     * name); an entry whose front-matter changed since the form was written is parsed from the file's YAML.
     */
    static Optional<List<KnowledgeEntry>> read(byte[] form, Function<String, String> markdown) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(form))) {
            if (in.readInt() != MAGIC) return Optional.empty();
            int n = in.readInt();
            List<KnowledgeEntry> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String file = str(in);
                String frontMatter = str(in);
                KnowledgeEntry stored = entry(in, file);
                String[] parts = KnowledgeBase.split(file, markdown.apply(file));
                out.add(parts[0].equals(frontMatter) ? withBody(stored, parts[1])
                        : KnowledgeBase.parse(file, parts[0], parts[1]));
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static KnowledgeEntry entry(DataInputStream in, String file) throws IOException {
        String id = str(in);
        String title = str(in);
        List<String> keywords = strs(in);
        List<String> symptoms = strs(in);
        List<String> signals = strs(in);
        int fixCount = in.readInt();
        List<KnowledgeEntry.Fix> fixes = new ArrayList<>(fixCount);
        for (int i = 0; i < fixCount; i++) {
            fixes.add(new KnowledgeEntry.Fix(str(in), str(in), in.readBoolean(), str(in), str(in), strs(in)));
        }
        String verification = str(in);
        String prevention = str(in);
        List<String> related = strs(in);
        List<String> sources = strs(in);
        return new KnowledgeEntry(id, title, CauseEntries.causesOf(id), keywords, symptoms, signals, List.copyOf(fixes),
                verification, prevention, related, sources, "", file);
    }

    private static KnowledgeEntry withBody(KnowledgeEntry e, String body) {
        return new KnowledgeEntry(e.id(), e.title(), e.categories(), e.keywords(), e.symptoms(), e.signals(),
                e.fixes(), e.verification(), e.prevention(), e.related(), e.sources(), body, e.file());
    }

    private static void str(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static void strs(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) str(out, s);
    }

    private static String str(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    private static List<String> strs(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(str(in));
        return List.copyOf(out);
    }
}
