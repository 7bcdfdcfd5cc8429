package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;

/** `total_loss += loss` or `losses.append(loss)` across iterations keeps every step's graph alive (M20). */
public final class TensorAccumulated implements Rule {
    private static final java.util.regex.Pattern LEADING_NAME = java.util.regex.Pattern.compile("^(\\w+)\\s*(?:[*/+-]\\s*[\\w.()\\[\\]]+\\s*)*$");

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
            if (accumulates(src, aug, value)) {
                String target = src.text(aug.getChildByFieldName("left"));
                String detached = value.replaceFirst("^(\\w+)", "$1.item()");
                out.add(finding(src, aug, "`" + target + " += " + value + "` keeps the autograd graph of every iteration alive",
                        src.lineText(aug), src.lineText(aug).replace(value, detached)));
            }
        }
        for (TSNode call : src.calls("append")) {
            TSNode args = call.getChildByFieldName("arguments");
            List<TSNode> argv = PySource.namedChildren(args);
            if (argv.size() != 1) continue;
            String value = src.text(argv.get(0)).strip();
            if (accumulates(src, call, value)) {
                out.add(finding(src, call, "appending `" + value + "` to a list kept across iterations holds its graph and GPU memory",
                        src.lineText(call), src.lineText(call).replace("(" + value + ")", "(" + value + ".detach().cpu())")));
            }
        }
        return out;
    }

    private static boolean accumulates(PySource src, TSNode at, String value) {
        // A bare loss/output name, or an expression led by one ("loss * x.size(0)"); other expressions stay quiet.
        java.util.regex.Matcher lead = LEADING_NAME.matcher(value);
        String name = lead.find() ? lead.group(1) : value;
        if (!Names.TENSORISH.matcher(name).matches()) return false;
        if (Names.DETACHED.matcher(value).find()) return false;
        var loop = src.enclosingLoop(at);
        if (loop.isEmpty()) return false;
        if (src.withoutGrad(at)) return false;
        var fn = src.enclosingFunction(at);
        if (fn.isPresent() && src.functionName(fn.get()).equals("forward")) return false; // building outputs inside one forward
        // The loop must be a training or evaluation loop: it calls backward or a model.
        TSNode l = src.outermostLoop(at).orElse(loop.get());
        boolean trains = !src.callsWithin(l, "backward").isEmpty();
        boolean callsModel = false;
        for (String n : new String[]{"model", "net", "forward"}) callsModel |= !src.callsWithin(l, n).isEmpty();
        return trains || callsModel;
    }
}
