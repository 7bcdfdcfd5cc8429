package io.oomdoc.evidence.code;

import org.treesitter.TSInputEncoding;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSQuery;
import org.treesitter.TSQueryCapture;
import org.treesitter.TSQueryCursor;
import org.treesitter.TSQueryMatch;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed Python file with the questions rules ask of it: calls by name, the enclosing loop and
 * function of a node, whether a node runs without autograd, the text of a node. Tree-sitter recovers
 * from syntax errors, so a broken file still yields its valid parts.
 */
public final class PySource {
    private static final TreeSitterPython LANGUAGE = new TreeSitterPython();
    private static final ThreadLocal<TSParser> PARSER = ThreadLocal.withInitial(() -> {
        TSParser p = new TSParser();
        p.setLanguage(LANGUAGE);
        return p;
    });
    private static final ThreadLocal<TSQuery> CALLS = ThreadLocal.withInitial(() -> new TSQuery(LANGUAGE,
            "(call function: [(identifier) @name (attribute attribute: (identifier) @name)]) @call "
            + "(augmented_assignment) @aug (keyword_argument name: (identifier) @kw) @kwarg"));

    public final String path;
    public final String text;
    private final byte[] bytes;
    private final TSTree tree;
    private final Map<String, List<TSNode>> callsByName = new HashMap<>();
    private final List<TSNode> augmented = new ArrayList<>();
    private final Map<String, List<TSNode>> kwargsByName = new HashMap<>();
    private String[] lines;
    /** For notebooks: the cell each line belongs to (1-based), else null. */
    private final int[] cellOfLine;

    /** Thrown when the parser gives up on a file within its time limit. */
    public static final class ParseTimeout extends RuntimeException {
        ParseTimeout(String m) { super(m); }
    }

    public PySource(String path, String text, int[] cellOfLine) {
        this(path, text, cellOfLine, 0);
    }

    /**
     * Parses the whole file as it is: nothing is blanked or rewritten before parsing, so a syntax error
     * reported here is one in the user's file.
     * @param timeoutMicros parser time limit (0: none); past it the parse is abandoned with {@link ParseTimeout}
     */
    public PySource(String path, String text, int[] cellOfLine, long timeoutMicros) {
        this.path = path;
        this.text = text;
        this.bytes = text.getBytes(StandardCharsets.UTF_8);
        this.cellOfLine = cellOfLine;
        TSParser parser = PARSER.get();
        parser.setTimeoutMicros(timeoutMicros);
        TSTree t;
        try {
            // The binding hands its first argument back to the reader as the buffer to fill, so it must not be our
            // text.
            t = parser.parse(new byte[64 * 1024], null, (buf, offset, pos) -> {
                int n = Math.max(0, Math.min(buf.length, bytes.length - offset));
                System.arraycopy(bytes, offset, buf, 0, n);
                return n;
            }, TSInputEncoding.TSInputEncodingUTF8);
        } catch (RuntimeException e) {
            t = null;
        }
        if (t == null || t.getRootNode() == null || t.getRootNode().isNull()) {
            parser.reset();
            throw new ParseTimeout("parsing took longer than " + timeoutMicros / 1000 + " ms");
        }
        this.tree = t;
        index();
    }

    private void index() {
        TSQuery q = CALLS.get();
        TSQueryCursor c = new TSQueryCursor();
        c.exec(q, tree.getRootNode());
        TSQueryMatch m = new TSQueryMatch();
        while (c.nextMatch(m)) {
            TSNode call = null, name = null, aug = null, kw = null, kwarg = null;
            for (TSQueryCapture cap : m.getCaptures()) {
                switch (q.getCaptureNameForId(cap.getIndex())) {
                    case "call" -> call = cap.getNode();
                    case "name" -> name = cap.getNode();
                    case "aug" -> aug = cap.getNode();
                    case "kw" -> kw = cap.getNode();
                    case "kwarg" -> kwarg = cap.getNode();
                    default -> { }
                }
            }
            if (call != null && name != null) callsByName.computeIfAbsent(text(name), k -> new ArrayList<>()).add(call);
            if (aug != null) augmented.add(aug);
            if (kwarg != null && kw != null) kwargsByName.computeIfAbsent(text(kw), k -> new ArrayList<>()).add(kwarg);
        }
    }

    public boolean hasSyntaxErrors() { return tree.getRootNode().hasError(); }

    public TSNode root() { return tree.getRootNode(); }

    /** Calls whose function (or method) name is {@code name}: `backward` finds `loss.backward()`. */
    public List<TSNode> calls(String name) { return callsByName.getOrDefault(name, List.of()); }

    public List<TSNode> augmentedAssignments() { return augmented; }

    /** keyword_argument nodes with this name, anywhere (calls, defaults). */
    public List<TSNode> keywordArguments(String name) { return kwargsByName.getOrDefault(name, List.of()); }

    public String text(TSNode n) {
        int s = n.getStartByte(), e = n.getEndByte();
        if (s < 0 || e > bytes.length || s > e) return "";
        return new String(bytes, s, e - s, StandardCharsets.UTF_8);
    }

    /** 1-based line of a node. */
    public int line(TSNode n) { return n.getStartPoint().getRow() + 1; }

    public Integer cell(TSNode n) {
        if (cellOfLine == null) return null;
        int row = n.getStartPoint().getRow();
        return row < cellOfLine.length ? cellOfLine[row] : null;
    }

    /** The source line of a node, trimmed: what the user wrote, for before/after fixes. */
    public String lineText(TSNode n) {
        int row = n.getStartPoint().getRow();
        String[] lines = lines();
        return row < lines.length ? lines[row].strip() : "";
    }

    private String[] lines() {
        if (lines == null) lines = text.split("\n", -1);
        return lines;
    }

    public String indentOf(TSNode n) {
        int row = n.getStartPoint().getRow();
        String[] lines = lines();
        if (row >= lines.length) return "";
        String l = lines[row];
        return l.substring(0, l.length() - l.stripLeading().length());
    }

    public static boolean isLoop(TSNode n) {
        String t = n.getType();
        return t.equals("for_statement") || t.equals("while_statement");
    }

    public static boolean isFunction(TSNode n) {
        String t = n.getType();
        return t.equals("function_definition") || t.equals("lambda");
    }

    /** The nearest enclosing loop within the same function, if any. */
    public Optional<TSNode> enclosingLoop(TSNode n) {
        for (TSNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (isFunction(p)) return Optional.empty();
            if (isLoop(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The outermost loop around a node within the same function. */
    public Optional<TSNode> outermostLoop(TSNode n) {
        TSNode found = null;
        for (TSNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (isFunction(p)) break;
            if (isLoop(p)) found = p;
        }
        return Optional.ofNullable(found);
    }

    public Optional<TSNode> enclosingFunction(TSNode n) {
        for (TSNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().equals("function_definition")) return Optional.of(p);
        }
        return Optional.empty();
    }

    public String functionName(TSNode fn) {
        TSNode name = fn.getChildByFieldName("name");
        return name == null || name.isNull() ? "" : text(name);
    }

    public boolean contains(TSNode outer, TSNode inner) {
        return inner.getStartByte() >= outer.getStartByte() && inner.getEndByte() <= outer.getEndByte();
    }

    /**
     * True when the node runs without autograd: inside `with torch.no_grad()`, `inference_mode()`,
     * `set_grad_enabled(False)` (or a flag), or in a function decorated with one of them.
     */
    public boolean withoutGrad(TSNode n) {
        for (TSNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String type = p.getType();
            if (type.equals("with_statement")) {
                String head = text(p);
                int colon = head.indexOf(':');
                String clause = colon > 0 ? head.substring(0, colon) : head;
                if (clause.contains("no_grad") || clause.contains("inference_mode") || clause.contains("set_grad_ena"
                        + "bled")) return true;
            }
            if (type.equals("decorated_definition")) {
                String head = text(p);
                int def = head.indexOf("def ");
                String decorators = def > 0 ? head.substring(0, def) : "";
                if (decorators.contains("no_grad") || decorators.contains("inference_mode")) return true;
            }
        }
        return false;
    }

    /** True when a byte offset lies inside a string literal or a comment (not code). */
    public boolean inStringOrComment(int byteOffset) {
        TSNode n = root().getDescendantForByteRange(byteOffset, byteOffset + 1);
        for (TSNode p = n; p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("string") || t.equals("comment") || t.equals("string_content")) return true;
            if (t.endsWith("_statement") || t.equals("block") || t.equals("module")) return false;
        }
        return false;
    }

    /** Byte offset of a character offset in {@link #text}. */
    public int byteOffset(int charOffset) {
        return text.substring(0, charOffset).getBytes(StandardCharsets.UTF_8).length;
    }

    /** True when the node is inside an `except` clause of its function (a retry or recovery path). */
    public boolean inExcept(TSNode n) {
        for (TSNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (isFunction(p)) return false;
            if (p.getType().equals("except_clause")) return true;
        }
        return false;
    }

    /**
     * Names of functions defined in this file whose body contains one of the markers (helpers such as reset_grad()).
     */
    public java.util.Set<String> functionsContaining(String... markers) {
        java.util.Set<String> out = new java.util.HashSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?m)^([ \\t]*)(?:async\\s+)?def\\s+(\\w+)\\s*\\(").matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) { starts.add(new int[]{m.start(), m.group(1).length()}); names.add(m.group(2)); }
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i)[0], indent = starts.get(i)[1];
            int to = text.length();
            for (int j = i + 1; j < starts.size(); j++) {
                if (starts.get(j)[1] <= indent) { to = starts.get(j)[0]; break; }
            }
            String body = text.substring(from, to);
            for (String mk : markers) if (body.contains(mk)) { out.add(names.get(i)); break; }
        }
        return out;
    }

    /** All calls named {@code name} inside a node. */
    public List<TSNode> callsWithin(TSNode scope, String name) {
        List<TSNode> out = new ArrayList<>();
        for (TSNode c : calls(name)) if (contains(scope, c)) out.add(c);
        return out;
    }

    /** Named children, read through getChild: the binding's getNamedChild(i) returns the first child for every i. */
    public static List<TSNode> namedChildren(TSNode n) {
        List<TSNode> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        for (int i = 0; i < n.getChildCount(); i++) {
            TSNode c = n.getChild(i);
            if (c.isNamed()) out.add(c);
        }
        return out;
    }

    /** The keyword argument's value text of a call, or null. */
    public String keyword(TSNode call, String name) {
        TSNode args = call.getChildByFieldName("arguments");
        if (args == null || args.isNull()) return null;
        for (TSNode a : namedChildren(args)) {
            if (a.getType().equals("keyword_argument")) {
                TSNode k = a.getChildByFieldName("name");
                if (k != null && !k.isNull() && text(k).equals(name)) return text(a.getChildByFieldName("value"));
            }
        }
        return null;
    }

    public String calleeText(TSNode call) {
        TSNode f = call.getChildByFieldName("function");
        return f == null || f.isNull() ? "" : text(f);
    }
}
