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

/** HF Trainer with compute_metrics and no eval_accumulation_steps: all eval logits pile up on the GPU (M15). */
public final class HfEvalAccumulation implements Rule {
    /** The id the scan reports and protocol/Signals reads. */
    public static final String ID = "hf_eval_accumulation";

    /**
     * A call that builds the training arguments in the file: TrainingArguments(, Seq2SeqTrainingArguments(,
     * SFTConfig(. Without one the arguments come from the command line (HfArgumentParser, a config file), where
     * eval_accumulation_steps is the user's flag and the file holds nothing to fix (scan35's choose half:
     * THUDM/ChatGLM-6B@401bf3a ptuning/main.py; scan33's nine LoRA example scripts, all parsed from the command line).
     */
    private static final Pattern ARGS_BUILT = Pattern.compile("\\b\\w*(TrainingArguments|SFTConfig)\\s*\\(");

    public String id() { return ID; }
    public FileTokens fileTokens() { return FileTokens.OFF_BY_DEFAULT_RULES; }
    public String kb() { return "M15"; }
    public String severity() { return "medium"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        if (src.text.contains("eval_accumulation_steps")
                || src.text.contains("preprocess_logits_for_metrics")
                || !ARGS_BUILT.matcher(src.text).find()) return out;
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
