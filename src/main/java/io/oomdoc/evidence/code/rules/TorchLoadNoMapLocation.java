package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;

/** torch.load without map_location in distributed code restores every rank's tensors onto GPU 0 (U10). */
public final class TorchLoadNoMapLocation implements Rule {
    public String id() { return "torch_load_no_map_location"; }
    public String kb() { return "U10"; }
    public String severity() { return "medium"; }
    public String description() { return "torch.load without map_location in multi-process code loads every rank's "
            + "copy onto cuda:0"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        if (!Distributed.uses(src)) return out;
        for (TSNode c : src.calls("load")) {
            if (!src.calleeText(c).equals("torch.load")) continue;
            if (src.keyword(c, "map_location") != null) continue;
            TSNode args = c.getChildByFieldName("arguments");
            List<TSNode> argv = PySource.namedChildren(args);
            if (argv.size() >= 2
                    && !argv.get(1).getType().equals("keyword_argument")) continue; // positional map_location
            // bytes made in this process
            if (!argv.isEmpty() && src.text(argv.get(0)).matches("(?s).*(BytesIO|buffer|\\bbuf\\b).*")) continue;
            String line = src.lineText(c);
            String call = src.text(c);
            out.add(finding(src, c, "torch.load without map_location: tensors saved from cuda:0 come back on cuda:0 "
                    + "in every process",
                    line, line.replace(call, call.substring(0, call.length() - 1) + ", map_location=\"cpu\")")));
        }
        return out;
    }
}
