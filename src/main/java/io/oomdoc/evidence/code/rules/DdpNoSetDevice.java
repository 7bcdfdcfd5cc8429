package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.FileTokens;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.ScanText;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;

/** DDP without pinning each process to its GPU: every rank builds a context (and often the model) on GPU 0 (U10). */
public final class DdpNoSetDevice implements Rule {
    /** The id the scan reports and protocol/Signals reads. */
    public static final String ID = "ddp_no_set_device";

    public String id() { return ID; }
    public FileTokens fileTokens() { return FileTokens.OFF_BY_DEFAULT_RULES; }
    public String kb() { return "U10"; }
    public String severity() { return "high"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        String t = src.text;
        if (t.contains("set_device") || t.contains("device_ids") || t.contains("cuda:{") || t.contains("f\"cuda:")
                || t.contains("f'cuda:")) return out;
        // A rank-specific .to(rank) / .cuda(rank) also pins the process.
        for (String m : new String[]{"to", "cuda"}) {
            for (TSNode c : src.calls(m)) {
                TSNode args = c.getChildByFieldName("arguments");
                if (!PySource.namedChildren(args).isEmpty() && Names.RANKISH.matcher(src.text(args)).find()) return out;
            }
        }
        if (!t.contains("init_process_group") && !t.contains("mp.spawn") && !t.contains("LOCAL_RANK")
                && !t.contains("local_rank")) return out;
        List<TSNode> anchors = new ArrayList<>(src.calls("DistributedDataParallel"));
        anchors.addAll(src.calls("DDP"));
        for (TSNode c : anchors) {
            // a reference, not a wrapper being built
            if (PySource.namedChildren(c.getChildByFieldName("arguments")).isEmpty()) continue;
            String line = src.lineText(c);
            out.add(finding(src, c, ScanText.get(ID + ".finding"),
                    line, "torch.cuda.set_device(local_rank)  # " + ScanText.get(ID + ".fix") + "\n" + line));
            break;
        }
        return out;
    }
}
