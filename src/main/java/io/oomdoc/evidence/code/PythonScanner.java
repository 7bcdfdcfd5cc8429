package io.oomdoc.evidence.code;

import io.oomdoc.evidence.code.rules.EvalWithoutNoGrad;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scans a repository's Python files and notebooks with every rule, in parallel, and reads the training
 * setup from code and configs. Files no rule could match are not parsed at all; every other file is parsed
 * whole, as written. Tests and fixtures are skipped with a reason, and so is a file over the size or time limit.
 */
public final class PythonScanner {
    /** Tokens that make a piece of code worth parsing by themselves. */
    private static final String[] DIRECT = {"torch.load", "DistributedDataParallel", "DDP(", "compute_metrics",
            "pin_memory", "TrainingArguments(",
            "attn_implementation", "use_cache", "gradient_checkpointing"};
    /** Tokens that matter only inside a loop (leaks, zero_grad, eval loops, empty_cache, retain_graph). */
    private static final String[] IN_LOOPS = {"backward(", "empty_cache", "retain_graph"};
    private static final java.util.regex.Pattern MODEL_CALL = java.util.regex.Pattern.compile("(?<![\\w.])(self\\.)?"
            + "(\\w*_)?(model|net|encoder|decoder|generator|discriminator|netG|netD|G|D)(\\.forward)?\\("
            + "|\\w\\.module\\("); // self.module(x): a trainer's wrapped network (GraphFlow reads it as a module)
    /** A backward call, not the definition of a custom autograd Function's backward(ctx, ...). */
    private static final java.util.regex.Pattern BACKWARD_CALL = java.util.regex.Pattern.compile(
            "(?<!def )\\bbackward\\(");
    private static final java.util.regex.Pattern EVAL_DEF = java.util.regex.Pattern.compile("(?i)def (evaluate"
            + "|eval\\w*|valid\\w*|val_\\w*|test\\w*|predict\\w*|inference\\w*)\\(");
    /**
     * Literal endings of a model call: the regex runs only on lines that hold one. A forward called by name
     * ({@code model.forward(img, txt)}) is a model call too: the rule reads it as one (yalesong/pvse eval.py).
     */
    private static final String[] MODEL_CALL_ENDS = {"model(", "net(", "coder(", "generator(", "discriminator(",
            "G(", "D(", ".forward(", ".module("};
    private static final java.util.regex.Pattern SPLIT_MOVE = java.util.regex.Pattern.compile(
            "(?im)^\\s*[\\w, ]*(x_?train|x_?test|x_?val|y_?train|train_?(x|y|data|dataset|set|features|labels|images"
                    + "|inputs)|dataset)\\b[\\w, ]*=.*\\.(to|cuda)\\(");
    private static final java.util.regex.Pattern LOADER_DEF = java.util.regex.Pattern.compile("def (load\\w*"
            + "|get_data\\w*|\\w*dataset\\w*|read_\\w*|prepare_data\\w*|make_data\\w*)\\(",
                    java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Whether a file could make any of the rules fire: the union of what each declares ({@link Rule#fileTokens()}).
     * Code that lacks these tokens is never parsed: the parser is by far the slowest step, so this decides the scan
     * time of a large repository.
     */
    static boolean relevant(String code, java.util.Set<FileTokens> needs) {
        for (FileTokens t : needs) if (t.admits(code)) return true;
        return false;
    }

    /** {@link #relevant} for the default rules or for every rule. */
    static boolean relevant(String code, boolean everyRule) {
        return relevant(code, tokensOf(everyRule ? Rules.ALL : Rules.DEFAULT));
    }

    /** The distinct declarations of a rule set: each is tried once per file, however many rules share it. */
    static java.util.Set<FileTokens> tokensOf(List<Rule> rules) {
        java.util.Set<FileTokens> out = java.util.EnumSet.noneOf(FileTokens.class);
        for (Rule r : rules) out.add(r.fileTokens());
        return out;
    }

    /** A backward call (not a custom Function's definition) with a step or an accumulation in the file. */
    static boolean trainingTokens(String code) {
        return backwardCall(code) && (code.contains(".step(")
                || code.contains("+=") || code.contains(".append(") || code.contains(".update("));
    }

    /**
     * {@link #BACKWARD_CALL} tried only where {@code backward(} stands, its lookbehinds seeing the text before: a match
     * can start nowhere else, and tried from the file's start the regex walked every character of it.
     */
    static boolean backwardCall(String code) {
        java.util.regex.Matcher m = BACKWARD_CALL.matcher(code).useTransparentBounds(true);
        for (int i = code.indexOf("backward("); i >= 0; i = code.indexOf("backward(", i + 1)) {
            if (m.region(i, code.length()).lookingAt()) return true;
        }
        return false;
    }

    /**
     * A sum or an append, a call named like a training step or a loss ({@code train_step(}, {@code compute_loss(}) and
     * an import from a module of the tree: the step's backward and forward may be in the imported file.
     */
    static boolean stepOfTheTree(String code) {
        if (!code.contains("+=") && !code.contains(".append(")) return false;
        for (String name : namesFromTree(code)) {
            if (stepName(name) && code.contains(name + "(")) return true;
        }
        return false;
    }

    /**
     * A function named like a training step or a loss ({@code train_step}, {@code compute_loss}, {@code step}): a
     * word of a snake_case name, so that a class ({@code PixArtAlphaCombinedTimestepSizeEmbeddings}, diffusers) or
     * {@code timestep_embedding} is not.
     */
    public static boolean stepName(String name) {
        if (name.isEmpty() || !Character.isLowerCase(name.charAt(0)) && name.charAt(0) != '_') return false;
        for (String word : name.split("_")) if (word.equals("step") || word.equals("train") || word.equals("loss")) {
            return true;
        }
        return false;
    }

    private static final java.util.regex.Pattern IMPORTED_NAME = java.util.regex.Pattern.compile(
            "(\\w+)(?:\\s+as\\s+(\\w+))?");

    /**
     * The names a file imports by {@code from M import a, b as c} from modules that may be files of the tree (not a
     * library {@link #importsFromTree} knows): what a call of the file may run in another file of the repository.
     */
    static java.util.List<String> namesFromTree(String code) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = code.indexOf("from "); i >= 0; i = code.indexOf("from ", i + 1)) {
            if (i > 0 && code.charAt(i - 1) != '\n') continue;
            java.util.regex.Matcher m = TREE_IMPORT.matcher(code).region(i, code.length());
            if (!m.lookingAt() || LIBRARY.matcher(m.group(1)).matches()) continue;
            int end = code.indexOf('\n', m.end());
            String list = code.substring(m.end(), end < 0 ? code.length() : end);
            if (list.strip().startsWith("(")) {
                int close = code.indexOf(')', m.end());
                list = code.substring(m.end(), close < 0 ? code.length() : close);
            }
            java.util.regex.Matcher n = IMPORTED_NAME.matcher(list.replace("(", " "));
            while (n.find()) if (n.group(1) != null && !n.group(1).equals("as")) out.add(n.group(2) != null ? n.group(2)
                    : n.group(1));
        }
        return out;
    }

    /** The tokens of the rules that are off by default ({@link FileTokens#OFF_BY_DEFAULT_RULES}). */
    static boolean offByDefaultTokens(String code) {
        for (String t : DIRECT) if (code.contains(t)) return true;
        boolean loopToken = code.contains("backward(") || modelCall(code);
        for (String t : IN_LOOPS) loopToken |= code.contains(t);
        if (loopToken && loopStatement(code)) return true;
        return (code.contains(".to(") || code.contains(".cuda(")) && (LOADER_DEF.matcher(code).find()
                || SPLIT_MOVE.matcher(code).find());
    }

    /** Whether a real scan skips this path as a test, fixture or vendored file (for the profiling bench). */
    public static boolean testFileForProfile(String rel) { return testFile(rel) != null; }

    /** {@link #relevant} for the profiling bench. */
    public static boolean relevantForProfile(String code, boolean everyRule) { return relevant(code, everyRule); }

    /**
     * A module switched to eval mode ({@code .eval()}, what eval_without_no_grad itself reads first), an eval function
     * or a loop over evaluation data: a renamed loader or function (`for batch in loader` in `embed_pairs()`) is
     * still evaluation after {@code net.eval()}. The patterns are tried only where their first word stands: tried at
     * every character of a large file, a regex costs more than the rest of the prefilter.
     */
    /**
     * {@code .eval()}, or {@code .train(False)}, the same switch by another name (HaoMood/bilinear-cnn@bcc2883
     * src/bilinear_cnn_all.py:195): found by plain text search, cheap on any file.
     */
    public static boolean switchesToEval(String code) {
        return anyAtDot(code, EVAL_SWITCHES);
    }

    private static final String[] EVAL_SWITCHES = {".eval()", ".train(False)", ".train(mode=False)"};

    /**
     * Whether the text holds one of the words, each starting with a dot: the same answer as {@code contains} of
     * each, read in one pass that tries the words only where a dot stands. Three to seven full searches per file,
     * each a plain loop under the launcher's C1 compiler, were ~0.3 s of the Java CPU on huggingface/diffusers
     * (JFR samples, scan32).
     */
    static boolean anyAtDot(String code, String[] words) {
        for (int i = code.indexOf('.'); i >= 0; i = code.indexOf('.', i + 1)) {
            for (String w : words) if (code.startsWith(w, i)) return true;
        }
        return false;
    }

    static boolean evalContext(String code) {
        return switchesToEval(code) || matchesAt(code, "def ", EVAL_DEF) || evalLoop(code);
    }

    /**
     * A loop over evaluation data: a `for` and a blank, then anywhere on its line a word `in` and after that an
     * evaluation name ({@link #EVAL_TAIL}). That was one regex tried at every such `for` up to its line's end
     * (EvalLoopTextTest keeps it), and a file of one long generated line took minutes. Now linear: on a line only the
     * first such `for` is read, since a later one matches only if it does, and it is read in two searches, the first
     * word `in` after it, then a name that starts after that word.
     */
    static boolean evalLoop(String code) {
        java.util.regex.Matcher in = IN_WORD.matcher(code).useTransparentBounds(true);
        java.util.regex.Matcher tail = EVAL_TAIL.matcher(code);
        int i = code.indexOf("for");
        while (i >= 0) {
            if (i + 3 >= code.length() || " \t\n\u000B\f\r".indexOf(code.charAt(i + 3)) < 0) {
                i = code.indexOf("for", i + 1);
                continue;
            }
            int end = code.indexOf('\n', i);
            if (end < 0) end = code.length();
            if (i + 4 <= end && (hasIgnoringCase(code, i, end, "val") || hasIgnoringCase(code, i, end, "test"))
                    && in.region(i + 4, end).find() && tail.region(in.end(), end).find()) return true;
            i = code.indexOf("for", end);
        }
        return false;
    }

    /** The word `in` of a loop header, in any case, as that regex has it. */
    private static final java.util.regex.Pattern IN_WORD = java.util.regex.Pattern.compile("(?i)\\bin\\b");
    /** The evaluation name that ends an evaluation loop's header. */
    private static final java.util.regex.Pattern EVAL_TAIL = java.util.regex.Pattern.compile(
            "(?i)(val|valid|eval|test)\\w*(_loader|loader|_dl|_data|set)");

    /**
     * {@code word} (lower-case ASCII) in any case within [from, to). An ASCII character that is not the word's first
     * letter in either case cannot start a match, so regionMatches is asked only where one could: called at every
     * position of every loop header, it was a third of evalLoop's CPU (diffusers, scan34). Other characters still go
     * to regionMatches, which alone knows Unicode's case pairs.
     */
    private static boolean hasIgnoringCase(String code, int from, int to, String word) {
        char first = word.charAt(0);
        for (int k = from; k + word.length() <= to; k++) {
            char c = code.charAt(k);
            if (c < 128 && (c | 0x20) != first) continue;
            if (code.regionMatches(true, k, word, 0, word.length())) return true;
        }
        return false;
    }

    /**
     * A {@code from M import f} whose module is not a library the scanner knows by name: relative ({@code from .x}) or
     * a plain module name that may be a file beside this one ({@code from widerface_val import detect_face}).
     */
    static boolean importsFromTree(String code) {
        for (int i = code.indexOf("from "); i >= 0; i = code.indexOf("from ", i + 1)) {
            if (i > 0 && code.charAt(i - 1) != '\n') continue;
            java.util.regex.Matcher m = TREE_IMPORT.matcher(code).region(i, code.length());
            if (m.lookingAt() && !LIBRARY.matcher(m.group(1)).matches()) return true;
        }
        return false;
    }

    /** Method calls that evaluate or extract with a model kept on the object: {@code model.extract(meta, data)}. */
    private static final String[] EVAL_METHODS = {".predict(", ".extract(", ".infer(", ".inference(", ".evaluate(",
            ".validate(", ".test("};

    /**
     * A call of a method named like evaluation ({@link #EVAL_METHODS}, by plain text search) in a file that imports a
     * class (a capitalised name) from a module that may be a file of the tree.
     */
    static boolean evalMethodCall(String code) {
        if (!anyAtDot(code, EVAL_METHODS)) return false;
        for (String name : namesFromTree(code)) if (Character.isUpperCase(name.charAt(0))) return true;
        return false;
    }

    private static final java.util.regex.Pattern TREE_IMPORT = java.util.regex.Pattern.compile(
            "from\\s+(\\.*[\\w.]*)\\s+import\\s");
    /** Libraries imported by name in training code: a function of theirs is not read from the tree. */
    private static final java.util.regex.Pattern LIBRARY = java.util.regex.Pattern.compile("(__future__|torch"
            + "|torchvision|numpy|scipy|sklearn|transformers|typing|collections|os|sys|PIL|tqdm|matplotlib|pathlib"
            + "|dataclasses"
            + "|functools|itertools|accelerate|datasets|lightning|pytorch_lightning|tensorflow|keras|jax|pandas"
            + "|cv2|abc|argparse|logging|json|time|math|random|copy|re|enum|contextlib)(\\..*)?");

    /** A call of something named like a model ({@code model(x)}, {@code self.netG(z)}), read on its line only. */
    static boolean modelCall(String code) {
        java.util.regex.Matcher m = MODEL_CALL.matcher(code);
        for (String end : MODEL_CALL_ENDS) {
            for (int i = code.indexOf(end); i >= 0; i = code.indexOf(end, i + 1)) {
                // A match is letters, digits, `_` and dots up to the bracket, preceded by none of them: it lies in
                // the run of such characters before it. Tried from the line's start instead, each call of a
                // one-line generated file read the line again (minutes for 90,000 calls).
                int from = i;
                while (from > 0 && nameOrDot(code.charAt(from - 1))) from--;
                if (m.region(from, i + end.length()).find()) return true;
            }
        }
        return false;
    }

    /** The characters of {@link #MODEL_CALL} before its bracket: the regex's {@code [\\w.]}, ASCII only. */
    private static boolean nameOrDot(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.';
    }

    /**
     * A line that opens a loop: `for `, `while ` or `async for ` with only blanks before it on its line. Read at each
     * occurrence of the words; the multi-line regex it replaces ({@code (?m)^\\s*(for|while|async for) }) was tried
     * at every character of every Python file of the tree.
     */
    static boolean loopStatement(String code) {
        return startsLine(code, "for ") || startsLine(code, "while ") || startsLine(code, "async for ");
    }

    /** Whether the word stands somewhere where that regex's line start and blanks would let it match. */
    private static boolean startsLine(String code, String word) {
        for (int i = code.indexOf(word); i >= 0; i = code.indexOf(word, i + 1)) {
            int q = i;
            boolean lineEnd = false;
            while (q > 0 && " \t\n\u000B\f\r".indexOf(code.charAt(q - 1)) >= 0) {
                char c = code.charAt(--q);
                lineEnd |= c == '\n' || c == '\r';
            }
            // the regex's line start: the text's start, a CR or LF among the blanks, or one of Java's other line ends
            if (q == 0 || lineEnd || "\u0085\u2028\u2029".indexOf(code.charAt(q - 1)) >= 0) return true;
        }
        return false;
    }

    /**
     * Whether {@code p} matches where {@code word} stands. The region runs to the text's end, not the line's: the one
     * pattern asked ({@link #EVAL_DEF}) holds no blank or dot that could reach a line end, and finding each line's end
     * again made a long generated line quadratic.
     */
    private static boolean matchesAt(String code, String word, java.util.regex.Pattern p) {
        java.util.regex.Matcher m = p.matcher(code);
        for (int i = code.indexOf(word); i >= 0; i = code.indexOf(word, i + 1)) {
            if (m.region(i, code.length()).lookingAt()) return true;
        }
        return false;
    }

    private final List<Rule> rules;
    private final java.util.Set<FileTokens> needs;
    private final long fileBudgetMs;
    private final boolean evalRule;

    /** The rules on by default (precise in the wild); {@code new PythonScanner(Rules.ALL)} runs every rule. */
    public PythonScanner() { this(Rules.DEFAULT); }

    public PythonScanner(List<Rule> rules) { this(rules, FILE_TIME_LIMIT_MS); }

    /** With another per-file CPU budget than {@link #FILE_TIME_LIMIT_MS} (tests: a budget a real file exceeds). */
    PythonScanner(List<Rule> rules, long fileBudgetMs) {
        this.rules = rules;
        this.needs = tokensOf(rules);
        this.fileBudgetMs = fileBudgetMs;
        this.evalRule = rules.stream().anyMatch(r -> r.id().equals(EvalWithoutNoGrad.ID));
    }

    public ScanResult scan(Path root) throws IOException {
        return scan(root, RepoFiles.list(root, n -> n.endsWith(".py") || n.endsWith(".ipynb")
                || n.endsWith(".yaml")
                || n.endsWith(".yml") || n.endsWith(".json") && !n.equals("package.json") || n.endsWith(".cfg")
                        || n.endsWith(".toml") || n.endsWith(".sh")));
    }

    /**
     * Only the given files of the repository (the user's frames of a traceback): a few files, read whole, so a
     * dying job's report can name the loop without listing a large repository.
     */
    public ScanResult scanFiles(Path root, List<Path> files) throws IOException {
        return scan(root, new RepoFiles.Listing(files, List.of()));
    }

    /** What the scan's threads add to as they go: findings, skip reasons, setup lines, calls across files. */
    private record Sinks(List<Finding> findings, List<ScanResult.Skipped> skipped, List<String[]> setup,
            TreeCalls calls, SiblingFiles siblings) {}

    private ScanResult scan(Path root, RepoFiles.Listing listing) throws IOException {
        Path realRoot = root.toRealPath();
        Sinks sinks = new Sinks(Collections.synchronizedList(new ArrayList<>()),
                Collections.synchronizedList(new ArrayList<>(listing.skipped())),
                Collections.synchronizedList(new ArrayList<>()), new TreeCalls(), new SiblingFiles(realRoot));
        warmUpParser(listing.files());
        int scanned = scanAll(listing.files(), f -> scanFile(realRoot, f, sinks));
        List<ScanResult.Skipped> sk = new ArrayList<>(sinks.skipped());
        sk.sort(Comparator.comparing(ScanResult.Skipped::file));
        return new ScanResult(scanned, sk, reported(sinks.findings(), sinks.calls()),
                SetupExtractor.extract(byRole(sinks.setup())));
    }

    /** Loads the native parser before any file's time limit starts, when there is Python to parse. */
    private static void warmUpParser(List<Path> files) {
        if (files.stream().anyMatch(f -> f.toString().endsWith(".py") || f.toString().endsWith(".ipynb"))) {
            new PySource("<warm-up>", "pass\n", null);
        }
    }

    /** Scans the files on up to eight threads; how many were scanned (scanOne says whether its file was). */
    private static int scanAll(List<Path> files, java.util.function.Predicate<Path> scanOne) throws IOException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> { Thread t = new Thread(r,
                "oomdoc-scan"); t.setDaemon(true); return t; });
        List<Future<Boolean>> jobs = new ArrayList<>();
        for (Path f : files) jobs.add(pool.submit(() -> scanOne.test(f)));
        int scanned = 0;
        try {
            for (Future<Boolean> j : jobs) if (j.get()) scanned++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(ScanText.get("scan.interrupted"));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(ScanText.get("scan.failed", e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return scanned;
    }

    /** The findings by file, line and rule, less an eval function that other files call only under no_grad. */
    private static List<Finding> reported(List<Finding> findings, TreeCalls calls) {
        List<Finding> sorted = new ArrayList<>();
        for (Finding f : findings) {
            boolean graphFree = f.rule().equals(EvalWithoutNoGrad.ID)
                    && calls.onlyWithoutGradFromElsewhere(f.file(), f.function());
            if (!graphFree) sorted.add(f);
        }
        sorted.sort(Comparator.comparing(Finding::file).thenComparingInt(Finding::line).thenComparing(Finding::rule));
        return sorted;
    }

    /** The setup sources ({path, key lines}) by their role's rank (SetupRole), then by path. */
    private static List<String[]> byRole(List<String[]> setupSources) {
        List<String[]> ordered = new ArrayList<>(setupSources);
        ordered.sort(Comparator.comparingInt((String[] s) -> SetupRole.rank(s[0])).thenComparing(s -> s[0]));
        return ordered;
    }

    /** A file's text, its UTF-8 bytes (kept from the read when they are that) and a notebook's cell of each line. */
    private record FileText(String text, byte[] utf8, int[] cells) {}

    private boolean scanFile(Path root, Path f, Sinks sinks) {
        String rel = RepoFiles.rel(root, f);
        String name = f.getFileName().toString();
        boolean code = name.endsWith(".py") || name.endsWith(".ipynb");
        if (skippedAsTest(f, rel, code, sinks.skipped())) return false;
        if (sinks.siblings().bundled(rel)) { // someone else's package copied in, whatever its folder is called
            if (code) sinks.skipped().add(new ScanResult.Skipped(rel, ScanText.get("skip.bundled")));
            return false;
        }
        long c0 = PySource.cpuNanos(); // the file's budget covers reading it too
        FileText file = read(f, rel, sinks.skipped());
        if (file == null) return false;
        if (!code) { // a config: read for the setup only when small
            if (file.text().length() < 200_000) {
                sinks.setup().add(new String[]{rel, SetupExtractor.keyLines(file.utf8())});
            }
            return false;
        }
        if (name.endsWith(".ipynb")) {
            file = notebookCode(file.text(), rel, sinks.skipped());
            if (file == null) return false;
        }
        return scanCode(rel, file, c0, sinks);
    }

    /** Tests and fixtures are not the user's training code: not even read (true when the file is one). */
    private static boolean skippedAsTest(Path f, String rel, boolean code, List<ScanResult.Skipped> skipped) {
        String testWhy = testFile(rel);
        // a name alone (fddb_test.py, test_net.py) is an evaluation script as often as a unit test: read it first
        if (testWhy != null && code && testByNameOnly(rel) && !unitTestCode(f)) testWhy = null;
        if (testWhy == null) return false;
        // a config there is a fixture too, not the job's setup; only code is listed, configs are many
        if (code) skipped.add(new ScanResult.Skipped(rel, testWhy));
        return true;
    }

    /**
     * Python text: its setup lines kept when it is ML code, then parsed and checked unless it is another framework's
     * code, holds no rule's tokens (scanned, nothing to find) or is too large to parse; false when not scanned. Only a
     * file that is parsed is noted as Python 2: the note says its findings may be incomplete.
     */
    private boolean scanCode(String rel, FileText file, long c0, Sinks sinks) {
        String text = file.text();
        if (mlCode(text)) {
            // the setup lives in ML code; its lines are picked here, on the scan's threads, not after the scan
            sinks.setup().add(new String[]{rel, SetupExtractor.keyLines(file.utf8())});
        }
        String framework = otherFramework(text);
        if (framework != null) { // Paddle's clear_grad() is not zero_grad(), paddle.no_grad() not torch's
            sinks.skipped().add(new ScanResult.Skipped(rel, ScanText.get("skip.other.framework", framework)));
            return false;
        }
        // the prefilter skips whole files only; a parsed file is parsed as it is
        if (!relevant(text, needs)) return true;
        if (file.utf8().length > MAX_PARSE_BYTES) {
            sinks.skipped().add(new ScanResult.Skipped(rel, ScanText.get("skip.too.large", MAX_PARSE_BYTES / 1000)));
            return false;
        }
        // a note on how the parse reads the file: only a parsed file gets it (it was ~2% of a large scan's CPU)
        if (looksPython2(text)) sinks.skipped().add(new ScanResult.Skipped(rel, ScanText.get("skip.python2")));
        return parseAndCheck(rel, file, c0, sinks.findings(), sinks.skipped(), sinks.calls(), sinks.siblings());
    }

    /** The bytes as text (UTF-8, else Latin-1 with a note), or null with the reason when binary or unreadable. */
    private static FileText read(Path f, String rel, List<ScanResult.Skipped> skipped) {
        try {
            byte[] bytes = Files.readAllBytes(f);
            for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                if (bytes[i] == 0) {
                    skipped.add(new ScanResult.Skipped(rel, ScanText.get("skip.binary")));
                    return null;
                }
            }
            String text = decode(bytes);
            if (text != null) return new FileText(text, bytes, null);
            skipped.add(new ScanResult.Skipped(rel, ScanText.get("skip.latin1")));
            text = new String(bytes, StandardCharsets.ISO_8859_1);
            return new FileText(text, text.getBytes(StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            skipped.add(new ScanResult.Skipped(rel, ScanText.get("skip.unreadable", e.getMessage())));
            return null;
        }
    }

    /** A notebook's code cells as one Python text with each line's cell, or null with the reason when unreadable. */
    private static FileText notebookCode(String json, String rel, List<ScanResult.Skipped> skipped) {
        try {
            Notebook.Code code = Notebook.read(json);
            return new FileText(code.text(), code.text().getBytes(StandardCharsets.UTF_8), code.cellOfLine());
        } catch (IOException | RuntimeException e) {
            skipped.add(new ScanResult.Skipped(rel, ScanText.get("skip.notebook", e.getMessage())));
            return null;
        }
    }

    /** Whether the file imports or names an ML library, so its setup lines are worth keeping. */
    private static boolean mlCode(String text) {
        return text.contains("torch") || text.contains("transformers") || text.contains("lightning")
                || text.contains("jax") || text.contains("tensorflow") || text.contains("keras")
                || text.contains("Trainer");
    }

    /** Parses the file within its CPU budget (counted from the read) and runs every rule; false when not scanned. */
    private boolean parseAndCheck(String rel, FileText file, long c0, List<Finding> findings,
            List<ScanResult.Skipped> skipped, TreeCalls calls, SiblingFiles siblings) {
        try {
            PySource src = new PySource(rel, file.text(), file.utf8(), file.cells(), PARSE_WALL_LIMIT_MS * 1000L);
            src.siblings(siblings);
            // the budget counts from the read; every question a rule asks checks it
            src.stopAtCpuTime(c0, fileBudgetMs * 1_000_000L);
            if (evalRule) calls.add(rel, src.callSites()); // only that rule asks about callers elsewhere
            if (src.hasSyntaxErrors()) {
                skipped.add(new ScanResult.Skipped(rel, ScanText.get("skip.syntax")));
            }
            runRules(src, rel, findings, skipped);
        } catch (PySource.OverBudget e) {
            skipped.add(new ScanResult.Skipped(rel, ScanText.get("skip.parse.budget", e.usedMs(), fileBudgetMs)));
            return false;
        } catch (PySource.ParseTimeout e) {
            skipped.add(new ScanResult.Skipped(rel, ScanText.get("skip.parse.timeout", e.getMessage())));
            return false;
        } catch (RuntimeException | LinkageError e) {
            skipped.add(new ScanResult.Skipped(rel, ScanText.get("skip.parser.failed", e.getMessage())));
            return false;
        }
        return true;
    }

    /**
     * Every rule on the parsed file, also a rule whose own tokens do not admit it: eval_without_no_grad finds eval
     * loops after `.eval()` in training files that only TRAINING_LOOP admits (two true findings in scan_wild were
     * lost when each rule ran only where its tokens admit). One that fails is noted and the rest run; past the
     * budget the rest are not.
     */
    private void runRules(PySource src, String rel, List<Finding> findings, List<ScanResult.Skipped> skipped) {
        for (Rule r : rules) {
            try {
                findings.addAll(r.check(src));
            } catch (PySource.OverBudget e) {
                skipped.add(new ScanResult.Skipped(rel, ScanText.get("skip.rules.budget", e.usedMs(), fileBudgetMs,
                        r.id())));
                break;
            } catch (RuntimeException e) {
                skipped.add(new ScanResult.Skipped(rel, ScanText.get("skip.rule.failed", r.id(), e)));
            }
        }
    }

    /** Files over this size are not parsed (minified or generated Python). */
    public static final int MAX_PARSE_BYTES = 1_000_000;
    /**
     * Parse plus rules per file, in CPU time of the thread; past it the rest of the file is skipped with the reason.
     * Checked inside the rules (each question asked of the file), so one slow rule cannot hold the scan.
     */
    public static final long FILE_TIME_LIMIT_MS = 2_000;
    /**
     * The parser's own limit, in wall time (tree-sitter counts the clock): a guard against a parse that never ends.
     * Looser than the CPU limit because on a machine shared with other work a 100 kB training script can take
     * over 2 s of wall time for 0.2 s of CPU, and a file's findings must not depend on the neighbours' load.
     */
    public static final long PARSE_WALL_LIMIT_MS = 10_000;

    private static final java.util.regex.Pattern TEST_DIR = java.util.regex.Pattern.compile("(^|/)(tests?|testing"
            + "|unit_tests|functional_tests|fixtures)/");
    private static final java.util.regex.Pattern TEST_NAME = java.util.regex.Pattern.compile("(^|/)(test_[^/]*"
            + "|[^/]*_test|conftest)\\.(py|ipynb)$");

    private static final java.util.regex.Pattern VENDORED = java.util.regex.Pattern.compile("(^|/)(third_party"
            + "|thirdparty|3rdparty|vendor|vendored|_vendor|extern|external)/");

    /**
     * A unit test's marks: a test framework imported or a Test class ({@link #UNIT_TEST}), or a test_ function with an
     * assert statement in the file; an evaluation script defines test_model() too, but asserts nothing.
     */
    private static final java.util.regex.Pattern UNIT_TEST = java.util.regex.Pattern.compile("(?m)^\\s*(import|from)"
            + "\\s+(unittest|pytest|absl\\.testing|nose)\\b|^class Test\\w*[(:]");
    private static final java.util.regex.Pattern TEST_FUNCTION = java.util.regex.Pattern.compile(
            "(?m)^\\s*def test_\\w+\\(");

    /**
     * The path is a test by its file name only (test_x.py, x_test.py), not by its folder and not vendored: research
     * code names its evaluation scripts that way (Tencent/FaceDetection-DSFD@a941d08 fddb_test.py, scan_wild20's I6;
     * rbgirshick/py-faster-rcnn's tools/test_net.py), so such a file is read before it is called a test.
     */
    static boolean testByNameOnly(String rel) {
        return TEST_NAME.matcher(rel).find() && !VENDORED.matcher(rel).find() && !TEST_DIR.matcher(rel).find()
                && !rel.endsWith("conftest.py");
    }

    /** Whether the file is a unit test ({@link #UNIT_TEST}); unreadable counts as one, so it stays skipped. */
    static boolean unitTestCode(Path f) {
        try {
            if (Files.size(f) > MAX_PARSE_BYTES) return true;
            String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
            return UNIT_TEST.matcher(text).find() || TEST_FUNCTION.matcher(text).find() && text.contains("assert ");
        } catch (IOException e) {
            return true;
        }
    }

    /** Why a path is a test, fixture or vendored file (not evidence about the user's training), or null. */
    static String testFile(String rel) {
        if (VENDORED.matcher(rel).find()) return ScanText.get("skip.vendored");
        if (TEST_NAME.matcher(rel).find()) return ScanText.get("skip.test.file");
        if (TEST_DIR.matcher(rel).find()) return ScanText.get("skip.test.folder");
        return null;
    }

    /** The bytes as strict UTF-8, or null when they are not. */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * A Python 2 print statement: `print` then a space and no `(` or `=`, with only blanks before it on its line. Read
     * at each `print ` in the text: a multi-line regex tried at every character cost more than the rest of the check.
     */
    static boolean printStatement(String text) {
        for (int i = text.indexOf("print "); i >= 0; i = text.indexOf("print ", i + 1)) {
            int j = i - 1;
            while (j >= 0 && " \t\u000B\f\r".indexOf(text.charAt(j)) >= 0) j--;
            if (j >= 0 && text.charAt(j) != '\n') continue; // something else before it on the line
            int k = i + 6;
            if (k < text.length() && text.charAt(k) != '(' && text.charAt(k) != '=') return true;
        }
        return false;
    }

    /**
     * An import of torch itself (torch, torch.nn, ...) at the start of a line. torchvision or torchaudio alone do not
     * count: ResNeSt@1dfb3e8 scripts/gluon/train.py trains a Gluon network and takes one image transform from
     * torchvision (scan_wild32: a false eval_without_no_grad finding).
     */
    private static final java.util.regex.Pattern TORCH_IMPORT = java.util.regex.Pattern.compile(
            "(?m)^[ \\t]*(?:import|from)[ \\t]+torch\\b");
    /** Another deep-learning framework a file imports at the start of a line. */
    private static final java.util.regex.Pattern FRAMEWORK_IMPORT = java.util.regex.Pattern.compile(
            "(?m)^[ \\t]*(?:import|from)[ \\t]+(paddle|tensorflow|mindspore|jittor|oneflow|megengine|mxnet)\\b");

    /**
     * The framework of a file that imports another deep-learning framework and never imports torch, else null: the
     * rules ask PyTorch questions, and a comment linking pytorch.org does not make a file PyTorch code.
     * ZhaoJ9014/face.evoLVe@a9897bd paddle/train.py clears gradients with Paddle's {@code clear_grad()}
     * (scan_wild25b: three false missing_zero_grad findings). A file that imports torch, or imports no framework (a
     * script using the tree's own models), is scanned as before.
     */
    static String otherFramework(String text) {
        if (!text.contains("import ") || TORCH_IMPORT.matcher(text).find()) return null;
        java.util.regex.Matcher m = FRAMEWORK_IMPORT.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static boolean looksPython2(String text) {
        return printStatement(text) || text.contains("xrange(") || text.contains("except Except"
                + "ion, ");
    }
}
