package io.oomdoc.protocol;

import io.oomdoc.budget.BatchFinder;
import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.TraceAnalysis;
import io.oomdoc.evidence.trace.TraceAnalyzer;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.protocol.reasoning.Reasoner;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;

/** The protocol: gather evidence, rank hypotheses, write the report. */
public final class Diagnoser {
    private final TraceAnalyzer analyzer = new TraceAnalyzer();
    private final Reasoner reasoner;
    private final ReportWriter writer;

    /**
     * The weights and the fact lexicon load on a second thread while the knowledge base parses on this one: on a
     * cold start these are the two largest costs of `oomdoc diagnose`, and CI and laptops have a spare core.
     */
    public Diagnoser() {
        var weights = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            FactExtractor.read("warm");
            return Reasoner.bundled();
        });
        this.writer = new ReportWriter(KnowledgeBase.bundled());
        this.reasoner = weights.join();
    }

    public Diagnoser(KnowledgeBase kb) {
        this.writer = new ReportWriter(kb);
        this.reasoner = Reasoner.bundled();
    }

    /** Diagnoses a log (may be null) with the user's words and the session's facts. */
    public Report diagnose(LogText log, String userText, Facts sessionFacts, Evidence.GpuSnapshot gpu,
            Evidence.CodeFindings code) {
        return diagnose(log, userText, sessionFacts, gpu, code, null);
    }

    public Report diagnose(LogText log, String userText, Facts sessionFacts, Evidence.GpuSnapshot gpu,
            Evidence.CodeFindings code,
                           io.oomdoc.evidence.snapshot.SnapshotReport snapshot) {
        return diagnose(log, userText, sessionFacts, gpu, code, snapshot, null);
    }

    /** With the memory timeline `oomdoc run` recorded (may be null). */
    public Report diagnose(LogText log, String userText, Facts sessionFacts, Evidence.GpuSnapshot gpu,
            Evidence.CodeFindings code, io.oomdoc.evidence.snapshot.SnapshotReport snapshot,
            io.oomdoc.evidence.watch.MemoryTimeline timeline) {
        List<Report.Fix> extra = new ArrayList<>();
        Evidence e = evidence(log, userText, sessionFacts, gpu, code, snapshot, extra).withTimeline(timeline);
        return writer.write(e, reasoner.conclude(e), extra);
    }

    /** Everything held for one diagnosis; fixes computed on the way (code findings, a batch that fits) go to extra. */
    public Evidence evidence(LogText log, String userText, Facts sessionFacts, Evidence.GpuSnapshot gpu,
                             Evidence.CodeFindings code, io.oomdoc.evidence.snapshot.SnapshotReport snapshot,
                             List<Report.Fix> extra) {
        TraceAnalysis trace = log == null || log.isBlank() ? null : analyzer.analyze(log);
        Facts facts = sessionFacts.merge(FactExtractor.extract(userText == null ? "" : userText));
        Facts pasted = trace == null ? Facts.EMPTY : FactExtractor.extract(trace.log().condensed().text());
        if (trace != null) facts = facts.merge(Facts.EMPTY).merge(onlyMissing(facts, measuredCard(pasted, trace)));
        // A serving engine's own message (vLLM's KV-cache check) makes the budget an inference one: without the
        // engine the card was charged gradients and Adam state for a model that only serves.
        if (facts.framework() == null && trace != null && Engines.serves(trace.framework())) {
            facts = facts.merge(Facts.builder().framework(trace.framework()).build());
        }
        // A generation front end's failure block (ComfyUI's) is PyTorch's error in a job that only runs models: the
        // budget is an inference one, not 47.8 GiB of training state for an SDXL UNet (trial22, ComfyUI_TGate#10).
        if (trace != null && (facts.framework() == null || "pytorch".equals(facts.framework()))) {
            Facts f = facts;
            facts = Stacks.loggedApp(trace.log().condensed().text())
                    .map(app -> f.with(b -> b.framework(app))).orElse(facts);
        }
        if (facts.gpuMemBytes() == null && trace != null && trace.numbers().totalBytes() != null) {
            facts = facts.merge(Facts.builder().gpuMemBytes(trace.numbers().totalBytes()).build());
        }
        Budget budget = budget(facts, extra);
        if (gpu == null && trace != null) {
            Integer idx = trace.numbers().gpuIndex();
            gpu = GpuEvidence.pasted(trace.log().text()).map(s -> GpuEvidence.from(s, idx)).orElse(null);
        }
        Evidence e = new Evidence(trace, userText, facts, budget, gpu, code, snapshot, pasted);
        if (code != null) {
            for (String[] f : code.fixes()) extra.add(0, new Report.Fix(f[0], f[1], "free", false, f[2], f[3]));
        }
        return e;
    }

    /**
     * The card's size the message measured beats a size the log's prose quotes: kohya_ss#2724's "requires ... at
     * least 24GB of VRAM" was budgeted as the card while the message gave the L40S's 44.53 GiB.
     */
    private static Facts measuredCard(Facts fromLog, TraceAnalysis trace) {
        Long measured = trace.numbers().totalBytes();
        return measured == null ? fromLog : fromLog.merge(Facts.builder().gpuMemBytes(measured).build());
    }

    /**
     * Facts found in the log only fill what the user did not say. LoRA, QLoRA and the weights' quantization count
     * too: without them a LoRA fine-tune pasted alone was budgeted as full fine-tuning, its frozen base given
     * gradients and optimizer state, and called too large for the card. The count of cards too: TGI#1769's
     * "8*A30-24G" was budgeted as 104B int8 weights on one 24 GiB card.
     */
    private static Facts onlyMissing(Facts have, Facts fromLog) {
        return Facts.builder().gpuName(have.gpuName() == null ? fromLog.gpuName()
                : null).gpuMemBytes(have.gpuMemBytes() == null ? fromLog.gpuMemBytes() : null)
                .model(have.model() == null ? fromLog.model() : null).params(have.params() == null
                        ? fromLog.params() : null)
                .depth(have.depth() == null ? fromLog.depth() : null).batch(have.batch() == null ? fromLog.batch()
                        : null)
                .seqLen(have.seqLen() == null ? fromLog.seqLen() : null)
                .lora(have.lora() == null ? fromLog.lora() : null).qlora(have.qlora() == null ? fromLog.qlora() : null)
                .loraRank(have.loraRank() == null ? fromLog.loraRank() : null)
                .quant(have.quant() == null ? fromLog.quant() : null)
                .worldSize(have.worldSize() == null ? fromLog.worldSize() : null).build();
    }

    private static Budget budget(Facts f, List<Report.Fix> extra) {
        var setup = SetupFromFacts.from(f);
        if (setup.isEmpty()) return null;
        Setup s = setup.get();
        Budget b = new BudgetEngine().estimate(s, f.gpuMemBytes());
        if (f.gpuMemBytes() != null && s.batch() > 0 && s.seq() > 0 && Boolean.FALSE.equals(b.fits())) {
            boolean nanochat = s.model().name().startsWith("nanochat");
            BatchFinder.Result r = new BatchFinder().find(s, f.gpuMemBytes(), s.batch());
            if (r.microBatch() > 0) {
                String before, after;
                if (nanochat) {
                    long tokens = f.totalBatch() != null ? f.totalBatch() : 524_288L;
                    long accum = Math.max(1, tokens / ((long) r.microBatch() * s.seq() * Math.max(1, s.gpus())));
                    before = "--device-batch-size=" + s.batch();
                    after = ReportText.TABLE.get("fix.micro-batch.nanochat.after", r.microBatch(), tokens, accum,
                            tokens, r.microBatch(), s.seq(), Math.max(1, s.gpus()));
                } else {
                    before = "batch_size=" + s.batch();
                    after = ReportText.TABLE.get("fix.micro-batch.after", r.microBatch(), r.accumulationSteps(),
                            r.effectiveBatch());
                }
                String title = ReportText.TABLE.get("fix.micro-batch.title", r.microBatch(),
                        Bytes.human(f.gpuMemBytes()), Bytes.human(r.budget().perGpuBytes().total()));
                extra.add(new Report.Fix(CategoryKb.role("micro_batch").get(0), title, "low", false, before, after));
            }
        }
        return b;
    }
}
