package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;

/** `total_loss += loss` or `losses.append(loss)` across iterations keeps every step's graph alive (M20). */
public final class TensorAccumulated implements Rule {
    private static final java.util.regex.Pattern LEADING_NAME = java.util.regex.Pattern.compile("^(\\w+)\\s*(?:[*/+-"
            + "]\\s*[\\w.()\\[\\]]+\\s*)*$");

    public String id() { return "tensor_accumulated"; }
    public String kb() { return "M20"; }
    public String severity() { return "high"; }
    public String description() { return "a tensor that may still require grad is accumulated across loop iterations"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        for (TSNode aug : src.augmentedAssignments()) {
            TSNode right = aug.getChildByFieldName("right");
            if (right == null || right.isNull()) continue;
            String op = src.text(aug);
            if (!op.contains("+=")) continue;
            String value = src.text(right).strip();
            String target = src.text(aug.getChildByFieldName("left")).strip();
            if (accumulates(src, aug, value, target)) {
                String detached = value.replaceFirst("^(\\w+)", "$1.item()");
                String line = src.lineText(aug);
                String stmt = src.text(aug);
                // rebuild the statement from its parts: replacing text could hit the target (`total_loss += loss`)
                String after = line.contains(stmt) ? line.replace(stmt, target + " += " + detached) : target
                        + " += " + detached;
                out.add(finding(src, aug, "`" + target + " += " + value + "` keeps the autograd graph of every "
                        + "iteration alive",
                        line, after));
            }
        }
        for (TSNode call : src.calls("append")) {
            TSNode args = call.getChildByFieldName("arguments");
            List<TSNode> argv = PySource.namedChildren(args);
            if (argv.size() != 1) continue;
            String value = src.text(argv.get(0)).strip();
            String callee = src.calleeText(call);
            String list = callee.endsWith(".append") ? callee.substring(0, callee.length() - ".append".length())
                    : callee;
            if (accumulates(src, call, value, list)) {
                out.add(finding(src, call, "appending `" + value + "` to a list kept across iterations holds its "
                        + "graph and GPU memory",
                        src.lineText(call), src.lineText(call).replace("(" + value + ")", "(" + value + ".detach().c"
                                + "pu())")));
            }
        }
        return out;
    }

    private static boolean accumulates(PySource src, TSNode at, String value, String target) {
        // A bare loss/output name, or an expression led by one ("loss * x.size(0)"); other expressions stay quiet.
        java.util.regex.Matcher lead = LEADING_NAME.matcher(value);
        String name = lead.find() ? lead.group(1) : value;
        if (!Names.TENSORISH.matcher(name).matches()) return false;
        if (Names.DETACHED.matcher(value).find()) return false;
        var loop = src.enclosingLoop(at);
        if (loop.isEmpty()) return false;
        if (src.withoutGrad(at)) return false;
        var fn = src.enclosingFunction(at);
        // building outputs inside one forward
        if (fn.isPresent() && src.functionName(fn.get()).equals("forward")) return false;
        TSNode scope = fn.orElse(src.root());
        String before = src.text(scope).substring(0, Math.max(0, Math.min(src.text(scope).length(),
                at.getStartByte() - scope.getStartByte())));
        // `loss = loss.item()` (or float(...), .detach()) earlier in the function: the name holds a number, not a
        // graph.
        String lastAssign = lastAssignment(before, name);
        if (lastAssign != null && Names.DETACHED.matcher(lastAssign.strip()).find()) return false;
        if (backpropagated(src, scope,
                target)) return false; // a sum of terms inside one step, then backward(): not across steps
        if (!target.isEmpty() && assignedWithin(src, loop.get(), at,
                target)) return false; // reset every iteration: not carried over
        // The loop must be a training or evaluation loop: it calls backward or a model.
        TSNode l = src.outermostLoop(at).orElse(loop.get());
        boolean trains = !src.callsWithin(l, "backward").isEmpty();
        boolean callsModel = false;
        for (String n : new String[]{"model", "net", "forward"}) callsModel |= !src.callsWithin(l, n).isEmpty();
        return trains || callsModel;
    }

    /** The right-hand side of the last plain `name = ...` in the text, or null. */
    static String lastAssignment(String text, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^[ \\t]*(?:[\\w, ]*,\\s*)?"
                + java.util.regex.Pattern.quote(name) + "\\s*(?:,[\\w, ]*)?=(?!=)(.*)$").matcher(text);
        String last = null;
        while (m.find()) last = m.group(1);
        return last;
    }

    /**
     * True when the accumulator itself is backpropagated in this scope (`loss.backward()`, `backward(loss)`,
     * `scaler.scale(loss).backward()`).
     */
    static boolean backpropagated(PySource src, TSNode scope, String target) {
        if (target.isEmpty()) return false;
        String q = java.util.regex.Pattern.quote(target);
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("(?<![\\w.])" + q + "\\s*(\\)\\s*)?\\.backwar"
                + "d\\(|backward\\(\\s*" + q + "\\b|scale\\(\\s*" + q + "\\b|torch\\.(stack|cat)\\(\\s*" + q
                        + "\\s*\\)[\\w.()]*\\.backward\\(|" + "autograd\\.grad\\(\\s*" + q + "\\b");
        return p.matcher(src.text(scope)).find();
    }

    /**
     * True when the target is assigned (reset) in the given loop's own body before the node: it lives one iteration.
     */
    static boolean assignedWithin(PySource src, TSNode loop, TSNode at, String target) {
        TSNode body = loop.getChildByFieldName("body");
        if (body == null || body.isNull()) return false;
        String text = src.text(body);
        int upto = Math.max(0, Math.min(text.length(), at.getStartByte() - body.getStartByte()));
        String before = text.substring(0, upto);
        return lastAssignment(before, target) != null;
    }
}
