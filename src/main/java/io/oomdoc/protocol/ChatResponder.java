package io.oomdoc.protocol;

import io.oomdoc.budget.BatchFinder;
import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.util.Bytes;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The embedded dialogue: free text either carries a failure (then the full protocol runs) or is a
 * follow-up about the setup already established ("what batch fits?", "and with bf16?"), answered from
 * the budget engine with the session's facts.
 */
public final class ChatResponder {
    /** A chat turn's answer: a short computed text, a full report, or both. */
    public record Reply(String text, Report report, Facts facts) {}

    private static final Pattern FAILURE = Pattern.compile("(?i)out of memory|\\boom\\b|outofmemory|killed|exit code|traceback|crash|fails?\\b|error|resource_exhausted|grow|leak");
    private static final Pattern BATCH_Q = Pattern.compile("(?i)what (?:micro-?)?batch|which batch|batch (?:size )?(?:fits|can i|would fit|should i)|max(?:imum)? batch|largest batch|how (?:big|large) (?:a )?batch");
    private static final Pattern FIT_Q = Pattern.compile("(?i)will it fit|does it fit|would it fit|fit\\?|enough memory|how much memory|memory (?:do i need|needed)|budget");
    private static final Pattern WHAT_IF = Pattern.compile("(?i)^\\s*(?:and|what about|how about|with|if i use|would)\\b.*(?:bf16|fp16|fp32|checkpoint|8-?bit|lora|qlora|zero|flash|sdpa|seq|batch|gpus?)");

    private final Diagnoser diagnoser = new Diagnoser();

    public Reply respond(String text, Facts session) {
        return respond(text, session, null);
    }

    public Reply respond(String text, Facts session, io.oomdoc.evidence.code.ScanResult scan) {
        Facts said = FactExtractor.extract(text);
        Facts facts = session.merge(said);
        String lower = text.toLowerCase(Locale.ROOT);
        boolean followUp = BATCH_Q.matcher(text).find() || FIT_Q.matcher(text).find() || WHAT_IF.matcher(text).find()
                || lower.contains("checkpointing be enough") || lower.contains("would checkpointing");
        if (followUp && !FAILURE.matcher(text).find()) {
            Optional<String> answer = budgetAnswer(text, facts);
            if (answer.isPresent()) return new Reply(answer.get(), null, facts);
            return new Reply(missingFor(facts), null, facts);
        }
        Report r = diagnoser.diagnose(LogText.of(text), text, CodeEvidence.facts(scan).merge(facts), null, CodeEvidence.from(scan));
        return new Reply(null, r, facts);
    }

    private static String missingFor(Facts f) {
        if (f.model() == null && f.params() == null) return "Which model is it (a name like llama-3.1-8b, a parameter count like 7B, or nanochat depth=N)?";
        if (f.gpuMemBytes() == null) return "Which GPU, or how much memory does it have (e.g. \"RTX 3090 24GB\")?";
        if (f.seqLen() == null) return "What sequence length do you train with?";
        return "What batch size are you using?";
    }

    private Optional<String> budgetAnswer(String text, Facts f) {
        String lower = text.toLowerCase(Locale.ROOT);
        Facts adjusted = f;
        if (lower.contains("checkpoint")) adjusted = adjusted.merge(Facts.builder().checkpointing(true).build());
        var maybe = SetupFromFacts.from(adjusted);
        if (maybe.isEmpty() || f.gpuMemBytes() == null) return Optional.empty();
        Setup s = maybe.get();
        if (s.seq() <= 0) return Optional.empty();
        if (s.batch() <= 0) s = s.withBatch(1);
        long gpu = f.gpuMemBytes();
        BudgetEngine engine = new BudgetEngine();
        Budget b = engine.estimate(s, gpu);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s, seq %d, batch %d, %s, %s on %s: estimated peak %s — %s.%n",
                s.model().name(), s.seq(), s.batch(), s.precision().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                s.checkpointing() == Setup.Checkpointing.FULL ? "checkpointing on" : "no checkpointing",
                Bytes.human(gpu), Bytes.human(b.perGpuBytes().total()),
                Boolean.TRUE.equals(b.fits()) ? "fits with " + Bytes.human(b.headroomBytes()) + " to spare" : "does not fit (short by " + Bytes.human(-b.headroomBytes()) + ")"));
        sb.append(String.format(Locale.ROOT, "  weights %s · gradients %s · optimizer %s · activations %s · logits %s · overhead %s%n",
                Bytes.human(b.perGpuBytes().weights()), Bytes.human(b.perGpuBytes().gradients()), Bytes.human(b.perGpuBytes().optimizer()),
                Bytes.human(b.perGpuBytes().activations()), Bytes.human(b.perGpuBytes().logits()), Bytes.human(b.perGpuBytes().overhead())));
        BatchFinder.Result r = new BatchFinder().find(s, gpu, s.batch());
        if (r.microBatch() == 0) {
            sb.append("Not even micro-batch 1 fits: the fixed cost is too high; see `oomdoc budget` for the ladder (8-bit optimizer, ZeRO, QLoRA).");
        } else if (s.model().name().startsWith("nanochat")) {
            long tokens = f.totalBatch() != null ? f.totalBatch() : 524_288L;
            long accum = Math.max(1, tokens / ((long) r.microBatch() * s.seq() * Math.max(1, s.gpus())));
            sb.append(String.format(Locale.ROOT, "Largest device batch that fits: %d → --device-batch-size=%d; with --total-batch-size=%d the script accumulates %d steps (total / (device batch × seq × GPUs)), so training dynamics are unchanged.",
                    r.microBatch(), r.microBatch(), tokens, accum));
            sb.append(String.format(Locale.ROOT, "%nThis estimate is conservative for nanochat (torch.compile and a fused loss keep fewer bytes than the eager accounting): try --device-batch-size=%d and check torch.cuda.max_memory_allocated() after two steps before settling.",
                    r.microBatch() * 2));
        } else {
            sb.append(String.format(Locale.ROOT, "Largest micro-batch that fits: %d; to keep an effective batch of %d use gradient_accumulation_steps=%d.",
                    r.microBatch(), r.effectiveBatch(), r.accumulationSteps()));
        }
        return Optional.of(sb.toString());
    }
}
