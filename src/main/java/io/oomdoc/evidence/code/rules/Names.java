package io.oomdoc.evidence.code.rules;

import java.util.regex.Pattern;

/** Name heuristics shared by the rules: what looks like a model, a loss, a data loader. */
final class Names {
    static final Pattern MODEL = Pattern.compile("(?i)(^|\\.|_)(model|net|network|encoder|decoder|generator"
            + "|discriminator|backbone|module|classifier|gcn|gat|transformer|llm)\\w*$");
    static final Pattern TENSORISH = Pattern.compile("(?i)^(loss\\w*|\\w*_loss|out|output\\w*|outputs|logits?"
            + "|pred\\w*|y_hat|yhat|scores?|features|emb\\w*|hidden\\w*|attn\\w*|grad\\w*)$");
    static final Pattern DETACHED = Pattern.compile("\\.(item|detach|cpu|tolist|numpy)\\(\\)|\\.data\\b|^float\\("
            + "|^int\\(|^len\\(|^str\\(|\\.float\\(\\)\\.item|^np\\.|^math\\.");
    static final Pattern RANKISH = Pattern.compile("(?i)rank|local_rank|gpu_id|device_id|args\\.gpu|\\bgpu\\b"
            + "|LOCAL_RANK");

    /** Receivers of an optimizer step: the optimizer, an AMP scaler, a DeepSpeed engine (not an LR scheduler). */
    static final Pattern OPTIMIZER = Pattern.compile("(?i)(optim|opt|scaler|engine|accelerator)\\w*$");

    private Names() {}
}
