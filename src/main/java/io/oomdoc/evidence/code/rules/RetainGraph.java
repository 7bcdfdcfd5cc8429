package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.FileTokens;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.ScanText;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;

/** backward(retain_graph=True) in a loop keeps each iteration's graph (M20). */
public final class RetainGraph implements Rule {
    /** The id the scan reports and protocol/Signals reads. */
    public static final String ID = "retain_graph";

    public String id() { return ID; }
    public FileTokens fileTokens() { return FileTokens.OFF_BY_DEFAULT_RULES; }
    public String kb() { return "M20"; }
    public String severity() { return "medium"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        for (String name : new String[]{"backward", "grad"}) {
            for (TSNode c : src.calls(name)) {
                String v = src.keyword(c, "retain_graph");
                if (v == null || !v.strip().equals("True")) continue;
                var loop = src.enclosingLoop(c);
                if (loop.isEmpty()) continue;
                // autograd.grad(..., retain_graph=True) feeds a gradient penalty or a double backward: the graph is
                // needed.
                if (name.equals("grad") || src.keyword(c, "create_graph") != null) continue;
                // A later backward or grad in the same iteration goes through the same graph: retain_graph is required.
                boolean later = false;
                for (String n : new String[]{"backward", "grad"})
                    for (TSNode o : src.callsWithin(loop.get(), n)) later |= o.getStartByte() > c.getEndByte();
                if (later) continue;
                out.add(finding(src, c, ScanText.get(ID + ".finding"),
                        src.lineText(c), src.lineText(c).replaceAll(",\\s*retain_graph\\s*=\\s*True",
                                "").replaceAll("retain_graph\\s*=\\s*True\\s*,?\\s*", "")
                                + "  # " + ScanText.get(ID + ".fix")));
            }
        }
        return out;
    }
}
