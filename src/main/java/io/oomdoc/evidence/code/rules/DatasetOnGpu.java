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

/** A loader that moves the whole dataset to the GPU up front: fine for Cora, fatal for a large graph or corpus. */
public final class DatasetOnGpu implements Rule {
    private static final Pattern LOADER_FN = Pattern.compile("(?i)^(load\\w*|get_data\\w*|\\w*dataset\\w*|read_\\w*"
            + "|prepare_data\\w*|make_data\\w*)$");
    private static final Pattern DEVICE_MOVE = Pattern.compile("\\.(to\\((device|'cuda'|\"cuda\"|dev)\\)|cuda\\(\\))");

    /** The id the scan reports and protocol/Signals reads. */
    public static final String ID = "dataset_on_gpu";

    public String id() { return ID; }
    public FileTokens fileTokens() { return FileTokens.OFF_BY_DEFAULT_RULES; }
    public String kb() { return "M5"; }
    public String severity() { return "low"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        java.util.Set<Integer> lines = new java.util.HashSet<>();
        for (String m : new String[]{"to", "cuda"}) {
            for (TSNode c : src.calls(m)) {
                TSNode stmt = statement(c);
                if (stmt == null || !stmt.getType().equals("return_statement")) continue;
                var fn = src.enclosingFunction(stmt);
                if (fn.isEmpty() || !LOADER_FN.matcher(src.functionName(fn.get())).matches()) continue;
                String text = src.text(stmt);
                var mm = DEVICE_MOVE.matcher(text);
                int moves = 0;
                while (mm.find()) moves++;
                if (moves < 2 || !lines.add(src.line(stmt))) continue;
                out.add(finding(src, stmt, ScanText.get("dataset-on-gpu.loader", src.functionName(fn.get())),
                        src.lineText(stmt), src.lineText(stmt).replaceAll("\\.to\\((device|dev)\\)",
                                "").replace(".cuda()", "")
                                + "  # " + ScanText.get("dataset-on-gpu.loader.fix")));
            }
        }
        // Second form: a whole split (X_train, train_data, dataset…) moved to the GPU outside any loop.
        for (String m : new String[]{"to", "cuda"}) {
            for (TSNode c : src.calls(m)) {
                TSNode stmt = statement(c);
                if (stmt == null || !stmt.getType().equals("expression_statement")
                        || src.enclosingLoop(c).isPresent()) continue;
                TSNode asg = stmt.getChildCount() > 0 ? stmt.getChild(0) : null;
                if (asg == null || !asg.getType().equals("assignment")) continue;
                String left = src.text(asg.getChildByFieldName("left"));
                if (!DATASET_NAME.matcher(left).find()
                        || !DEVICE_MOVE.matcher(src.text(asg.getChildByFieldName("right"))).find()) continue;
                if (!lines.add(src.line(stmt))) continue;
                out.add(finding(src, stmt, ScanText.get("dataset-on-gpu.split", left.strip()),
                        src.lineText(stmt), src.lineText(stmt).replaceAll("\\.to\\((device|dev)\\)",
                                "").replace(".cuda()", "")
                                + "  # " + ScanText.get("dataset-on-gpu.split.fix")));
            }
        }
        return out;
    }

    private static final Pattern DATASET_NAME = Pattern.compile("(?i)(^|[\\s,])(x_?(train|test|val|valid)|y_?(train"
            + "|test|val|valid)|(train|test|val|valid)_?(x|y|data|dataset|set|features|labels|images|targets|inputs)"
                    + "|dataset|all_(data|images|features|inputs))(\\s*,|\\s*$)");

    private static TSNode statement(TSNode n) {
        for (TSNode p = n; p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().endsWith("_statement") || p.getType().equals("expression_statement")) return p;
        }
        return null;
    }
}
