package io.oomdoc.protocol.dialogue;

import java.util.regex.Pattern;

/**
 * "How much does full fine-tuning of the 70B take?": the model states of full training with AdamW in mixed
 * precision, 16 bytes per parameter before any activation, and their share per rank when ZeRO-3 or FSDP shards them.
 * People quote the weights (2 bytes per parameter) or guess a multiple of them; the states are the figure that
 * decides whether the job fits.
 */
final class TrainingStates {
    // "full-parameter DPO", "trained with full parameters": every parameter trained, whatever the objective's name
    // "every weight trains", "all parameters are trained": the same thing said of the weights; 全参(数)微调 and
    // 全量训练 are the Chinese words for it.
    private static final Pattern FULL = Pattern.compile("(?i)\\bfull(?:[- ]parameter)?[- ]?(?:fine[- ]?tun\\w*"
            + "|train\\w*|ft)\\b|\\bfull[- ]param(?:eter)?s?\\b"
            + "|\\b(?:every|each|all(?: the)?) (?:weights?|param(?:eter)?s?) (?:is |are |gets? |being )?train"
            + "|全参|全量(?:微调|训练)");
    // 多少 / 多大: "how much", the Chinese question mark included
    private static final Pattern ASKS = Pattern.compile("(?i)[?？]|\\bhow\\b|\\bneeds?\\b|\\brequire|\\btakes?\\b"
            + "|多少|多大");
    private static final Pattern FITS = Pattern.compile("(?i)\\bfits?\\b");
    private static final Pattern SHARDED = Pattern.compile("(?i)\\bzero[- ]?3\\b|\\bstage[- ]?3\\b|\\bfsdp\\b"
            + "|full_shard");
    private static final Pattern STATES = Pattern.compile("(?i)\\bmodel states\\b|\\b(?:adamw?|optimi[sz]er)(?:'s)?"
            + " states?\\b|\\b(?:for|of) the (?:adamw? )?optimi[sz]er\\b|模型状态");
    private static final Pattern PER_RANK = Pattern.compile("(?i)\\beach\\b|\\bper (?:gpu|card|device|rank)\\b"
            + "|\\bsplits? (?:it |them )?(?:over|across)\\b|\\bshard|每(?:张|个)?(?:卡|gpu)");
    /** The weights and gradients are asked about too, not only the optimizer. */
    // "what does each take?" beside Adam asks for the parts of the same set; 模型状态 is "model states"
    private static final Pattern WHOLE = Pattern.compile("(?i)\\bmodel states\\b|\\b(?:model|weights) and\\b"
            + "|\\bweights, gradients\\b|\\bwhat (?:does|do|would) each\\b|模型状态");
    // SGD's momentum, Adafactor and Lion name an optimizer too: the states asked are theirs
    private static final Pattern ADAM = Pattern.compile("(?i)\\badam\\w*|\\boptimi[sz]er|\\bsgd\\b|\\bmomentum\\b"
            + "|\\badafactor\\b|\\blion\\b");
    /** "with ZeRO-2", "zero stage 1": the states the stage shards (1 the optimizer, 2 the gradients, 3 the weights). */
    private static final Pattern STAGE = Pattern.compile("(?i)\\bzero[- ]?(?:stage[- ]?)?([123])\\b"
            + "|\\bstage[- ]?([123])\\b");
    private static final int SHARDS_WEIGHTS = 3;
    private static final int SHARDS_GRADIENTS = 2;
    /** fp32 master weights 4 + two fp32 Adam moments 8. */
    private static final double OPTIMIZER_BYTES = 12;
    /** 16-bit weights 2 + 16-bit gradients 2 + fp32 master weights 4 + two fp32 Adam moments 8. */
    private static final double BYTES = 16;
    private static final double WEIGHT_BYTES = 2;
    /** AdamW's two fp32 moments without the master copy: what "Adam's states" means to many. */
    private static final double MOMENT_BYTES = 8;

    private TrainingStates() {}

    /** What the turn asks: full training's states, their share per rank, or the optimizer's alone. */
    private record Asked(boolean full, boolean perRank, boolean restaged, boolean optimizerOnly) {}

    static String of(Calculations.Ask a) {
        Asked q = asked(a);
        if (q == null) return null;
        String t = a.text();
        // a restaged question is about the model the question before named, whatever count the facts hold
        Double params = q.restaged() && Sizes.params(t) == null ? Sizes.params(a.earlier()) : null;
        if (params == null) params = Sizes.paramsOf(t, a.facts());
        if (params == null) params = Sizes.params(a.withContext());
        if (params == null) return null;
        // another optimizer or precision named ("full bf16 and adamw8bit", "SGD momentum in fp32"): its own parts
        StateBytes parts = StateBytes.of(t);
        double bytes = params * (q.optimizerOnly() ? parts.unusual() ? parts.moments() : OPTIMIZER_BYTES
                : parts.unusual() ? parts.total() : BYTES);
        String line = statesLine(q.optimizerOnly(), parts, params, bytes);
        int gpus = Sizes.ranks(t, a.facts());
        if (q.restaged() && gpus <= 1) gpus = Sizes.ranks(a.withContext(), a.facts());
        java.util.regex.Matcher stage = STAGE.matcher(t);
        // ZeRO-1 and -2 leave every card a whole copy of the 16-bit weights: the per-card figure is not states / N.
        if (gpus > 1 && !q.optimizerOnly() && !parts.unusual() && stage.find()) {
            int n = Integer.parseInt(stage.group(1) != null ? stage.group(1) : stage.group(2));
            return line + " " + perStage(params, n, gpus);
        }
        if (gpus > 1 && (q.perRank() || SHARDED.matcher(t).find()))
            line += " " + Messages.get("training.sharded", decimal(bytes / gpus), gpus);
        return line;
    }

    /** Which states the turn asks about; null when it asks about none. */
    private static Asked asked(Calculations.Ask a) {
        String t = a.text();
        boolean asks = ASKS.matcher(t).find();
        // "Would a full fine-tune fit on an A100?" is the budget's question: it costs the whole setup itself.
        boolean full = FULL.matcher(t).find() && !FITS.matcher(t).find();
        // "what do the model states of the 16B take per GPU on two cards?": the states, split over the ranks.
        boolean perRank = STATES.matcher(t).find() && PER_RANK.matcher(t).find();
        // "what do weights, gradients and Adam states take?": the whole set asked by name is full training's states
        boolean named = WHOLE.matcher(t).find() && ADAM.matcher(t).find();
        // "how much would the Adam states take for all 8B parameters?": the optimizer's states asked by name
        // (under LoRA held the adapters' states are the answer: Sizes computes those from the budget)
        boolean adapters = Boolean.TRUE.equals(a.facts().lora()) || Boolean.TRUE.equals(a.facts().qlora())
                || a.facts().loraRank() != null;
        boolean states = STATES.matcher(t).find() && !adapters;
        // "and under ZeRO-3?" after the states per GPU under ZeRO-2: the same states, under the stage now named
        String earlier = a.earlier();
        boolean restaged = STAGE.matcher(t).find() && !adapters && (STATES.matcher(earlier).find()
                || FULL.matcher(earlier).find()) && STAGE.matcher(earlier).find();
        if (!asks || !full && !perRank && !named && !states && !restaged) return null;
        return new Asked(full, perRank, restaged, !full && !restaged && !WHOLE.matcher(t).find());
    }

    /** The states' line: AdamW's usual 12 or 16 bytes a parameter, or the parts of the optimizer the turn names. */
    private static String statesLine(boolean optimizerOnly, StateBytes parts, double params, double bytes) {
        boolean usual = !parts.unusual();
        if (optimizerOnly && usual) {
            return Messages.get("training.optimizer", Sizes.count(params), decimal(bytes),
                    decimal(params * MOMENT_BYTES));
        }
        if (optimizerOnly) {
            return Messages.get("sizes.optimizer.other", Messages.get("states.optimizer." + parts.optimizer()),
                    Sizes.count(params), Sizes.trim(parts.moments()), Sizes.gb(params * parts.moments()), parts.parts(),
                    Sizes.gb(params * parts.total()));
        }
        return usual ? Messages.get("training.states", Sizes.count(params), decimal(bytes),
                decimal(params * WEIGHT_BYTES))
                : Messages.get("training.custom", Sizes.count(params), parts.parts(), decimal(params * parts.total()),
                decimal(params * parts.weights()));
    }

    /** What each card holds under ZeRO stage n over the given cards: the stage shards the states up to its own. */
    private static String perStage(double params, int n, int gpus) {
        double w = params * WEIGHT_BYTES / (n >= SHARDS_WEIGHTS ? gpus : 1);
        double g = params * WEIGHT_BYTES / (n >= SHARDS_GRADIENTS ? gpus : 1);
        double o = params * OPTIMIZER_BYTES / gpus;
        return Messages.get("training.zero", n, gpus, decimal(w), decimal(g), decimal(o), decimal(w + g + o));
    }

    /** 1120 GB is also said as 1.12 TB: both, as people quote either. */
    private static String decimal(double bytes) {
        String gb = Sizes.trim(bytes / 1e9) + " GB";
        return bytes >= 1e12 ? gb + " (" + Sizes.trim(bytes / 1e12) + " TB)" : gb;
    }
}
