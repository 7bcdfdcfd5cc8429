package io.oomdoc.evidence.trace;

import io.oomdoc.util.Num;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.parsers.DeepSpeedPressureParser;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs every parser over a log and reads the traceback around the failure. */
public final class TraceAnalyzer {
    private static final Pattern TQDM = Pattern.compile("\\|\\s*(\\d+)/(\\d+)\\s*\\[");
    /**
     * "step 120", "batch 4800": where the run is. Not a size: "batch 32, seq 4096" or "batch 8 x 2048" states the
     * setup (a real H200 log, h200/oom_train.log, was read as iteration 32).
     */
    private static final Pattern STEP = Pattern.compile(
            "(?i)\\b(?:global[_ ]step|step|iter(?:ation)?|it|batch)\\s*[:=#]?\\s*(\\d[\\d,]*)\\b(?!\\s*(?:GiB|MiB|GB"
                    + "|MB|%|/\\d))(?!\\s*(?:,\\s*(?:seq|sequence|max[_ ]?len|ctx|context)|[x\u00d7*]\\s*\\d))"
                    // "batch 64 per gpu", "batch 4 on each card": a size shared out, not a counter
                    + "(?!\\s*(?:per|each|on each|a|/)\\s*(?:gpu|device|rank|card|node|process)\\b)");
    /**
     * A bare "batch 4" is a counter only on a line a training loop printed (a loss, a learning rate, an epoch or a
     * rate beside it, or a separator: "batch: 120"); in a sentence ("LoRA on a 4090, seq 4096, batch 4, bf16") it is
     * the batch size, and the report said "the log reaches iteration 4".
     */
    private static final Pattern BARE_BATCH = Pattern.compile("(?i)\\bbatch\\s+\\d");
    private static final Pattern LOOP_LINE = Pattern.compile("(?i)\\bloss\\b|\\blr\\b|learning[_ ]rate|\\bepoch"
            + "|it/s|s/it|\\bstep\\b|\\biter");
    /**
     * "per-device batch 4", "micro batch 2", "global batch 64": a size by its qualifier, even on a line that also
     * says "step" (DeepSpeed#5507 retold: "... per-device batch 4 ... at about the first optimizer step").
     */
    private static final Pattern SIZE_QUALIFIER = Pattern.compile(
            "(?i)\\b(?:per[- _]?(?:device|gpu|rank)|micro|global|effective|train(?:ing)?|eval)[- _]?$");
    /** "after batch 37", "until batch 1200" ("at batch 8" is as often a size): a point in the run, told in words. */
    private static final Pattern AT_A_POINT = Pattern.compile(
            "(?i)\\b(?:after|until|reach\\w*)\\s+(?:the\\s+)?$");
    /** A logged progress counter, "Batch: 4800/15072" or "step 120/500": the first figure is where the run is. */
    private static final Pattern PROGRESS = Pattern.compile(
            "(?i)\\b(?:global[_ ]step|step|iter(?:ation)?|batch)\\s*[:=#]?\\s*(\\d[\\d,]*)\\s*/\\s*\\d");
    /**
     * OpenMMLab's training log (mmcv, mmengine): "Epoch [1][1950/3107]" or "Epoch(train) [1][240/3712]", the
     * iteration within the epoch before the total (mmdetection#1511: the run dies 1950 iterations into epoch 1).
     */
    private static final Pattern MM_PROGRESS = Pattern.compile(
            "(?i)\\bepoch(?:\\(train\\))?\\s*\\[\\s*\\d+\\s*(?:/\\s*\\d+\\s*)?\\]\\s*\\[\\s*(\\d[\\d,]*)\\s*/\\s*\\d");
    private static final Pattern PROSE_STEPS = Pattern.compile(
            "(?i)(?:after|at|around|for)\\s+(?:~|about|around|roughly|approximately|some|nearly|almost)?\\s*"
                    + "(\\d[\\d,]*)\\s+(?:iterations?|iters?|steps?|batch(?:es)?)\\b"
                    + "(?![ _-]?size)"
                    + "|\\b(\\d[\\d,]*)(?:st|nd|rd|th)\\s+(?:iteration|iter|step|batch)");
    private static final Pattern TORCHRUN_FAILED_RANK = Pattern.compile("^\\s*rank\\s*:\\s*(\\d+)\\s*\\(local_rank");
    /**
     * PyTorch's messages for a killed loader process ("DataLoader worker (pid 123) is killed by signal", "... exited
     * unexpectedly", the worker's own "Unexpected bus error encountered in worker" when /dev/shm is full). A bare
     * "worker" is not enough: a host named "...-worker", a Ray worker or "no DataLoader workers" is not it.
     */
    private static final Pattern DATALOADER_KILL = Pattern.compile(
            "(?i)\\bdataloader workers? (?:\\(pids?[^)]*\\) )?(?:is |was |were |are )?(?:killed|exited unexpectedly)"
                    + "|unexpected bus error encountered in worker");
    /**
     * A memory failure told in words: "out of memory", or the card's memory used up ("optimizer priming uses up too
     * much HBM", "takes up too much memory", "consume almost all available GPU memory"). Host "RAM" alone is left to
     * the host parsers: this finding is a GPU one.
     */
    private static final Pattern GENERIC_MENTION = Pattern.compile(
            "(?i)out of memory|\\bOOM\\b|OutOfMemory|memory (?:explode|blow|grows|grew|keeps growing|leak)"
                    + "|\\b(?:uses?|used|using|takes?|took|eats?|ate|consumes?|consumed|consuming|occupies|occupying"
                    + "|fills?|filled|exhausts?|exhausted)(?: up)? (?:too much|all(?: the)?|almost all(?: the)?"
                    + "|nearly all|most of the)(?: available)? (?:GPU |gpu |device |CUDA )?(?:memory|VRAM|HBM)\\b");

    /**
     * Prose that says the machine's RAM ran out, not the card's: "it failed for Out of RAM", "my 32GB of memory has
     * been gobbled up causing the system to lock up", "system memory is full". Read only where no log line spoke and
     * the text says nothing of GPU memory running out.
     */
    private static final Pattern HOST_MENTION = Pattern.compile("(?i)\\bout[- ]of[- ](?:system |host |cpu |main )?"
            + "ram\\b|\\bout[- ]of[- ](?:system|host|cpu) memory|\\b(?:system|host|cpu) (?:ram|memory) (?:is |was "
            + "|gets |got )?(?:full|exhausted|used up)|(?<!gpu |video )\\bram (?:is |was |gets |got )?(?:full|exhausted"
            + "|used up|gobbled up)|\\b(?:memory|ram)\\b[^.]{0,40}\\b(?:gobbled|eaten) up\\b[^.]{0,40}\\b(?:system"
            + "|computer|machine|pc)\\b");
    /**
     * gperftools' tcmalloc, the host allocator Colab preloads, warns of each single host allocation past its report
     * threshold (1 GiB by default): "tcmalloc: large alloc 2309472256 bytes == 0x... @ ...". It is not a failure, but
     * a log that shows nothing else went wrong shows the host's RAM taken gigabytes at a time: trainable reports
     * quoting it are host_ram_oom 3 of 3 (fomm#385, bpr#25, naifu#12).
     */
    private static final Pattern HOST_LARGE_ALLOC = Pattern.compile("tcmalloc: large alloc \\d+ bytes");
    /** GPU memory named as what ran out: the prose is then about the card, whatever it says of RAM. */
    private static final Pattern GPU_MEMORY_MENTION = Pattern.compile("(?i)\\b(?:gpu|cuda|vram|video memory"
            + "|graphics memory|device memory)\\b[^.]{0,30}\\b(?:out of|ran out|runs out|full|exhausted|oom)"
            + "|\\b(?:cuda|gpu) (?:out of memory|oom)\\b"
            + "|out of (?:gpu |video |cuda )?(?:vram|gpu memory|video memory)");

    private final List<TraceParser> parsers;

    public TraceAnalyzer() { this(TraceParsers.ALL); }

    public TraceAnalyzer(List<TraceParser> parsers) { this.parsers = parsers; }

    public TraceAnalysis analyze(LogText log) {
        List<TraceFinding> findings = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (TraceParser p : parsers) {
            try {
                findings.addAll(p.parse(log));
            } catch (RuntimeException e) { // a parser bug must not cost the user the other parsers' findings
                unreadable.add(TraceText.get("unreadable.parser", p.getClass().getSimpleName(), e.getMessage()));
            }
        }
        findings.sort(Comparator.comparingInt(TraceAnalyzer::specificity).reversed()
                .thenComparingInt(TraceFinding::line));
        if (log.truncated()) unreadable.add(TraceText.get("unreadable.truncated"));

        List<Frame> frames = Tracebacks.frames(log);
        Map<Integer, Integer> rankOfLine = new LinkedHashMap<>();
        for (LogText.Line l : log.lines()) if (l.rank() != null) rankOfLine.put(l.number(), l.rank());

        Ranks ranks = ranks(log, findings, rankOfLine);
        List<String> notes = new ArrayList<>(rankNotes(findings, rankOfLine));
        String text = log.text();
        PhaseGuess phase = phase(frames, findings);
        if (findings.isEmpty() && !GPU_MEMORY_MENTION.matcher(text).find()) {
            mention(log, HOST_MENTION, FailureKind.HOST_RAM_OOM, TraceText.get("mention.host"))
                    .or(() -> mention(log, HOST_LARGE_ALLOC, FailureKind.HOST_RAM_OOM,
                            TraceText.get("mention.host-large-alloc")))
                    .ifPresent(findings::add);
        }
        if (findings.isEmpty()) {
            mention(log, GENERIC_MENTION, FailureKind.VRAM_OOM, TraceText.get("mention.generic"))
                    .ifPresent(findings::add);
        }
        Integer iteration = iteration(log, findings.isEmpty() ? Integer.MAX_VALUE : findings.get(0).line());
        String framework = framework(text, findings);
        return new TraceAnalysis(List.copyOf(findings), frames, phase.phase(), phase.why(), framework, iteration,
                ranks.failed(), ranks.first(), notes, unreadable, log, StatedFigures.read(text));
    }

    /** A failure the prose names without quoting a log line, placed on the line that names it. */
    private static Optional<TraceFinding> mention(LogText log, Pattern said, FailureKind kind, String note) {
        String text = log.text();
        Matcher m = said.matcher(text);
        if (!m.find()) return Optional.empty();
        int lineIdx = text.substring(0, m.start()).split("\n", -1).length - 1;
        int number = lineIdx < log.lines().size() ? log.lines().get(lineIdx).number() : 1;
        String line = log.lines().isEmpty() ? "" : log.lines().get(Math.min(lineIdx, log.lines().size() - 1)).text();
        return Optional.of(new TraceFinding(TraceFinding.MENTION, kind, "unknown", clip(line), number, OomNumbers.NONE,
                List.of(note)));
    }

    /** The ranks whose lines hold a finding or that torchrun names as failed; the first is the earliest finding's. */
    private record Ranks(TreeSet<Integer> failed, Integer first) {}

    private static Ranks ranks(LogText log, List<TraceFinding> findings, Map<Integer, Integer> rankOfLine) {
        TreeSet<Integer> failedRanks = new TreeSet<>();
        Integer firstRank = null;
        int firstLine = Integer.MAX_VALUE;
        for (TraceFinding f : findings) {
            Integer r = rankOfLine.get(f.line());
            if (r != null) {
                failedRanks.add(r);
                if (f.line() < firstLine) { firstLine = f.line(); firstRank = r; }
            }
        }
        for (LogText.Line l : log.lines()) {
            Matcher m = TORCHRUN_FAILED_RANK.matcher(l.text());
            if (m.find() && Num.toInt(m.group(1)) != null) failedRanks.add(Num.toInt(m.group(1)));
        }
        if (firstRank == null && !failedRanks.isEmpty()) firstRank = failedRanks.first();
        return new Ranks(failedRanks, firstRank);
    }

    /** The phase the frames name, overruled by what the strongest finding says of when it failed. */
    private static PhaseGuess phase(List<Frame> frames, List<TraceFinding> findings) {
        Phase phase = Phase.UNKNOWN;
        String phaseWhy = "";
        PhaseGuess fromFrames = phaseFromFrames(frames);
        if (fromFrames != null) { phase = fromFrames.phase; phaseWhy = fromFrames.why; }
        if (!findings.isEmpty()) {
            TraceFinding p = findings.get(0);
            if (p.kind() == FailureKind.HOST_RAM_OOM && DATALOADER_KILL.matcher(p.message()).find()) {
                phase = Phase.DATALOADER; phaseWhy = TraceText.get("phase.worker.killed");
            } else if (p.kind() == FailureKind.CUDA_RUNTIME && phase == Phase.LOAD && movesToDevice(fromFrames)) {
                // the runtime's error on the script's first .cuda() is the start. A bare "CUDA error: out of
                // memory" with no frame says nothing of when: on the tuning folds of dev + heldout5..8 and heldout9,
                // 8 of 10 such reports read as the start are labelled unknown. A stack of compute frames that name
                // no phase (mmdetection's IoU assigner) is past the first CUDA calls. A load frame that reads the
                // weights (torch.load restoring a checkpoint's storages, a module's constructor) stays the load
                // (diag24b, trainable: 4 of 4 such reports labelled load; the 5 whose frame moves a tensor or the
                // module with .cuda() are labelled startup: pwcnet twice, sphereface, sentiment-discovery).
                phase = Phase.STARTUP; phaseWhy = TraceText.get("phase.first.calls");
            } else if (p.kind() == FailureKind.KV_CACHE && phase == Phase.UNKNOWN) {
                phase = Phase.STARTUP; phaseWhy = TraceText.get("phase.kv.start");
            }
        }
        return new PhaseGuess(phase, phaseWhy, fromFrames == null ? null : fromFrames.frame());
    }

    private static int specificity(TraceFinding f) {
        boolean numbers = !f.numbers().isEmpty();
        if (f.parser().startsWith("memory-")
                || f.parser().equals(DeepSpeedPressureParser.NAME)) return 1; // state, not the failure itself
        switch (f.kind()) {
            case VRAM_OOM: return numbers ? 4 : 3;
            case LIBRARY_WORKSPACE: return 4; // more specific than the CUDA error that usually accompanies it
            case KV_CACHE: return 3;
            case CUDA_RUNTIME: return 2;
            case HOST_RAM_OOM: return f.notes().stream().anyMatch(n -> n.contains("SIGKILL")) ? 1 : 2;
            default: return 0;
        }
    }

    /** The frame that set the phase is kept: a load frame that only moves tensors to the card is the start. */
    record PhaseGuess(Phase phase, String why, Frame frame) {}

    /** A frame moving a tensor or the module onto the card (.cuda(), .to(...), nn.Module's _apply walk). */
    private static final Pattern DEVICE_MOVE = Pattern.compile("\\.cuda\\(|\\.to\\(|^(?:_apply|convert) ");

    static boolean movesToDevice(PhaseGuess g) {
        return g != null && DEVICE_MOVE.matcher(g.frame().function() + " " + g.frame().code()).find();
    }

    /** Reads the frame table (trace/phase-frames.tsv): see its header for the parts a row is matched against. */
    static PhaseGuess phaseFromFrames(List<Frame> frames) {
        PhaseFrames.Table table = PhaseFrames.table();
        int boundary = table.innermostBoundary(frames);
        // Inside a closure the step calls, the step has not run yet: the closure's own frames place the failure.
        return inPrecedence(table.groups(), boundary < 0 ? frames : frames.subList(boundary + 1, frames.size()));
    }

    private static PhaseGuess inPrecedence(List<PhaseFrames.Group> groups, List<Frame> frames) {
        for (PhaseFrames.Group g : groups) {
            for (int i = frames.size() - 1; i >= 0; i--) {
                Frame f = frames.get(i);
                if (g.matches(f)) {
                    return new PhaseGuess(g.phase(), "frame " + f.where() + (f.code().isEmpty() ? "" : ": "
                            + f.code()), f);
                }
            }
        }
        return null;
    }

    static Integer iteration(LogText log, int beforeLine) {
        Integer found = null;
        for (LogText.Line l : log.lines()) {
            if (l.number() > beforeLine) break;
            Matcher t = TQDM.matcher(l.text());
            while (t.find()) if (Num.toInt(t.group(1)) != null) found = Num.toInt(t.group(1));
            Matcher s = PROSE_STEPS.matcher(l.text());
            boolean told = false;
            while (s.find()) {
                Integer n = Num.toInt(s.group(1) != null ? s.group(1) : s.group(2));
                if (n != null) { found = n; told = true; }
            }
            if (l.text().contains("File \"")) continue;
            Matcher g = PROGRESS.matcher(l.text());
            while (g.find()) if (Num.toInt(g.group(1)) != null) found = Num.toInt(g.group(1));
            Matcher mm = MM_PROGRESS.matcher(l.text());
            while (mm.find()) if (Num.toInt(mm.group(1)) != null) found = Num.toInt(mm.group(1));
            Matcher m = STEP.matcher(l.text());
            while (m.find()) {
                if (BARE_BATCH.matcher(m.group()).lookingAt() && !LOOP_LINE.matcher(l.text()).find()
                        && !AT_A_POINT.matcher(l.text().substring(0, m.start())).find()) continue;
                if (BARE_BATCH.matcher(m.group()).lookingAt()
                        && SIZE_QUALIFIER.matcher(l.text().substring(0, m.start())).find()) continue;
                // "batch 64, ... after about 129,400 iterations": the words already say where the run got; the
                // bare batch beside them is its size (deepfakes/faceswap#807)
                if (told && BARE_BATCH.matcher(m.group()).lookingAt()) continue;
                try { found = Integer.valueOf(m.group(1).replace(",", "")); } catch (NumberFormatException ignored) { }
            }
        }
        return found;
    }

    // vLLM's engine log need not say "vllm": "llm_engine.py:74] Initializing an LLM engine (v0.4.0.post1)" with
    // "dtype=torch.bfloat16" was read as PyTorch and budgeted with gradients and Adam state (NVIDIA/RULER#14).
    // SGLang's scheduler reports its token pool as "Prefill out of memory" without naming itself
    // (sgl-project/sglang#393).
    private static final String[][] FRAMEWORKS = {
            {"vllm", "vllm"}, {"llm_engine.py", "vllm"}, {"initializing an llm engine", "vllm"},
            {"sglang", "sglang"}, {"prefill out of memory", "sglang"}, {"deepspeed", "deepspeed"},
            {"exllama", "exllamav2"},
            {"onnxruntime", "onnxruntime"}, {"onnx ", "onnxruntime"}, {"cntk", "cntk"}, {"mxnet", "mxnet"},
            {"lua torch", "torch7"}, {"torch7", "torch7"}, {"jax", "jax"}, {"xlaruntimeerror", "jax"},
            {"tensorflow", "tensorflow"}, {"keras", "tensorflow"}, {"tf.", "tensorflow"},
            // CuPy's and numba's own errors, before "torch": their paths often run through a PyTorch install
            {"outofmemoryerror: out of memory allocating", "cupy"}, {"numba.cuda.cudadrv", "numba"},
            {"torch", "pytorch"}, {"cuda out of memory", "pytorch"}, {"mps backend", "pytorch"}, {"skorch", "pytorch"},
            {"transformers", "pytorch"}, {"lightning", "pytorch"}};

    static String framework(String text, List<TraceFinding> findings) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String[] row : FRAMEWORKS) if (lower.contains(row[0])) return row[1];
        for (TraceFinding f : findings) if (!f.framework().equals("unknown")) return f.framework();
        return "unknown";
    }

    private static List<String> rankNotes(List<TraceFinding> findings, Map<Integer, Integer> rankOfLine) {
        Map<Integer, Long> allocatedByRank = new LinkedHashMap<>();
        for (TraceFinding f : findings) {
            Integer r = rankOfLine.get(f.line());
            Long a = f.numbers().allocatedBytes();
            if (r != null && a != null) allocatedByRank.merge(r, a, Math::max);
        }
        if (allocatedByRank.size() < 2) return List.of();
        long max = allocatedByRank.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long min = allocatedByRank.values().stream().mapToLong(Long::longValue).min().orElse(0);
        List<String> notes = new ArrayList<>();
        if (min > 0 && max > min * 1.2) {
            int top = allocatedByRank.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            notes.add(TraceText.get("ranks.imbalance", top, Bytes.human(max), Bytes.human(min),
                    top == 0 ? TraceText.get("ranks.imbalance.zero") : ""));
        }
        return notes;
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() > 300 ? t.substring(0, 300) + " …" : t;
    }
}
