package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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
        TOPICS.put("8-bit optimizer", c -> c.optimizer() != null && c.optimizer().contains("8bit"));
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
        Optional<Topics.Topic> topic = Topics.find(Topics.howTo(), text).filter(t -> t.texts().containsKey(stack));
        if (topic.isEmpty() && !grows(change, held)) topic = implied(change).filter(t -> t.texts().containsKey(stack));
        return topic.map(t -> Messages.get("whatif.how", KnowledgeAnswers.labelOf(stack))
                + "\n" + t.texts().get(stack).indent(2).stripTrailing()).orElse(null);
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
