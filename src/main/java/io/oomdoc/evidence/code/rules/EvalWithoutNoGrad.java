package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.FileTokens;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.ScanText;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A model forward inside an evaluation function's loop with autograd still on (M15). */
public final class EvalWithoutNoGrad implements Rule {
    private static final Pattern EVAL_FN = Pattern.compile("(?i)^(evaluate|eval\\w*|valid\\w*|val_\\w*|test\\w*"
            + "|predict\\w*|inference\\w*)$");
    private static final Pattern EVAL_LOADER = Pattern.compile("(?i)(val|valid|eval|test)\\w*(_loader|loader|_dl"
            + "|_data|set)");

    /**
     * Every parameter frozen: {@code for k, v in model.named_parameters(): v.requires_grad = False} or
     * {@code model.requires_grad_(False)}; freezing some layers (batch norm's weight) is not enough.
     */
    private static final Pattern FROZEN = Pattern.compile("for\\s+(?:\\w+\\s*,\\s*)?(\\w+)\\s+in\\s+[\\w.]*"
            + "parameters\\(\\)\\s*:\\s*\\1\\.requires_grad\\s*=\\s*False|\\w\\.requires_grad_\\(\\s*False");

    /**
     * Every call of the function in this file hands it a model that builds no torch graph: the caller froze the
     * module it passes ({@code model.requires_grad_(False)} before the call, in the same function), or the call sits in
     * a branch that imports TensorFlow and never names torch (a Keras model: no_grad means nothing to it).
     * isl-org/DeepLagrangianFluids@d651c6f scripts/evaluate_network.py: eval_checkpoint() runs evaluate_tf() on a model
     * restored with tf.train.Checkpoint and evaluate_torch() after {@code model.requires_grad_(False)}: four false
     * findings. A function never called here is judged as before.
     */
    private static boolean noTorchGraphAtEveryCall(PySource src, String fn) {
        List<TSNode> calls = src.calls(fn);
        if (fn.isEmpty() || calls.isEmpty()) return false;
        for (TSNode c : calls) {
            if (!frozenBefore(src, c) && !tensorFlowBranch(src, c)) return false;
        }
        return true;
    }

    /** An argument of the call is frozen earlier in the caller: {@code arg.requires_grad_(False)}. */
    private static boolean frozenBefore(PySource src, TSNode call) {
        var caller = src.enclosingFunction(call);
        if (caller.isEmpty()) return false;
        String before = src.text(caller.get().getStartByte(), call.getStartByte());
        for (TSNode a : PySource.namedChildren(call.getChildByFieldName("arguments"))) {
            if (!a.getType().matches("identifier|attribute")) continue;
            if (Pattern.compile("(?<![\\w.])" + Pattern.quote(src.text(a)) + "\\.requires_grad_\\(\\s*False\\s*\\)")
                    .matcher(before).find()) return true;
        }
        return false;
    }

    /**
     * The module the loop calls was frozen before the loop, in a chain ({@code sampler.eval().requires_grad_(False)
     * .to(dev)}) or where it was built ({@code net = Net().requires_grad_(False)}): its forward builds no graph.
     * Zhendong-Wang/Diffusion-GAN@2ca5e7a diffusion-projected-gan/metrics/perceptual_path_length.py:100-108
     * (scan_wild25's false finding).
     */
    private static boolean frozenBeforeLoop(PySource src, TSNode scope, TSNode loop, String module) {
        if (!module.matches("[\\w.]+")) return false;
        String before = src.text(scope.getStartByte(), loop.getStartByte());
        String q = Pattern.quote(module), chain = "(?:\\.\\w+\\([^()\\n]*\\))*";
        return Pattern.compile("(?<![\\w.])" + q + chain + "\\.requires_grad_\\(\\s*False\\s*\\)"
                + "|(?m)^[ \\t]*" + q + "\\s*=[^\\n]*\\.requires_grad_\\(\\s*False\\s*\\)" + chain + "\\s*$")
                .matcher(before).find();
    }

    /** The innermost block around the call imports TensorFlow and does not name torch. */
    private static boolean tensorFlowBranch(PySource src, TSNode call) {
        for (TSNode p = call.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (!p.getType().equals("block")) continue;
            String block = src.text(p);
            return block.contains("import tensorflow") && !block.contains("torch");
        }
        return false;
    }

    /** The rule's id, for code that must name it (the scanner's tree-wide no_grad check). */
    public static final String ID = "eval_without_no_grad";

    public String id() { return ID; }
    public FileTokens fileTokens() { return FileTokens.EVAL_LOOP; }
    public String kb() { return "M15"; }
    public String severity() { return "high"; }

    /**
     * The loop walks over data (a loader, a dataset, batches), not over time steps or characters of one sample
     * (`for di in range(max_length)`): only then does every iteration build a batch-sized graph.
     */
    private static boolean overBatches(PySource src, TSNode loop) {
        if (!loop.getType().equals("for_statement")) return false;
        String over = src.text(loop.getChildByFieldName("right")).strip();
        if (over.startsWith("range(") && SAMPLES.matcher(over).find()) return true; // range(num_images): samples
        if (over.startsWith("range(") && DRAWS_BATCH.matcher(src.text(loop.getChildByFieldName("body"))).find()) {
            return true; // each iteration takes the next batch of an iterator over a loader
        }
        if (over.startsWith("range(") && slicesByLoopVariable(src, loop)) return true; // data[i:i + bs]: a minibatch
        if (steppedByAName(src, loop)) return true; // range(0, n, args.bptt): the data in chunks, sliced in a helper
        return !over.startsWith("range(") && !over.matches("(?s)(enumerate|zip)\\(\\s*range\\(.*");
    }

    /**
     * Calls inside functions named like evaluation, or every call when a loop of the file walks an eval loader:
     * reading each call of a large file from Java is what makes this rule slow, so most are never looked at.
     */
    private static List<TSNode> candidates(PySource src) {
        // the switch to eval first: a plain text search, where the two regexes walk the whole file
        if (PythonScanner.switchesToEval(src.text) || EVAL_LOADER.matcher(src.text).find()
                && LOOP_OVER.matcher(src.text).find()) {
            return src.callsIn(src.root());
        }
        List<TSNode> out = new ArrayList<>();
        for (String name : src.functionNames()) {
            if (!EVAL_FN.matcher(name).matches()) continue;
            for (TSNode def : src.functionDefinitions(name)) out.addAll(src.callsIn(def));
        }
        out.addAll(importedMethodCalls(src));
        return out;
    }

    /**
     * Calls of a method on an object built from a class the file imports from the tree ({@code model.extract(b)}
     * after {@code model = MTDNNModel(opt)}): whether it evaluates is read in the class's own file, so the caller's
     * names need not say so. The names bound to such objects are collected once, then the calls are filtered by them.
     */
    private static List<TSNode> importedMethodCalls(PySource src) {
        if (src.siblings() == null) return List.of();
        java.util.Set<String> built = builtFromTree(src).keySet();
        if (built.isEmpty()) return List.of();
        List<TSNode> out = new ArrayList<>();
        for (TSNode c : src.callsIn(src.root())) {
            TSNode f = c.getChildByFieldName("function");
            if (!f.getType().equals("attribute")) continue;
            TSNode obj = f.getChildByFieldName("object");
            if (obj.getType().equals("identifier") && built.contains(src.text(obj))) out.add(c);
        }
        return out;
    }

    private static final Pattern LOOP_OVER = Pattern.compile("for\\s[^\\n]*\\bin\\b[^\\n]*(val|valid|eval|test)\\w*"
            + "(_loader|loader|_dl|_data|set)");

    /**
     * {@code real_A, _ = it.next()} or {@code next(it)} in the body of a {@code range(k)} loop: the iterations are
     * batches drawn from a loader, not time steps (znxlwm/UGATIT-pytorch@b8c4251 UGATIT.py:252, issue #23: the
     * printed samples run the generators in {@code for _ in range(train_sample_num)} without no_grad).
     */
    private static final Pattern DRAWS_BATCH = Pattern.compile("(?<![\\w.])next\\(\\s*\\w|\\.next\\(\\s*\\)"
            + "|\\.__next__\\(");

    /**
     * The rest of the function runs without autograd whatever block a call sits in: a statement-level
     * {@code torch.set_grad_enabled(...)} (or one whose flag is a variable, a function shared by training and
     * evaluation), or a context entered by hand. A {@code with torch.no_grad():} block or a decorator is not this:
     * it covers its own calls only, which {@link PySource#withoutGrad} reads per call
     * (xiaoyufenfei/Efficient-Segmentation-Networks@0f0c32e test.py:52-54, PR #5: only {@code input.cuda()} is under
     * the block, the model runs after it).
     */
    static boolean gradOffForTheRest(String fnText) {
        return fnText.contains("set_grad_enabled") || fnText.contains("no_grad().__enter__")
                || fnText.contains("inference_mode().__enter__");
    }

    /**
     * Some {@code X.eval()} before the loop in the same function switches the module the call runs: one statement may
     * switch several ({@code self.genA2B.eval(), self.genB2A.eval(), self.disGA.eval()}, UGATIT.py:251), and the last
     * of them need not be the one the loop calls.
     */
    private static boolean switchedSameModule(PySource src, TSNode scope, TSNode loop, TSNode callee) {
        for (TSNode c : src.callsWithin(scope, "eval")) {
            TSNode f = c.getChildByFieldName("function"), args = c.getChildByFieldName("arguments");
            if (!f.getType().equals("attribute") || c.getStartByte() >= loop.getStartByte()) continue;
            boolean noArgs = args != null && !args.isNull() && PySource.namedChildren(args).isEmpty();
            if (noArgs && sameModule(src, c, callee)) return true;
        }
        return false;
    }

    /**
     * A range whose step is a name, not a number ({@code range(0, source.size(0) - 1, args.bptt)}): the loop walks
     * the data in chunks of that size even when a helper does the slicing ({@code get_batch(source, i, args)}).
     * salesforce/awd-lstm-lm@1d466ec main.py:163-165 (scan_wild28 set A). A time-step loop ({@code range(n)}) or a
     * reversed one ({@code range(n - 1, -1, -1)}) has no named step.
     */
    private static boolean steppedByAName(PySource src, TSNode loop) {
        TSNode over = loop.getChildByFieldName("right");
        if (!over.getType().equals("call") || !src.text(over.getChildByFieldName("function")).equals("range")) {
            return false;
        }
        List<TSNode> args = PySource.namedChildren(over.getChildByFieldName("arguments"));
        if (args.size() != 3) return false;
        String step = args.get(2).getType();
        return step.equals("identifier") || step.equals("attribute");
    }

    /**
     * The loop variable starts a slice in the body ({@code idx[i:i + bs]}, {@code x[i * bs:(i + 1) * bs]}): the
     * range walks the data in minibatches, whatever the names. weihua916/powerful-gnns@9a2ce8a main.py:55-60
     * (scan_wild25's W1): {@code for i in range(0, len(graphs), minibatch_size)} over {@code idx[i:i+minibatch_size]}.
     */
    private static boolean slicesByLoopVariable(PySource src, TSNode loop) {
        TSNode left = loop.getChildByFieldName("left");
        if (left == null || !left.getType().equals("identifier")) return false;
        String v = Pattern.quote(src.text(left));
        return Pattern.compile("\\[\\s*(?:\\w+\\s*\\*\\s*)?" + v + "\\b(?:\\s*\\*\\s*\\w+)?\\s*:")
                .matcher(src.text(loop.getChildByFieldName("body"))).find();
    }

    /**
     * A range over the samples of a dataset ({@code range(num_images)}, {@code range(len(dataset))}), from 0 or not
     * ({@code range(0, num_images)}: Tencent/FaceDetection-DSFD@a941d08 widerface_val.py:283, scan_wild20's I5).
     */
    private static final Pattern SAMPLES = Pattern.compile("^range\\(\\s*(0\\s*,\\s*)?(num_?(images|imgs|samples)"
            + "|n_?(images|samples)|len\\(\\s*\\w*(dataset|images|samples)\\w*\\s*\\))\\s*\\)$");
    /** Methods of a module that run its forward pass under another name (not generate: it turns autograd off). */
    private static final Pattern FORWARD_METHOD = Pattern.compile("forward\\w*|log_prob|encode\\w*|decode\\w*"
            + "|embed\\w*|extract_feat\\w*");

    /** {@code lm_model.log_prob(x)}, {@code model.encode(x)}: a forward pass through a method of a module. */
    private static boolean forwardMethod(PySource src, io.oomdoc.evidence.code.GraphFlow flow, TSNode callee) {
        if (!callee.getType().equals("attribute")) return false;
        TSNode obj = callee.getChildByFieldName("object");
        String method = src.text(callee.getChildByFieldName("attribute"));
        return FORWARD_METHOD.matcher(method).matches() && obj != null && !obj.isNull() && flow.isModule(obj);
    }

    /**
     * The closest {@code X.eval()} or {@code X.train()} (no arguments) before the loop in the same function is
     * {@code eval()}, and is not a layer of a loop over modules ({@code for m in model.modules(): m.eval()} freezes
     * batch norm for training). gentaiscool/end2end-asr-pytorch@5a2b905^ trainer.py: {@code model.eval()} (125),
     * then the validation loop in the same train() that also holds the training loop.
     */
    private static boolean evalModeBefore(PySource src, TSNode scope, TSNode loop) {
        return evalSwitchBefore(src, scope, loop) != null;
    }

    /**
     * {@code X.train(False)}: eval mode by another name (HaoMood/bilinear-cnn@bcc2883 src/bilinear_cnn_all.py:195,
     * the accuracy pass of issue #13 runs the test loader after {@code self._net.train(False)}, without no_grad).
     */
    private static boolean offSwitch(PySource src, TSNode call) {
        TSNode f = call.getChildByFieldName("function"), args = call.getChildByFieldName("arguments");
        return f != null && f.getType().equals("attribute") && src.text(f.getChildByFieldName("attribute"))
                .equals("train") && args != null && !args.isNull() && src.text(args).replaceAll("\\s", "")
                .matches("\\((mode=)?False\\)");
    }

    /** The {@code X.eval()} (or {@code X.train(False)}) call of {@link #evalModeBefore}, or null. */
    private static TSNode evalSwitchBefore(PySource src, TSNode scope, TSNode loop) {
        TSNode last = null;
        for (String mode : new String[]{"eval", "train"}) {
            for (TSNode c : src.callsWithin(scope, mode)) {
                TSNode f = c.getChildByFieldName("function");
                TSNode args = c.getChildByFieldName("arguments");
                boolean noArgs = args != null && PySource.namedChildren(args).isEmpty();
                if (!f.getType().equals("attribute") || !noArgs && !offSwitch(src, c)) continue;
                if (c.getStartByte() >= loop.getStartByte()) continue;
                if (last == null || c.getStartByte() > last.getStartByte()) last = c;
            }
        }
        if (last == null || !src.text(last).endsWith(".eval()") && !offSwitch(src, last)) return null;
        var around = src.enclosingLoop(last);
        if (around.isPresent() && !src.contains(around.get(), loop)) {
            TSNode left = around.get().getChildByFieldName("left");
            String recv = src.text(last.getChildByFieldName("function").getChildByFieldName("object"));
            if (left != null && !left.isNull() && src.text(left).equals(recv)) return null;
        }
        return last;
    }

    /**
     * The module a call runs is the one switched to eval mode: same root name ({@code model} of {@code model.eval()},
     * {@code model.cuda().eval()}, {@code model.forward(x)}, {@code model.encode(x)}; {@code self.net} of
     * {@code self.net.eval()}). When eval mode is all that makes a loop an evaluation loop, another module run there
     * may be a frozen helper (facebookresearch/fairseq@3d262bb pgslm sample.py: the models are switched to eval and
     * sampled under no_grad; the loop then calls {@code f0_decoder}, a frozen embedding lookup defined elsewhere).
     */
    private static boolean sameModule(PySource src, TSNode evalCall, TSNode callee) {
        TSNode recv = evalCall.getChildByFieldName("function").getChildByFieldName("object");
        TSNode run = callee.getType().equals("attribute") && !src.text(callee).matches("self\\.\\w+")
                ? callee.getChildByFieldName("object") : callee;
        return root(src.text(recv)).equals(root(src.text(run)));
    }

    /** {@code model} of {@code model.cuda()}, {@code self.net} of {@code self.net.module}. */
    private static String root(String t) {
        java.util.regex.Matcher m = ROOT.matcher(t);
        return m.lookingAt() ? m.group() : t;
    }

    private static final Pattern ROOT = Pattern.compile("(self\\.)?\\w+");

    /** The loop runs no backward and no optimizer step in its own body: its iterations are not training steps. */
    private static boolean stepsNothing(PySource src, TSNode loop) {
        return src.callsWithin(loop, "backward").isEmpty() && src.callsWithin(loop, "step").isEmpty();
    }

    /**
     * The loop calls a function or method of this file ({@code f(x)}, {@code self.f(x)}) that runs a module with
     * autograd on and trains nothing (no backward, no step, no no_grad of its own): its forward is this loop's, one
     * call below it (kan-bayashi/ParallelWaveGAN@210df9f train.py: {@code _eval_epoch()} loops over the dev loader
     * and calls {@code self._eval_step(batch)}, which runs {@code self.model["generator"](z, c)}), or two calls below
     * (DAIRLab/dair_pll@523d372 experiment.py:757, scan_wild20's I2: the loss helper calls the predict helper that
     * runs the model). A plain function this file imports from another file of the tree is read there
     * (Tencent/FaceDetection-DSFD@a941d08 fddb_test.py:97, scan_wild20's I6: {@code detect_face} comes from
     * widerface_val.py beside it). Returns its name, or null.
     */
    private static String forwardBelow(PySource src, io.oomdoc.evidence.code.GraphFlow flow, TSNode callee) {
        String cls = importedClassOf(src, callee);
        if (cls != null) {
            String method = src.text(callee.getChildByFieldName("attribute"));
            return src.siblings().testMethod(src, cls, method, ID, (sib, def) -> runsForward(sib,
                    new io.oomdoc.evidence.code.GraphFlow(sib), def, 2)) ? cls + "." + method : null;
        }
        String name = helperName(src, callee);
        if (name == null) return null;
        List<TSNode> defs = src.functionDefinitions(name);
        if (defs.isEmpty() && callee.getType().equals("identifier") && src.siblings() != null) {
            return src.siblings().test(src, name, ID, (sib, def) -> runsForward(sib,
                    new io.oomdoc.evidence.code.GraphFlow(sib), def, 2)) ? name : null;
        }
        if (defs.size() != 1 || src.contains(defs.get(0), callee)) return null;
        return runsForward(src, flow, defs.get(0), 2) ? name : null;
    }

    /**
     * The class whose method a call runs, when that class is defined in another file of the tree and imported here:
     * {@code model.extract(batch)} after {@code model = MTDNNModel(opt)} with {@code from mt_dnn.model import
     * MTDNNModel} (namisan/mt-dnn@3228e7c experiments/dump_embedding/extractor.py:304, scan_wild22's missed instance),
     * or {@code self.evaluate_batch(b)} in a class whose imported base defines it ({@code class Runner(BaseTrainer)}).
     * Null for a class of this file, a library's class, or any other receiver.
     */
    static String importedClassOf(PySource src, TSNode callee) {
        if (!callee.getType().equals("attribute") || src.siblings() == null) return null;
        TSNode obj = callee.getChildByFieldName("object");
        if (obj == null || obj.isNull() || !obj.getType().equals("identifier")) return null;
        String recv = src.text(obj);
        if (recv.equals("self")) {
            if (!src.functionDefinitions(src.text(callee.getChildByFieldName("attribute"))).isEmpty()) return null;
            for (TSNode p = callee.getParent(); p != null && !p.isNull(); p = p.getParent()) {
                if (!p.getType().equals("class_definition")) continue;
                TSNode sup = p.getChildByFieldName("superclasses");
                if (sup == null || sup.isNull()) return null;
                for (TSNode b : PySource.namedChildren(sup)) {
                    String base = src.text(b);
                    if (b.getType().equals("identifier") && io.oomdoc.evidence.code.SiblingFiles.importedFromTree(src,
                            base)) return base;
                }
                return null;
            }
            return null;
        }
        return builtFromTree(src).get(recv);
    }

    /**
     * The names of this file bound to an object of a class imported from the tree ({@code model = MTDNNModel(opt)}),
     * with the class: read once per file from its bindings (asked for every attribute call of an eval loop).
     */
    private static java.util.Map<String, String> builtFromTree(PySource src) {
        return src.memo("eval:built-from-tree", () -> {
            java.util.Map<String, String> out = new java.util.HashMap<>();
            for (PySource.Binding b : src.bindings()) {
                TSNode r = b.right();
                if (b.loop() || r == null || r.isNull() || !r.getType().equals("call")
                        || !b.leftText().matches("\\w+")) continue;
                String made = src.text(r.getChildByFieldName("function"));
                if (made.matches("[A-Z]\\w*") && src.classBases(made) == null
                        && io.oomdoc.evidence.code.SiblingFiles.importedFromTree(src, made)) {
                    out.put(b.leftText(), made);
                }
            }
            return out;
        });
    }

    /**
     * The imported method a loop calls switches its own module to eval mode ({@code self.network.eval()} in
     * MTDNNModel.extract): the loop is an evaluation loop, whatever the caller's names say.
     */
    private static boolean importedMethodSwitchesToEval(PySource src, TSNode callee) {
        String cls = importedClassOf(src, callee);
        if (cls == null) return false;
        String method = src.text(callee.getChildByFieldName("attribute"));
        return src.siblings().testMethod(src, cls, method, ID + ":eval", (sib, def) -> io.oomdoc.evidence.code
                .PythonScanner.switchesToEval(sib.text(def)));
    }

    /** {@code f} of {@code f(x)} or {@code self.f(x)}; null for any other callee. */
    private static String helperName(PySource src, TSNode callee) {
        String t = src.text(callee);
        return callee.getType().equals("identifier") ? t : t.matches("self\\.\\w+") ? t.substring(5) : null;
    }

    /**
     * The function trains nothing, keeps autograd on and runs a module itself or, while {@code depth} allows, through
     * one more helper of its file that does; a forward inside a loop of its own is judged there (see inOwnLoop).
     */
    private static boolean runsForward(PySource src, io.oomdoc.evidence.code.GraphFlow flow, TSNode def, int depth) {
        if (!stepsNothing(src, def)) return false;
        String body = src.text(def);
        if (gradOffForTheRest(body) || FROZEN.matcher(body).find()) return false;
        boolean found = false;
        for (TSNode c : src.subscriptCallsIn(def)) { // self.model["generator"](z): a module of a dict of modules
            TSNode value = c.getChildByFieldName("function").getChildByFieldName("value");
            if (value == null || value.isNull() || !flow.isModule(value) || src.withoutGrad(c)) continue;
            if (inOwnLoop(src, def, c)) return false;
            found = true;
        }
        for (TSNode c : src.callsIn(def)) {
            TSNode f = c.getChildByFieldName("function");
            // self.mnetwork.bert(*inputs): a submodule of a module the object keeps runs its forward too
            boolean plain = !f.getType().equals("attribute") || src.text(f).matches("self\\.\\w+(\\.\\w+)?");
            if (!(plain && flow.isModule(f) || forwardMethod(src, flow, f)) || src.withoutGrad(c)) continue;
            if (inOwnLoop(src, def, c)) return false;
            found = true;
        }
        if (found || depth <= 1) return found;
        for (TSNode c : src.callsIn(def)) {
            String h = helperName(src, c.getChildByFieldName("function"));
            if (h == null || src.withoutGrad(c) || inOwnLoop(src, def, c)) continue;
            List<TSNode> hd = src.functionDefinitions(h);
            if (hd.size() != 1 || hd.get(0).equals(def) || src.contains(hd.get(0), def)) continue;
            if (runsForward(src, flow, hd.get(0), depth - 1)) return true;
        }
        return false;
    }

    /**
     * A forward inside a loop of the called function itself: that loop is judged where it stands, so the caller's
     * loop is not reported for it a second time (KAIR main_test_rvrt.py: test_clip()'s patch loop, called from
     * test_video()'s loop).
     */
    private static boolean inOwnLoop(PySource src, TSNode def, TSNode call) {
        var loop = src.enclosingLoop(call);
        return loop.isPresent() && src.contains(def, loop.get());
    }

    /** Where a function that is also called under no_grad is called with autograd on, or "" (see ScanText). */
    private static String callPath(PySource src, String fnName) {
        TSNode c = fnName.isEmpty() ? null : src.callWithGradBesideNoGrad(fnName);
        if (c == null) return "";
        String caller = src.enclosingFunction(c).map(fn -> "`" + src.functionName(fn) + "()`")
                .orElse(io.oomdoc.evidence.code.ScanText.get("eval.module.level"));
        return io.oomdoc.evidence.code.ScanText.get("eval.called.with.grad", caller, src.line(c));
    }

    public List<Finding> check(PySource src) {
        java.util.Set<Integer> reportedLoops = new java.util.HashSet<>();
        java.util.Set<String> throughSteps = new java.util.HashSet<>(); // steps already named at their caller's loop
        io.oomdoc.evidence.code.GraphFlow flow = new io.oomdoc.evidence.code.GraphFlow(src);
        List<Finding> out = new ArrayList<>(callsInEvalLoops(src, flow, reportedLoops, throughSteps));
        out.addAll(sharedWithTraining(src, flow, reportedLoops));
        out.addAll(phaseLoops(src, flow, reportedLoops));
        evalSteps(src, flow, reportedLoops, throughSteps, out);
        return out;
    }

    /**
     * Any module call in an eval loop: model(x), self.encoder(x), layer(h) for layer in self.layers. Records each
     * loop it reports, and each step it reached through, so the later checks do not report them again.
     */
    private List<Finding> callsInEvalLoops(PySource src, io.oomdoc.evidence.code.GraphFlow flow,
                                           java.util.Set<Integer> reportedLoops, java.util.Set<String> throughSteps) {
        List<Finding> out = new ArrayList<>();
        for (TSNode call : candidates(src)) {
            EvalCall c = evalCall(src, flow, call);
            if (c == null || !reportedLoops.add(c.loop().getStartByte())) continue;
            if (c.below() != null) throughSteps.add(c.below());
            if (src.graphFreeFunctions().contains(c.fnName())) continue; // every call of it here runs without grad
            if (noTorchGraphAtEveryCall(src, c.fnName())) continue;
            out.add(loopFinding(src, c));
        }
        return out;
    }

    /** A forward in an eval loop: the call, its loop, the function around it, the step it runs through (or null). */
    private record EvalCall(TSNode call, TSNode loop, String fnName, String below) {}

    /** The call as a forward that builds a graph in an evaluation loop, or null when it is not one. */
    private EvalCall evalCall(PySource src, io.oomdoc.evidence.code.GraphFlow flow, TSNode call) {
        TSNode callee = call.getChildByFieldName("function");
        if (callee.getType().equals("attribute") && !src.text(callee).matches("self\\.\\w+")
                && !forwardMethod(src, flow, callee) && importedClassOf(src, callee) == null) return null;
        var loop = src.enclosingLoop(call);
        if (loop.isEmpty()) return null;
        var fn = src.enclosingFunction(call);
        String fnName = fn.map(src::functionName).orElse("");
        // Lightning runs validation_step/test_step with autograd off
        if (fnName.matches("(validation|val|test|predict)_step") && src.text.contains("Lightning")) return null;
        String loopHead = src.headText(loop.get());
        boolean unitTest = fnName.startsWith("test_") && (src.path.contains("tests/")
                || src.path.matches("(.*/)?test_[^/]*\\.py"));
        TSNode scope = fn.orElse(src.root());
        TSNode evalSwitch = evalSwitchBefore(src, scope, loop.get());
        boolean evalMode = evalSwitch != null;
        boolean named = EVAL_FN.matcher(fnName).matches() || EVAL_LOADER.matcher(loopHead).find();
        boolean evalContext = !unitTest && (named || evalMode || importedMethodSwitchesToEval(src, callee));
        if (!evalContext || !overBatches(src, loop.get())) return null;
        if (io.oomdoc.evidence.code.BatchItems.ofOneBatch(src, flow, loop.get())) return null;
        if (src.withoutGrad(call)) return null;
        // the forward itself, or one call below the loop: a function of this file that runs the model
        String below = flow.isModule(callee) || forwardMethod(src, flow, callee) ? null
                : forwardBelow(src, flow, callee);
        if (below == null && !flow.isModule(callee) && !forwardMethod(src, flow, callee)) return null;
        if (!named && below == null && !sameModule(src, evalSwitch, callee)
                && !switchedSameModule(src, scope, loop.get(), callee)) return null;
        // A function that also trains: only a loop switched to eval mode that steps no optimizer is eval
        boolean trainsHere = !src.callsWithin(scope, "backward").isEmpty();
        if (trainsHere && !(evalMode && stepsNothing(src, loop.get()))) return null;
        String fnText = src.text(scope);
        if (gradOffForTheRest(fnText)) return null; // a with-block or decorator is read per call (withoutGrad)
        // v.requires_grad = False over the model's parameters: no forward builds a graph (cszn/KAIR
        // main_test_dncnn.py@HEAD 122-124, model.eval() and then every parameter frozen)
        if (FROZEN.matcher(fnText).find()) return null;
        if (frozenBeforeLoop(src, scope, loop.get(), src.text(callee))) return null;
        return new EvalCall(call, loop.get(), fnName, below);
    }

    /** The finding for a forward in an eval loop, with the fix that wraps the loop in inference mode. */
    private Finding loopFinding(PySource src, EvalCall c) {
        String fnName = c.fnName();
        // Fixes are written with indentation relative to their first line, so each one parses on its own.
        String head = src.headText(c.loop()).strip(); // the whole header, even over several lines
        String where = (fnName.isEmpty() ? io.oomdoc.evidence.code.ScanText.get("eval.loop.anonymous")
                : fnName + "()") + (c.below() == null ? "" : " through " + c.below() + "()");
        Finding f = finding(src, c.call(), io.oomdoc.evidence.code.ScanText.get("eval.loop", where)
                + callPath(src, fnName), head, "");
        return new Finding(f.rule(), f.file(), f.line(), f.cell(), f.kb(), f.severity(), f.message(),
                new Finding.Fix(head + "\n    ...", "with torch.inference_mode():\n    "
                        + head.replace("\n", "\n    ") + "\n        ...  # the loop body, one level deeper"),
                fnName);
    }

    /** Functions that run one evaluation step (EvalStep), added to {@code out} unless a loop finding covers them. */
    private void evalSteps(PySource src, io.oomdoc.evidence.code.GraphFlow flow, java.util.Set<Integer> reportedLoops,
                           java.util.Set<String> throughSteps, List<Finding> out) {
        for (EvalStep.Step step : new EvalStep(src, flow).find()) {
            String name = step.name();
            boolean lightning = name.matches("(validation|val|test|predict)_step") && src.text.contains("Lightning");
            if (lightning || throughSteps.contains(name) || src.graphFreeFunctions().contains(name)) continue;
            if (sameLoopReported(src, step.forward(), reportedLoops, out)) continue;
            String line = src.lineText(step.forward()).strip();
            Finding f = finding(src, step.forward(), io.oomdoc.evidence.code.ScanText.get("eval.step", name)
                    + callPath(src, name), line, "");
            out.add(new Finding(f.rule(), f.file(), f.line(), f.cell(), f.kb(), f.severity(), f.message(),
                    new Finding.Fix(line, "with torch.inference_mode():\n    " + line), name));
        }
    }

    /**
     * The step's forward was already reported: it stands in a loop that a finding names, or on a finding's line
     * (knazeri/edge-connect@3142579 src/edge_connect.py:261, scan_wild20c: eval() loops over the validation loader
     * and is also called from the training loop, and the loop check and the per-step check both reported it). One
     * loop is one finding.
     */
    private static boolean sameLoopReported(PySource src, TSNode forward, java.util.Set<Integer> reportedLoops,
            List<Finding> out) {
        for (var l = src.enclosingLoop(forward); l.isPresent(); l = src.enclosingLoop(l.get())) {
            if (reportedLoops.contains(l.get().getStartByte())) return true;
        }
        int line = src.line(forward);
        return out.stream().anyMatch(f -> f.line() == line && f.file().equals(src.path));
    }

    /**
     * An if condition that is one flag, maybe negated ({@code if train:}, {@code if not is_eval:}), or a parameter
     * that may be left out ({@code if optimizer is not None:}).
     */
    private static final Pattern FLAG = Pattern.compile("(not\\s+)?(\\w+)(\\s+is\\s+not\\s+None)?");

    /**
     * One function trains and evaluates: its loop runs the model, and {@code backward()} runs only under
     * {@code if P:} (or {@code if not P:}) of a parameter {@code P}, while a call of this file passes the value that
     * skips it ({@code self.iteration(epoch, self.test_data, train=False)}). That call's loop builds a graph every
     * batch and never frees it by a backward (codertimo/BERT-pytorch@d10dc4f bert_pytorch/trainer/pretrain.py:74-113,
     * issue #92: test() runs iteration(train=False), no torch.no_grad anywhere).
     */
    private List<Finding> sharedWithTraining(PySource src, io.oomdoc.evidence.code.GraphFlow flow,
            java.util.Set<Integer> reportedLoops) {
        List<Finding> out = new ArrayList<>();
        for (TSNode bw : src.calls("backward")) {
            var fn = src.enclosingFunction(bw);
            var loop = src.enclosingLoop(bw);
            if (fn.isEmpty() || loop.isEmpty() || !src.contains(fn.get(), loop.get())) continue;
            if (!overBatches(src, loop.get()) || reportedLoops.contains(loop.get().getStartByte())) continue;
            TSNode guard = guardIn(bw, loop.get());
            if (guard == null || gradOffForTheRest(src.text(fn.get()))) continue;
            java.util.regex.Matcher m = FLAG.matcher(src.text(guard.getChildByFieldName("condition")).strip());
            if (!m.matches() || !everyBackwardGuarded(src, fn.get(), m.group())) continue;
            String name = src.functionName(fn.get());
            if (m.group(1) != null && m.group(3) != null) continue;
            java.util.Set<String> skips = m.group(3) != null ? java.util.Set.of("None")
                    : m.group(1) == null ? java.util.Set.of("False", "None") : java.util.Set.of("True");
            TSNode caller = evalCall(src, fn.get(), name, m.group(2), skips);
            if (caller == null) continue;
            TSNode forward = forwardOutside(src, flow, loop.get(), guard);
            if (forward == null) forward = lossComputedOutside(src, bw, guard, loop.get());
            if (forward == null) continue;
            reportedLoops.add(loop.get().getStartByte());
            String line = src.lineText(forward).strip();
            Finding found = finding(src, forward, io.oomdoc.evidence.code.ScanText.get("eval.shared", name,
                    src.text(caller).replaceAll("\\s+", " "), src.line(caller)), line, "");
            out.add(switchedBy(src, found, loop.get(), m.group(), name));
        }
        return out;
    }

    /**
     * The loop's first call outside {@code guard} and outside no_grad that runs a module (a plain name or
     * {@code self.x} the flow knows as a module, or a forward method): the call that builds a graph; null if none.
     */
    private static TSNode forwardOutside(PySource src, io.oomdoc.evidence.code.GraphFlow flow, TSNode loop,
            TSNode guard) {
        for (TSNode c : src.callsIn(loop)) {
            TSNode f = c.getChildByFieldName("function");
            // self.mnetwork.bert(*inputs): a submodule of a module the object keeps runs its forward too
            boolean plain = !f.getType().equals("attribute") || src.text(f).matches("self\\.\\w+(\\.\\w+)?");
            if (src.contains(guard, c) || src.withoutGrad(c)) continue;
            if (plain && flow.isModule(f) || forwardMethod(src, flow, f)) return c;
        }
        return null;
    }

    /** The finding with the fix that runs the batch loop under {@code torch.set_grad_enabled(condition)}. */
    private static Finding switchedBy(PySource src, Finding found, TSNode loop, String condition, String name) {
        String head = src.headText(loop).strip();
        return new Finding(found.rule(), found.file(), found.line(), found.cell(), found.kb(), found.severity(),
                found.message(), new Finding.Fix(head + "\n    ...", "with torch.set_grad_enabled(" + condition
                + "):\n    " + head.replace("\n", "\n    ") + "\n        ...  # the loop body, one level deeper"),
                name);
    }

    /** {@code phase == 'train'}, {@code phase in ('train',)}: a loop variable compared with one string. */
    private static final Pattern PHASE_TEST = Pattern.compile("(\\w+)\\s*(==\\s*(['\"])(\\w+)\\3"
            + "|in\\s*[(\\[]\\s*(['\"])(\\w+)\\5\\s*,?\\s*[)\\]])");
    private static final Pattern STRING = Pattern.compile("(['\"])(\\w+)\\1");

    /**
     * A loop over phases ({@code for phase in ('train', 'val'):}) around a loop over that phase's batches, where every
     * backward runs under {@code if phase == 'train':} while the forward runs for every phase outside it: the other
     * phases build a graph each batch that no backward frees (as791/ZOO_Attack_PyTorch@d7204ee
     * setup_cifar10_model.py:54, scan_wild20c's C1). The fix is the switch the torchvision tutorial uses,
     * {@code torch.set_grad_enabled(phase == 'train')}, which leaves training as it was; a function that already
     * switches autograd (gradOffForTheRest) is not reported.
     */
    private List<Finding> phaseLoops(PySource src, io.oomdoc.evidence.code.GraphFlow flow,
            java.util.Set<Integer> reportedLoops) {
        List<Finding> out = new ArrayList<>();
        for (TSNode bw : src.calls("backward")) {
            var loop = src.enclosingLoop(bw);
            if (loop.isEmpty() || !overBatches(src, loop.get()) || reportedLoops.contains(loop.get().getStartByte())) {
                continue;
            }
            TSNode guard = guardIn(bw, loop.get());
            if (guard == null) continue;
            String condition = src.text(guard.getChildByFieldName("condition")).strip();
            java.util.regex.Matcher m = PHASE_TEST.matcher(condition);
            if (!m.matches()) continue;
            String phase = m.group(4) != null ? m.group(4) : m.group(6);
            TSNode phases = phaseLoop(src, loop.get(), m.group(1), phase);
            if (phases == null) continue;
            TSNode scope = src.enclosingFunction(phases).orElse(src.root());
            if (gradOffForTheRest(src.text(scope)) || switchesGradPerPhase(src.text(phases))) continue;
            boolean allGuarded = true;
            for (TSNode other : src.callsWithin(loop.get(), "backward")) allGuarded &= src.contains(guard, other);
            if (!allGuarded) continue;
            TSNode forward = forwardOutside(src, flow, loop.get(), guard);
            if (forward == null || !reportedLoops.add(loop.get().getStartByte())) continue;
            String name = src.enclosingFunction(loop.get()).map(src::functionName).orElse("");
            String line = src.lineText(forward).strip();
            Finding found = finding(src, forward, io.oomdoc.evidence.code.ScanText.get("eval.phase",
                    src.headText(phases).strip(), condition), line, "");
            out.add(switchedBy(src, found, loop.get(), condition, name));
        }
        return out;
    }

    /**
     * The phase loop picks its own autograd context ({@code ctx = torch.enable_grad() if phase == 'train' else
     * torch.no_grad()}, then {@code with ctx:}): a context kept in a variable is not read per call, so any such
     * name in the loop keeps it unreported.
     */
    private static boolean switchesGradPerPhase(String loopText) {
        return loopText.contains("no_grad") || loopText.contains("inference_mode") || loopText.contains("enable_grad");
    }

    /**
     * The loop around {@code inner} whose variable is {@code var} and which walks a literal list or tuple of at least
     * two strings, {@code phase} and another; null when there is none.
     */
    private static TSNode phaseLoop(PySource src, TSNode inner, String var, String phase) {
        for (TSNode p = inner.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (PySource.isFunction(p)) return null;
            if (!p.getType().equals("for_statement")) continue;
            TSNode left = p.getChildByFieldName("left"), right = p.getChildByFieldName("right");
            if (left == null || left.isNull() || !src.text(left).strip().equals(var)) continue;
            if (!right.getType().matches("list|tuple")) return null;
            java.util.Set<String> names = new java.util.HashSet<>();
            for (TSNode e : PySource.namedChildren(right)) {
                java.util.regex.Matcher m = STRING.matcher(src.text(e).strip());
                if (!m.matches()) return null;
                names.add(m.group(2));
            }
            return names.contains(phase) && names.size() >= 2 ? p : null;
        }
        return null;
    }

    /**
     * The statement of the loop, outside the guard, that computes the value backpropagated under it
     * ({@code loss = self.batch_loss(x, y, system)}, then {@code if optimizer is not None: loss.backward()}):
     * whatever it calls builds the graph the backward walks, so it builds one too when the guard skips the backward
     * (DAIRLab/dair_pll@523d372 dair_pll/experiment.py:355, train_epoch called without an optimizer at 598).
     */
    private static TSNode lossComputedOutside(PySource src, TSNode backward, TSNode guard, TSNode loop) {
        TSNode f = backward.getChildByFieldName("function");
        if (!f.getType().equals("attribute")) return null;
        String value = src.text(f.getChildByFieldName("object"));
        TSNode found = null;
        for (PySource.Binding b : src.bindings()) {
            if (b.start() < loop.getStartByte() || b.start() >= guard.getStartByte() || b.loop()) continue;
            if (!b.leftText().equals(value) || !src.contains(loop, b.stmt())) continue;
            if (b.right() != null && !b.right().isNull() && b.right().getType().equals("call")) found = b.right();
        }
        return found == null || src.withoutGrad(found) ? null : found;
    }

    /** The innermost if statement around the call, inside the loop, or null. */
    private static TSNode guardIn(TSNode call, TSNode loop) {
        for (TSNode p = call.getParent(); p != null && !p.isNull() && !p.equals(loop); p = p.getParent()) {
            if (p.getType().equals("if_statement")) return p;
        }
        return null;
    }

    /** Every backward of the function sits under an if whose condition is exactly {@code condition}. */
    private static boolean everyBackwardGuarded(PySource src, TSNode fn, String condition) {
        for (TSNode bw : src.callsWithin(fn, "backward")) {
            boolean guarded = false;
            for (TSNode p = bw.getParent(); p != null && !p.isNull() && !p.equals(fn); p = p.getParent()) {
                guarded |= p.getType().equals("if_statement")
                        && src.text(p.getChildByFieldName("condition")).strip().equals(condition);
            }
            if (!guarded) return false;
        }
        return true;
    }

    /**
     * A call of the function in this file, with autograd on, that passes {@code value} for the flag, by keyword or by
     * position ({@code self} of a method not counted at a {@code self.f(...)} call); null when there is none.
     */
    private static TSNode evalCall(PySource src, TSNode fn, String name, String flag, java.util.Set<String> skips) {
        List<String> params = new ArrayList<>();
        String fallback = null; // the default of the flag's parameter, what a call that leaves it out passes
        for (TSNode p : PySource.namedChildren(fn.getChildByFieldName("parameters"))) {
            TSNode n = p.getType().equals("identifier") ? p : p.getChildByFieldName("name");
            if (n == null || n.isNull()) n = PySource.namedChildren(p).isEmpty() ? p : PySource.namedChildren(p).get(0);
            params.add(src.text(n));
            TSNode v = p.getChildByFieldName("value");
            if (src.text(n).equals(flag) && v != null && !v.isNull()) fallback = src.text(v).strip();
        }
        int index = params.indexOf(flag);
        if (index < 0) return null;
        for (TSNode c : src.calls(name)) {
            if (src.withoutGrad(c) || src.contains(fn, c)) continue;
            boolean method = src.text(c.getChildByFieldName("function")).startsWith("self.");
            int shift = method && !params.isEmpty() && params.get(0).equals("self") ? 1 : 0;
            List<TSNode> argv = PySource.namedChildren(c.getChildByFieldName("arguments"));
            String passed = fallback;
            for (int i = 0; i < argv.size(); i++) {
                TSNode a = argv.get(i);
                if (a.getType().endsWith("splat")) {
                    passed = null; // *args, **kw: what reaches the flag is unknown
                    break;
                }
                boolean keyword = a.getType().equals("keyword_argument");
                boolean atFlag = keyword ? src.text(a.getChildByFieldName("name")).equals(flag) : i + shift == index;
                TSNode v = keyword ? a.getChildByFieldName("value") : a;
                if (atFlag) passed = src.text(v).strip();
            }
            if (passed != null && skips.contains(passed)) return c;
        }
        return null;
    }
}
