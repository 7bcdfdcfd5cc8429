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

/** torch.load without map_location in distributed code restores every rank's tensors onto GPU 0 (U10). */
public final class TorchLoadNoMapLocation implements Rule {
    /** An `if` that lets only the main process through: `rank in [-1, 0]`, `local_rank == 0`, `is_main_process`. */
    private static final Pattern MAIN_PROCESS_ONLY = Pattern.compile(
            "rank\\s*(==\\s*0\\b|in\\s*[\\[({]\\s*-1\\s*,\\s*0\\s*[\\])}]|<=\\s*0\\b|<\\s*1\\b)"
            + "|\\bget_rank\\(\\)\\s*==\\s*0\\b|is_main_process|is_local_main_process|is_master\\b");

    /**
     * The saved state of an LR scheduler, a grad scaler or the random generators: Python numbers and CPU byte
     * tensors, never a CUDA tensor, so no rank's copy can land on cuda:0 (THUDM/ChatGLM-6B@401bf3a
     * ptuning/trainer.py, the rng, scheduler and scaler files of a resumed checkpoint).
     */
    private static final Pattern NO_CUDA_STATE = Pattern.compile("(?i)sched|\\brng|rng_state|scaler");

    public String id() { return "torch_load_no_map_location"; }
    public FileTokens fileTokens() { return FileTokens.OFF_BY_DEFAULT_RULES; }
    public String kb() { return "U10"; }
    public String severity() { return "medium"; }

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
            if (!argv.isEmpty() && holdsNoCudaTensor(src, c, argv.get(0))) continue;
            // Only the main process runs it: there is no other rank whose copy could land on cuda:0.
            if (inMainProcessOnly(src, c)) continue;
            // Only the one process that calls its function runs it: the ranks' own code never reaches it.
            if (RankFunctions.runsOnce(src, c)) continue;
            String call = src.text(c), fixed = call.substring(0, call.length() - 1) + ", map_location=\"cpu\")";
            // The line, where it is a statement of its own; else the call alone (jerpelhan/DAVE@8aeeb9c
            // train_similarity.py:85, torch.load(...)[ inside a comprehension over three lines: the line did not parse)
            String line = src.lineText(c);
            boolean whole = line.contains(call) && !new PySource("fix.py", line + "\n", null).hasSyntaxErrors();
            out.add(finding(src, c, ScanText.get(id() + ".finding"),
                    whole ? line : call, whole ? line.replace(call, fixed) : fixed));
        }
        return out;
    }

    /** Whether the loaded file, by its name or by the object its state is given to, holds no CUDA tensor. */
    private static boolean holdsNoCudaTensor(PySource src, TSNode load, TSNode file) {
        if (NO_CUDA_STATE.matcher(src.text(file)).find()) return true;
        TSNode args = load.getParent();
        TSNode consumer = args == null || args.isNull() ? null : args.getParent();
        return consumer != null && !consumer.isNull() && consumer.getType().equals("call")
                && NO_CUDA_STATE.matcher(src.calleeText(consumer)).find();
    }

    /** Whether the call sits in the body of an `if` whose condition admits only the main process. */
    private static boolean inMainProcessOnly(PySource src, TSNode call) {
        TSNode child = call;
        for (TSNode p = call.getParent(); p != null && !p.isNull(); child = p, p = p.getParent()) {
            if (PySource.isFunction(p)) return false;
            if (!p.getType().equals("if_statement")) continue;
            TSNode body = p.getChildByFieldName("consequence");
            TSNode cond = p.getChildByFieldName("condition");
            if (body != null && !body.isNull() && src.contains(body, child) && cond != null && !cond.isNull()
                    && !src.text(cond).strip().startsWith("not ") && MAIN_PROCESS_ONLY.matcher(src.text(cond)).find()) {
                return true;
            }
        }
        return false;
    }
}
