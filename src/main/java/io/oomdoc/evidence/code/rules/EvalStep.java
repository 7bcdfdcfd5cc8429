package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.GraphFlow;
import io.oomdoc.evidence.code.PySource;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An evaluation step with no loop of its own: a function that switches a module to eval mode ({@code X.eval()}),
 * runs it with autograd on and trains nothing, called once per batch from a loop of the same file
 * (skorch-dev/skorch@6b4b780 net.py: {@code fit()}'s loop over the validation set calls
 * {@code self.validation_step(Xi, yi)}, which calls {@code self.module_.eval()} and then {@code self.infer(Xi)},
 * whose {@code self.module_(x)} is the forward; the maintainers' fix wraps the step in no_grad, issue #218).
 * What was switched to eval mode is a module whatever its name; the forward may be one helper call below the step.
 */
final class EvalStep {
    /** The step's name and the call inside it that runs the forward (itself, or the helper that does). */
    record Step(String name, TSNode forward) {}

    private final PySource src;
    private final GraphFlow flow;

    EvalStep(PySource src, GraphFlow flow) {
        this.src = src;
        this.flow = flow;
    }

    /** Every such step of the file. */
    List<Step> find() {
        List<Step> out = new ArrayList<>();
        for (String name : src.functionNames()) {
            List<TSNode> defs = src.functionDefinitions(name);
            if (defs.size() != 1) continue;
            TSNode def = defs.get(0);
            if (!quiet(def)) continue;
            Set<String> switched = new HashSet<>();
            int after = evalReceivers(def, switched);
            if (switched.isEmpty() || !calledPerBatch(name, def)) continue;
            TSNode fwd = forwardIn(def, after, switched, true);
            if (fwd != null) out.add(new Step(name, fwd));
        }
        return out;
    }

    /** Trains nothing and turns no autograd off itself; not inside a loop of its own (the loop rule reads that). */
    private boolean quiet(TSNode def) {
        String body = src.text(def);
        return !body.contains("no_grad") && !body.contains("inference_mode") && !body.contains("set_grad_enabled")
                && !body.contains("requires_grad") && src.callsWithin(def, "backward").isEmpty()
                && src.callsWithin(def, "step").isEmpty();
    }

    /**
     * Adds {@code X} of each {@code X.eval()} (no arguments) in the function, outside any loop of it, to {@code out};
     * returns where the first of them ends.
     */
    private int evalReceivers(TSNode def, Set<String> out) {
        int first = Integer.MAX_VALUE;
        for (TSNode c : src.callsWithin(def, "eval")) {
            TSNode f = c.getChildByFieldName("function");
            TSNode args = c.getChildByFieldName("arguments");
            if (!f.getType().equals("attribute") || args == null || !PySource.namedChildren(args).isEmpty()) continue;
            var loop = src.enclosingLoop(c);
            if (loop.isPresent() && src.contains(def, loop.get())) continue; // for m in modules: m.eval()
            out.add(src.text(f.getChildByFieldName("object")));
            first = Math.min(first, c.getEndByte());
        }
        return first;
    }

    /**
     * Called with autograd on from inside a loop over data of another function of this file, by name or as
     * {@code self.name(...)}: once per batch.
     */
    private boolean calledPerBatch(String name, TSNode def) {
        for (TSNode c : src.calls(name)) {
            String callee = src.text(c.getChildByFieldName("function"));
            if (!callee.equals(name) && !callee.equals("self." + name)) continue;
            if (src.contains(def, c) || src.withoutGrad(c)) continue;
            var loop = src.enclosingLoop(c);
            if (loop.isEmpty() || !loop.get().getType().equals("for_statement")) continue;
            String over = src.text(loop.get().getChildByFieldName("right")).strip();
            if (over.startsWith("range(")) continue; // time steps or retries, not batches
            return true;
        }
        return appliedThroughArgument(name, def);
    }

    /**
     * Applied per batch through a parameter: a function of this file calls one of its own parameters
     * ({@code func(x, y)}) for every item of a loop or comprehension over data, with a number of positional
     * arguments the step accepts (dvgodoy/PyTorchStepByStep@d837dec stepbystep/v2.py:415-416, scan_wild20c's C6:
     * {@code loader_apply(loader, func)} runs {@code [func(x, y) for i, (x, y) in enumerate(loader)]}, and the book
     * passes it {@code sbs.correct}, a step that switches the model to eval and runs it with autograd on). The step
     * must be passed by name somewhere in the file with autograd on: a step of the right arity that the file only
     * calls under no_grad, through a variable, is not this (v2.py's perform_val_step_fn, which _mini_batch runs
     * under no_grad, was reported before this condition).
     */
    private boolean appliedThroughArgument(String name, TSNode def) {
        Set<String> passed = src.memo("EvalStep.passedWithGrad", this::passedWithGrad);
        if (!passed.contains(name)) return false;
        int[] takes = arity(def);
        List<Integer> applied = src.memo("EvalStep.appliedArities", this::appliedArities);
        for (int n : applied) {
            if (n >= takes[0] && n <= takes[1]) return true;
        }
        return false;
    }

    /** The last name of every plain or dotted argument ({@code f}, {@code sbs.f}) of a call with autograd on. */
    private Set<String> passedWithGrad() {
        Set<String> out = new HashSet<>();
        for (TSNode c : src.callsIn(src.root())) {
            TSNode args = c.getChildByFieldName("arguments");
            if (args == null || args.isNull() || !args.getType().equals("argument_list")) continue;
            List<TSNode> argv = PySource.namedChildren(args);
            if (argv.isEmpty() || src.withoutGrad(c)) continue;
            for (TSNode a : argv) {
                if (!a.getType().matches("identifier|attribute")) continue;
                String t = src.text(a);
                out.add(t.substring(t.lastIndexOf('.') + 1));
            }
        }
        return out;
    }

    /** The positional argument counts of every call of a parameter per item of data, in this file. */
    private List<Integer> appliedArities() {
        List<Integer> out = new ArrayList<>();
        for (TSNode c : src.callsIn(src.root())) {
            TSNode f = c.getChildByFieldName("function");
            if (!f.getType().equals("identifier") || src.withoutGrad(c)) continue;
            var fn = src.enclosingFunction(c);
            if (fn.isEmpty() || !parameters(fn.get()).contains(src.text(f)) || !perItemOfData(c, fn.get())) continue;
            int n = 0;
            for (TSNode a : PySource.namedChildren(c.getChildByFieldName("arguments"))) {
                if (a.getType().endsWith("splat")) n = -1;
                if (n < 0) break;
                if (!a.getType().equals("keyword_argument")) n++;
            }
            if (n >= 0) out.add(n);
        }
        return out;
    }

    /** The call stands in a for loop or a comprehension of the function that walks data, not a range. */
    private boolean perItemOfData(TSNode call, TSNode fn) {
        for (TSNode p = call.getParent(); p != null && !p.isNull() && !p.equals(fn); p = p.getParent()) {
            TSNode over = null;
            if (p.getType().equals("for_statement")) over = p.getChildByFieldName("right");
            if (p.getType().endsWith("comprehension") || p.getType().equals("generator_expression")) {
                for (TSNode k : PySource.namedChildren(p)) {
                    if (k.getType().equals("for_in_clause")) over = k.getChildByFieldName("right");
                }
            }
            if (over == null || over.isNull()) continue;
            String t = src.text(over).strip();
            return !t.startsWith("range(") && !t.matches("(?s)(enumerate|zip)\\(\\s*range\\(.*");
        }
        return false;
    }

    /** The names of the function's parameters. */
    private Set<String> parameters(TSNode fn) {
        Set<String> out = new HashSet<>();
        for (TSNode p : PySource.namedChildren(fn.getChildByFieldName("parameters"))) {
            TSNode n = p.getType().equals("identifier") ? p : p.getChildByFieldName("name");
            if (n != null && !n.isNull()) out.add(src.text(n));
        }
        return out;
    }

    /** How many positional arguments the function takes besides self: {required, most}. */
    private int[] arity(TSNode fn) {
        int required = 0, most = 0;
        boolean first = true;
        for (TSNode p : PySource.namedChildren(fn.getChildByFieldName("parameters"))) {
            String t = p.getType();
            boolean self = first && t.equals("identifier") && src.text(p).matches("self|cls");
            first = false;
            if (self) continue;
            if (t.equals("identifier") || t.equals("typed_parameter")) {
                required++;
                most++;
            } else if (t.endsWith("default_parameter")) {
                most++;
            } else if (t.equals("list_splat_pattern")) {
                most = Integer.MAX_VALUE;
            } else if (t.equals("keyword_separator")) {
                break; // the rest are keyword-only
            }
        }
        return new int[]{required, most};
    }

    /**
     * The first call in the function, after the mode switch, that runs a switched module or a module by
     * {@link GraphFlow}; else, when {@code followHelpers}, the first call of a helper of this file
     * ({@code self.infer(Xi)}) that does so itself.
     */
    private TSNode forwardIn(TSNode def, int after, Set<String> switched, boolean followHelpers) {
        for (TSNode c : src.callsIn(def)) {
            if (c.getStartByte() < after || src.withoutGrad(c)) continue;
            TSNode f = c.getChildByFieldName("function");
            String t = src.text(f);
            boolean plain = !f.getType().equals("attribute") || t.matches("self\\.\\w+");
            if (switched.contains(t) || plain && flow.isModule(f)) return c;
            if (!followHelpers) continue;
            String helper = f.getType().equals("identifier") ? t : t.matches("self\\.\\w+") ? t.substring(5) : null;
            if (helper == null || src.functionDefinitions(helper).size() != 1) continue;
            TSNode h = src.functionDefinitions(helper).get(0);
            if (h.equals(def) || src.contains(h, def) || !quiet(h)) continue;
            if (forwardIn(h, 0, switched, false) != null) return c;
        }
        return null;
    }
}
