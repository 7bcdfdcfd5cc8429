package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The last part of an expert's what-if answer: how to make the change in the stack the session runs ("bf16 with the
 * HF Trainer: TrainingArguments(..., bf16=True)"), taken from the how-to table. The topic is the one the turn names,
 * else the one its change implies; without a stack held, or a snippet for it, there is no line.
 */
final class StackHow {
    /** Which how-to topic a changed fact is made with, in the order a change is described. */
    private static final Map<String, Predicate<Facts>> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put("lora and qlora", c -> c.lora() != null || c.qlora() != null || c.loraRank() != null);
        // "AWQ 4-bit on one H100" for a server: the engine loads a pre-quantized checkpoint (vLLM, TGI rows only)
        TOPICS.put("serve an awq or gptq checkpoint", c -> "4bit".equals(c.quant()) && c.qlora() == null);
        TOPICS.put("8-bit optimizer", c -> c.optimizer() != null && c.optimizer().contains("8bit"));
        // fp16 needs its loss scaler: the bf16 snippet would make another change than the one asked
        TOPICS.put("fp16 with a loss scaler", c -> "fp16".equals(c.precision()));
        TOPICS.put("mixed precision", c -> c.precision() != null);
        TOPICS.put("gradient checkpointing", c -> c.checkpointing() != null);
        TOPICS.put("flash attention", c -> c.attention() != null);
        TOPICS.put("zero-3 / fsdp sharding", c -> c.zeroStage() != null);
        TOPICS.put("one process per gpu", c -> c.worldSize() != null);
        TOPICS.put("gradient accumulation", c -> c.batch() != null);
        TOPICS.put("drop or cut the longest samples", c -> c.seqLen() != null);
    }

    private StackHow() {}

    /** "How, with the HF Trainer:" and the snippet, or null. */
    static String line(String text, Facts change, Facts held) {
        String stack = held.framework();
        if (stack == null) return null;
        Optional<Topics.Topic> topic = "fp16".equals(change.precision()) ? Optional.empty()
                : Topics.find(Topics.howTo(), text).filter(t -> t.texts().containsKey(stack));
        if (topic.isEmpty() && !grows(change, held)) topic = implied(change).filter(t -> t.texts().containsKey(stack));
        if (topic.isEmpty()) return null;
        String snippet = topic.get().texts().get(stack);
        // "ZeRO-2 instead of 3": the sharding row is written for stage 3; shown as it is, it would undo the change
        if (change.zeroStage() != null && change.zeroStage() != FULL_SHARD && topic.get().name().equals(SHARDING)) {
            snippet = change.zeroStage() > 0 ? atStage(snippet, change.zeroStage()) : null;
            if (snippet == null) return null;
        }
        if (topic.get().name().equals(ACCUMULATION)) snippet = withNumbers(snippet, change, held);
        return Messages.get("whatif.how", KnowledgeAnswers.labelOf(stack)) + "\n"
                + snippet.indent(2).stripTrailing();
    }

    private static final int FULL_SHARD = 3;
    private static final String ACCUMULATION = "gradient accumulation";
    /** The micro-batch as the stacks spell it in the accumulation snippets ("per_device_train_batch_size=4"). */
    private static final Pattern MICRO = Pattern.compile("((?:per_device_train_batch_size"
            + "|train_micro_batch_size_per_gpu|micro_batch_size|\\bbatch_size)\"?\\s*[:=]\\s*)\\d+");
    private static final Pattern STEPS = Pattern.compile("((?:gradient_accumulation_steps|accumulate_grad_batches)\"?"
            + "\\s*[:=]\\s*)\\d+");

    /**
     * The accumulation snippet with the what-if's own numbers: "micro-batch 2 keeps 4 samples with 2 steps" shown
     * beside a snippet that sets 4 and 8 reads as a contradiction. The steps keep the held effective batch.
     */
    static String withNumbers(String snippet, Facts change, Facts held) {
        if (change.batch() == null || held.batch() == null || change.batch() >= held.batch()) return snippet;
        int steps = Math.max(1, (held.gradAccum() == null ? 1 : held.gradAccum()) * held.batch() / change.batch());
        String out = MICRO.matcher(snippet).replaceAll("$1" + change.batch());
        return STEPS.matcher(out).replaceAll("$1" + steps);
    }
    private static final String SHARDING = "zero-3 / fsdp sharding";

    /**
     * The stage-3 snippet rewritten for stage 1 or 2 where its stack spells the stage as a number (DeepSpeed's JSON,
     * Lightning's strategy name, the Trainer's config file); null where it does not, so no stage-3 line is shown.
     */
    static String atStage(String snippet, int stage) {
        String out = snippet.replace("\"stage\": 3", "\"stage\": " + stage)
                .replace(", \"stage3_gather_16bit_weights_on_model_save\": true", "")
                .replace("deepspeed_stage_3", "deepspeed_stage_" + stage)
                .replace("  # or strategy='fsdp'", "")
                .replace("ds_zero3.json", "ds_zero" + stage + ".json")
                .replace("stage 3 (or FSDP FULL_SHARD)", stage == 2 ? "stage 2 (or FSDP SHARD_GRAD_OP)" : "stage 1");
        return out.equals(snippet) || out.matches("(?s).*(?:stage.?3|zero3|z3|FULL_SHARD|fully_shard).*") ? null
                : out;
    }

    /** A larger batch or length is made by saying it: the accumulation or cutting snippets answer the opposite. */
    private static boolean grows(Facts change, Facts held) {
        return change.batch() != null && (held.batch() == null || change.batch() >= held.batch())
                || change.seqLen() != null && (held.seqLen() == null || change.seqLen() >= held.seqLen());
    }

    private static Optional<Topics.Topic> implied(Facts change) {
        return TOPICS.entrySet().stream().filter(e -> e.getValue().test(change)).findFirst()
                .flatMap(e -> Topics.howTo().stream().filter(t -> t.name().equals(e.getKey())).findFirst());
    }
}
