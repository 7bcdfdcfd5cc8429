package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.FileTokens;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.GraphFlow;
import io.oomdoc.evidence.code.ScanText;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value that carries an autograd graph kept across training or evaluation steps: {@code total_loss += loss},
 * {@code x = x + dist}, {@code losses.append(loss)}, {@code meter.update(loss)}, {@code log[step] = loss}
 * (M20). Right only when the value
 * holds a graph (read by {@link GraphFlow}: a model or module output, a loss, anything computed from them with
 * autograd on), the accumulator survives from one step to the next (not reset inside the step loop) and it is not
 * itself backpropagated (a sum of terms inside one step before {@code backward()} is the loss, not a leak).
 */
public final class TensorAccumulated implements Rule {
    /** Receivers whose update(...) keeps a running sum: AverageMeter-style loss meters. */
    private static final Pattern METER = Pattern.compile("(?i)(loss|meter|avg|average|running|losses)\\w*$");
    private static final Pattern CONSTRUCTION = Pattern.compile("forward\\w*|__init__|_?(make|build|create|init|setup"
            + "|construct)\\w*");
    private static final Pattern PLAIN_TEXT = Pattern.compile("\\.(item|tolist|numpy|detach)\\(\\)\\s*$|^(float|int|len"
            + "|round)\\(|^[\\d.]+$|^[\"']");
    private static final Pattern LOADER = Pattern.compile("(?i)(loader|_dl\\b|\\bdl\\b)");
    private static final Pattern LOSSY = Pattern.compile("(?i)(loss|nll|ll$|elbo|kl|err|cost|objective)");

    /** The rule's id, for code that must name it (the default rule set). */
    public static final String ID = "tensor_accumulated";

    public String id() { return ID; }
    public FileTokens fileTokens() { return FileTokens.TRAINING_LOOP; }
    public String kb() { return "M20"; }
    public String severity() { return "high"; }

    public List<Finding> check(PySource src) {
        LazyFlow flow = new LazyFlow(src);
        List<Finding> out = new ArrayList<>(augmentedSums(src, flow));
        out.addAll(selfSums(src, flow));
        out.addAll(keyedStores(src, flow));
        out.addAll(appendsAndUpdates(src, flow));
        out.addAll(throughHelpers(src, flow));
        return out;
    }

    /** The file's GraphFlow, built on first use: most files have no candidate site and never need one. */
    private static final class LazyFlow {
        private final PySource src;
        private GraphFlow built;

        LazyFlow(PySource src) { this.src = src; }

        GraphFlow get() {
            if (built == null) built = new GraphFlow(src);
            return built;
        }
    }

    /** `x += loss`: a sum kept across steps. */
    private List<Finding> augmentedSums(PySource src, LazyFlow flow) {
        List<Finding> out = new ArrayList<>();
        for (TSNode aug : src.augmentedAssignments()) {
            if (!src.text(aug).matches("(?s)[^=]*\\+=.*")) continue;
            TSNode right = aug.getChildByFieldName("right");
            String target = src.text(aug.getChildByFieldName("left")).strip();
            if (!leaks(src, flow.get(), aug, right, target, false)) continue;
            out.add(report(src, aug, right, ScanText.get("tensor.sum", target + " += "
                    + src.text(right).strip()), LOSSY.matcher(target + src.text(right)).find()));
        }
        return out;
    }

    /** `x = x + loss`, or a container rebuilt from itself with a sum in each element. */
    private List<Finding> selfSums(PySource src, LazyFlow flow) {
        List<Finding> out = new ArrayList<>();
        for (PySource.Binding b : src.bindings()) { // x = x + dist, or rebuilt: x = {k: x[k] + d[k] for k in x}
            if (b.loop() || !b.rightText().contains("+") || !b.rightText().contains(b.leftText())) continue;
            String target = b.leftText();
            TSNode sum = rebuiltElement(src, b.right());
            if (sum == null || !sum.getType().equals("binary_operator")) continue;
            List<TSNode> ops = PySource.namedChildren(sum);
            if (ops.size() != 2) continue;
            TSNode other = sameAccumulator(src, ops.get(0), target, sum != b.right()) ? ops.get(1)
                    : sameAccumulator(src, ops.get(1), target, sum != b.right()) ? ops.get(0) : null;
            if (other == null) continue;
            if (!leaks(src, flow.get(), b.stmt(), other, target, false)) continue;
            out.add(report(src, b.stmt(), other, ScanText.get("tensor.self.sum",
                    src.text(b.stmt()).strip()), LOSSY.matcher(target).find()));
        }
        return out;
    }

    /** `log[step] = loss` in a function that trains. */
    private List<Finding> keyedStores(PySource src, LazyFlow flow) {
        List<Finding> out = new ArrayList<>();
        for (PySource.Binding b : src.bindings()) { // log[step] = loss
            if (b.loop() || !b.left().getType().equals("subscript")) continue;
            TSNode key = b.left().getChildByFieldName("subscript");
            String target = src.text(b.left().getChildByFieldName("value"));
            // a literal key overwrites one slot each step; a slice fills a preallocated array, read elsewhere
            if (key == null || key.isNull() || !key.getType().matches("identifier|attribute|binary_operator")
                    || !target.matches("[\\w.]+")) continue;
            // only in a function that trains: elsewhere `prev_hiddens[i] = hidden` is the state of one forward
            // pass over time steps (facebookresearch/fairseq fairseq/models/lstm.py:561, a false finding)
            var fn = src.enclosingFunction(b.stmt());
            if (fn.isEmpty() || src.callsWithin(fn.get(), "backward").isEmpty()) continue;
            if (!leaks(src, flow.get(), b.stmt(), b.right(), target, true)) continue;
            out.add(report(src, b.stmt(), b.right(), ScanText.get("tensor.keyed",
                    src.text(b.stmt()).strip(), target), LOSSY.matcher(b.rightText()).find()));
        }
        return out;
    }

    /** `losses.append(loss)` and a meter's `update(loss)`. */
    private List<Finding> appendsAndUpdates(PySource src, LazyFlow flow) {
        List<Finding> out = new ArrayList<>();
        for (String method : new String[]{"append", "update"}) {
            for (TSNode call : src.calls(method)) {
                TSNode fn = call.getChildByFieldName("function");
                if (!fn.getType().equals("attribute")) continue;
                String receiver = src.text(fn.getChildByFieldName("object"));
                List<TSNode> argv = PySource.namedChildren(call.getChildByFieldName("arguments"));
                if (argv.isEmpty() || argv.get(0).getType().equals("keyword_argument")) continue;
                if (method.equals("append") ? argv.size() != 1 : argv.size() > 2 || !METER.matcher(receiver).find()
                        || src.text.contains("torchmetrics")) continue; // torchmetrics updates without autograd
                    if (!leaks(src, flow.get(), call, argv.get(0), receiver, true)) continue;
                // read last: it walks the file's bindings, and only a site that would be reported needs it
                if (method.equals("append") && appendOfAClass(src, call, receiver)) continue;
                String value = src.text(argv.get(0));
                out.add(report(src, call, argv.get(0), method.equals("append")
                        ? ScanText.get("tensor.append", value, receiver)
                        : ScanText.get("tensor.update", receiver, value),
                        method.equals("update") || LOSSY.matcher(value).find()));
            }
        }
        return out;
    }

    /**
     * An append one call down: the loop calls {@code collect(preds, out)} and the helper's body appends its second
     * parameter to its first ({@code acc.append(value)}), in this file or in a file of the tree it imports the helper
     * from ({@link io.oomdoc.evidence.code.SiblingFiles}). Judged at the call as if the append stood there: the value
     * must carry a graph and the list must outlive the steps (facebookresearch/SlowFast#411 keeps every batch's
     * outputs of an eval loop in lists; here the keeping is done by the helper).
     */
    private List<Finding> throughHelpers(PySource src, LazyFlow flow) {
        List<Finding> out = new ArrayList<>();
        java.util.Map<String, List<int[]>> local = localAppendHelpers(src);
        java.util.Map<String, List<int[]>> imported = new java.util.HashMap<>();
        for (TSNode call : src.callsIn(src.root())) {
            TSNode fn = call.getChildByFieldName("function");
            if (!fn.getType().equals("identifier")) continue;
            String name = src.text(fn);
            List<TSNode> args = PySource.namedChildren(call.getChildByFieldName("arguments"));
            // cheap checks first: an imported helper is read in its own file only for a call that could append
            if (args.size() < 2 || args.size() > 4 || !local.containsKey(name) && src.enclosingLoop(call).isEmpty()) {
                continue;
            }
            List<int[]> pairs = local.get(name);
            // a helper of another file is read only from a training function (one that calls backward)
            if (pairs == null && src.siblings() != null && src.functionDefinitions(name).isEmpty()
                    && !src.callsWithin(src.enclosingFunction(call).orElse(src.root()), "backward").isEmpty()
                    && io.oomdoc.evidence.code.SiblingFiles.importedFromTree(src, name)) {
                pairs = imported.computeIfAbsent(name, n -> siblingPairs(src, n));
            }
            if (pairs == null || pairs.isEmpty() || src.enclosingLoop(call).isEmpty()) continue;
            Finding f = appendAtCall(src, flow, call, name, args, pairs);
            if (f != null) out.add(f);
        }
        return out;
    }

    /** The helpers of this file that append a parameter to a parameter, found from the file's appends. */
    private static java.util.Map<String, List<int[]>> localAppendHelpers(PySource src) {
        java.util.Map<String, List<int[]>> local = new java.util.HashMap<>();
        for (TSNode append : src.calls("append")) {
            var def = src.enclosingFunction(append);
            if (def.isEmpty()) continue;
            String name = src.functionName(def.get());
            if (!local.containsKey(name) && src.functionDefinitions(name).size() == 1) {
                local.put(name, appendPairs(src, def.get()));
            }
        }
        return local;
    }

    /** The first (list, value) pair of the helper's call that keeps a graph past the step, reported; else null. */
    private Finding appendAtCall(PySource src, LazyFlow flow, TSNode call, String helper, List<TSNode> argv,
            List<int[]> pairs) {
        for (int[] p : pairs) {
            if (p[0] >= argv.size() || p[1] >= argv.size()) continue;
            TSNode acc = argv.get(p[0]), value = argv.get(p[1]);
            if (!acc.getType().matches("identifier|attribute") || value.getType().endsWith("argument")) continue;
            String target = src.text(acc);
            if (!leaks(src, flow.get(), call, value, target, true)) continue;
            String v = src.text(value);
            return report(src, call, value, ScanText.get(ID + ".appended", helper, v, target), LOSSY.matcher(v).find());
        }
        return null;
    }

    /** The pairs an imported helper appends, read in its own file once ("acc:value" pairs, comma separated). */
    private static List<int[]> siblingPairs(PySource src, String name) {
        String said = src.siblings().ask(src, name, ID + ":append-pairs", (sib, def) -> {
            StringBuilder b = new StringBuilder();
            for (int[] p : appendPairs(sib, def)) b.append(b.length() == 0 ? "" : ",").append(p[0]).append(':')
                    .append(p[1]);
            return b.toString();
        });
        List<int[]> out = new ArrayList<>();
        if (said.isEmpty()) return out;
        for (String p : said.split(",")) {
            String[] ij = p.split(":");
            out.add(new int[]{Integer.parseInt(ij[0]), Integer.parseInt(ij[1])});
        }
        return out;
    }

    /**
     * The positions {acc, value} of a plain function's parameters where its body calls {@code acc.append(value)}
     * (a method is left out: self shifts the positions).
     */
    static List<int[]> appendPairs(PySource src, TSNode def) {
        TSNode params = def.getChildByFieldName("parameters");
        if (params == null || params.isNull()) return List.of();
        List<String> names = new ArrayList<>();
        for (TSNode p : PySource.namedChildren(params)) names.add(p.getType().equals("identifier") ? src.text(p) : "");
        if (names.isEmpty() || names.get(0).equals("self") || names.get(0).equals("cls")) return List.of();
        List<int[]> out = new ArrayList<>();
        for (TSNode c : src.calls("append")) {
            if (!src.contains(def, c)) continue;
            TSNode f = c.getChildByFieldName("function");
            if (!f.getType().equals("attribute")) continue;
            List<TSNode> a = PySource.namedChildren(c.getChildByFieldName("arguments"));
            if (a.size() != 1) continue;
            int acc = names.indexOf(src.text(f.getChildByFieldName("object")));
            int value = names.indexOf(src.text(a.get(0)));
            if (acc >= 0 && value >= 0 && acc != value) out.add(new int[]{acc, value});
        }
        return out;
    }

    /**
     * The expression that makes each element: the value itself, or the element of a comprehension that rebuilds the
     * accumulator every step ({@code train_losses = {k: train_losses[k] + main_losses[k] * n for k in keys}},
     * jerpelhan/DAVE@8aeeb9c train_det.py:228, issue #11: a dict of loss tensors summed over an epoch).
     */
    private static TSNode rebuiltElement(PySource src, TSNode right) {
        String type = right.getType();
        if (type.equals("list_comprehension")) return right.getChildByFieldName("body");
        if (!type.equals("dictionary_comprehension")) return right;
        TSNode pair = right.getChildByFieldName("body");
        boolean isPair = pair != null && !pair.isNull() && pair.getType().equals("pair");
        return isPair ? pair.getChildByFieldName("value") : null;
    }

    /** The operand is the accumulator ({@code x}), or in a comprehension one element of it ({@code x[k]}). */
    private static boolean sameAccumulator(PySource src, TSNode operand, String target, boolean element) {
        String t = src.text(operand).replaceAll("\\s", "");
        return t.equals(target) || element && operand.getType().equals("subscript")
                && src.text(operand.getChildByFieldName("value")).equals(target);
    }

    /**
     * The receiver of {@code x.append(v)} is an object a class built ({@code seen = SlotMeter(...)}), not a list: what
     * happens to the value is that class's append. jeromerony/dml_cross_entropy@787e863 utils/training.py:45 appends
     * the loss to an AverageMeter (utils/metrics.py) whose append stores {@code val.detach()}: a false finding. A
     * class of this file is followed (its append keeps a graph unless it detaches or takes a number); one imported
     * from elsewhere cannot be read here, so it is not reported.
     */
    private static boolean appendOfAClass(PySource src, TSNode call, String receiver) {
        int at = call.getStartByte(), fn = src.functionStart(call), best = -1;
        String cls = null;
        List<PySource.Binding> bs = src.bindings();
        for (int i = 0; i < bs.size(); i++) {
            PySource.Binding b = bs.get(i);
            if (b.loop() || !b.leftText().equals(receiver) || b.start() < best) continue;
            boolean attribute = receiver.startsWith("self.");
            if (!attribute && (b.start() > at || src.bindingFunctionStart(i) != fn)) continue;
            Matcher m = b.right() != null && !b.right().isNull() && b.right().getType().equals("call")
                    ? BUILT.matcher(src.text(b.right().getChildByFieldName("function"))) : null;
            cls = m != null && m.matches() ? m.group(1) : null;
            best = b.start();
        }
        if (cls == null) return false;
        for (TSNode def : src.functionDefinitions("append")) {
            TSNode block = def.getParent(), owner = block == null || block.isNull() ? null : block.getParent();
            if (owner == null || owner.isNull() || !owner.getType().equals("class_definition")) continue;
            if (src.text(owner.getChildByFieldName("name")).equals(cls)) {
                return TAKES_NUMBER.matcher(src.text(def)).find();
            }
        }
        return true;
    }

    /** The callee of a class built: {@code SlotMeter} of {@code SlotMeter(device=d)}, {@code utils.AverageMeter}. */
    private static final Pattern BUILT = Pattern.compile("(?:[a-z_]\\w*\\.)*([A-Z]\\w*)");
    /** An append that keeps no graph: it detaches, or turns the value into a number. */
    private static final Pattern TAKES_NUMBER = Pattern.compile("\\.(detach|item|tolist|cpu)\\(|\\bfloat\\("
            + "|\\.data\\b");

    private Finding report(PySource src, TSNode at, TSNode value, String message, boolean scalar) {
        String v = src.text(value);
        String detached = detach(src, value, scalar ? ".item()" : ".detach()");
        String line = src.lineText(at);
        String after = src.replaceInLine(value, detached);
        if (after == null) { // the value spans lines: show the statement itself
            line = src.text(at);
            after = line.replace(v, detached);
        }
        return finding(src, at, message, line, after);
    }

    /**
     * The value with the graph dropped: each element of a list or tuple (a list has no .item(); SpareNet#12's
     * {@code meter.update([coarse * 1000, fine * 1000])}), else the value itself.
     */
    private static String detach(PySource src, TSNode value, String suffix) {
        String type = value.getType();
        boolean splat = PySource.namedChildren(value).stream().anyMatch(e -> e.getType().endsWith("splat"));
        if ((type.equals("list") || type.equals("tuple")) && !splat) {
            List<String> parts = new ArrayList<>();
            for (TSNode e : PySource.namedChildren(value)) parts.add(detach(src, e, suffix));
            String open = type.equals("list") ? "[" : "(", close = type.equals("list") ? "]" : parts.size() == 1
                    ? ",)" : ")";
            return open + String.join(", ", parts) + close;
        }
        String v = src.text(value);
        boolean simple = type.matches("identifier|attribute|subscript|call");
        return (simple ? v : "(" + v + ")") + suffix;
    }

    private static boolean leaks(PySource src, GraphFlow flow, TSNode site, TSNode value, String target,
            boolean list) {
        String v = src.text(value);
        if (PLAIN_TEXT.matcher(v).find()) return false; // .item(), float(...): a number, no need to read the tree
        if (src.withoutGrad(site)) return false;
        var fn = src.enclosingFunction(site);
        if (src.enclosingLoop(site).isEmpty()) return stepMethodAttribute(src, flow, site, value, target, fn);
        // one forward's outputs, or a model being built (layers.append(block(...)) in __init__ or _make_layer)
        if (fn.isPresent() && CONSTRUCTION.matcher(src.functionName(fn.get())).matches()) return false;
        if (flow.kind(value) != GraphFlow.Kind.GRAPH || detachedInPlace(src, site, v)) return false;
        TSNode scope = fn.orElse(src.root());
        if (backpropagated(src, scope, target)) return false; // the loss of this step: the graph is needed
        // summed over time steps and returned to the caller (a batch_loss() helper): the caller's loss, not a leak
        if (fn.isPresent() && src.callsWithin(scope, "backward").isEmpty() && returned(src, scope, target)
                && !(LOSSY.matcher(target + " " + v).find() && overLoader(src, flow, site))) {
            return false;
        }
        return carriedAcrossSteps(src, flow, site, target, scope);
    }

    /**
     * {@code self.losses.update([coarse_loss * 1000, ...])} in a {@code train_step(self, items)} that calls
     * backward once per call (microsoft/SpareNet#12): the training loop is the caller's, the accumulator is an
     * attribute of the object, so it outlives every step. Right only when it is not reassigned in the method.
     */
    private static boolean stepMethodAttribute(PySource src, GraphFlow flow, TSNode site, TSNode value,
            String target, java.util.Optional<TSNode> fn) {
        if (fn.isEmpty() || !target.startsWith("self.")) return false;
        if (CONSTRUCTION.matcher(src.functionName(fn.get())).matches()) return false;
        if (src.callsWithin(fn.get(), "backward").isEmpty() || flow.kind(value) != GraphFlow.Kind.GRAPH) return false;
        if (backpropagated(src, fn.get(), target)) return false;
        for (PySource.Binding b : src.bindings()) {
            if (b.start() >= fn.get().getStartByte() && b.end() <= fn.get().getEndByte()
                    && b.leftText().equals(target)) return false; // reset in the step: lives one step
        }
        return true;
    }

    /**
     * The accumulator outlives an iteration of a loop that runs training steps (a backward), or, in code that
     * never calls backward (evaluation), it outlives every loop around it and one of them runs a model.
     */
    private static boolean carriedAcrossSteps(PySource src, GraphFlow flow, TSNode site, String target,
            TSNode scope) {
        boolean trains = !src.callsWithin(scope, "backward").isEmpty();
        // When a loop around the site runs the optimizer, a training step is one of its iterations: an inner loop
        // over the chunks of one batch (a backward each, outputs.append(chunk_out)) is still inside one step.
        boolean stepsHere = false;
        for (TSNode l = src.enclosingLoop(site).orElse(null); l != null; l = src.enclosingLoop(l).orElse(null)) {
            stepsHere |= optimizerStep(src, l);
        }
        boolean runsModel = false;
        for (TSNode l = src.enclosingLoop(site).orElse(null); l != null; l = src.enclosingLoop(l).orElse(null)) {
            if (resetWithin(src, l, site, target)) return false;
            boolean step = stepsHere ? optimizerStep(src, l) : !src.callsWithin(l, "backward").isEmpty();
            if (trains && step) return true;
            runsModel |= !trains && !overLayers(src, l) && !io.oomdoc.evidence.code.BatchItems.ofOneBatch(src, flow, l)
                    && callsModule(src, flow, l);
        }
        return runsModel;
    }

    /**
     * A loop around the site walks a data loader ({@code for i, (input, target) in enumerate(dataLoader)},
     * zoogzog/chexnet#12 ChexnetTrainer.epochVal): its iterations are batches, so a loss summed there and returned
     * is an epoch's total, not the loss of one batch summed over its time steps for the caller to backpropagate.
     * The caller checks that a loss is summed: other values a test loop returns (pyg-team/pytorch_geometric
     * examples/colors_topk_pool.py, `total_ratio += ratio` of a Python float the tuple-returning forward computes,
     * `corrects.append(pred.eq(...))` of a bool tensor) are not read finely enough to tell.
     */
    private static boolean overLoader(PySource src, GraphFlow flow, TSNode site) {
        // Only where the file trains (a backward somewhere): its models then have parameters that require grad. A
        // file that only loads a network and sums its features (NVlabs/edm fid.py, a frozen Inception export run over
        // 50k images) says nothing of that, and the scan cannot tell. A loader loop that calls a step function of
        // another file of the tree returning a graph trains there (run_epoch() summing train_step()'s loss).
        boolean trains = !src.calls("backward").isEmpty();
        for (TSNode l = src.enclosingLoop(site).orElse(null); l != null; l = src.enclosingLoop(l).orElse(null)) {
            TSNode over = l.getChildByFieldName("right");
            if (over == null || over.isNull() || !LOADER.matcher(src.text(over)).find()) continue;
            if (trains || callsImportedGraph(src, flow, l)) return true;
        }
        return false;
    }

    /** The loop calls a function imported from the tree that returns a graph ({@link GraphFlow#importedGraph}). */
    private static boolean callsImportedGraph(PySource src, GraphFlow flow, TSNode loop) {
        for (TSNode c : src.callsIn(loop)) {
            TSNode f = c.getChildByFieldName("function");
            if (f.getType().equals("identifier") && flow.importedGraph(src.text(f))) return true;
        }
        return false;
    }

    /** The loop calls {@code optimizer.step()}, {@code scaler.step(opt)} or {@code engine.step()} itself. */
    private static boolean optimizerStep(PySource src, TSNode loop) {
        for (TSNode c : src.callsWithin(loop, "step")) {
            TSNode fn = c.getChildByFieldName("function");
            if (fn.getType().equals("attribute")
                    && Names.OPTIMIZER.matcher(src.text(fn.getChildByFieldName("object"))).find()) return true;
        }
        return false;
    }

    /**
     * A loop whose item is itself called ({@code for block in unet.down_blocks: sample, res = block(sample)}) walks
     * the layers of one forward pass: its iterations are not steps, whatever it collects is used by the same pass.
     */
    private static boolean overLayers(PySource src, TSNode loop) {
        TSNode left = loop.getChildByFieldName("left");
        if (left == null || left.isNull()) return false;
        java.util.Set<String> items = new java.util.HashSet<>();
        if (left.getType().equals("identifier")) items.add(src.text(left));
        for (TSNode c : PySource.namedChildren(left)) if (c.getType().equals("identifier")) items.add(src.text(c));
        for (TSNode c : src.callsIn(loop)) if (items.contains(src.text(c.getChildByFieldName("function")))) return true;
        return false;
    }

    private static boolean callsModule(PySource src, GraphFlow flow, TSNode loop) {
        for (TSNode c : src.callsIn(loop)) {
            TSNode f = c.getChildByFieldName("function");
            // a step function of another file of the tree that returns a graph runs the model there
            if (flow.isModule(f) || f.getType().equals("identifier") && flow.importedGraph(src.text(f))) return true;
        }
        return false;
    }

    /**
     * {@code output['loss'] = output['loss'].detach()} just before {@code outputs.append(output)} (TRI-ML/packnet-sfm
     * PR #51, the maintainers' fix of this leak): the graph the dict held is dropped before it is kept.
     */
    private static boolean detachedInPlace(PySource src, TSNode site, String value) {
        int from = src.functionStart(site), at = site.getStartByte();
        for (PySource.Binding b : src.bindings()) {
            if (b.start() >= at) break;
            if (b.start() < from || !b.leftText().startsWith(value + "[")) continue;
            if (PLAIN_TEXT.matcher(b.rightText().strip()).find()) return true;
        }
        return false;
    }

    /** A plain assignment to the accumulator inside the loop before the site: it lives one iteration. */
    private static boolean resetWithin(PySource src, TSNode loop, TSNode site, String target) {
        int from = loop.getStartByte(), at = site.getStartByte();
        for (PySource.Binding b : src.bindings()) {
            if (b.start() >= at) break;
            if (b.start() < from || b.loop()) continue;
            boolean names = b.leftText().equals(target) || b.leftText().contains(",")
                    && java.util.Arrays.stream(b.leftText().split(",")).anyMatch(t -> t.strip().equals(target));
            if (names && !src.contains(b.stmt(), site)) return true; // also `inputs, acts = [], []`
        }
        return false;
    }

    /**
     * A return statement of the function uses the accumulator or a name computed from it, through any number of
     * assignments ({@code aux_loss = torch.stack(all_aux_losses).mean()}, then {@code return logps, entropies,
     * aux_loss}; kwea123/nerf_pl models/rendering.py: {@code out = torch.cat(out_chunks, 0)}, then {@code sigmas},
     * {@code weights}, {@code return rgb_final, depth_final, weights}): the chunks of one batch, handed back as the
     * caller's output or loss term. Assignments are read in source order, so a chain is followed forward.
     */
    private static boolean returned(PySource src, TSNode fn, String target) {
        List<Pattern> uses = new ArrayList<>(List.of(use(target)));
        for (PySource.Binding b : src.bindings()) {
            if (b.start() < fn.getStartByte() || b.end() > fn.getEndByte() || b.loop()) continue;
            if (!b.leftText().matches("\\w+")) continue;
            for (Pattern u : List.copyOf(uses)) {
                if (u.matcher(b.rightText()).find()) {
                    uses.add(use(b.leftText()));
                    break;
                }
            }
        }
        for (TSNode r : src.returnsOf(fn)) {
            for (Pattern u : uses) if (u.matcher(src.text(r)).find()) return true;
        }
        return false;
    }

    /** A name used as a value (not an attribute of something else, not a call of it). */
    private static Pattern use(String name) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?![\\w(])");
    }

    /** The accumulator (or a name it is copied into) is backpropagated in this function. */
    static boolean backpropagated(PySource src, TSNode scope, String target) {
        if (target.isEmpty()) return false;
        // asked again for every site with the same accumulator in a function; the body search is the rule's largest
        // cost on diffusers (JFR of `oomdoc scan`, bench/results.md round 14)
        return src.memo("backpropagated@" + scope.getStartByte() + ":" + scope.getEndByte() + ":" + target,
                () -> backpropagatedUncached(src, scope, target));
    }

    private static boolean backpropagatedUncached(PySource src, TSNode scope, String target) {
        List<String> names = new ArrayList<>(List.of(target));
        Pattern use = Pattern.compile("(?<![\\w.])" + Pattern.quote(target) + "(?![\\w(])");
        int from = scope.getStartByte(), to = scope.getEndByte();
        for (PySource.Binding b : src.bindings()) {
            if (b.start() < from || b.end() > to || b.loop() || !b.rightText().contains(target)) continue;
            if (use.matcher(b.rightText()).find() && b.leftText().matches("\\w+")) names.add(b.leftText());
        }
        String body = src.scopeText(scope);
        for (String n : names) {
            String q = Pattern.quote(n);
            // One alternation tried at every position of a long training function was the rule's largest cost
            // (JFR on diffusers, bench/results.md round 14). Each branch alone starts with a literal, which the regex
            // engine finds by skipping (Boyer-Moore); any branch matching somewhere is what the alternation said.
            Matcher own = Pattern.compile(q + "(\\s*\\)|[\\w.()\\[\\]]*)\\.backward\\(").matcher(body);
            for (int at = 0; own.find(at); at = own.start() + 1) {
                if (own.start() == 0 || !WORD_OR_DOT.matcher(body.substring(own.start() - 1, own.start())).matches()) {
                    return true; // (?<![\\w.]) before the name, checked by hand: a lookbehind first defeats the skip
                }
            }
            for (String p : new String[]{"backward\\(\\s*" + q + "\\b", "scale\\(\\s*" + q + "\\b",
                    "torch\\.(stack|cat)\\(\\s*" + q + "\\s*\\)[\\w.()]*\\.backward\\(",
                    "autograd\\.grad\\(\\s*(outputs\\s*=\\s*)?" + q + "\\b", "manual_backward\\(\\s*" + q + "\\b",
                    "(?m)return\\s+" + q + "\\s*$"}) {
                if (Pattern.compile(p).matcher(body).find()) return true;
            }
        }
        return false;
    }

    private static final Pattern WORD_OR_DOT = Pattern.compile("[\\w.]");
}
