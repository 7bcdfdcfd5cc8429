package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.FileTokens;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.ScanText;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;

/** Many DataLoader workers, each with its own copy of the dataset, plus pinned buffers: a host-RAM kill (U9). */
public final class PinMemoryManyWorkers implements Rule {
    public String id() { return "pin_memory_many_workers"; }
    public FileTokens fileTokens() { return FileTokens.OFF_BY_DEFAULT_RULES; }
    public String kb() { return "U9"; }
    public String severity() { return "low"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        for (TSNode c : src.calls("DataLoader")) {
            String pin = src.keyword(c, "pin_memory"), workers = src.keyword(c, "num_workers");
            if (pin == null || !pin.strip().equals("True") || workers == null
                    || !workers.strip().matches("\\d+")) continue;
            if (Integer.parseInt(workers.strip()) < 8) continue;
            out.add(finding(src, c, ScanText.get(id() + ".finding", workers.strip()),
                    "DataLoader(..., num_workers=" + workers.strip() + ", pin_memory=True)",
                    "DataLoader(..., num_workers=4, pin_memory=True, persistent_workers=True)  # "
                            + ScanText.get(id() + ".fix")));
        }
        return out;
    }
}
