package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.FileTokens;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.ScanText;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;

/** HF Trainer with compute_metrics and no eval_accumulation_steps: all eval logits pile up on the GPU (M15). */
public final class HfEvalAccumulation implements Rule {
    /** The id the scan reports and protocol/Signals reads. */
    public static final String ID = "hf_eval_accumulation";

    public String id() { return ID; }
    public FileTokens fileTokens() { return FileTokens.OFF_BY_DEFAULT_RULES; }
    public String kb() { return "M15"; }
    public String severity() { return "medium"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        if (src.text.contains("eval_accumulation_steps")
                || src.text.contains("preprocess_logits_for_metrics")) return out;
        for (String name : new String[]{"Trainer", "Seq2SeqTrainer", "SFTTrainer"}) {
            for (TSNode c : src.calls(name)) {
                if (src.keyword(c, "compute_metrics") == null) continue;
                out.add(finding(src, c, ScanText.get("hf-eval-accumulation", name), "TrainingArguments(...)",
                        "TrainingArguments(..., eval_accumulation_steps=8)  # "
                                + ScanText.get("hf-eval-accumulation.fix")));
            }
        }
        return out;
    }
}
