package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.FileTokens;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.ScanText;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Hugging Face TrainingArguments with neither bf16 nor fp16: activations are stored in fp32. On Ampere or
 * newer cards bf16 halves them (M6); whether the card supports it is checked by the protocol, not here.
 */
public final class Fp32Training implements Rule {
    public String id() { return "fp32_training"; }
    public FileTokens fileTokens() { return FileTokens.OFF_BY_DEFAULT_RULES; }
    public String kb() { return "M6"; }
    public String severity() { return "low"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        if (src.text.contains("deepspeed") || src.text.contains("autocast")
                || src.text.contains("mixed_precision")) return out;
        for (TSNode c : src.calls("TrainingArguments")) {
            if (src.keyword(c, "bf16") != null || src.keyword(c, "fp16") != null
                    || src.text(c).contains("**")) continue;
            out.add(finding(src, c, ScanText.get(id() + ".finding"),
                    "TrainingArguments(...)", "TrainingArguments(..., bf16=True)  # " + ScanText.get(id() + ".fix")));
        }
        return out;
    }
}
