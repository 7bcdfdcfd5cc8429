package io.oomdoc.evidence.code;

import org.treesitter.TSNode;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A loop of a module's own method over the items of a batch it was handed ({@code for i, item in
 * enumerate(batched_inputs)} in {@code SegModel.evaluate_grounding(self, batched_inputs)}): one forward pass of one
 * batch, not a loop over batches. Whoever calls the method decides about autograd (a detectron2-style evaluator calls
 * it under no_grad; RollingPlain/SAGE_IVIF@HEAD train.py calls its frozen X-Decoder segmenter with autograd on so the
 * fusion network trains through it), and what the loop collects is that pass's output, not state kept across steps.
 */
public final class BatchItems {
    /** A parameter that holds many batches or a source of them, not one batch. */
    private static final Pattern MANY = Pattern.compile("(?i)loader|dataset|\\bdl\\b|iter|batches$|epochs?$");
    private static final Pattern ITERABLE = Pattern.compile("^(?:enumerate|zip)?\\(?\\s*([A-Za-z_]\\w*)");

    private BatchItems() {}

    /**
     * The loop, or a loop around it in the same method, walks a parameter of a method of an nn.Module class that does
     * not name many batches (the texts of one image inside the loop over the images of the batch).
     */
    public static boolean ofOneBatch(PySource src, GraphFlow flow, TSNode loop) {
        var fn = src.enclosingFunction(loop);
        for (TSNode l = loop; l != null; l = src.enclosingLoop(l).orElse(null)) {
            if (fn.isPresent() && !src.contains(fn.get(), l)) return false;
            if (walksOneBatch(src, flow, l)) return true;
        }
        return false;
    }

    private static boolean walksOneBatch(PySource src, GraphFlow flow, TSNode loop) {
        if (!loop.getType().equals("for_statement")) return false;
        var fn = src.enclosingFunction(loop);
        if (fn.isEmpty() || !flow.inModuleClass(loop)) return false;
        TSNode over = loop.getChildByFieldName("right");
        if (over == null || over.isNull()) return false;
        java.util.regex.Matcher m = ITERABLE.matcher(src.text(over).strip());
        if (!m.find() || MANY.matcher(m.group(1)).find()) return false;
        return parameters(src, fn.get()).contains(m.group(1));
    }

    private static Set<String> parameters(PySource src, TSNode fn) {
        Set<String> out = new HashSet<>();
        TSNode params = fn.getChildByFieldName("parameters");
        if (params == null || params.isNull()) return out;
        for (TSNode p : PySource.namedChildren(params)) {
            TSNode n = p.getType().equals("identifier") ? p : p.getChildByFieldName("name");
            if (n != null && !n.isNull()) out.add(src.text(n));
        }
        return out;
    }
}
