package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;

/** backward(retain_graph=True) in a loop keeps each iteration's graph (M20). */
public final class RetainGraph implements Rule {
    public String id() { return "retain_graph"; }
    public String kb() { return "M20"; }
    public String severity() { return "medium"; }
    public String description() { return "retain_graph=True inside a loop keeps every iteration's graph in memory"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        for (String name : new String[]{"backward", "grad"}) {
            for (TSNode c : src.calls(name)) {
                String v = src.keyword(c, "retain_graph");
                if (v == null || !v.strip().equals("True")) continue;
                if (src.enclosingLoop(c).isEmpty()) continue;
                out.add(finding(src, c, "retain_graph=True in a loop: the graph of each iteration survives into the next",
                        src.lineText(c), src.lineText(c).replaceAll(",?\\s*retain_graph\\s*=\\s*True", "")
                                + "  # keep retain_graph only for the one extra backward that needs it"));
            }
        }
        return out;
    }
}
