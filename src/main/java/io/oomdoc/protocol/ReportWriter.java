package io.oomdoc.protocol;

import io.oomdoc.budget.Budget;
import io.oomdoc.evidence.trace.Frame;
import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.TraceFinding;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.knowledge.KnowledgeEntry;
import io.oomdoc.protocol.reasoning.NotOom;
import io.oomdoc.protocol.reasoning.Reasoner;
import io.oomdoc.util.Bytes;
import io.oomdoc.util.MessageTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns ranked hypotheses and the evidence into the ten sections. Every sentence is computed from what is held. */
public final class ReportWriter {
    private static final MessageTable TEXT = ReportText.TABLE;
    private static final long OTHERS_NOISE = 64 * Bytes.MIB;
    /** Phases of a job that only runs the model: no training step, loss or accumulation to speak of. */
    private static final Set<String> RUNS_ONLY = Set.of("generation", "serving");

    private final KnowledgeBase kb;

    private final KbCoverage coverage;

    public ReportWriter(KnowledgeBase kb) { this(kb, KbCoverage.bundled()); }

    /** A writer whose first knowledge entries follow the given coverage table (cross-validation fits one per fold). */
    public ReportWriter(KnowledgeBase kb, KbCoverage coverage) {
        this.kb = kb;
        this.coverage = coverage;
    }

    /**
     * The trace's framework, unless it only says PyTorch (every Python CUDA error does) while the text names an
     * engine (TGI, llama.cpp, JAX) or the user stated one: an Ollama failure is not reported as "Framework: pytorch".
     */
    static String framework(Evidence e, Category cat) {
        String traced = e.trace() == null ? "unknown" : e.trace().framework();
        if (!traced.equals("pytorch") && !traced.equals("unknown")) return traced;
        String stack = Stacks.of(e, cat);
        if (!stack.equals("training") && !stack.equals("generate") && !stack.equals("inference")) return stack;
        String stated = e.facts() == null ? null : e.facts().framework();
        return stated != null ? stated : traced;
    }

    public Report write(Evidence e, Reasoner.Conclusion conclusion, List<Report.Fix> extraFixes) {
        List<Hypothesis> ranked = conclusion.hypotheses();
        Hypothesis top = ranked.get(0);
        Category cat = top.category();
        String issueType = conclusion.issueType();
        String phase = conclusion.phase();
        String framework = framework(e, cat);

        List<String> kbIds = KbChoice.ids(e, ranked, conclusion.features(), coverage);
        List<Report.Fix> fixes = FixLadder.choose(kb, e, cat, issueType, phase, extraFixes);
        boolean runsOnly = RUNS_ONLY.contains(phase) || Stacks.serving(framework);
        List<String> gapKeys = gaps(e, cat, issueType, framework, runsOnly);
        List<String> gaps = gapKeys.stream().map(k -> TEXT.get("gap." + k)).toList();
        List<String> caveats = caveats(e, cat, fixes, runsOnly);
        // a neighbour named by PID is explained by the entry on sharing a card, not by the one on dead processes
        String primaryId = cat == Category.OTHER_PROCESS_OR_ZOMBIE && FixLadder.namesLiveHolder(e)
                ? FixLadder.order(cat, e, Stacks.of(e, cat)).get(0) : cat.kb.get(0);
        KnowledgeEntry primary = kb.get(primaryId).orElseThrow();

        Report.Sections sections = new Report.Sections(
                memorySummary(e),
                issueTypeText(e, issueType, cat, phase, framework),
                issueType.equals("not_oom") ? notOom(conclusion) : rootCause(e, top, primary),
                fixText(fixes),
                issueType.equals("not_oom") ? notOomVerification(conclusion)
                        : verification(cat, primary, framework, Stacks.of(e, cat)),
                prevention(primary, cat, runsOnly),
                confidence(ranked, e),
                risk(fixes, top, runsOnly),
                gaps, caveats);
        List<Report.HypothesisView> hyps = ranked.stream()
                .map(h -> new Report.HypothesisView(h.category().json(), h.confidence(), h.kb(),
                        distinct(h))).toList();
        String question = top.confidence() < 0.6 && !gaps.isEmpty() ? questionFor(gapKeys.get(0), gaps.get(0)) : null;
        return new Report(issueType, cat.json(), phase, framework, numbersJson(e.numbers()), hyps, kbIds, fixes,
                sections, question, null);
    }

    static Map<String, Object> numbersJson(OomNumbers n) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (n.triedBytes() != null) m.put("tried_bytes", n.triedBytes());
        if (n.totalBytes() != null) m.put("total_bytes", n.totalBytes());
        if (n.freeBytes() != null) m.put("free_bytes", n.freeBytes());
        if (n.allocatedBytes() != null) m.put("allocated_bytes", n.allocatedBytes());
        if (n.reservedBytes() != null) m.put("reserved_bytes", n.reservedBytes());
        if (n.reservedUnallocatedBytes() != null) m.put("reserved_unallocated_bytes", n.reservedUnallocatedBytes());
        if (n.processInUseBytes() != null) m.put("process_in_use_bytes", n.processInUseBytes());
        if (n.gpuIndex() != null) m.put("gpu_index", n.gpuIndex());
        return m;
    }

    /** Without the card's total the figures open with their separator ("; the failing request was"): drop it. */
    private static String sentence(String figures) {
        String s = figures.replaceFirst("^(GPU \\d+: )?[;,] ", "$1");
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final java.util.regex.Pattern ROCM = java.util.regex.Pattern.compile("\\bHIP out of memory");

    private static String memorySummary(Evidence e) {
        List<String> parts = new ArrayList<>();
        OomNumbers n = e.numbers();
        if (!n.isEmpty()) {
            parts.add(sentence(figures(n)));
            // PyTorch on ROCm prints the same caching allocator's message under HIP's name: the figures read as
            // on NVIDIA, and what tunes it is PYTORCH_HIP_ALLOC_CONF
            if (e.finding().map(f -> ROCM.matcher(f.message()).find()).orElse(false)) {
                parts.add(TEXT.get("summary.rocm"));
            }
        } else if (e.finding().isPresent()) {
            parts.add(TEXT.get("summary.no.figures", e.finding().get().notes().get(0)));
        } else {
            parts.add(TEXT.get("summary.description.only"));
        }
        if (e.trace() != null) {
            if (e.trace().iteration() != null) parts.add(TEXT.get("summary.iteration", e.trace().iteration()));
            if (!e.trace().failedRanks().isEmpty()) parts.add(TEXT.get("summary.ranks", e.trace().failedRanks(),
                    e.trace().firstFailedRank() != null ? TEXT.get("summary.first.rank", e.trace().firstFailedRank())
                            : ""));
            parts.addAll(e.trace().notes());
        }
        if (e.gpu() != null) parts.add(TEXT.get("summary.gpu.state", e.gpu().source(), e.gpu().summary()));
        if (e.snapshot() != null) parts.add(snapshot(e.snapshot()));
        if (e.budget() != null) parts.add(budget(e.budget()));
        // facts the sentence does not name (the framework a trace showed) left "Facts from the conversation: ."
        // the card's size the message states is already said above: GPT-SoVITS#1516's summary ended on "Facts from
        // the conversation: 23.68 GiB GPU", a figure nobody said in a conversation
        Facts held = n.totalBytes() != null && n.totalBytes().equals(e.facts().gpuMemBytes())
                ? e.facts().without("gpu_mem") : e.facts();
        String facts = held.isEmpty() ? "" : describeFacts(held);
        if (!facts.isEmpty()) parts.add(TEXT.get("summary.facts", facts));
        // each part is a sentence: natten#13's summary ended on the card's state, "... not attributed to any listed
        // process", without its stop
        return String.join(" ", parts.stream().map(p -> p.isBlank() || p.strip().matches("(?s).*[.!?)]$") ? p
                : p.strip() + ".").toList());
    }

    /** The message's figures in one sentence: the card, the request, the allocator's view, the other holders. */
    private static String figures(OomNumbers n) {
        StringBuilder sb = new StringBuilder(n.gpuIndex() != null ? TEXT.get("summary.gpu", n.gpuIndex()) : "");
        if (n.totalBytes() != null) sb.append(TEXT.get("summary.total", Bytes.human(n.totalBytes())));
        if (n.freeBytes() != null) sb.append(TEXT.get("summary.free", Bytes.human(n.freeBytes())));
        if (n.triedBytes() != null) sb.append(TEXT.get("summary.tried", Bytes.human(n.triedBytes())));
        if (n.allocatedBytes() != null) sb.append(TEXT.get("summary.allocated", Bytes.human(n.allocatedBytes())));
        if (n.reservedBytes() != null) sb.append(TEXT.get("summary.reserved", Bytes.human(n.reservedBytes())));
        if (n.reservedUnallocatedBytes() != null) {
            sb.append(TEXT.get("summary.cached", Bytes.human(n.reservedUnallocatedBytes())));
        }
        Long outside = n.heldOutsideAllocator();
        if (outside != null && outside > 0) sb.append(outside(n, outside));
        for (var p : n.processes()) {
            if (!p.thisProcess()) sb.append(TEXT.get("summary.process", p.pid(), Bytes.human(p.bytes())));
        }
        return sb.append('.').toString();
    }

    /**
     * What the allocator does not hold, split when the message states this process's own use: sglang#17070's 6.59
     * GiB were "CUDA context, other processes" while 6.56 GiB of it were in the serving process itself.
     */
    private static String outside(OomNumbers n, long outside) {
        Long self = n.processInUseBytes();
        if (self == null || n.reservedBytes() == null || self < n.reservedBytes()) {
            return TEXT.get("summary.outside", Bytes.human(outside));
        }
        long mine = Math.min(outside, self - n.reservedBytes());
        long others = outside - mine;
        // under 64 MiB is rounding in the message's two-decimal figures, not another process
        return others < OTHERS_NOISE ? TEXT.get("summary.outside.self", Bytes.human(outside))
                : TEXT.get("summary.outside.split", Bytes.human(outside), Bytes.human(mine), Bytes.human(others));
    }

    private static String snapshot(io.oomdoc.evidence.snapshot.SnapshotReport s) {
        String peak = s.peakAllocatedBytes() != null ? TEXT.get("summary.snapshot.peak",
                Bytes.human(s.peakAllocatedBytes())) : "";
        String holder = s.topHolders().isEmpty() ? "" : TEXT.get("summary.snapshot.holder",
                s.topHolders().get(0).frame(), Bytes.human(s.topHolders().get(0).bytes()));
        return TEXT.get("summary.snapshot", Bytes.human(s.reservedBytes()), Bytes.human(s.allocatedBytes()), peak,
                holder);
    }

    /**
     * A term the engine could not compute is "unknown", never 0 B; then the total is a lower bound and the verdict
     * is a fit only when the budget itself says so.
     */
    private static String budget(Budget b) {
        Budget.Terms t = b.perGpuBytes();
        String activations = b.known(Budget.ACTIVATIONS) ? Bytes.human(t.activations()) : TEXT.get("budget.unknown");
        String logits = t.logits() > 0 ? TEXT.get("budget.logits", Bytes.human(t.logits())) : "";
        String kv = t.kvCache() > 0 ? TEXT.get("budget.kv", Bytes.human(t.kvCache())) : "";
        String total = (b.complete() ? "" : TEXT.get("budget.at.least")) + Bytes.human(t.total());
        String against = b.gpuBytes() == null ? "" : TEXT.get("budget.against", Bytes.human(b.gpuBytes()),
                TEXT.get(b.fits() == null ? "budget.fit.unknown" : b.fits() ? "budget.fits" : "budget.no.fit"));
        return TEXT.get("summary.budget", Bytes.human(t.weights()), Bytes.human(t.gradients()),
                Bytes.human(t.optimizer()), activations, logits, kv, Bytes.human(t.overhead()), total, against);
    }

    static String describeFacts(Facts f) {
        List<String> s = new ArrayList<>();
        if (f.gpuName() != null) s.add(f.gpuName());
        if (f.gpuMemBytes() != null) s.add(Bytes.human(f.gpuMemBytes()) + " GPU");
        if (f.model() != null) s.add(f.model());
        if (f.params() != null) s.add(String.format(Locale.ROOT, "%.2fB params", f.params() / 1e9));
        if (f.batch() != null) s.add("batch " + f.batch());
        if (f.seqLen() != null) s.add("seq " + f.seqLen());
        if (f.precision() != null) s.add(f.precision());
        if (f.optimizer() != null) s.add(f.optimizer());
        if (Boolean.TRUE.equals(f.qlora())) s.add("QLoRA"); else if (Boolean.TRUE.equals(f.lora())) s.add("LoRA");
        if (f.worldSize() != null) s.add(f.worldSize() + " GPUs");
        if (Boolean.TRUE.equals(f.checkpointing())) s.add("gradient checkpointing on");
        if (f.phaseHint() != null) s.add("phase hint: " + f.phaseHint());
        return String.join(", ", s);
    }

    private static String issueTypeText(Evidence e, String issueType, Category cat, String phase, String framework) {
        String kind = TEXT.get(switch (issueType) {
            case "host_ram_oom", "vram_oom", "not_oom" -> "issue." + issueType;
            default -> "issue.unknown";
        });
        String msg = e.finding().map(f -> " — " + String.join("; ", f.notes())).orElse("");
        if (issueType.equals("not_oom")) return TEXT.get("issue.line.not_oom", kind, phase, framework);
        return TEXT.get("issue.line", kind, msg, cat.label(), phase, framework);
    }

    /** A CUDA fault that is not a memory failure: named, with the one step that locates it, and no memory fix. */
    private static String notOom(Reasoner.Conclusion c) {
        String why = c.features().reasons().getOrDefault("not-oom", TEXT.get("notoom.why"));
        return TEXT.get(NotOom.textKey(why) + ".root", capitalize(why));
    }

    private static String notOomVerification(Reasoner.Conclusion c) {
        return TEXT.get(NotOom.textKey(c.features().reasons().getOrDefault("not-oom", "")) + ".verify");
    }

    private static String rootCause(Evidence e, Hypothesis top, KnowledgeEntry primary) {
        StringBuilder sb = new StringBuilder(capitalize(top.category().label())).append(". ");
        // Two rules can cite the same frame (the optimizer step, and the frame as a cue): each reason is said once.
        List<String> reasons = new ArrayList<>(distinct(top));
        // The category is fixed by the constraint, not by the weights: its reason leads even where no weight cites it
        if (ImpossibleRequest.of(e.numbers()) && !reasons.contains(ImpossibleRequest.reason(e.numbers()))) {
            reasons.add(0, ImpossibleRequest.reason(e.numbers()));
        }
        if (!reasons.isEmpty()) {
            List<String> closed = reasons.stream().map(ReportWriter::closed).toList();
            sb.append(TEXT.get("root.evidence", String.join("; ", closed)));
        }
        if (e.trace() != null) {
            Optional<Frame> uf = e.trace().userFrame();
            uf.ifPresent(f -> sb.append(TEXT.get("root.frame", f.file(), f.line(),
                    f.code().isEmpty() ? "" : TEXT.get("root.frame.code", f.code()))));
        }
        if (e.code() != null && !e.code().locations().isEmpty()) {
            sb.append(TEXT.get("root.scan", String.join(", ", e.code().locations().subList(0,
                    Math.min(3, e.code().locations().size())))));
        }
        // An entry written for training (M5's micro-batch, U9's DataLoader workers) read to a server or an inference
        // application: its background.inference.* row says the same mechanism in that stack's terms
        String stack = Stacks.of(e, top.category());
        String inferenceKey = "background.inference." + primary.id();
        boolean inference = stack.equals("inference") || Stacks.app(stack) || Stacks.serving(stack);
        // (the entry's title names the training knob too, so the row stands without it)
        if (inference && TEXT.has(inferenceKey)) {
            sb.append(TEXT.get("root.background.inference", primary.id(), TEXT.get(inferenceKey)));
        } else {
            sb.append(TEXT.get("root.background", primary.id(), primary.title(), background(top.category(),
                    primary.body())));
        }
        return sb.toString().strip();
    }

    private static String fixText(List<Report.Fix> fixes) {
        StringBuilder sb = new StringBuilder();
        int i = 1;
        for (Report.Fix f : fixes) {
            sb.append(TEXT.get("fix.line", i++, f.title(), f.kb(), f.cost(),
                    f.changesScience() ? TEXT.get("fix.science") : "")).append('\n')
                    .append(FixText.both(f, 3)).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /**
     * How to check the fix. A serving engine's failure has no step to rerun: ollama#3460's report told a llama.cpp
     * server to compare max_memory_allocated() "after two full training steps" and to write a PyTorch probe.
     */
    private static String verification(Category cat, KnowledgeEntry primary, String framework, String stack) {
        if (Engines.serves(framework)) return TEXT.get("verify.serving");
        // Inference has no loss curve nor effective batch to keep (so-vits-svc#81 was told its "loss curve matches
        // the first steps"): the check is the peak of one inference call
        if (stack.equals("inference") || Stacks.app(stack)) {
            return TEXT.get("verify.inference") + " " + TEXT.get("verify.probe");
        }
        // JAX and TensorFlow have their own peak counters, and the probe is a PyTorch script: progen#3 (JAX) and
        // RotNet#11 (TensorFlow) were told to call torch.cuda.reset_peak_memory_stats() and run `oomdoc probe`.
        boolean ownCounters = framework.equals("jax") || framework.equals("tensorflow");
        String generic = TEXT.get(switch (cat) {
            case HOST_RAM_OOM -> "verify.host_ram_oom";
            case OTHER_PROCESS_OR_ZOMBIE, CONTEXT_CREATION -> "verify.card";
            case FRAGMENTATION -> "verify.fragmentation";
            case OPTIMIZER_STATE_STEP2 -> ownCounters ? "verify.peak." + framework : "verify.optimizer_state_step2";
            case LEAK_HELD_REFERENCES, EVAL_ACCUMULATION -> ownCounters ? "verify.peak." + framework : "verify.growth";
            default -> ownCounters ? "verify.peak." + framework : "verify.default";
        });
        // an entry's own check is written for PyTorch (M01's "torch.cuda.max_memory_allocated() after two full
        // training steps"): under JAX or TensorFlow only the framework's counter is named
        String entry = ownCounters && primary.verification().contains("torch.") ? "" : primary.verification() + " ";
        return entry + generic + (ownCounters ? "" : " " + TEXT.get("verify.probe"));
    }

    /** High from 0.75, Medium from 0.5, else Low: the message key of a top score's level. */
    static String levelKey(double score) {
        return score >= 0.75 ? "confidence.high" : score >= 0.5 ? "confidence.medium" : "confidence.low";
    }

    private static String confidence(List<Hypothesis> ranked, Evidence e) {
        Hypothesis top = ranked.get(0);
        String level = TEXT.get(levelKey(top.confidence()));
        List<String> held = new ArrayList<>();
        if (!e.numbers().isEmpty()) held.add(TEXT.get("held.figures"));
        if (e.trace() != null && !e.trace().frames().isEmpty()) held.add(TEXT.get("held.traceback"));
        if (e.gpu() != null) held.add(TEXT.get("held.gpu"));
        if (e.code() != null) held.add(TEXT.get("held.code"));
        if (e.budget() != null) held.add(TEXT.get("held.budget"));
        if (e.snapshot() != null) held.add(TEXT.get("held.snapshot"));
        String evidence = held.isEmpty() ? TEXT.get("confidence.text.only")
                : TEXT.get("confidence.held", String.join(", ", held));
        // the signals the report lists (distinct sentences), so the count and the list never disagree
        StringBuilder sb = new StringBuilder(TEXT.get("confidence.line", level, top.confidence(),
                top.category().json(), distinct(top).size(), evidence));
        // a runner-up the ranking gives no weight ("eval_accumulation (0.00)" under an illegal memory access) is noise
        if (ranked.size() > 1 && ranked.get(1).confidence() >= 0.005) {
            Hypothesis r = ranked.get(1);
            sb.append(TEXT.get("confidence.runner.up", r.category().json(), r.confidence()));
        }
        return sb.toString();
    }

    /**
     * An entry's prevention is written for training; a job that only runs the model (an image pipeline, a server) takes
     * the category's own run-time row when it has one (prevention.runs.CATEGORY): M5's "effective batch as a
     * hyperparameter" meant nothing to a ComfyUI VAE decode (Comfy-Org/ComfyUI#1781).
     */
    private static String prevention(KnowledgeEntry primary, Category cat, boolean runsOnly) {
        String key = "prevention.runs." + cat.json();
        return runsOnly && TEXT.has(key) ? TEXT.get(key) : primary.prevention();
    }

    private static String risk(List<Report.Fix> fixes, Hypothesis top, boolean runsOnly) {
        if (fixes.isEmpty()) return TEXT.get("risk.none");
        Report.Fix first = fixes.get(0);
        String r = first.changesScience() ? TEXT.get("risk.science", first.title())
                : TEXT.get(runsOnly ? "risk.low.runs" : "risk.low", first.title(), first.cost());
        long sci = fixes.stream().filter(Report.Fix::changesScience).count();
        if (sci > 0 && !first.changesScience()) r += " " + TEXT.get("risk.later", sci);
        if (top.confidence() < 0.5) r += " " + TEXT.get("risk.uncertain");
        return r;
    }

    /** `oomdoc run` sampled the card through nvidia-smi while the job ran: its neighbours and use are known. */
    private static boolean gpuWatched(Evidence e) {
        return e.timeline() != null && e.timeline().gpuNote() == null && !e.timeline().samples().isEmpty();
    }

    /**
     * The keys of what is missing (report/messages.properties gap.KEY), most useful first. A failure that is not an
     * out-of-memory one needs none of them (its root cause names the next step: an illegal memory access asked for
     * "the full output down to the OutOfMemoryError" and a budget, 2U1/Qwen-VL-Series-Finetune#83); a serving
     * engine has no Python training loop to show (a llama.cpp load asked for the traceback, the training step and
     * the training code, ggml-org/llama.cpp#20431) and its budget takes the serving setup.
     */
    private static List<String> gaps(Evidence e, Category cat, String issueType, String framework, boolean runsOnly) {
        List<String> g = new ArrayList<>();
        if (issueType.equals("not_oom")) return g;
        boolean serving = Stacks.SERVING.contains(framework);
        if (e.trace() == null || e.finding().isEmpty() || e.finding().get().parser().equals(TraceFinding.MENTION)) {
            g.add("error");
        } else if (e.numbers().isEmpty() && e.finding().get().kind() == FailureKind.VRAM_OOM) {
            g.add("figures");
        }
        if (!serving && (e.trace() == null || e.trace().frames().isEmpty())) g.add("traceback");
        if (!runsOnly && (e.trace() == null || e.trace().iteration() == null)
                && !PhaseHints.saysWhen(e.facts().phaseHint()) && !PhaseHints.runsOnly(e.facts().phaseHint())) {
            g.add("step");
        }
        if (e.gpu() == null && !gpuWatched(e) && cat != Category.HOST_RAM_OOM) g.add("gpu");
        if (!serving && e.code() == null) g.add("code");
        if (e.budget() == null && cat != Category.HOST_RAM_OOM && cat != Category.OTHER_PROCESS_OR_ZOMBIE) {
            g.add(serving ? "setup.serving" : "setup");
        }
        if (cat == Category.HOST_RAM_OOM) g.add("host");
        if ((cat == Category.LEAK_HELD_REFERENCES || cat == Category.FRAGMENTATION) && e.snapshot() == null) {
            g.add("snapshot");
        }
        return g;
    }

    private static List<String> caveats(Evidence e, Category cat, List<Report.Fix> fixes, boolean runsOnly) {
        List<String> c = new ArrayList<>();
        c.add(TEXT.get("caveat.ranking"));
        if (fixes.stream().anyMatch(Report.Fix::changesScience)) c.add(TEXT.get("caveat.science"));
        if (fixes.stream().anyMatch(f -> f.after().contains("expandable_segments"))) {
            c.add(TEXT.get("caveat.expandable"));
        }
        // gradient accumulation is a training knob: a job that only runs the model is never offered it
        boolean trains = !runsOnly && (cat == Category.ACTIVATIONS_BATCH || cat == Category.FIRST_BACKWARD);
        if (trains) c.add(TEXT.get("caveat.accumulation"));
        if (e.trace() != null) c.addAll(e.trace().unreadable());
        if (e.budget() != null) c.add(TEXT.get("caveat.budget"));
        return c;
    }

    /** The question for the first gap: its own (question.KEY) when it has one, else a request to share it. */
    private static String questionFor(String key, String gap) {
        return TEXT.has("question." + key) ? TEXT.get("question." + key) : TEXT.get("question.other", gap);
    }

    /**
     * The entry's paragraph about this cause: an entry shared by several causes (M11 covers eager attention and the
     * serving engine's KV cache) names the cause's own paragraph by a phrase it contains (background.cue.* rows);
     * otherwise its first paragraph.
     */
    private static String background(Category cat, String body) {
        String key = "background.cue." + cat.json();
        if (TEXT.has(key)) {
            String cue = TEXT.get(key).toLowerCase(Locale.ROOT);
            for (String para : body.split("\n\\s*\n")) {
                String p = para.strip();
                if (!p.startsWith("#") && p.toLowerCase(Locale.ROOT).contains(cue)) return whole(p.replace("\n", " "));
            }
        }
        return firstParagraph(body);
    }

    /** The reasons, each once: one that another reason already quotes whole ("frame X" in "...: frame X") goes. */
    static List<String> distinct(Hypothesis h) {
        List<String> all = h.evidence().stream().distinct().toList();
        return all.stream().filter(r -> all.stream().noneMatch(o -> !o.equals(r) && o.contains(r))).toList();
    }

    private static String firstParagraph(String body) {
        for (String para : body.split("\n\\s*\n")) {
            String p = para.strip();
            if (p.isEmpty() || p.startsWith("#") || p.startsWith("|")) continue;
            return whole(p.replace("\n", " "));
        }
        return "";
    }

    /**
     * A paragraph that ends by announcing what follows it ("every parameter costs roughly:", then a table) keeps its
     * complete sentences: quoted alone, the report ended the background on a colon.
     */
    static String whole(String paragraph) {
        if (!paragraph.endsWith(":")) return paragraph;
        int cut = paragraph.lastIndexOf(". ");
        return cut > 0 ? paragraph.substring(0, cut + 1) : paragraph;
    }

    /**
     * A frame's code line cut at its first line ("raise RuntimeError(") is marked as cut before the next reason's
     * "; ": geti#7373's root cause read "raise RuntimeError(; the text says ...".
     */
    static String closed(String reason) {
        return reason.matches("(?s).*[(\\[{,]$") ? reason + "\u2026" : reason;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
