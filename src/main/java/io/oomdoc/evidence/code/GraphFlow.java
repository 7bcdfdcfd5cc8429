package io.oomdoc.evidence.code;

import org.treesitter.TSNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small dataflow over one parsed file: whether an expression holds a tensor that carries an autograd graph,
 * a plain Python number (or a detached tensor), or something it cannot tell. A name is read through its last
 * assignment before the use in the same function; a call into a function of this file is read through what that
 * function returns. Rules use it to report only values that really keep a graph alive.
 */
public final class GraphFlow {
    /** What an expression holds. */
    public enum Kind { GRAPH, PLAIN, UNKNOWN }

    /** Callee names that hold modules: calling them runs a forward pass. */
    private static final Pattern MODULE_NAME = Pattern.compile("(?i)(^|_)(model|net|network|encoder|decoder"
            + "|generator|discriminator|backbone|classifier|transformer|llm|unet|vae|layers?|blocks?|head"
            + "|critic|actor|policy|netg|netd|gcn|gat|rnn|lstm|gru|mlp|cnn|resnet|vit|bert|gpt|embedding)s?\\d*$");
    /** Calls whose result is a Python number or a host copy, never a graph. */
    private static final Set<String> PLAIN_FUNCTIONS = Set.of("float", "int", "len", "round", "str", "bool",
            "range", "enumerate", "zip", "isinstance", "print", "format", "repr", "time", "perf_counter",
            "clip_grad_norm_", "clip_grad_value_", "get_grad_norm", "ampscaler_get_grad_norm");
    private static final Set<String> PLAIN_METHODS = Set.of("item", "tolist", "numpy", "detach", "detach_", "size",
            "dim", "numel", "keys", "values", "items", "format", "__len__", "get_lr", "get_last_lr", "generate",
            "parameters", "named_parameters", "state_dict", "buffers", "modules", "children", "eval", "train",
            "apply", "requires_grad_", "zero_grad", "clip_grad_norm_", "get_label", "split", "join");
    /**
     * Comparisons, index searches and integer casts: their results are bool or integer tensors, which autograd never
     * tracks, whatever their inputs (ZQPei/deep_sort_pytorch@4f910af train_eval_utils.py:48, scan_wild28 set A:
     * {@code sum_num += torch.eq(pred, labels).sum()} counts right answers, it holds no graph).
     */
    private static final Set<String> INTEGER_RESULT = Set.of("eq", "ne", "gt", "lt", "ge", "le", "argmax",
            "argmin", "argsort", "isfinite", "isnan", "isinf", "isclose", "nonzero", "count_nonzero", "logical_and",
            "logical_or", "logical_not", "logical_xor", "bucketize", "searchsorted", "long", "int", "bool", "byte");
    private static final Pattern TORCH_ROOT = Pattern.compile("^(torch|th)\\.");
    /** Callees whose result carries the graph of their tensor arguments: torch functions and losses. */
    private static final Pattern GRAPH_FUNCTION = Pattern.compile("(?i)^(torch|F|nn|functional)\\."
            + "|(^|_|[a-z])(loss|criterion"
            + "|nll|lik|mse|mae|kld?|entropy|bce|cost)(_fn|_func|_function)?s?$");
    /** Verbs that make a name a helper function, not a module: get_model(), build_net(). */
    private static final Pattern VERB = Pattern.compile("^_?(get|build|create|load|make|profile|init|setup|prepare"
            + "|train|eval|evaluate|test|run|save|export|print|count|compute|wrap|convert|freeze|apply|update|sample"
            + "|show|plot|log|to|set|is|has|check)_");
    /** Module roots whose functions return numbers or host arrays. */
    private static final Pattern PLAIN_ROOT = Pattern.compile("^(np|numpy|math|time|os|random|json|re|sys|logging"
            + "|wandb|tqdm)\\.");
    private static final Pattern MODULE_CONSTRUCTOR = Pattern.compile("^(torch\\.)?nn\\.[A-Z]\\w*\\(|^\\w+\\.from_"
            + "pretrained\\(|^(AutoModel\\w*|\\w+For\\w+)\\.");
    /**
     * What {@code from_pretrained} also loads and is no module: a tokenizer, processor, feature extractor or config.
     * Calling a tokenizer turns text into ids and builds no graph (zphang/minimal-llama@22a6bd9
     * minimal_llama/hyper/generate_qlora_hf.py:191, scan36: {@code tokenizer(row["input"], ...)} in inference()'s
     * loop was taken for the model's forward).
     */
    private static final Pattern NOT_A_MODULE = Pattern.compile("^\\w*(Tokenizer|Processor|FeatureExtractor"
            + "|Config)\\w*\\.from_pretrained\\(");
    /**
     * An inference pipeline: diffusers' `DiffusionPipeline.__call__` is decorated with `@torch.no_grad()`
     * (huggingface/diffusers@58eb52c0, pipeline_stable_diffusion.py:778), transformers' `pipeline(...)` runs its
     * forward without autograd; what they return (PIL images, dicts of numbers) holds no graph.
     */
    private static final Pattern PIPELINE = Pattern.compile("^\\w*Pipeline\\w*\\.from_\\w+\\(|^pipeline\\(");
    private static final int MAX_DEPTH = 16;
    private static final Pattern LOSS_NAME = Pattern.compile("(?i)loss");

    private final PySource src;
    private final Map<String, Kind[]> returns = new HashMap<>();
    private final Map<Long, Kind> memo = new HashMap<>();
    private final Map<String, Boolean> modules = new HashMap<>();

    /** Flows that read one function of this file with some of its parameters holding graphs, by function and names. */
    private final Map<String, GraphFlow> withGraphArguments = new HashMap<>();
    /** Where the function whose {@link #graphParams} hold graphs starts ({@link PySource#functionStart}), or -2. */
    private final int paramsOf;
    private final Set<String> graphParams;

    public GraphFlow(PySource src) { this(src, -2, Set.of()); }

    private GraphFlow(PySource src, int paramsOf, Set<String> graphParams) {
        this.src = src;
        this.paramsOf = paramsOf;
        this.graphParams = graphParams;
    }

    public Kind kind(TSNode expr) { return kind(expr, 0); }

    /** Memoized by node: a name is read through the same assignments again and again. */
    private Kind kind(TSNode e, int depth) {
        if (e == null || e.isNull() || depth > MAX_DEPTH) return Kind.UNKNOWN;
        long key = ((long) e.getStartByte() << 32) | e.getEndByte();
        Kind known = memo.get(key);
        if (known != null) return known;
        Kind k = compute(e, depth);
        if (depth == 0 || k != Kind.UNKNOWN) memo.put(key, k); // an UNKNOWN cut short by depth may resolve later
        return k;
    }

    private Kind compute(TSNode e, int depth) {
        if (src.withoutGrad(e)) return Kind.PLAIN; // computed without autograd: no graph, whatever it is
        return switch (e.getType()) {
            case "integer", "float", "string", "true", "false", "none", "concatenated_string", "comparison_operator",
                    "not_operator", "lambda", "dictionary_comprehension" -> Kind.PLAIN;
            case "list", "tuple", "dictionary" -> PySource.namedChildren(e).isEmpty() ? Kind.PLAIN
                    : combine(PySource.namedChildren(e), depth);
            case "identifier" -> name(src.text(e), e, depth);
            case "parenthesized_expression" -> kind(firstNamed(e), depth + 1);
            case "attribute" -> attribute(e, depth);
            case "subscript" -> kind(e.getChildByFieldName("value"), depth + 1);
            case "call" -> call(e, depth);
            case "binary_operator", "unary_operator", "boolean_operator" -> combine(PySource.namedChildren(e), depth);
            case "conditional_expression" -> branches(e, depth);
            default -> Kind.UNKNOWN;
        };
    }

    private Kind combine(List<TSNode> parts, int depth) {
        boolean allPlain = true;
        for (TSNode p : parts) {
            Kind k = kind(p, depth + 1);
            if (k == Kind.GRAPH) return Kind.GRAPH;
            allPlain &= k == Kind.PLAIN;
        }
        return allPlain ? Kind.PLAIN : Kind.UNKNOWN;
    }

    /** {@code a if cond else b}: the branches decide, not the condition. */
    private Kind branches(TSNode e, int depth) {
        List<TSNode> c = PySource.namedChildren(e);
        if (c.size() != 3) return Kind.UNKNOWN;
        Kind a = kind(c.get(0), depth + 1), b = kind(c.get(2), depth + 1);
        return a == b ? a : Kind.UNKNOWN;
    }

    private Kind attribute(TSNode e, int depth) {
        String attr = src.text(e.getChildByFieldName("attribute"));
        if (attr.equals("data") || attr.equals("grad") || attr.equals("shape") || attr.equals("device")
                || attr.equals("dtype")) return Kind.PLAIN;
        String whole = src.text(e);
        if (whole.startsWith("self.")) return name(whole, e, depth);
        return kind(e.getChildByFieldName("object"), depth + 1); // outputs.loss, out.logits: the object's graph
    }

    private Kind call(TSNode e, int depth) {
        TSNode fn = e.getChildByFieldName("function");
        String callee = src.text(fn);
        TSNode args = e.getChildByFieldName("arguments");
        if (fn.getType().equals("attribute")) {
            String method = src.text(fn.getChildByFieldName("attribute"));
            TSNode obj = fn.getChildByFieldName("object");
            if (PLAIN_METHODS.contains(method) || PLAIN_ROOT.matcher(callee).find()) return Kind.PLAIN;
            if (INTEGER_RESULT.contains(method) && (TORCH_ROOT.matcher(callee).find() || !isModule(obj))) {
                return Kind.PLAIN; // torch.eq(a, b), pred.eq(y), out.argmax(1): bool or integer, no graph
            }
            if (method.equals("forward") || method.equals("backward_hook")) return Kind.GRAPH;
            // Lightning's training_step returns the loss the trainer backpropagates (TRI-ML/packnet-sfm@f824ffc
            // horovod_trainer.py: output = module.training_step(batch, i); output['loss'].backward())
            if (method.equals("training_step")) return Kind.GRAPH;
            if (isModule(obj)) return Kind.GRAPH; // model.encode(x), frame.llh(...): a method of a module
            Kind own = callee.startsWith("self.") ? returnOf(method, depth) : null;
            if (own != null) return own;
            // self.net(x): a module kept on the object, not a method of this file, runs its forward (SpareNet#12:
            // what comes out of it carries the graph whatever the caller names it)
            if (obj.getType().equals("identifier") && src.text(obj).equals("self")
                    && src.functionDefinitions(method).isEmpty() && isModule(fn)) return Kind.GRAPH;
            Kind of = kind(obj, depth + 1); // loss.mean(), out.cpu(): a tensor method keeps the graph
            if (of != Kind.UNKNOWN) return of;
        } else {
            if (PLAIN_FUNCTIONS.contains(callee)) return Kind.PLAIN;
            if (isPipeline(fn)) return Kind.PLAIN;
            if (isModule(fn)) return Kind.GRAPH;
            Kind own = returnOf(callee, depth);
            if (own == Kind.UNKNOWN && args != null && !args.isNull()) own = withArguments(callee, args, depth);
            if (own == null && importedGraph(callee)) return Kind.GRAPH;
            if (own != null) return own;
            if (importedPlain(callee, args, depth)) return Kind.PLAIN;
        }
        if (PLAIN_ROOT.matcher(callee).find()) return Kind.PLAIN;
        // A torch function or a loss applied to a graph tensor (criterion, torch.cat, F.mse_loss) returns a graph;
        // a helper of another file may turn it into numbers, so it stays unknown.
        if (!GRAPH_FUNCTION.matcher(callee).find() || args == null || args.isNull()) return Kind.UNKNOWN;
        return anyGraph(args, depth);
    }

    /**
     * A function the file imports from another file of the tree returns a graph there ({@code loss = step(model, b)}
     * with {@code step} in train_utils.py returning {@code criterion(model(x), y)}): read in its own file through
     * {@link SiblingFiles}, with that file's own flow, so a helper two calls down is followed there too.
     */
    public boolean importedGraph(String callee) {
        // only a step or loss function by its name: reading every imported helper of a large package's files cost
        // a third more CPU on diffusers (bench/results.md, scan23)
        if (src.siblings() == null || callee.contains(".") || !PythonScanner.stepName(callee)
                || !src.functionDefinitions(callee).isEmpty() || !SiblingFiles.importedFromTree(src, callee)) {
            return false;
        }
        return src.siblings().test(src, callee, "graphflow:returns", (sib, def) -> new GraphFlow(sib)
                .returnsGraph(def));
    }

    /**
     * Whether some return of the function (a definition of this file) hands back one value that carries a graph. A
     * tuple is left out: the caller unpacks it, and which element holds the graph is not carried across files.
     */
    public boolean returnsGraph(TSNode def) {
        for (TSNode ret : src.returnsOf(def)) {
            TSNode v = firstNamed(ret);
            if (v == null || v.getType().equals("expression_list") || v.getType().equals("tuple")) continue;
            if (kind(v) == Kind.GRAPH) return true;
        }
        return false;
    }

    private Kind anyGraph(TSNode args, int depth) {
        for (TSNode a : PySource.namedChildren(args)) {
            TSNode v = a.getType().equals("keyword_argument") ? a.getChildByFieldName("value") : a;
            if (kind(v, depth + 1) == Kind.GRAPH) return Kind.GRAPH;
        }
        return Kind.UNKNOWN;
    }

    /** Whether an expression names a module (calling it runs a forward pass). */
    public boolean isModule(TSNode callee) {
        String t = src.text(callee);
        String key = t + "@" + src.functionStart(callee);
        Boolean known = modules.get(key);
        if (known == null) {
            known = isModuleUncached(callee, t);
            modules.put(key, known);
        }
        return known;
    }

    /** A name bound to an inference pipeline ({@link #PIPELINE}): calling it builds no graph. */
    private boolean isPipeline(TSNode callee) {
        if (!callee.getType().equals("identifier")) return false;
        PySource.Binding b = lastBinding(src.text(callee), callee);
        return b != null && !b.loop() && PIPELINE.matcher(b.rightText()).find();
    }

    private boolean isModuleUncached(TSNode callee, String t) {
        if (t.equals("self")) return selfIsModule(callee); // self(x) in a method of an nn.Module runs its forward
        String last = t.substring(t.lastIndexOf('.') + 1);
        if (constructor(last)) return false; // MLP(...), ResNet(...): builds a module, runs no forward
        // self.module(x), model.module(x): the wrapped network of a trainer or of DataParallel
        // (delira-dev/delira@cd3ad27 delira/training/predictor.py:148); a bare module(...) or import_module(...) is not
        if (last.equals("module") && t.contains(".")) return true;
        if (callee.getType().equals("identifier") && !src.functionDefinitions(t).isEmpty()) return false; // a helper
        if (MODULE_NAME.matcher(last).find() && !VERB.matcher(last).find()) return !takesAModule(callee);
        if (callee.getType().equals("identifier") && src.classBases(t) != null) return isModuleClass(t, 0);
        if (switchedToEval(callee, t)) return true;
        PySource.Binding b = lastBinding(t, callee);
        if (b == null) return false;
        String right = b.rightText();
        if (b.loop()) return MODULE_NAME.matcher(right.replaceAll("\\W+$", ""))
                .find(); // for layer in self.layers
        if (NOT_A_MODULE.matcher(right).find()) return false;
        if (MODULE_CONSTRUCTOR.matcher(right).find()) return true;
        int paren = right.indexOf('(');
        return paren > 0 && isModuleClass(right.substring(0, paren), 0);
    }

    /**
     * The call passes a module as an argument ({@code add_noise_to_model(model, std=s)}): a function applied to a
     * module, not a forward pass, which takes data. MingSun-Tse/TPP@a46ae3c main.py:898 builds a noisy ensemble with a
     * helper imported from its utils, and its name alone made every copy a graph kept across the loop.
     */
    private boolean takesAModule(TSNode callee) {
        TSNode call = callee.getParent();
        if (call == null || call.isNull() || !call.getType().equals("call")) return false;
        TSNode args = call.getChildByFieldName("arguments");
        if (args == null || args.isNull()) return false;
        for (TSNode a : PySource.namedChildren(args)) {
            if (a.getType().matches("identifier|attribute") && isModule(a)) return true;
        }
        return false;
    }

    /**
     * {@code lm.eval()} in the same function: only a module is switched to eval mode that way, so {@code lm} runs a
     * forward when called (RAdam's evaluate(loader, lm, ...) with the model as a parameter, whatever its name).
     */
    private boolean switchedToEval(TSNode callee, String t) {
        int fn = src.functionStart(callee);
        for (TSNode c : src.calls("eval")) {
            TSNode f = c.getChildByFieldName("function"), args = c.getChildByFieldName("arguments");
            if (!f.getType().equals("attribute") || !src.text(f.getChildByFieldName("object")).equals(t)) continue;
            if (args != null && !args.isNull() && PySource.namedChildren(args).isEmpty()
                    && src.functionStart(c) == fn) return true;
        }
        return false;
    }

    /** Whether {@code at} sits in a method of a class that derives from a module ({@code nn.Module}, a subclass). */
    public boolean inModuleClass(TSNode at) { return selfIsModule(at); }

    /** The class around {@code at} derives from a module: {@code self(*inputs)} there is a forward pass. */
    private boolean selfIsModule(TSNode at) {
        for (TSNode p = at.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (!p.getType().equals("class_definition")) continue;
            TSNode name = p.getChildByFieldName("name");
            return name != null && !name.isNull() && isModuleClass(src.text(name), 0);
        }
        return false;
    }

    /** A class name (ResNet, MLP) rather than an instance; one- and two-letter names (G, D) are instances. */
    private boolean constructor(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0)) || name.length() <= 2) return false;
        return src.classBases(name) != null || !name.equals(name.toUpperCase()) || name.length() >= 3;
    }

    private boolean isModuleClass(String name, int depth) {
        String bases = src.classBases(name);
        if (bases == null || depth > 4) return false;
        if (bases.contains("Module") || bases.contains("PreTrainedModel")) return true;
        for (String b : bases.replaceAll("[()\\s]", "").split(",")) if (isModuleClass(b, depth + 1)) return true;
        return false;
    }

    private Kind name(String name, TSNode use, int depth) {
        PySource.Binding b = lastBinding(name, use);
        if (b == null) {
            boolean graphParam = graphParams.contains(name) && src.functionStart(use) == paramsOf;
            return graphParam ? Kind.GRAPH : Kind.UNKNOWN;
        }
        TSNode branches = enclosingIf(b.stmt(), use);
        if (branches == null) {
            Kind k = binding(b, name, depth);
            if (k != Kind.GRAPH && graphAddedBefore(b, name, use, depth)) return Kind.GRAPH;
            return k == Kind.UNKNOWN && backpropagatedBefore(b, name, use) ? Kind.GRAPH : k;
        }
        // assigned in the branches of an if/elif chain before the use: any branch may have run
        boolean allPlain = true;
        int bs = branches.getStartByte(), be = branches.getEndByte(), at = use.getStartByte();
        for (PySource.Binding o : src.bindings()) {
            if (o.start() >= at) break;
            if (o.start() < bs || o.end() > be || !binds(o, name)) continue;
            Kind k = binding(o, name, depth);
            if (k == Kind.GRAPH) return k;
            allPlain &= k == Kind.PLAIN;
        }
        if (allPlain) return Kind.PLAIN;
        // whichever branch ran, the value was backpropagated before this use: it held a graph (CRU's if/elif chain)
        return backpropagatedBefore(b, name, use) ? Kind.GRAPH : Kind.UNKNOWN;
    }

    /**
     * {@code batch_loss = 0}, then {@code batch_loss += loss} of a graph between that binding and the use, in the
     * same function: the total is a tensor holding that graph from then on (FCGF's chunk loop without .item()).
     */
    private boolean graphAddedBefore(PySource.Binding b, String name, TSNode use, int depth) {
        int fn = src.functionStart(use), at = use.getStartByte();
        for (TSNode aug : src.augmentedAssignments()) {
            if (aug.getStartByte() <= b.end() || aug.getStartByte() >= at || src.contains(aug, use)) continue;
            TSNode left = aug.getChildByFieldName("left"), right = aug.getChildByFieldName("right");
            if (!src.text(left).equals(name) || src.functionStart(aug) != fn || right == null) continue;
            if (kind(right, depth + 1) == Kind.GRAPH) return true;
        }
        return false;
    }

    /** The outermost if statement around a binding that does not also hold the use, within the function. */
    private TSNode enclosingIf(TSNode binding, TSNode use) {
        TSNode found = null;
        for (TSNode p = binding.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (PySource.isFunction(p) || src.contains(p, use)) break;
            if (p.getType().equals("if_statement")) found = p;
        }
        return found;
    }

    private Kind binding(PySource.Binding b, String name, int depth) {
        if (b.loop()) return Kind.UNKNOWN; // a batch from a loader: data, no graph known
        TSNode left = b.left(), right = b.right();
        if (!left.getType().equals("identifier") && !left.getType().equals("attribute")) {
            // a, b = f(x): element i of a tuple returned by a function of this file when it is known
            List<TSNode> targets = PySource.namedChildren(left);
            int i = 0;
            for (; i < targets.size(); i++) if (src.text(targets.get(i)).equals(name)) break;
            Kind[] parts = tupleOf(right, depth);
            if (parts != null && i < parts.length) {
                if (parts[i] != Kind.UNKNOWN) return parts[i];
                // the function's own return is unclear, but a forward or module call returns graphs throughout
                TSNode callee = right.getChildByFieldName("function");
                boolean forward = src.text(callee).endsWith("forward") || isModule(callee);
                return forward || lossBesideBackpropagated(b, targets, name) ? Kind.GRAPH : Kind.UNKNOWN;
            }
            if (right.getType().equals("tuple") || right.getType().equals("expression_list")) {
                List<TSNode> vals = PySource.namedChildren(right);
                if (i < vals.size()) return kind(vals.get(i), depth + 1);
            }
        }
        return kind(right, depth + 1);
    }

    /**
     * {@code _loss, _, _, _, refine_loss, coarse_loss = self.completion(data)} followed by {@code _loss.backward()}
     * (microsoft/SpareNet@700608c runners/sparenet_runner.py): the call returns losses with their graph, so a
     * loss unpacked beside the backpropagated one carries a graph too.
     */
    private boolean lossBesideBackpropagated(PySource.Binding b, List<TSNode> targets, String name) {
        if (!LOSS_NAME.matcher(name).find()) return false;
        int fn = src.functionStart(b.stmt());
        for (TSNode t : targets) {
            String other = src.text(t);
            if (other.equals(name) || !other.matches("\\w+")) continue;
            for (TSNode c : src.calls("backward")) {
                TSNode f = c.getChildByFieldName("function");
                if (c.getStartByte() > b.end() && src.functionStart(c) == fn && f.getType().equals("attribute")
                        && src.text(f.getChildByFieldName("object")).equals(other)) return true;
            }
        }
        return false;
    }

    /**
     * {@code loss = criterion(outputs, targets)}, {@code loss.backward()}, then {@code total_loss += loss}
     * (ajhamdi/MVTN#2, run_mvtn.py; outputs of {@code models_bag["mvnetwork"](...)}, a callee no name tells is a
     * module): whatever the call was, a value that is backpropagated after this binding and before the use held a
     * graph. Also {@code scaler.scale(loss).backward()} and {@code accelerator.backward(loss)}.
     */
    private boolean backpropagatedBefore(PySource.Binding b, String name, TSNode use) {
        if (!name.matches("\\w+")) return false;
        int fn = src.functionStart(use), at = use.getStartByte();
        for (TSNode c : src.calls("backward")) {
            if (c.getStartByte() <= b.end() || c.getStartByte() >= at || src.functionStart(c) != fn) continue;
            TSNode f = c.getChildByFieldName("function");
            String on = f.getType().equals("attribute") ? src.text(f.getChildByFieldName("object")) : "";
            TSNode args = c.getChildByFieldName("arguments");
            List<TSNode> argv = args == null || args.isNull() ? List.of() : PySource.namedChildren(args);
            if (on.equals(name) || on.matches("[\\w.]*scale\\(\\s*" + name + "\\s*\\)")
                    || !argv.isEmpty() && src.text(argv.get(0)).equals(name)) return true;
        }
        return false;
    }

    /** The last assignment to {@code name} before {@code use}, in the same function (or the module level). */
    PySource.Binding lastBinding(String name, TSNode use) {
        int at = use.getStartByte();
        int fn = src.functionStart(use);
        List<PySource.Binding> all = src.bindings();
        for (int i = all.size() - 1; i >= 0; i--) {
            PySource.Binding b = all.get(i);
            if (b.start() >= at) continue;
            if (b.rightStart() <= at && at < b.rightEnd()) continue; // the use is in this very statement
            if (!binds(b, name) || src.bindingFunctionStart(i) != fn) continue;
            return b;
        }
        return null;
    }

    private boolean binds(PySource.Binding b, String name) {
        String l = b.leftText();
        if (l.equals(name)) return true;
        if (!l.contains(name) || !l.contains(",")) return false; // cheap text test before reading the tree
        for (TSNode c : PySource.namedChildren(b.left())) if (src.text(c).equals(name)) return true;
        return false;
    }

    /** What a function of this file returns, element by element when it returns a tuple; null if unknown. */
    private Kind[] tupleOf(TSNode right, int depth) {
        if (!right.getType().equals("call")) return null;
        String callee = src.text(right.getChildByFieldName("function"));
        String fn = callee.startsWith("self.") ? callee.substring(5) : callee;
        if (fn.contains(".")) return null;
        return summary(fn, depth);
    }

    private Kind returnOf(String fn, int depth) {
        if (fn.contains(".")) return null;
        Kind[] s = summary(fn, depth);
        if (s == null) return null;
        for (Kind k : s) if (k == Kind.GRAPH) return Kind.GRAPH;
        return s.length == 1 ? s[0] : Kind.UNKNOWN;
    }

    /**
     * A function of this file whose return is unknown alone (it computes from its parameters), read again with the
     * parameters that get a graph at this call holding one: {@code gap = squared_gap(mean, target)} with {@code mean}
     * a model's output is a graph, whatever the result is called (CRU with module-level loss helpers).
     */
    private Kind withArguments(String fn, TSNode args, int depth) {
        List<TSNode> defs = src.functionDefinitions(fn);
        if (defs.size() != 1) return Kind.UNKNOWN;
        TSNode def = defs.get(0);
        TSNode params = def.getChildByFieldName("parameters"), body = def.getChildByFieldName("body");
        if (params == null || params.isNull() || body == null || body.isNull()) return Kind.UNKNOWN;
        List<String> names = paramNames(src, params);
        if (names == null) return Kind.UNKNOWN; // a method: positions shift
        java.util.Set<String> graphs = new java.util.TreeSet<>();
        List<TSNode> argv = PySource.namedChildren(args);
        for (int i = 0; i < argv.size(); i++) {
            TSNode a = argv.get(i);
            boolean keyword = a.getType().equals("keyword_argument");
            if (a.getType().endsWith("splat")) break; // *args, **kw: positions unknown from here on
            String param = keyword ? src.text(a.getChildByFieldName("name")) : i < names.size() ? names.get(i) : "";
            TSNode v = keyword ? a.getChildByFieldName("value") : a;
            if (!param.isEmpty() && kind(v, depth + 1) == Kind.GRAPH) graphs.add(param);
        }
        if (graphs.isEmpty()) return Kind.UNKNOWN;
        int at = src.functionStart(body);
        GraphFlow inner = withGraphArguments.computeIfAbsent(fn + ":" + graphs,
                k -> new GraphFlow(src, at, java.util.Set.copyOf(graphs)));
        Kind k = inner.returnOf(fn, depth + 1);
        return k == null ? Kind.UNKNOWN : k;
    }

    /** The parameter names of a plain function, "" where one is not a name; null for a method (self, cls). */
    private static List<String> paramNames(PySource in, TSNode params) {
        String head = in.text(params).replaceAll("^\\(\\s*", "");
        if (head.startsWith("self") || head.startsWith("cls")) return null;
        List<String> names = new java.util.ArrayList<>();
        for (TSNode p : PySource.namedChildren(params)) {
            TSNode n = p.getType().equals("identifier") ? p : p.getChildByFieldName("name");
            if (n == null || n.isNull()) n = firstNamed(p);
            names.add(n == null || !n.getType().equals("identifier") ? "" : in.text(n));
        }
        return names;
    }

    /**
     * A loss-named helper imported from another file of the tree returns a number for these arguments: read there
     * with the parameters that get a graph at this call holding one, every return is plain. benedekrozemberczki/
     * SimGNN@be3ee61 simgnn.py:255 appends {@code calculate_loss(prediction, target)}, which returns
     * {@code (-math.log(prediction) - -math.log(target)) ** 2}, a float (scan_wild25b: a false tensor_accumulated).
     * Only names the fallback below would take for a graph by their name are read, so the cost stays with them.
     */
    private boolean importedPlain(String callee, TSNode args, int depth) {
        if (src.siblings() == null || callee.contains(".") || args == null || args.isNull()
                || !GRAPH_FUNCTION.matcher(callee).find() || !SiblingFiles.importedFromTree(src, callee)) return false;
        List<String> graphArgs = new java.util.ArrayList<>(); // "3" for a position, "name" for a keyword
        List<TSNode> argv = PySource.namedChildren(args);
        for (int i = 0; i < argv.size(); i++) {
            TSNode a = argv.get(i);
            if (a.getType().endsWith("splat")) return false; // positions unknown from here on
            boolean keyword = a.getType().equals("keyword_argument");
            TSNode v = keyword ? a.getChildByFieldName("value") : a;
            if (kind(v, depth + 1) == Kind.GRAPH) {
                graphArgs.add(keyword ? src.text(a.getChildByFieldName("name")) : Integer.toString(i));
            }
        }
        if (graphArgs.isEmpty()) return false;
        return src.siblings().test(src, callee, "graphflow:plain:" + graphArgs,
                (sib, def) -> returnsPlainWith(sib, def, graphArgs));
    }

    /** Every return of {@code def} is plain when the parameters named or placed in {@code graphArgs} hold graphs. */
    private static boolean returnsPlainWith(PySource sib, TSNode def, List<String> graphArgs) {
        TSNode params = def.getChildByFieldName("parameters"), body = def.getChildByFieldName("body");
        if (params == null || params.isNull() || body == null || body.isNull()) return false;
        List<String> names = paramNames(sib, params);
        if (names == null) return false;
        java.util.Set<String> graphs = new java.util.TreeSet<>();
        for (String g : graphArgs) {
            if (!g.matches("\\d+")) graphs.add(g);
            else if (Integer.parseInt(g) < names.size()) graphs.add(names.get(Integer.parseInt(g)));
        }
        graphs.remove("");
        if (graphs.isEmpty()) return false;
        GraphFlow inner = new GraphFlow(sib, sib.functionStart(body), java.util.Set.copyOf(graphs));
        List<TSNode> rets = sib.returnsOf(def);
        if (rets.isEmpty()) return false;
        for (TSNode ret : rets) {
            TSNode v = firstNamed(ret);
            if (v == null || inner.kind(v) != Kind.PLAIN) return false;
        }
        return true;
    }

    private Kind[] summary(String fn, int depth) {
        if (returns.containsKey(fn)) return returns.get(fn);
        returns.put(fn, null); // recursion guard
        Kind[] out = null;
        for (TSNode def : src.functionDefinitions(fn)) {
            for (TSNode ret : src.returnsOf(def)) {
                TSNode v = firstNamed(ret);
                if (v == null) continue;
                List<TSNode> parts = v.getType().equals("expression_list") || v.getType().equals("tuple")
                        ? PySource.namedChildren(v) : List.of(v);
                Kind[] ks = new Kind[parts.size()];
                for (int i = 0; i < ks.length; i++) ks[i] = kind(parts.get(i), depth + 1);
                out = out == null ? ks : merge(out, ks);
            }
        }
        returns.put(fn, out);
        return out;
    }

    private static Kind[] merge(Kind[] a, Kind[] b) {
        if (a.length != b.length) return new Kind[]{Kind.UNKNOWN};
        Kind[] m = new Kind[a.length];
        for (int i = 0; i < a.length; i++) m[i] = a[i] == Kind.GRAPH || b[i] == Kind.GRAPH ? Kind.GRAPH
                : a[i] == b[i] ? a[i] : Kind.UNKNOWN;
        return m;
    }

    private static TSNode firstNamed(TSNode n) {
        List<TSNode> c = PySource.namedChildren(n);
        return c.isEmpty() ? null : c.get(0);
    }
}
