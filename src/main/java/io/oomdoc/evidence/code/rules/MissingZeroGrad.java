package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.FileTokens;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.ScanText;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A loop that calls backward() and steps the optimizer but never clears gradients. Deliberate
 * accumulation (zero_grad inside an `if step % k`) and closures (LBFGS) clear inside the loop, so they pass.
 */
public final class MissingZeroGrad implements Rule {
    /** The rule's id, for code that must name it (the default rule set). */
    public static final String ID = "missing_zero_grad";

    public String id() { return ID; }
    public FileTokens fileTokens() { return FileTokens.TRAINING_LOOP; }
    public String kb() { return "M20"; }
    public String severity() { return "medium"; }

    /**
     * The loop steps an optimizer it keeps across iterations. One built inside the loop ({@code opt =
     * torch.optim.SGD([x_in])} in diffusers' pix2pix-zero, a fresh leaf each denoising step) starts from gradients
     * that nothing else accumulated into, so clearing them would change nothing.
     */
    private static boolean stepsAnOptimizer(PySource src, TSNode loop) {
        for (TSNode c : src.callsWithin(loop, "step")) {
            TSNode fn = c.getChildByFieldName("function");
            if (!fn.getType().equals("attribute")) continue;
            String receiver = src.text(fn.getChildByFieldName("object"));
            if (!Names.OPTIMIZER.matcher(receiver).find()) continue;
            boolean builtHere = false;
            for (PySource.Binding b : src.bindings()) {
                if (b.start() >= c.getStartByte()) break;
                builtHere |= b.start() >= loop.getStartByte() && !b.loop() && b.leftText().equals(receiver)
                        && b.rightText().contains("optim");
            }
            if (!builtHere) return true;
        }
        return false;
    }

    /**
     * {@code engine.backward(loss)} and {@code engine.step()} on one object: a DeepSpeed engine (the receiver of
     * {@code deepspeed.initialize}), whose step() clears the gradients after the weight update, so its training
     * loop has no zero_grad by design (DeepSpeed's "Training API" page; cloneofsimo/minRF advanced/main_t2i.py).
     * Accelerate and Fabric take the loss the same way but leave clearing to the user's optimizer, which they do
     * not step themselves ({@code accelerator.backward(loss)}, then {@code optimizer.step()}), so they stay reported.
     */
    private static boolean engineClearsItself(PySource src, TSNode backward, TSNode loop) {
        TSNode fn = backward.getChildByFieldName("function");
        TSNode args = backward.getChildByFieldName("arguments");
        if (fn == null || !fn.getType().equals("attribute") || args == null || args.getNamedChildCount() == 0) {
            return false; // loss.backward(): the tensor's own backward, no engine
        }
        String engine = src.text(fn.getChildByFieldName("object"));
        for (TSNode c : src.callsWithin(loop, "step")) {
            TSNode f = c.getChildByFieldName("function");
            if (f.getType().equals("attribute") && src.text(f.getChildByFieldName("object")).equals(engine)) {
                return true;
            }
        }
        return false;
    }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        java.util.Set<String> clearers = null;
        for (TSNode bw : src.calls("backward")) {
            var loop = src.enclosingLoop(bw);
            if (loop.isEmpty()) continue;
            TSNode l = src.outermostLoop(bw).orElse(loop.get());
            if (engineClearsItself(src, bw, l)) continue;
            String body = src.text(l);
            boolean clears = body.contains("zero_grad") || body.contains(".grad = None")
                    || body.contains("grad.zero_()") || body.contains(".grad.zero_") || body.contains("set_to_none");
            if (clears && !unclearedOptimizerStepsAfter(src, l, bw) && !clearedOnlyOnOtherBranch(src, l, bw)) continue;
            // no optimizer step here (a scheduler's step in a sampling loop, an analysis loop): not training
            if (!stepsAnOptimizer(src, l)) continue;
            if (clearers == null) clearers = src.functionsContaining("zero_grad", ".grad = None", "grad.zero_()",
                    "set_to_none");
            boolean helper = false; // a helper of this file that clears the gradients (stargan's reset_grad())
            for (String h : clearers) helper |= !src.callsWithin(l, h).isEmpty();
            if (helper) continue;
            var fn = src.enclosingFunction(l);
            // zero_grad later in the function (not before the loop): cleared elsewhere; not when the loop itself
            // clears one optimizer and leaves the other
            if (!clears && fn.isPresent() && src.text(fn.get()).contains("zero_grad") && !src.text(fn.get())
                    .substring(0, Math.max(0, l.getStartByte() - fn.get().getStartByte())).contains("zero_grad")) {
                continue;
            }
            out.add(finding(src, bw, ScanText.get(ID + ".finding"),
                    src.lineText(bw), "optimizer.zero_grad(set_to_none=True)\n" + src.lineText(bw)));
        }
        return out;
    }

    /**
     * Every zero_grad() of the loop sits in one branch of an if statement whose other branch holds this backward
     * (IDEA-Research/DAB-DETR#58, engine.py: {@code if args.amp: optimizer.zero_grad(); scaler.scale(losses)
     * .backward() ... else: losses.backward(); optimizer.step()}): the path this backward is on never clears. A
     * zero_grad() under an if that does not also hold the backward (`if step % k == 0`) is deliberate accumulation.
     */
    private static boolean clearedOnlyOnOtherBranch(PySource src, TSNode loop, TSNode bw) {
        String body = src.text(loop);
        if (body.contains(".grad = None") || body.contains("grad.zero_") || body.contains("set_to_none")) return false;
        List<TSNode> zs = src.callsWithin(loop, "zero_grad");
        if (zs.isEmpty()) return false;
        for (TSNode z : zs) {
            TSNode clause = null;
            boolean apart = false;
            for (TSNode p = z.getParent(); p != null && !p.isNull() && !p.equals(loop); p = p.getParent()) {
                if (p.getType().equals("if_statement") && src.contains(p, bw)) {
                    apart = clause != null && !src.contains(clause, bw);
                    break;
                }
                if (p.getType().matches("block|elif_clause|else_clause")) clause = p;
            }
            if (!apart) return false;
        }
        return true;
    }

    /**
     * Two optimizers in one loop, only one of them cleared: every zero_grad() of the loop is an optimizer's, no other
     * clearing, and the first optimizer step after this backward belongs to an optimizer the loop never clears
     * (Hsintien-Ng/idinvert_pytorch-reproduced#1: optimizer_E.zero_grad() only, D_loss.backward() then
     * optimizer_D.step()). A module's zero_grad() or a helper may clear any optimizer's parameters: then quiet.
     */
    private static boolean unclearedOptimizerStepsAfter(PySource src, TSNode loop, TSNode bw) {
        String body = src.text(loop);
        if (body.contains(".grad = None") || body.contains("grad.zero_") || body.contains("set_to_none")) return false;
        java.util.Set<String> cleared = new java.util.HashSet<>();
        for (TSNode z : src.callsWithin(loop, "zero_grad")) {
            TSNode f = z.getChildByFieldName("function");
            if (!f.getType().equals("attribute")) return false;
            String receiver = src.text(f.getChildByFieldName("object"));
            if (!Names.OPTIMIZER.matcher(receiver).find()) return false; // model.zero_grad(): which optimizer?
            cleared.add(receiver);
        }
        TSNode next = null;
        for (TSNode c : src.callsWithin(loop, "step")) {
            if (c.getStartByte() > bw.getStartByte() && (next == null || c.getStartByte() < next.getStartByte())) {
                next = c;
            }
        }
        if (next == null) return false;
        TSNode f = next.getChildByFieldName("function");
        if (!f.getType().equals("attribute")) return false;
        String receiver = src.text(f.getChildByFieldName("object"));
        TSNode args = next.getChildByFieldName("arguments");
        List<TSNode> argv = args == null ? List.of() : PySource.namedChildren(args);
        if (!argv.isEmpty()) receiver = src.text(argv.get(0)); // scaler.step(optimizer): the optimizer is the argument
        return Names.OPTIMIZER.matcher(receiver).find() && !cleared.contains(receiver);
    }
}
