package io.oomdoc.evidence.code;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which file's setup values stand for the training job, when several files set the same field: the first value
 * wins, so the files are read in this order. Configs and launch scripts first (they are what a run is started with),
 * then training code, then other code; evaluation, serving and demo files last, whatever their type: LLaVA's
 * `llava/eval/model_vqa_loader.py` has `batch_size=1` for answering questions, its `scripts/v1_5/finetune.sh`
 * trains with `--per_device_train_batch_size 16`.
 */
final class SetupRole {
    private static final Pattern NOT_TRAINING = Pattern.compile("(?:^|[/_.-])(?:eval\\w*|evaluate|serve|serving"
            + "|demo|infer\\w*|predict\\w*|benchmarks?|gradio|app|cli|web)(?:[/_.-]|$)");
    private static final Pattern TRAINING = Pattern.compile("train|finetune|fine_tune|sft|pretrain|dpo|lora");

    private SetupRole() {}

    /** 0 config or launch script, 1 training code, 2 other code, 3 evaluation, serving or demo. */
    static int rank(String relPath) {
        String p = relPath.toLowerCase(Locale.ROOT);
        if (NOT_TRAINING.matcher(p).find()) return 3;
        if (!p.endsWith(".py") && !p.endsWith(".ipynb")) return 0;
        return TRAINING.matcher(p).find() ? 1 : 2;
    }
}
