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
    static { NativeLibDir.configure(); } // before the binding's classes unpack their native libraries
    private static final TreeSitterPython LANGUAGE = new TreeSitterPython();
    private static final ThreadLocal<TSParser> PARSER = ThreadLocal.withInitial(() -> {
        TSParser p = new TSParser();
        p.setLanguage(LANGUAGE);
        return p;
    });
    private static final ThreadLocal<TSQuery> CALLS = ThreadLocal.withInitial(() -> new TSQuery(LANGUAGE,
            "(call function: [(identifier) @name (attribute attribute: (identifier) @name)]) @call "
            + "(augmented_assignment) @aug "
            + "(assignment left: (_) @lhs right: (_) @rhs) @asg (for_statement left: (_) @lhs right: (_) @rhs) @for "
            + "(class_definition name: (identifier) @cname superclasses: (argument_list) @csup) @class "
            + "(function_definition name: (identifier) @fname) @fdef (return_statement) @ret"));
    /**
     * Keyword arguments, in a query of their own run on the first question about them: only a rule that is off by
     * default asks, and every pattern in the index query costs its share of a traversal of every parsed file.
     */
    private static final ThreadLocal<TSQuery> KWARGS = ThreadLocal.withInitial(() -> new TSQuery(LANGUAGE,
            "(keyword_argument name: (identifier) @kw) @kwarg"));

    public final String path;
    public final String text;
    private final byte[] bytes;
    private final TSTree tree;
    private final Map<String, List<TSNode>> callsByName = new HashMap<>();
    private final List<TSNode> augmented = new ArrayList<>();
    private Map<String, List<TSNode>> kwargsByName;
    /**
     * An assignment ({@code left = right}) or a for-loop target ({@code for left in right}), with its positions and
     * texts read once: rules look bindings up many times, and every read of a node crosses into native code.
     */
    public record Binding(TSNode stmt, TSNode left, TSNode right, boolean loop, int start, int end, int rightStart,
            int rightEnd, String leftText, String rightText) {}

    private final List<Binding> bindings = new ArrayList<>();
    private final Map<String, List<TSNode>> definitions = new HashMap<>();
    private final List<TSNode> returns = new ArrayList<>();
    private final List<TSNode> allCalls = new ArrayList<>();
    private int[] bindingFn;
    private int[] callSpans;
    private List<TSNode> functionNodes;
    private int[] functionSpans;
    /** Byte spans of the code that runs without autograd (no_grad blocks and functions), found once. */
    private int[] noGradSpans;
    private final Map<Long, Boolean> noGradMemo = new HashMap<>();
    /** Answers rules compute per node and name (is this name backpropagated in that function?), computed once. */
    private final Map<String, Object> ruleMemo = new HashMap<>();
    /** Texts of whole functions, which rules search again for each site in them, decoded once. */
    private final Map<Long, String> scopeTexts = new HashMap<>();
    /** Classes of this file with their base-class list text. */
    private final Map<String, String> classBases = new HashMap<>();
    private String[] lines;
    /** For notebooks: the cell each line belongs to (1-based), else null. */
    private final int[] cellOfLine;

    /** Thrown when the parser gives up on a file within its time limit. */
    public static final class ParseTimeout extends RuntimeException {
        ParseTimeout(String m) { super(m); }
    }

    /** Thrown by a question asked of this file after its CPU budget ran out (see {@link #stopAtCpuTime}). */
    public static final class OverBudget extends RuntimeException {
        private final long usedMs;

        OverBudget(long usedMs) {
            super(usedMs + " ms of CPU");
            this.usedMs = usedMs;
        }

        public long usedMs() { return usedMs; }
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
            .getThreadMXBean();
    /** The clock is read once per this many questions: reading a thread's CPU time is a system call. */
    private static final int TICKS_PER_CLOCK_READ = 64;
    private long cpuDeadline = Long.MAX_VALUE;
    private long cpuStart;
    private int ticks;

    /** The other files of the scanned tree, for a rule that follows an imported function; null outside a scan. */
    private SiblingFiles siblings;

    void siblings(SiblingFiles s) { this.siblings = s; }

    /** See {@link SiblingFiles}; null when the file is read outside a tree scan. */
    public SiblingFiles siblings() { return siblings; }

    public PySource(String path, String text, int[] cellOfLine) {
        this(path, text, cellOfLine, 0);
    }

    /**
     * Parses the whole file as it is: nothing is blanked or rewritten before parsing, so a syntax error
     * reported here is one in the user's file.
     * @param timeoutMicros parser time limit (0: none); past it the parse is abandoned with {@link ParseTimeout}
     */
    public PySource(String path, String text, int[] cellOfLine, long timeoutMicros) {
        this(path, text, text.getBytes(StandardCharsets.UTF_8), cellOfLine, timeoutMicros);
    }

    /** With the text's UTF-8 bytes as the scanner read them (they must be exactly that). */
    PySource(String path, String text, byte[] utf8, int[] cellOfLine, long timeoutMicros) {
        this.path = path;
        this.text = text;
        this.bytes = utf8;
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
            throw new ParseTimeout(ScanText.get("parse.timeout", timeoutMicros / 1000));
        }
        this.tree = t;
        index();
    }

    private void index() {
        TSQuery q = CALLS.get();
        TSQueryCursor c = new TSQueryCursor();
        c.exec(q, tree.getRootNode());
        TSQueryMatch m = new TSQueryMatch();
        String[] names = new String[q.getCaptureCount()]; // read once: a name lookup per capture crosses into C
        for (int i = 0; i < names.length; i++) names[i] = q.getCaptureNameForId(i);
        Captures k = new Captures();
        while (c.nextMatch(m)) {
            k.read(m, names);
            add(k);
        }
        bindings.sort(java.util.Comparator.comparingInt(Binding::start));
    }

    /** The nodes one match of the CALLS query captured, by capture name (one holder, refilled per match). */
    private static final class Captures {
        TSNode call, name, aug, lhs, rhs, bind, cname, csup, fname, fdef, ret;
        boolean loop; // from the capture's name: asking the node its type is two crossings into C

        void read(TSQueryMatch m, String[] names) {
            call = name = aug = lhs = rhs = bind = cname = csup = fname = fdef = ret = null;
            loop = false;
            for (TSQueryCapture cap : m.getCaptures()) {
                switch (names[cap.getIndex()]) {
                    case "call" -> call = cap.getNode();
                    case "name" -> name = cap.getNode();
                    case "aug" -> aug = cap.getNode();
                    case "lhs" -> lhs = cap.getNode();
                    case "rhs" -> rhs = cap.getNode();
                    case "asg" -> bind = cap.getNode();
                    case "for" -> { bind = cap.getNode(); loop = true; }
                    case "cname" -> cname = cap.getNode();
                    case "csup" -> csup = cap.getNode();
                    case "fname" -> fname = cap.getNode();
                    case "fdef" -> fdef = cap.getNode();
                    case "ret" -> ret = cap.getNode();
                    default -> { }
                }
            }
        }
    }

    /** Files one match: a call under its name, an augmented assignment, a binding, a class's bases, a def, a return. */
    private void add(Captures k) {
        if (k.call != null && k.name != null) {
            callsByName.computeIfAbsent(text(k.name), x -> new ArrayList<>()).add(k.call);
            allCalls.add(k.call);
        }
        if (k.aug != null) augmented.add(k.aug);
        if (k.bind != null && k.lhs != null && k.rhs != null) {
            int rs = k.rhs.getStartByte(), re = k.rhs.getEndByte(); // read once: each read crosses into C twice
            bindings.add(new Binding(k.bind, k.lhs, k.rhs, k.loop, k.bind.getStartByte(), k.bind.getEndByte(), rs, re,
                    text(k.lhs).strip(), text(rs, re).strip()));
        }
        if (k.cname != null && k.csup != null) classBases.put(text(k.cname), text(k.csup));
        if (k.fname != null && k.fdef != null) {
            definitions.computeIfAbsent(text(k.fname), x -> new ArrayList<>()).add(k.fdef);
        }
        if (k.ret != null) returns.add(k.ret);
    }

    /**
     * From now on (this call included), questions asked of this file from this thread throw {@link OverBudget} once
     * the thread's CPU time passes {@code startNanos + budgetNanos}: a rule that loops over a large file is stopped
     * inside its loop, not after it. CPU time, not wall time, so that what a file yields does not depend on the
     * machine's other work.
     */
    public void stopAtCpuTime(long startNanos, long budgetNanos) {
        cpuStart = startNanos;
        cpuDeadline = startNanos + budgetNanos;
        ticks = TICKS_PER_CLOCK_READ - 1;
        tick(); // the parse may have used the budget already
    }

    /** The current thread's CPU time in nanoseconds (wall time where the JVM cannot read it). */
    public static long cpuNanos() {
        return CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private void tick() {
        if (cpuDeadline == Long.MAX_VALUE || ++ticks < TICKS_PER_CLOCK_READ) return;
        ticks = 0;
        long now = cpuNanos();
        // rounded up: a file stopped just past a 2000 ms budget reads "2001 ms, over 2000 ms", not "2000, over 2000"
        if (now > cpuDeadline) throw new OverBudget((now - cpuStart + 999_999) / 1_000_000);
    }

    /** Assignments ({@code x = ...}) and for-loop targets in source order. */
    public List<Binding> bindings() { tick(); return bindings; }

    /** Names of the functions and methods defined in this file. */
    public java.util.Set<String> functionNames() { return definitions.keySet(); }

    /** Functions and methods of this file with this name. */
    public List<TSNode> functionDefinitions(String name) { return definitions.getOrDefault(name, List.of()); }

    /** The return statements of a function, not those of functions nested in it. */
    public List<TSNode> returnsOf(TSNode def) {
        List<TSNode> out = new ArrayList<>();
        for (TSNode r : returns) {
            if (!contains(def, r)) continue;
            TSNode fn = enclosingFunction(r).orElse(null);
            if (fn != null && fn.getStartByte() == def.getStartByte()) out.add(r);
        }
        return out;
    }

    /** Start byte of the function around a node, -1 at module level: a cheap identity for "same function". */
    public int functionStart(TSNode n) {
        int i = innermostFunction(n.getStartByte(), n.getEndByte());
        return i < 0 ? -1 : functionSpans[2 * i];
    }

    /**
     * Index of the innermost function definition that strictly holds a byte range, or -1. Read from the spans the
     * query captured: walking a node's parents costs a crossing into native code per step, many per rule question.
     */
    private int innermostFunction(int s, int e) {
        if (functionSpans == null) {
            List<TSNode> defs = new ArrayList<>();
            for (List<TSNode> l : definitions.values()) defs.addAll(l);
            defs.sort(java.util.Comparator.comparingInt(TSNode::getStartByte));
            functionNodes = defs;
            functionSpans = new int[defs.size() * 2];
            for (int i = 0; i < defs.size(); i++) {
                functionSpans[2 * i] = defs.get(i).getStartByte();
                functionSpans[2 * i + 1] = defs.get(i).getEndByte();
            }
        }
        int best = -1;
        for (int i = 0; i < functionNodes.size(); i++) {
            int fs = functionSpans[2 * i], fe = functionSpans[2 * i + 1];
            if (fs > s) break; // sorted by start: later definitions cannot hold the range
            if (fe >= e && !(fs == s && fe == e)) best = i; // a later start that holds it is nested deeper
        }
        return best;
    }

    /** {@link #functionStart} of the i-th binding, computed once. */
    public int bindingFunctionStart(int i) {
        if (bindingFn == null) {
            bindingFn = new int[bindings.size()];
            for (int j = 0; j < bindingFn.length; j++) bindingFn[j] = functionStart(bindings.get(j).stmt());
        }
        return bindingFn[i];
    }

    /** The base-class list of a class defined in this file, or null. */
    public String classBases(String name) { return classBases.get(name); }

    public boolean hasSyntaxErrors() { return tree.getRootNode().hasError(); }

    public TSNode root() { return tree.getRootNode(); }

    /** Calls whose function (or method) name is {@code name}: `backward` finds `loss.backward()`. */
    public List<TSNode> calls(String name) { tick(); return callsByName.getOrDefault(name, List.of()); }

    public List<TSNode> augmentedAssignments() { return augmented; }

    /** keyword_argument nodes with this name, anywhere (calls, defaults). */
    public List<TSNode> keywordArguments(String name) {
        if (kwargsByName == null) {
            kwargsByName = new HashMap<>();
            TSQueryCursor c = new TSQueryCursor();
            c.exec(KWARGS.get(), tree.getRootNode());
            TSQueryMatch m = new TSQueryMatch();
            int kwId = -1;
            for (int i = 0; i < KWARGS.get().getCaptureCount(); i++) {
                if (KWARGS.get().getCaptureNameForId(i).equals("kw")) kwId = i;
            }
            while (c.nextMatch(m)) {
                TSNode kw = null, kwarg = null;
                for (TSQueryCapture cap : m.getCaptures()) {
                    if (cap.getIndex() == kwId) kw = cap.getNode(); else kwarg = cap.getNode();
                }
                if (kw != null && kwarg != null) {
                    kwargsByName.computeIfAbsent(text(kw), k -> new ArrayList<>()).add(kwarg);
                }
            }
        }
        return kwargsByName.getOrDefault(name, List.of());
    }

    public String text(TSNode n) { return text(n.getStartByte(), n.getEndByte()); }

    /** The text of a large node read many times (a function's body): decoded from the file's bytes once. */
    public String scopeText(TSNode n) {
        return scopeTexts.computeIfAbsent(((long) n.getStartByte() << 32) | n.getEndByte(), k -> text(n));
    }

    /** A rule's answer for one key in this file, computed on first use (a PySource is read by one thread). */
    @SuppressWarnings("unchecked")
    public <T> T memo(String key, java.util.function.Supplier<T> compute) {
        Object v = ruleMemo.get(key);
        if (v == null) {
            v = compute.get();
            ruleMemo.put(key, v);
        }
        return (T) v;
    }

    /** The text between two byte offsets of the file ("" when they do not fit it). */
    public String text(int s, int e) {
        tick();
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
            tick();
            if (isFunction(p)) return Optional.empty();
            if (isLoop(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** The outermost loop around a node within the same function. */
    public Optional<TSNode> outermostLoop(TSNode n) {
        TSNode found = null;
        for (TSNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            tick();
            if (isFunction(p)) break;
            if (isLoop(p)) found = p;
        }
        return Optional.ofNullable(found);
    }

    public Optional<TSNode> enclosingFunction(TSNode n) {
        tick();
        int i = innermostFunction(n.getStartByte(), n.getEndByte());
        return i < 0 ? Optional.empty() : Optional.of(functionNodes.get(i));
    }

    public String functionName(TSNode fn) {
        TSNode name = fn.getChildByFieldName("name");
        return name == null || name.isNull() ? "" : text(name);
    }

    public boolean contains(TSNode outer, TSNode inner) {
        tick();
        return inner.getStartByte() >= outer.getStartByte() && inner.getEndByte() <= outer.getEndByte();
    }

    /**
     * True when the node runs without autograd: inside `with torch.no_grad()`, `inference_mode()`,
     * `set_grad_enabled(False)`, or in a function decorated with one of them.
     */
    public boolean withoutGrad(TSNode n) {
        tick();
        long key = ((long) n.getStartByte() << 32) | n.getEndByte();
        Boolean known = noGradMemo.get(key);
        if (known == null) {
            known = mentionsGradOff() && withoutGradUncached(n);
            noGradMemo.put(key, known);
        }
        return known;
    }

    /**
     * Whether the text names a way to turn autograd off at all, read once: the rules ask withoutGrad of thousands of
     * nodes, and searching the whole text each time was the scan's largest cost in Java (JFR on diffusers).
     */
    private boolean mentionsGradOff() {
        // three literal searches (String.indexOf, vectorised) instead of an alternation tried at every position:
        // the same answer, a fifth of tensor_accumulated's CPU on diffusers before (bench/results.md, round 14)
        if (gradOffWords == null) {
            gradOffWords = text.contains("no_grad") || text.contains("inference_mode")
                    || text.contains("set_grad_enabled");
        }
        return gradOffWords;
    }

    private Boolean gradOffWords;

    private boolean withoutGradUncached(TSNode n) {
        if (noGradSpans == null) noGradSpans = noGradSpans();
        int s = n.getStartByte(), e = n.getEndByte();
        for (int i = 0; i < noGradSpans.length; i += 2) {
            if (noGradSpans[i] <= s && e <= noGradSpans[i + 1] && !(noGradSpans[i] == s && noGradSpans[i + 1] == e)) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern NO_GRAD_WORD = java.util.regex.Pattern.compile(
            "no_grad|inference_mode|set_grad_enabled");
    private static final java.util.regex.Pattern GRAD_OFF = java.util.regex.Pattern.compile(
            "set_grad_enabled\\(\\s*False\\s*\\)");

    /**
     * The with-statements and decorated functions whose head turns autograd off. Each mention of no_grad in the
     * text is looked up in the tree once; a mention in a comment, a string or a body is not a head and counts not.
     */
    private int[] noGradSpans() {
        List<Integer> out = new ArrayList<>();
        java.util.regex.Matcher m = NO_GRAD_WORD.matcher(text);
        while (m.find()) {
            int b = byteOffset(m.start());
            TSNode at = root().getDescendantForByteRange(b, b + 1);
            for (TSNode p = at; p != null && !p.isNull(); p = p.getParent()) {
                String type = p.getType();
                boolean with = type.equals("with_statement"), deco = type.equals("decorated_definition");
                if (!with && !deco) continue;
                // Only the head is read: the text of a whole with-block or function would be copied for every mention.
                String head = head(p, with ? "block" : "function_definition");
                if (b >= p.getStartByte() + head.getBytes(StandardCharsets.UTF_8).length) continue; // in the body
                // set_grad_enabled(flag) may turn autograd on: only a literal False turns it off
                if (head.contains("no_grad") || head.contains("inference_mode")
                        || with && GRAD_OFF.matcher(head).find()) {
                    out.add(p.getStartByte());
                    out.add(p.getEndByte());
                }
                break;
            }
        }
        int[] spans = new int[out.size()];
        for (int i = 0; i < spans.length; i++) spans[i] = out.get(i);
        return spans;
    }

    /** The first line of a loop, a with or a def: read without copying its body. */
    public String headText(TSNode n) { return head(n, "block"); }

    /** The text of a node up to its first child of the given type (a with-clause, the decorators). */
    private String head(TSNode n, String stopAt) {
        int end = n.getEndByte();
        for (int i = 0; i < n.getChildCount(); i++) {
            TSNode c = n.getChild(i);
            if (c.getType().equals(stopAt)) { end = c.getStartByte(); break; }
        }
        int s = n.getStartByte();
        return s < 0 || end > bytes.length || s > end ? "" : new String(bytes, s, end - s, StandardCharsets.UTF_8);
    }

    private static final ThreadLocal<TSQuery> COMMENTS = ThreadLocal.withInitial(() -> new TSQuery(LANGUAGE,
            "(comment) @c"));
    private String codeText;

    /**
     * The file's text with every comment blanked, for a rule asking whether the code says something: a commented-out
     * {@code # Accelerator(...)} is no accelerator (yxli2123/LoftQ@ae33fd4 glue/run_glue.py:251). Strings are kept,
     * since an environment variable's or a device's name is written in one. Offsets after a non-ASCII comment shift:
     * for containment questions only.
     */
    public String codeText() {
        if (codeText != null) return codeText;
        byte[] code = bytes.clone();
        boolean any = false;
        TSQueryCursor c = new TSQueryCursor();
        c.exec(COMMENTS.get(), tree.getRootNode());
        TSQueryMatch m = new TSQueryMatch();
        while (c.nextMatch(m)) {
            for (TSQueryCapture cap : m.getCaptures()) {
                int s = cap.getNode().getStartByte(), e = Math.min(code.length, cap.getNode().getEndByte());
                for (int i = Math.max(0, s); i < e; i++) code[i] = ' ';
                any = true;
            }
        }
        codeText = any ? new String(code, StandardCharsets.UTF_8) : text;
        return codeText;
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
        if (bytes.length == text.length()) return charOffset; // ASCII: one byte per character
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

    /**
     * Names of this file's functions that run without autograd at every call this file makes of them: each call is
     * inside a no_grad block or function, or inside a function that is itself graph-free here, through any number
     * of helpers (KAIR main_test_rvrt.py: main() wraps test_video() in no_grad, test_video() calls test_clip()). A
     * function with one call where autograd is on is not graph-free, whatever its other callers do; a function this
     * file never calls is not in the set (its callers are elsewhere).
     */
    public java.util.Set<String> graphFreeFunctions() {
        if (graphFree != null) return graphFree;
        java.util.Set<String> out = new java.util.HashSet<>();
        if (mentionsGradOff()) {
            // least fixpoint: a function joins once all its calls are known to run without grad
            for (boolean grew = true; grew; ) {
                grew = false;
                for (String name : definitions.keySet()) {
                    List<TSNode> calls = callsByName.getOrDefault(name, List.of());
                    if (out.contains(name) || calls.isEmpty()) continue;
                    boolean all = true;
                    for (TSNode c : calls) all &= callRunsWithoutGrad(c, out);
                    if (all) {
                        out.add(name);
                        grew = true;
                    }
                }
            }
        }
        graphFree = out;
        return out;
    }

    private java.util.Set<String> graphFree;

    /** A call inside a no_grad block or function, or in a function of this file known to run graph-free. */
    private boolean callRunsWithoutGrad(TSNode call, java.util.Set<String> graphFreeFns) {
        if (withoutGrad(call)) return true;
        if (graphFreeFns.isEmpty()) return false;
        Optional<TSNode> fn = enclosingFunction(call);
        return fn.isPresent() && graphFreeFns.contains(functionName(fn.get()));
    }

    /**
     * Every name this file calls, each with whether some call of it runs with autograd on and whether some runs
     * without: what the scanner needs to judge a function of another file from all its call sites.
     */
    public CallSites callSites() {
        java.util.Set<String> with = new java.util.HashSet<>(), without = new java.util.HashSet<>();
        if (!mentionsGradOff()) {
            with.addAll(callsByName.keySet()); // nothing here turns autograd off: every call runs with it
        } else {
            java.util.Set<String> free = graphFreeFunctions();
            for (var e : callsByName.entrySet()) {
                for (TSNode c : e.getValue()) {
                    if (callRunsWithoutGrad(c, free)) without.add(e.getKey());
                    else with.add(e.getKey());
                    if (with.contains(e.getKey()) && without.contains(e.getKey())) break;
                }
            }
        }
        return new CallSites(java.util.Set.copyOf(definitions.keySet()), with, without);
    }

    /**
     * For a function of this file called here both where autograd is off and where it is on, the first call with it
     * on (the call path that keeps an eval loop's graph); null when every call is one or the other.
     */
    public TSNode callWithGradBesideNoGrad(String fn) {
        List<TSNode> calls = callsByName.getOrDefault(fn, List.of());
        if (!mentionsGradOff() || calls.isEmpty()) return null;
        TSNode with = null;
        boolean without = false;
        for (TSNode c : calls) {
            if (callRunsWithoutGrad(c, graphFreeFunctions())) without = true;
            else if (with == null) with = c;
        }
        return without ? with : null;
    }

    /** The functions a file defines and the names it calls with autograd on and off (a name may be in both). */
    public record CallSites(java.util.Set<String> defined, java.util.Set<String> withGrad,
            java.util.Set<String> withoutGrad) {
        /** Whether this file decides for its own function: it defines it and calls it. */
        public boolean callsOwn(String fn) {
            return defined.contains(fn) && (withGrad.contains(fn) || withoutGrad.contains(fn));
        }
    }

    /**
     * Calls whose callee is a subscript ({@code self.model["generator"](z)}) inside a node, by a query of their own
     * run natively on that node only: the index query leaves them out, and only a rule following a call into a
     * function of this file asks.
     */
    public List<TSNode> subscriptCallsIn(TSNode scope) {
        tick();
        List<TSNode> out = new ArrayList<>();
        TSQueryCursor c = new TSQueryCursor();
        c.exec(SUBSCRIPT_CALLS.get(), scope);
        TSQueryMatch m = new TSQueryMatch();
        while (c.nextMatch(m)) {
            for (TSQueryCapture cap : m.getCaptures()) out.add(cap.getNode());
        }
        return out;
    }

    private static final ThreadLocal<TSQuery> SUBSCRIPT_CALLS = ThreadLocal.withInitial(() -> new TSQuery(LANGUAGE,
            "(call function: (subscript)) @call"));

    /** Every call inside a node. */
    public List<TSNode> callsIn(TSNode scope) { return callsIn(scope.getStartByte(), scope.getEndByte()); }

    /** Every call between two byte offsets. */
    public List<TSNode> callsIn(int s, int e) {
        tick();
        if (callSpans == null) {
            callSpans = new int[allCalls.size() * 2];
            for (int i = 0; i < allCalls.size(); i++) {
                callSpans[2 * i] = allCalls.get(i).getStartByte();
                callSpans[2 * i + 1] = allCalls.get(i).getEndByte();
            }
        }
        List<TSNode> out = new ArrayList<>();
        for (int i = 0; i < allCalls.size(); i++) {
            if (callSpans[2 * i] >= s && callSpans[2 * i + 1] <= e) out.add(allCalls.get(i));
        }
        return out;
    }

    /**
     * The trimmed source line of a node with the node's text replaced, or null when the node spans lines.
     * Positions are bytes, so a line with non-ASCII text before the node is still cut at the right place.
     */
    public String replaceInLine(TSNode part, String with) {
        if (part.getStartPoint().getRow() != part.getEndPoint().getRow()) return null;
        String[] ls = lines();
        int row = part.getStartPoint().getRow();
        if (row >= ls.length) return null;
        byte[] line = ls[row].getBytes(StandardCharsets.UTF_8);
        int s = part.getStartPoint().getColumn(), e = part.getEndPoint().getColumn();
        if (s < 0 || e > line.length || s > e) return null;
        String out = new String(line, 0, s, StandardCharsets.UTF_8) + with
                + new String(line, e, line.length - e, StandardCharsets.UTF_8);
        return out.strip();
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
