package io.oomdoc.evidence.code;

import org.treesitter.TSNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * The other files of a scanned package, read only when a rule asks about one function imported from them
 * ({@code from widerface_val import detect_face}): the module is found from the import, parsed once per question and
 * answered from the scan's cache after that. Parses are cheap only because they are rare: a rule asks about a function
 * it cannot see only at a loop it already judged to be an evaluation loop. A module outside the scanned tree, a test
 * or vendored file, or one over the size limit is not read.
 */
public final class SiblingFiles {
    /** The parse and the question of one imported file, in CPU time of the asking thread. */
    static final long BUDGET_MS = 300;

    /** {@code from M import a, b} or a parenthesised list: the dots, the module, the names. */
    private static final java.util.regex.Pattern FROM_IMPORT = java.util.regex.Pattern.compile(
            "(?m)^from\\s+(\\.*)([\\w.]*)\\s+import\\s+(\\([^)]*\\)|[^\\n]*)");

    private final Path root;
    private final BundledPackages bundled;
    private final Map<String, Boolean> answers = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    SiblingFiles(Path root) {
        this.root = root;
        this.bundled = new BundledPackages(root);
    }

    /** Whether the file lies in a package bundled into the tree ({@link BundledPackages}): not the user's code. */
    boolean bundled(String rel) { return bundled.holds(rel); }

    /**
     * Whether {@code test} holds for the one definition of {@code name} in the module that {@code from} imports it
     * from; false when the module is not a file of the tree, defines the name other than once, or is too slow to read.
     * Answers are kept per module, function and {@code question} (the test's name).
     */
    public boolean test(PySource from, String name, String question, BiPredicate<PySource, TSNode> test) {
        String rel = moduleOf(from, name);
        if (rel == null) return false;
        String key = rel + "#" + name + "#" + question;
        Boolean known = answers.get(key);
        if (known != null) return known;
        boolean answer = read(rel, sib -> sib.functionDefinitions(name), test);
        answers.put(key, answer);
        return answer;
    }

    /**
     * Whether {@code test} holds for {@code method} of the class {@code cls} that {@code from} imports from a file of
     * the tree ({@code from mt_dnn.model import MTDNNModel}, then {@code model.extract(batch)} in a loop): the
     * method as the class itself defines it, once; false when the class or the method is not there, or the file is
     * not read.
     */
    public boolean testMethod(PySource from, String cls, String method, String question,
            BiPredicate<PySource, TSNode> test) {
        String rel = moduleOf(from, cls);
        if (rel == null) return false;
        String key = rel + "#" + cls + "." + method + "#" + question;
        Boolean known = answers.get(key);
        if (known != null) return known;
        boolean answer = read(rel, sib -> methodsOf(sib, cls, method), test);
        answers.put(key, answer);
        return answer;
    }

    /** The definitions of {@code method} directly in the body of a class named {@code cls}. */
    static java.util.List<TSNode> methodsOf(PySource src, String cls, String method) {
        java.util.List<TSNode> out = new java.util.ArrayList<>();
        for (TSNode def : src.functionDefinitions(method)) {
            TSNode block = def.getParent();
            // a decorated method's definition sits in a decorated_definition inside the class body
            if (block != null && !block.isNull() && block.getType().equals("decorated_definition")) {
                block = block.getParent();
            }
            TSNode owner = block == null || block.isNull() ? null : block.getParent();
            if (owner == null || owner.isNull() || !owner.getType().equals("class_definition")) continue;
            if (src.text(owner.getChildByFieldName("name")).equals(cls)) out.add(def);
        }
        return out;
    }

    private boolean read(String rel, java.util.function.Function<PySource, java.util.List<TSNode>> find,
            BiPredicate<PySource, TSNode> test) {
        PySource sib = module(rel);
        if (sib == null) return false;
        synchronized (sib) { // a parsed module is shared by the scan's threads; its memos are not
            try {
                sib.stopAtCpuTime(PySource.cpuNanos(), BUDGET_MS * 1_000_000L);
                var defs = find.apply(sib);
                return defs.size() == 1 && test.test(sib, defs.get(0));
            } catch (PySource.OverBudget e) {
                return false; // not answered in time: no finding rests on it
            }
        }
    }

    /** A module kept parsed for the next question about it: diffusers' pipelines ask dozens about one utils file. */
    private static final int PARSED_KEPT = 32;
    private static final Object UNREADABLE = new Object();
    private final Map<String, Object> parsed = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) { return size() > PARSED_KEPT; }
            });

    /** The module parsed (once while it stays among the last {@link #PARSED_KEPT} asked), or null when not read. */
    private PySource module(String rel) {
        Object known = parsed.get(rel);
        if (known != null) return known == UNREADABLE ? null : (PySource) known;
        PySource sib = parse(rel);
        parsed.put(rel, sib == null ? UNREADABLE : sib);
        return sib;
    }

    private PySource parse(String rel) {
        Path file = root.resolve(rel).normalize();
        // a link is not followed: it may lead outside the repository, which oomdoc never reads
        if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || PythonScanner.testFile(rel) != null && !(PythonScanner.testByNameOnly(rel)
                        && !PythonScanner.unitTestCode(file)) || bundled.holds(rel)) return null;
        try {
            if (Files.size(file) > PythonScanner.MAX_PARSE_BYTES) return null;
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return new PySource(rel, text, null, PythonScanner.PARSE_WALL_LIMIT_MS * 1000L);
        } catch (IOException | PySource.ParseTimeout e) {
            return null; // not readable in time: no finding rests on it
        }
    }

    /** Whether the file imports {@code name} from a module that may be a file of the tree ({@link #moduleOf}). */
    public static boolean importedFromTree(PySource from, String name) {
        // asked for every call of a name this file does not define: the import lines are read once per name
        return from.memo("tree-import:" + name, () -> moduleOf(from, name) != null);
    }

    /**
     * What {@code answer} says of the one definition of {@code name} in the module {@code from} imports it from
     * (one parse for every question about that function, cached like {@link #test}); "" when it cannot be read.
     */
    public String ask(PySource from, String name, String question,
            java.util.function.BiFunction<PySource, TSNode, String> answer) {
        String rel = moduleOf(from, name);
        if (rel == null) return "";
        String key = rel + "#" + name + "#" + question;
        String known = texts.get(key);
        if (known != null) return known;
        String[] out = {""};
        read(rel, sib -> sib.functionDefinitions(name), (sib, def) -> {
            out[0] = answer.apply(sib, def);
            return true;
        });
        texts.put(key, out[0]);
        return out[0];
    }

    /**
     * The file's {@code from M import ...} statements as {dots, module, names}, found once: rules ask about every name
     * a file calls and does not define, and a diffusers training script calls hundreds, each a search of the whole
     * text for its import lines before.
     */
    private static java.util.List<String[]> fromImports(PySource from) {
        return from.memo("from-imports", () -> {
            java.util.List<String[]> out = new java.util.ArrayList<>();
            java.util.regex.Matcher m = FROM_IMPORT.matcher(from.text);
            while (m.find()) out.add(new String[]{m.group(1), m.group(2), m.group(3)});
            return out;
        });
    }

    /**
     * The path, relative to the root, of the module a {@code from M import name} statement of the file names:
     * {@code M} beside the file ({@code from utils import f}, {@code from .utils import f}, one more dot per level
     * up), or from the root ({@code from pkg.utils import f}) when that file exists; null when no such import.
     */
    static String moduleOf(PySource from, String name) {
        java.util.regex.Pattern named = null;
        for (String[] imp : fromImports(from)) {
            if (named == null) named = java.util.regex.Pattern.compile("(?<![\\w.])" + name + "(?![\\w])(?!\\s+as\\b)");
            if (!named.matcher(imp[2]).find()) continue;
            String dots = imp[0], mod = imp[1].replace('.', '/');
            if (mod.isEmpty()) return null; // from . import f: a package's __init__, not read
            Path dir = Path.of(from.path).getParent();
            for (int i = 1; i < dots.length() && dir != null; i++) dir = dir.getParent();
            String beside = (dir == null ? "" : dir.toString().replace('\\', '/') + "/") + mod + ".py";
            return dots.isEmpty() && !mod.contains("/") || !dots.isEmpty() ? beside : mod + ".py";
        }
        return null;
    }
}
