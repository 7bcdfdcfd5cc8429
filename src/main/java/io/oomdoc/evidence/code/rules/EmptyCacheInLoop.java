package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.FileTokens;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.ScanText;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** torch.cuda.empty_cache() every iteration: slower, and it frees no live tensor (M20). */
public final class EmptyCacheInLoop implements Rule {
    /** A loop over epochs (`for epoch in`, `while epoch <`, `for ep in epochs`) runs once per epoch. */
    private static final Pattern EPOCH_HEAD = Pattern.compile("\\bepochs?\\b", Pattern.CASE_INSENSITIVE);

    public String id() { return "empty_cache_in_loop"; }
    public FileTokens fileTokens() { return FileTokens.OFF_BY_DEFAULT_RULES; }
    public String kb() { return "M20"; }
    public String severity() { return "low"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        for (TSNode c : src.calls("empty_cache")) {
            if (!src.calleeText(c).contains("cuda")) continue;
            var loop = src.enclosingLoop(c);
            if (loop.isEmpty()) continue;
            // Once per epoch (the loop's own steps run in an inner loop) is common and harmless: only per-step calls
            // count. The head runs up to the block, so it ends in a line break: the name test must look past it.
            String head = src.headText(loop.get());
            if (EPOCH_HEAD.matcher(head).find() || innerLoopTrains(src, loop.get(), c)) continue;
            // An OOM-retry `except`, a call under a condition (periodic, a flag, a memory check) or right after
            // `del`/gc: deliberate.
            if (src.inExcept(c) || guarded(c, loop.get()) || afterRelease(src, c)) continue;
            // Only a loop that runs steps (backward, optimizer step, a model call) makes it "every iteration" of
            // training.
            boolean steps = false;
            for (String n : new String[]{"backward", "step", "model", "forward",
                    "generate"}) steps |= !src.callsWithin(loop.get(), n).isEmpty();
            if (!steps) continue;
            out.add(finding(src, c, ScanText.get(id() + ".finding"), src.lineText(c),
                    "# " + ScanText.get(id() + ".fix")));
        }
        return out;
    }

    private static boolean guarded(TSNode call, TSNode loop) {
        for (TSNode p = call.getParent(); p != null && !p.isNull()
                && p.getStartByte() > loop.getStartByte(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("if_statement") || t.equals("elif_clause") || t.equals("else_clause")
                    || t.equals("conditional_expression")) return true;
        }
        return false;
    }

    /** The statements just before the call free something on purpose (`del pipe`, gc.collect()). */
    private static boolean afterRelease(PySource src, TSNode call) {
        TSNode stmt = call;
        while (stmt.getParent() != null && !stmt.getParent().isNull()
                && !stmt.getParent().getType().equals("block")) stmt = stmt.getParent();
        int seen = 0;
        for (TSNode p = stmt.getPrevNamedSibling(); p != null && !p.isNull()
                && seen < 3; p = p.getPrevNamedSibling(), seen++) {
            String t = src.text(p);
            if (p.getType().equals("delete_statement") || t.contains("gc.collect") || t.contains("= None")) return true;
        }
        return false;
    }

    /** True when the loop holds an inner loop that does the training steps and the call sits outside it. */
    private static boolean innerLoopTrains(PySource src, org.treesitter.TSNode loop, org.treesitter.TSNode call) {
        for (String n : new String[]{"backward", "step"}) {
            for (org.treesitter.TSNode b : src.callsWithin(loop, n)) {
                var inner = src.enclosingLoop(b);
                if (inner.isPresent() && inner.get().getStartByte() != loop.getStartByte()
                        && !src.contains(inner.get(), call)) return true;
            }
        }
        return false;
    }
}
