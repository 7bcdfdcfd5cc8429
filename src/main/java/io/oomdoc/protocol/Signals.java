package io.oomdoc.protocol;

import io.oomdoc.util.Num;
import io.oomdoc.evidence.code.rules.DatasetOnGpu;
import io.oomdoc.evidence.code.rules.DdpNoSetDevice;
import io.oomdoc.evidence.code.rules.EvalWithoutNoGrad;
import io.oomdoc.evidence.code.rules.HfEvalAccumulation;
import io.oomdoc.evidence.code.rules.RetainGraph;
import io.oomdoc.evidence.code.rules.TensorAccumulated;
import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.Phase;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.parsers.MpsOomParser;
import io.oomdoc.util.Bytes;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.oomdoc.protocol.Category.*;

/**
 * The reasoning table. Each row reads one kind of evidence (message kind, decoded numbers, traceback
 * phase, the user's words, facts, GPU state, code findings) and votes for causes. A new rule is one row.
 */
public final class Signals {
    private Signals() {}

    private static Pattern re(String p) { return Pattern.compile(p); }

    private static final io.oomdoc.util.MessageTable TEXT = ReportText.TABLE;

    private static Function1 words(Pattern p, String why) {
        return e -> {
            Matcher m = p.matcher(e.userTextLower());
            return m.find() ? why + " (\"" + m.group().strip() + "\")" : null;
        };
    }

    /**
     * As {@link #words}, for rows that say what the user's own code does (keeps graphs, leaks, grows): the source
     * lines printed under a library's frames are blanked ({@link LibraryCode}), for the framework's code is not the
     * user's. Rows that say where the failure sits (evaluation, attention, a library) still read them: grouped CV
     * over trainable lost 6 paste-alone top-1 answers when every word row skipped them.
     */
    private static Function1 ownWords(Pattern p, String why) {
        return e -> {
            Matcher m = p.matcher(LibraryCode.blanked(e.userTextLower()));
            return m.find() ? why + " (\"" + m.group().strip() + "\")" : null;
        };
    }

    /** As {@link #words}, on the text with paths, flag names and prompt values blanked ({@link ProseText}). */
    private static Function1 proseWords(Pattern p, String why) {
        return e -> {
            Matcher m = p.matcher(ProseText.of(e.userTextLower()));
            return m.find() ? why + " (\"" + m.group().strip() + "\")" : null;
        };
    }

    private interface Function1 extends java.util.function.Function<Evidence, String> {}

    private static Signal row(String name, Function1 test) {
        return new Signal(name, test);
    }

    private static boolean kind(Evidence e, FailureKind k) {
        return e.finding().map(f -> f.kind() == k).orElse(false);
    }

    private static Phase phase(Evidence e) {
        return e.trace() == null ? Phase.UNKNOWN : e.trace().phase();
    }

    /**
     * Evaluation named in words: not inside an identifier (Keras fit()'s printed signature "validation_steps,
     * validation_freq", "--evaluation_strategy", "_validators.py"), which every such traceback or command carries.
     */
    private static final Pattern EVAL = re("\\b(?:validat|evaluat)(?![a-z]*_)|\\beval(?:uation)?\\b|trainer\\.evaluate"
            + "|prediction_loop|validation_(?:step|epoch_end|loop)\\b"
            + "|evaluation_loop|compute_metrics|eval score|test set|nested_concat");
    // "Try increasing `gpu_memory_utilization`" is advice about a setting, not memory that climbs (the cue table's
    // growth row reads it the same way)
    private static final Pattern GROWTH = re("\\bgrow|\\bgrew|growed"
            + "|(?<!try )(?<!trying )(?<!by )(?<!consider )(?<!sudden )(?<!suddenly )(?<!sharp )increas"
            + "|keeps? (?:rising|climbing)|\\bleak|slowly|explod|over time|(?:every|each|per) (?:iteration|epoch|step"
            + "|batch)|after each|as (?:the )?iterations? (?:went|go) on|until oom"
            + "|accumulat(?:es|ing) (?:memory|tensors)");
    private static final Pattern HELD = re("\\.append\\((?:loss|output|out|logits|pred)|\\+= ?loss\\b|retain_graph"
            + "|computation graph|graph for (?:the )?loss|return only scalars|\\.item\\(\\)|detach");
    private static final Pattern ZOMBIE = re("no process|zombie|ghost|\\bfuser\\b|kill -9|still (?:occupied|in use"
            + "|held|allocated)|defunct|orphan|another process|other process|no .{0,30}process (?:was |is "
                    + ")?(?:running|listed|shown)|not .{0,20}(?:listed|shown) in nvidia-smi");
    private static final Pattern CONTEXT = re("initializ\\w* ddp|init_process_group|set_device|cuda_visible_devices"
            + "|first (?:cuda|tensor|gpu) (?:call|transfer|op)|context creation|cuda context|before (?:training|any)");
    private static final Pattern RAN_THEN_FAILED = re("after (?:\\d{2,}[\\d,.]*k?|\\d+k|several|many|a few|some"
            + "|hundreds of|thousands of) (?:\\w+ )?(?:steps?|iterations?|iters?|batch(?:es)?)\\b(?![ _-]?size)"
            + "|after (?:\\d+|one|two|three|several|many|a few|some|a couple of) (?:\\w+ )?epochs?\\b"
            + "|(?:at|in) (?:the )?(?:beginning|start|first)[^.\\n]{0,40}(?:\\bok\\b|fine|works? well|normal)"
            + "|(?:trains?|training|ran|runs?|running|works?|worked|goes|went) (?:fine|ok|well|normally) (?:for|until)"
            + "|\\b(?:epoch|step|iteration) \\d{2,}\\b[^.\\n]{0,30}(?:oom|out of memory|crash|fail)");
    private static final Pattern LONGEST = re("longest|very long|long (?:sentence|utterance|sequence|sample|input"
            + "|document|audio)|variable[- ]length|random (?:step|batch|iteration)|same (?:step|batch|sample)"
                    + "|mid-epoch|in the middle of|mid-run|midway|bucket|dynamic padding");
    private static final Pattern ATTENTION = re("(?:long|large|longer) sequences|sequences? (?:of|>|above|longer "
            + "than)\\s*\\(?>?\\s*\\d|sequence length|seq(?:uence)?[_ ]len|context length|\\bsdpa\\b|attention"
            + "|flash[_ ]?attn|flash[_ ]attention|o\\(n²\\)|o\\(n\\^2\\)|sequence parallel|\\b\\d+k\\+? tokens");
    private static final Pattern KV = re("kv[- _]?cache|cache blocks|gpu_memory_utilization|gpu-memory-utilization"
            + "|max_model_len|kv-reserve|paged attn|cache size|\\bserving\\b|\\bvllm\\b|sglang|\\btgi\\b|exllama");
    private static final Pattern BIG_MODEL = re("\\b\\d{1,3}(?:\\.\\d)?\\s?b\\b|fine-?tun|\\blora\\b|qlora|full fine"
            + "|model (?:is )?too (?:large|big)|load(?:ing)? (?:the|this) model|does(?:n't| not) fit|from_pretrained");
    private static final Pattern STEP2 = re("optimizer\\.step|optimizer step|optimizer_step|step 2\\b|second step"
            + "|after the first step|first step (?:fine|ok|works)");
    private static final Pattern BACKWARD = re("backward");
    private static final Pattern FORWARD_OK = re("forward (?:works|completes|is fine|pass (?:works|completes)|ok)"
            + "|forward works");
    private static final Pattern BATCH = re("batch[ _]?size|reduc\\w* (?:the )?batch|micro[- _]?batch|activations?\\b");
    private static final Pattern CHECKPOINTING = re("gradient[_ ]checkpointing|activation checkpointing");
    // a library's name counts in a source path too (lc0's network_cudnn.cc is cuDNN's code failing); "workspace" is
    // an ordinary word only in prose (TensorFlow's build path c:\\tf_jenkins\\workspace\\ names no library workspace)
    private static final Pattern LIBRARY = re("cudnn|cublas|\\bnccl\\b|cudnn\\.benchmark");
    private static final Pattern WORKSPACE = re("workspace");
    private static final Pattern FRAG_WORDS = re("fragment|expandable_segments|max_split_size|reserved[- ]but[- "
            + "]unallocated");
    // whole numbers only: vLLM's max_seq_len=1048576 was read as its first six digits, "sequences of 104857 tokens"
    private static final Pattern SEQ_NUMBER = re("(?:seq(?:uence)?[_ ]?len(?:gth)?|sequences?|length|max_length"
            + "|context(?: length)?|tokens?)\\D{0,12}(\\d{4,7})(?!\\d)|(\\d{1,3})\\s?k\\+?\\s*(?:tokens|context|seq)"
                    + "|(?<!\\d)(\\d{4,7})[- ]token");
    private static final Pattern LONG_CONTEXT = re("\\b(?:32|64|100|128|200|256|1000)k\\b|\\b(?:131072|65536|32768"
            + "|262144)\\b");
    private static final Pattern INFERENCE = re("serv(?:e|ing)|inference|load(?:ing)? (?:this|the) model|generat"
            + "|cache|vllm|exllama|llama\\.cpp|tokens");
    private static final Pattern CKPT_RESOLVED = re("checkpointing.{0,80}(?:resolved|fixed|solved|worked|helped|went "
            + "away)|(?:resolved|fixed|solved) .{0,40}checkpointing");
    private static final Pattern WISH = re("(?:how (?:to|do i|can i|could i)|enable|want(?:s)? to|would like to"
            + "|try(?:ing)? to|asks?|should i|could i|switch to|move to)[^.?!\\n]{0,40}?(?:q?lora|4-?bit|8-?bit|nf4"
                    + "|quantiz\\w*)[^.?!\\n]{0,30}");
    private static final Pattern NEGATED_OTHERS = re("(?:no|not any|without any|there (?:are|is) "
            + "no)\\s+(?:running\\s+)?other\\s+(?:running\\s+)?(?:process(?:es)?|jobs?|programs?)(?:\\s+running)?");
    private static final Pattern LEAK_WORD = re("memory leak|\\bleak(?:s|ing|ed)?\\b");
    /** XLA's BufferAssignment stats end with the compiled program's whole need: parameters, outputs and temporaries. */
    private static final Pattern XLA_TOTAL = re("(?im)^\\s*total allocation:\\s*" + Bytes.SIZE);
    private static final Pattern JAX_PREALLOC = re("sufficient memory|enough memory|preallocat|two gpus|2 (?:local "
            + ")?gpus|mem_fraction");

    public static final List<Signal> ALL = List.of(
            // What kind of message it is
            row("host-ram message", e -> kind(e, FailureKind.HOST_RAM_OOM) ? "the process died of host memory: "
                    + e.finding().get().notes().get(0) : null),
            row("library workspace message", e -> kind(e, FailureKind.LIBRARY_WORKSPACE)
                    ? e.finding().get().notes().get(0) : null),
            row("kv-cache message", e -> kind(e, FailureKind.KV_CACHE) ? "the inference engine could not reserve its "
                    + "KV cache" : null),
            row("cuda runtime error", e -> kind(e, FailureKind.CUDA_RUNTIME) ? "\"CUDA error: out of memory\" comes "
                    + "from the CUDA runtime, not PyTorch's allocator: typical of context creation or a card held by "
                            + "others" : null),

            // Decoded numbers (M2)
            row("held outside the allocator", e -> {
                OomNumbers n = e.numbers();
                Long out = n.heldOutsideAllocator();
                if (out == null || n.totalBytes() == null) return null;
                if (out > 0.4 * n.totalBytes() && out > 1.5 * Bytes.GIB)
                    return Bytes.human(out) + " of " + Bytes.human(n.totalBytes()) + " is held outside this "
                            + "process's allocator (total − free − reserved)";
                return null;
            }),
            row("partly held outside", e -> {
                OomNumbers n = e.numbers();
                Long out = n.heldOutsideAllocator();
                if (out == null || n.totalBytes() == null) return null;
                double share = out / (double) n.totalBytes();
                return share > 0.25 && share <= 0.4 && out > 1.5 * Bytes.GIB ? Bytes.human(out) + " is held outside "
                        + "the allocator (context, display, other processes)" : null;
            }),
            row("several processes", e -> e.numbers().processes().stream().filter(p -> !p.thisProcess()).count() >= 2
                    ? "the message lists " + e.numbers().processes().size() + " processes on the card" : null),
            row("free exceeds request", e -> {
                OomNumbers n = e.numbers();
                if (n.freeBytes() == null || n.triedBytes() == null || n.triedBytes() <= 0) return null;
                boolean clearMargin = n.freeBytes() >= 1.25 * n.triedBytes() && n.freeBytes() >= 64 * Bytes.MIB;
                boolean cacheInPlay = n.reservedBytes() != null && n.totalBytes() != null
                        && n.reservedBytes() >= 0.1 * n.totalBytes();
                return clearMargin && cacheInPlay
                        ? "the driver reports " + Bytes.human(n.freeBytes()) + " free, more than the "
                                + Bytes.human(n.triedBytes()) + " requested: no contiguous block" : null;
            }),
            row("empty card refuses", e -> {
                OomNumbers n = e.numbers();
                if (n.freeBytes() == null || n.totalBytes() == null || n.allocatedBytes() == null) return null;
                // A request larger than the free memory explains the failure by itself: no mystery left to the runtime.
                if (n.triedBytes() != null && n.triedBytes() > n.freeBytes()) return null;
                return n.freeBytes() >= 0.5 * n.totalBytes() && n.allocatedBytes() < 0.1 * n.totalBytes()
                        ? "the card is mostly free (" + Bytes.human(n.freeBytes()) + ") and PyTorch holds almost "
                                + "nothing, yet the allocation failed: the CUDA runtime, a driver or library "
                                        + "mismatch, or a memory limit" : null;
            }),
            row("this process fills the card", e -> {
                OomNumbers n = e.numbers();
                return n.processInUseBytes() != null && n.totalBytes() != null
                        && n.processInUseBytes() >= 0.85 * n.totalBytes()
                        ? "this process alone holds " + Bytes.human(n.processInUseBytes()) + " of "
                                + Bytes.human(n.totalBytes()) : null;
            }),
            row("reserved but unallocated", e -> {
                OomNumbers n = e.numbers();
                Long u = n.reservedUnallocatedBytes(), t = n.triedBytes(), total = n.totalBytes();
                if (u == null || t == null || total == null) return null;
                if (u >= 0.5 * t && u >= 0.1 * total && !n.liveDominatesCache())
                    return Bytes.human(u) + " is reserved by PyTorch but unallocated against a " + Bytes.human(t)
                            + " request";
                return null;
            }),
            row("some cache unallocated", e -> {
                OomNumbers n = e.numbers();
                Long u = n.reservedUnallocatedBytes(), t = n.triedBytes(), total = n.totalBytes();
                if (u == null || t == null || total == null) return null;
                return u >= 0.5 * t && u >= 0.03 * total && u < 0.1 * total
                        ? Bytes.human(u) + " of cache is unallocated, a small share of the card, against a "
                                + Bytes.human(t) + " request" : null;
            }),
            row("unallocated exceeds request", e -> {
                OomNumbers n = e.numbers();
                Long u = n.reservedUnallocatedBytes(), t = n.triedBytes(), total = n.totalBytes();
                return u != null && t != null && total != null && u >= t && u >= 0.03 * total ? "the cache alone "
                        + "could hold the request if it were contiguous" : null;
            }),
            row("allocated near total", e -> {
                OomNumbers n = e.numbers();
                return n.allocatedBytes() != null && n.totalBytes() != null
                        && n.allocatedBytes() >= 0.75 * n.totalBytes()
                        ? "live tensors hold " + Bytes.human(n.allocatedBytes()) + " of "
                                + Bytes.human(n.totalBytes()) + ": a genuine fit problem" : null;
            }),
            row("large single request", e -> {
                OomNumbers n = e.numbers();
                Long total = n.totalBytes() != null ? n.totalBytes() : e.facts().gpuMemBytes();
                if (n.triedBytes() == null || total == null || n.triedBytes() < 0.2 * total) return null;
                // The rule fires as before (its weights are learned); only what it says changes for a size no machine
                // has: 538976288 GiB is not a tensor but a length read wrong (QwenLM/Qwen3-VL#334).
                return n.triedBytes() >= Bytes.PIB ? TEXT.get("signal.impossible-request",
                        Bytes.human(n.triedBytes())) : "one request of " + Bytes.human(n.triedBytes()) + " is a fifth "
                                + "or more of the card: one very large tensor";
            }),
            row("mps other allocations", e -> {
                var f = e.finding().filter(x -> x.parser().equals(MpsOomParser.NAME));
                if (f.isEmpty()) return null;
                Long other = io.oomdoc.evidence.trace.parsers.MpsOomParser.otherAllocations(f.get().message());
                Long alloc = f.get().numbers().allocatedBytes();
                return other != null && alloc != null && other > alloc ? Bytes.human(other) + " of unified memory is "
                        + "used outside PyTorch's pool" : null;
            }),
            row("mps pool full", e -> {
                var f = e.finding().filter(x -> x.parser().equals(MpsOomParser.NAME));
                if (f.isEmpty()) return null;
                OomNumbers n = f.get().numbers();
                return n.allocatedBytes() != null && n.totalBytes() != null
                        && n.allocatedBytes() >= 0.6 * n.totalBytes()
                        ? "PyTorch's MPS pool already holds " + Bytes.human(n.allocatedBytes()) + " of the "
                                + Bytes.human(n.totalBytes()) + " cap" : null;
            }),
            row("jax preallocation", e -> e.trace() != null && e.trace().framework().equals("jax")
                    && JAX_PREALLOC.matcher(e.userTextLower()).find()
                    ? "JAX/XLA preallocates most of each visible GPU; a small request failing usually means another "
                            + "process or preallocation holds the card" : null),

            row("xla program total", e -> {
                if (e.trace() == null) return null;
                Matcher m = XLA_TOTAL.matcher(e.trace().log().text());
                if (!m.find()) return null;
                long total = Bytes.parse(m.group(1), m.group(2));
                Long tried = e.numbers().triedBytes();
                // The program as a whole, not the one buffer that failed, is what the card must hold.
                return tried != null && total > 2 * tried ? TEXT.get("signal.xla-program-total", Bytes.human(total),
                        Bytes.human(tried)) : null;
            }),

            // Where in the job (traceback frames, iteration)
            row("optimizer step frame", e -> phase(e) == Phase.OPTIMIZER_STEP ? "the traceback ends in the optimizer "
                    + "step: " + e.trace().phaseEvidence() : null),
            row("early iteration", e -> e.trace() != null && e.trace().iteration() != null && e.trace().iteration() <= 2
                    && phase(e) == Phase.OPTIMIZER_STEP ? "it failed at iteration " + e.trace().iteration() : null),
            row("backward frame", e -> phase(e) == Phase.BACKWARD ? "the traceback ends in backward: "
                    + e.trace().phaseEvidence() : null),
            row("eval frame", e -> phase(e) == Phase.EVAL ? "the traceback is inside evaluation: "
                    + e.trace().phaseEvidence() : null),
            row("load frame", e -> phase(e) == Phase.LOAD ? "it failed while loading the model: "
                    + e.trace().phaseEvidence() : null),
            row("generation frame", e -> phase(e) == Phase.GENERATION ? "it failed during generation: "
                    + e.trace().phaseEvidence() : null),
            row("forward frame", e -> phase(e) == Phase.FORWARD ? "the traceback ends in a forward pass: "
                    + e.trace().phaseEvidence() : null),
            row("startup", e -> phase(e) == Phase.STARTUP ? e.trace().phaseEvidence() : null),
            row("late single failure", e -> e.trace() != null && e.trace().iteration() != null
                    && e.trace().iteration() >= 500
                    && !GROWTH.matcher(e.userTextLower()).find() ? "it ran " + e.trace().iteration() + " iterations "
                            + "before failing, with no growth reported" : null),
            // The reporter's words put the failure after a stretch of good steps, with no climb reported: a one-time
            // peak late in the run (the longest batch) rather than a leak or a setup that never fit.
            row("ran fine then failed", e -> !GROWTH.matcher(e.userTextLower()).find()
                    ? words(RAN_THEN_FAILED, "the run went well for a while before it failed").apply(e) : null),

            // The user's words and the log's prose
            row("eval words", proseWords(EVAL, "the failure is tied to evaluation")),
            row("eval with growth", e -> EVAL.matcher(ProseText.of(e.userTextLower())).find()
                    && GROWTH.matcher(e.userTextLower()).find()
                    ? "memory climbs during evaluation" : null),
            row("growth words", ownWords(GROWTH, "memory grows over time")),
            row("held references", ownWords(HELD, "tensors or graphs are kept across iterations")),
            row("the user says leak", ownWords(LEAK_WORD, "the user describes a leak")),
            // Growth over many steps contradicts a one-time jump at the first optimizer step.
            row("growth is not a step-2 jump", e -> GROWTH.matcher(e.userTextLower()).find()
                    && STEP2.matcher(e.userTextLower()).find()
                    ? "memory grows step after step, which a one-time optimizer-state allocation does not do" : null),
            row("zombie words", e -> {
                // "there are no other processes" is the user ruling the cause out, not pointing at it
                String t = NEGATED_OTHERS.matcher(e.userTextLower()).replaceAll(" ");
                Matcher m = ZOMBIE.matcher(t);
                return m.find() ? "memory is held by a process that is not the job (\"" + m.group().strip() + "\")"
                        : null;
            }),
            row("context words", words(CONTEXT, "the text names device selection or CUDA or process-group setup")),
            row("longest words", proseWords(LONGEST, "sample length varies and one batch is much longer")),
            row("attention words", words(ATTENTION, "sequence length / attention is involved")),
            row("long sequence", e -> {
                // a serving engine's own KV-cache message: its paged attention keeps no s x s matrix
                if (kind(e, FailureKind.KV_CACHE)) return null;
                Matcher m = SEQ_NUMBER.matcher(e.userTextLower());
                while (m.find()) {
                    int n = m.group(1) != null ? Num.toInt(m.group(1), 0) : m.group(2) != null
                            ? Num.toInt(m.group(2), 0) * 1024 : Num.toInt(m.group(3), 0);
                    if (n >= 4096 && n <= 1_048_576) return "sequences of " + n + " tokens make the s² attention "
                            + "term large";
                }
                return null;
            }),
            row("kv words", words(KV, "an inference engine and its cache are involved")),
            row("big model words", words(BIG_MODEL, "a large pretrained model is being fine-tuned or loaded")),
            row("weights alone fill the card", e -> {
                Facts f = e.facts();
                Long gpu = f.gpuMemBytes() != null ? f.gpuMemBytes() : e.numbers().totalBytes();
                if (f.params() == null || gpu == null) return null;
                double weights = f.params() * weightBytesPerParam(e.userTextLower());
                Long alloc = e.numbers().allocatedBytes();
                // the weights evidently loaded in less: quantised or offloaded
                if (alloc != null && alloc < 0.8 * weights) return null;
                return weights > 0.6 * gpu ? "the weights alone (" + Bytes.human((long) weights) + ") take most of "
                        + "the " + Bytes.human(gpu) + " card" : null;
            }),
            row("adapters on a large model", e -> {
                Facts f = e.facts();
                if (!Boolean.TRUE.equals(f.lora()) || f.params() == null || f.params() < 6e9) return null;
                Long gpu = f.gpuMemBytes() != null ? f.gpuMemBytes() : e.numbers().totalBytes();
                if (gpu != null && f.params() * 2.0 < 0.5 * gpu) return null;
                return "adapter fine-tuning of a " + Math.round(f.params() / 1e9) + "B model on a card not much "
                        + "larger than its weights";
            }),
            row("long context inference", e -> {
                String t = e.userTextLower();
                Matcher m = LONG_CONTEXT.matcher(t);
                return m.find() && INFERENCE.matcher(t).find() ? "a long-context model is served or loaded (\""
                        + m.group().strip() + "\"): its cache is sized for that context" : null;
            }),
            row("checkpointing resolved it", words(CKPT_RESOLVED, "enabling checkpointing resolved it: activations "
                    + "were the excess")),
            row("step-2 words", words(STEP2, "it fails at or after the first optimizer step")),
            row("backward words", words(BACKWARD, "backward is mentioned")),
            row("forward works", words(FORWARD_OK, "forward succeeds, backward does not")),
            row("batch words", words(BATCH, "batch size / activations are in play")),
            row("checkpointing words", words(CHECKPOINTING, "gradient checkpointing changes the outcome")),
            row("library words", e -> {
                String named = words(LIBRARY, "a CUDA library is named").apply(e);
                return named != null ? named : proseWords(WORKSPACE, "a CUDA library is named").apply(e);
            }),
            row("fragmentation words", e -> {
                Matcher m = FRAG_WORDS.matcher(e.userText() == null ? "" : e.userText().toLowerCase());
                return m.find() ? "the user mentions " + m.group() : null;
            }),

            // Live or pasted GPU state
            row("gpu memory unattributed", e -> {
                Evidence.GpuSnapshot g = e.gpu();
                if (g == null || g.totalBytes() <= 0) return null;
                long unlisted = g.usedBytes() - g.listedProcessBytes();
                return unlisted > 0.3 * g.totalBytes() && unlisted > Bytes.GIB
                        ? Bytes.human(unlisted) + " is in use on the card but belongs to no listed process" : null;
            }),
            row("gpu busy with others", e -> {
                Evidence.GpuSnapshot g = e.gpu();
                return g != null && g.processCount() >= 2 && g.listedProcessBytes() > 0.3 * g.totalBytes()
                        ? g.processCount() + " processes share the card" : null;
            }),

            // Code evidence
            row("code: tensor accumulated", codeRule(TensorAccumulated.ID)),
            row("code: eval without no_grad", codeRule(EvalWithoutNoGrad.ID)),
            row("code: hf eval accumulation", codeRule(HfEvalAccumulation.ID)),
            row("code: retain_graph", codeRule(RetainGraph.ID)),
            row("code: ddp without set_device", codeRule(DdpNoSetDevice.ID)),
            row("code: dataset on gpu", codeRule(DatasetOnGpu.ID)),

            // A memory snapshot: the strongest evidence oomdoc can hold
            row("snapshot: no free block fits the failing request", e -> {
                var s = e.snapshot();
                return s != null && s.oomRequestedBytes() != null && s.largestFreeBlockBytes() < s.oomRequestedBytes()
                        && s.totalFreeBytes() >= s.oomRequestedBytes() ? "the snapshot holds "
                                + Bytes.human(s.totalFreeBytes())
                        + " free in the cache, but no block as large as the " + Bytes.human(s.oomRequestedBytes())
                                + " request" : null;
            }),
            row("snapshot: optimizer state dominates", e -> {
                var s = e.snapshot();
                if (s == null || s.buckets().isEmpty()) return null;
                var top = s.buckets().stream().max(java.util.Comparator.comparingLong(
                        io.oomdoc.evidence.snapshot.SnapshotReport.Bucket::bytes)).get();
                return top.name().equals("optimizer state") ? "optimizer state is the largest live bucket in the "
                        + "snapshot (" + Bytes.human(top.bytes()) + ")" : null;
            }),
            row("snapshot: one frame holds many blocks", e -> {
                var s = e.snapshot();
                if (s == null || s.topHolders().isEmpty()) return null;
                var h = s.topHolders().stream().filter(x -> x.blocks() >= 20).findFirst();
                return h.map(x -> x.blocks() + " live blocks allocated at " + x.frame() + " ("
                        + Bytes.human(x.bytes()) + "): something keeps them").orElse(null);
            }),

            row("prior", e -> ""));

    /** Bytes per weight implied by the user's words: 2-bit, 4-bit, 8-bit quantisation, else 16-bit. */
    static double weightBytesPerParam(String raw) {
        // "how do I enable QLoRA?" is a wish, not the current setup: drop quantisation words asked about.
        String text = WISH.matcher(raw).replaceAll(" ");
        if (text.matches("(?s).*\\b(?:2|2\\.\\d+)[- ]?bit.*|.*\\bq2.*")) return 0.3;
        if (text.matches("(?s).*(?:\\b[34][- ]?bit|nf4|nvfp4|fp4|int4|gptq|awq|qlora|q4_|exl2).*")) return 0.55;
        if (text.matches("(?s).*(?:\\b8[- ]?bit|int8|fp8|q8_).*")) return 1.05;
        return 2.0;
    }

    private static Function1 codeRule(String rule) {
        return e -> {
            if (e.code() == null) return null;
            for (int i = 0; i < e.code().ruleIds().size(); i++) {
                if (e.code().ruleIds().get(i).equals(rule)) return "the code scan found " + rule + " at "
                        + e.code().locations().get(i);
            }
            return null;
        };
    }
}
