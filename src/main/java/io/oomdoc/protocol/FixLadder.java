package io.oomdoc.protocol;

import io.oomdoc.knowledge.KnowledgeBase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The numbered fixes of a report: those that address the leading cause, in the stack's own knobs, cheapest
 * first. Computed fixes (a micro-batch that fits, a line of the user's code) lead when they address the cause;
 * code findings that bear on another cause are left to `oomdoc scan`. No more than {@value #MAX} and no repeats.
 */
final class FixLadder {
    static final int MAX = 5;
    private static final int MAX_FROM_CODE = 2;
    /** The entry whose fixes are written per serving engine (model/category-kb.tsv's @serving). */
    private static final String SERVING_ENTRY = CategoryKb.role("serving").get(0);
    /** The entry whose fixes shrink the weights: format, quantization, offload (@weights). */
    private static final String WEIGHTS_ENTRY = CategoryKb.role("weights").get(0);
    /** The entries whose fixes are written per inference application (ComfyUI's flags and nodes; @app). */
    private static final List<String> APP_ENTRIES = CategoryKb.role("app");
    /** The entries whose fixes find, stop or fence off another process on the card (@neighbours). */
    private static final List<String> NEIGHBOUR_ENTRIES = CategoryKb.role("neighbours");
    /** The entries whose fixes set JAX's and TensorFlow's own allocator (@own_allocator). */
    private static final List<String> OWN_ALLOCATOR_ENTRIES = CategoryKb.role("own_allocator");
    /** The entries a sharded job too large for its cards tries first (@sharding). */
    private static final List<String> SHARDING_ENTRIES = CategoryKb.role("sharding");
    /** A fix written at the call that reads the weights. */
    private static final java.util.regex.Pattern LOADING = java.util.regex.Pattern.compile(
            "from_pretrained|load_state_dict|torch\\.load|low_cpu_mem_usage|safe_open|load_checkpoint");

    private FixLadder() {}

    static List<Report.Fix> choose(KnowledgeBase kb, Evidence e, Category cause, String issueType, String phase,
            List<Report.Fix> computed) {
        if (issueType.equals("not_oom")) return List.of();
        // No memory setting fits a request larger than any machine: the ladder's rungs would send the user the wrong
        // way, so the fix is in the code that computed the size.
        if (ImpossibleRequest.of(e.numbers())) return List.of(ImpossibleRequest.fix(e.numbers()));
        List<Report.Fix> out = choose(kb, e, cause, issueType, computed, Stacks.of(e, cause));
        if (cause == Category.OTHER_PROCESS_OR_ZOMBIE && bigNeighbour(e)) out = holderFirst(out);
        if ("dataloader".equals(phase)) out = withoutLoading(out);
        return "load".equals(phase) ? loadingFirst(out) : namedFirst(out, e);
    }

    /**
     * A DataLoader worker killed for host RAM is past the model's load: a rung that loads the weights without a host
     * copy has nothing to fix there (open-mmlab/mmrotate#501, a detector's workers, was told to pass
     * low_cpu_mem_usage to AutoModelForCausalLM).
     */
    private static List<Report.Fix> withoutLoading(List<Report.Fix> fixes) {
        return fixes.stream().filter(f -> !LOADING.matcher(f.before() + "\n" + f.after()).find()).toList();
    }

    /** More than a CUDA context (U10: 0.3-1.3 GiB): a neighbour this size is a job, not a rank's stray context. */
    private static final long CONTEXT_MAX = 2 * io.oomdoc.util.Bytes.GIB;

    /**
     * Besides the job itself (the listed process closest to what this allocator reserved), the message names a
     * process holding more than a context: a running job to find and stop, not ranks sharing GPU 0, so the rung that
     * lists the card's processes (fix.live.holder) leads (vllm-project/vllm#751: 50.52 GiB held by another PID).
     */
    private static boolean bigNeighbour(Evidence e) {
        if (!namesLiveHolder(e)) return false;
        var n = e.numbers();
        long reserved = n.reservedBytes() == null ? 0 : n.reservedBytes();
        var procs = n.processes();
        var self = procs.stream().min(java.util.Comparator.comparingLong(p -> Math.abs(p.bytes() - reserved)));
        return procs.stream().anyMatch(p -> !p.thisProcess() && p != self.get() && p.bytes() > CONTEXT_MAX);
    }

    private static List<Report.Fix> holderFirst(List<Report.Fix> fixes) {
        var holder = pattern("fix.live.holder");
        List<Report.Fix> out = new ArrayList<>();
        for (Report.Fix f : fixes) if (holder.matcher(f.after()).find()) out.add(f);
        for (Report.Fix f : fixes) if (!out.contains(f)) out.add(f);
        return List.copyOf(out);
    }

    /**
     * An engine's message that names its remedy (vLLM's sampler warm-up: "try lowering `max_num_seqs`") is the
     * strongest evidence of which knob helps: the rung that turns that knob leads, the others keep their order.
     */
    private static List<Report.Fix> namedFirst(List<Report.Fix> fixes, Evidence e) {
        if (e.trace() == null) return fixes;
        var m = pattern("fix.named.knob")
                .matcher(e.trace().log().condensed().text().toLowerCase(java.util.Locale.ROOT));
        if (!m.find()) return fixes;
        String knob = m.group(1);
        String flag = knob.replace('_', '-');
        List<Report.Fix> out = new ArrayList<>();
        for (Report.Fix f : fixes) if (f.after().contains(knob) || f.after().contains(flag)) out.add(f);
        for (Report.Fix f : fixes) if (!out.contains(f)) out.add(f);
        return List.copyOf(out);
    }

    /**
     * A failure while the model loads (a host kill at "Loading checkpoint shards", a card filled by the weights'
     * copy) is fixed where the weights are read: those rungs lead, the others keep their order.
     */
    private static List<Report.Fix> loadingFirst(List<Report.Fix> fixes) {
        List<Report.Fix> out = new ArrayList<>();
        for (Report.Fix f : fixes) if (LOADING.matcher(f.before() + "\n" + f.after()).find()) out.add(f);
        for (Report.Fix f : fixes) if (!out.contains(f)) out.add(f);
        return List.copyOf(out);
    }

    /** With no fix written for this stack, the PyTorch ladder: most engines run on PyTorch's allocator. */
    private static List<Report.Fix> choose(KnowledgeBase kb, Evidence e, Category cause, String issueType,
                                           List<Report.Fix> computed, String stack) {
        List<Report.Fix> out = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        int fromCode = 0;
        for (Report.Fix f : computed) {
            if (!cause.kb.contains(f.kb())) continue;
            boolean code = f.cost().equals("free"); // findings in the user's code; the batch finder's fix costs "low"
            if (code && fromCode++ >= MAX_FROM_CODE) continue;
            add(out, titles, f);
        }
        // A training fix written for the job's trainer (Lightning's DataLoader batch) comes before, and by its title
        // replaces, the generic one (TrainingArguments)
        String trainer = stack.equals("training") ? Stacks.trainer(e) : null;
        Facts held = held(e);
        boolean alone = alone(e);
        for (String id : order(cause, e, stack)) {
            if (alone && NEIGHBOUR_ENTRIES.contains(id)) continue;
            var entry = kb.get(id);
            if (entry.isEmpty()) continue;
            List<io.oomdoc.knowledge.KnowledgeEntry.Fix> fixes = new ArrayList<>();
            if (trainer != null) for (var f : entry.get().fixes()) if (f.stacks().contains(trainer)) fixes.add(f);
            for (var f : entry.get().fixes()) if (applies(f, stack)) fixes.add(f);
            for (var f : fixes) {
                Report.Fix filled = FixTemplate.fill(entry.get().id(), f, e);
                if (filled != null && foreignTrainer(filled, trainer)) continue;
                if (filled != null && !alreadyOn(filled, held)) add(out, titles, filled);
            }
        }
        // An application such as ComfyUI has no training loop: no rung beats a training rung there
        if (out.isEmpty() && !stack.equals("training") && !Stacks.app(stack)) {
            return choose(kb, e, cause, issueType, computed, "training");
        }
        return out.size() > MAX ? List.copyOf(out.subList(0, MAX)) : List.copyOf(out);
    }

    /**
     * The message lists the processes on the card and each is the job itself (NVIDIA/RULER#66: the one listed holds
     * what its allocator reserved; the process list is read here, not in the numbers, so that the learned cause
     * keeps the features it was fitted on), and they account for what the card has in use (total less free, within
     * {@value #ALONE_SLACK_MIB} MiB: a container hides other processes from the list, not from the free figure):
     * there is no other holder to find, stop or fence off.
     */
    private static boolean alone(Evidence e) {
        var n = e.numbers();
        if (n == null || n.processes().isEmpty() || n.totalBytes() == null || n.freeBytes() == null) return false;
        // PyTorch lists every process on the card, this one too: the only one listed, holding at least what this
        // allocator reserved, is the job itself
        boolean self = n.processes().size() == 1 && n.reservedBytes() != null
                && n.processes().get(0).bytes() >= n.reservedBytes();
        if (!self && !n.processes().stream().allMatch(io.oomdoc.evidence.trace.OomNumbers.ProcessUse::thisProcess)) {
            return false;
        }
        long listed = n.processes().stream().mapToLong(io.oomdoc.evidence.trace.OomNumbers.ProcessUse::bytes).sum();
        return Math.abs(n.totalBytes() - n.freeBytes() - listed) <= ALONE_SLACK_MIB * io.oomdoc.util.Bytes.MIB;
    }

    private static final long ALONE_SLACK_MIB = 1024;

    /**
     * The message names another live process on the card (two or more listed, or one that holds less than this
     * allocator reserved, so is not the job itself): the holder is known and running, so finding and stopping it
     * (U10) comes before the hunt for a dead one's leftovers (vllm-project/vllm#751 listed a 50.52 GiB neighbour
     * by PID and the report opened on `fuser` for a card that "shows no process").
     */
    static boolean namesLiveHolder(Evidence e) {
        var n = e.numbers();
        if (n == null || n.processes().isEmpty() || alone(e)) return false;
        if (n.processes().size() >= 2) return true;
        var only = n.processes().get(0);
        return !only.thisProcess() && n.reservedBytes() != null && only.bytes() < n.reservedBytes();
    }

    /**
     * A job already sharded or spread over several GPUs gets the sharding and offload rungs before LoRA: its owner
     * chose full fine-tuning on a cluster, and ZeRO-3 or offload keeps that science.
     */
    static List<String> order(Category cause, Evidence e, String stack) {
        // A serving engine's own knobs (max_model_len, gpu_memory_utilization, tensor parallel, -ngl) follow the
        // cause's entries whatever the cause: they are what the operator can turn.
        if (Stacks.serving(stack) && !cause.kb.contains(SERVING_ENTRY)) return then(cause.kb, List.of(SERVING_ENTRY));
        if (Stacks.app(stack)) return then(cause.kb, APP_ENTRIES);
        // Inference outside an engine: the weights' format, quantization and offload are the operator's knobs too.
        if (stack.equals("inference") && !cause.kb.contains(WEIGHTS_ENTRY)) {
            return then(cause.kb, List.of(WEIGHTS_ENTRY));
        }
        if (cause == Category.OTHER_PROCESS_OR_ZOMBIE && namesLiveHolder(e)) return then(NEIGHBOUR_ENTRIES, cause.kb);
        if (stack.equals("jax") && smallRequest(e)) return then(NEIGHBOUR_ENTRIES, cause.kb);
        // JAX preallocates 75% of the card and TensorFlow takes all of it: their own allocator settings follow the
        // cause's rungs whatever the cause but host RAM (ReportAudit found 320 JAX/TF reports without them, 130 with
        // PyTorch rungs borrowed where the cause's entries had no rung written for the stack)
        if ((stack.equals("jax") || stack.equals("tensorflow")) && cause != Category.HOST_RAM_OOM) {
            return then(cause.kb, OWN_ALLOCATOR_ENTRIES);
        }
        if (cause != Category.MODEL_TOO_LARGE || !distributed(e)) return cause.kb;
        return then(SHARDING_ENTRIES, cause.kb);
    }

    /** The first entries, then each of the others not already among them. */
    private static List<String> then(List<String> first, List<String> others) {
        List<String> out = new ArrayList<>(first);
        for (String id : others) if (!out.contains(id)) out.add(id);
        return out;
    }

    /** ZeRO or FSDP named, or more than one GPU: a job whose owner chose to shard. */
    private static boolean distributed(Evidence e) {
        Facts f = e.facts();
        return (f.zeroStage() != null && f.zeroStage() > 0) || (f.worldSize() != null && f.worldSize() > 1)
                || e.allTextLower().contains("deepspeed") || e.allTextLower().contains("fsdp");
    }

    /**
     * JAX takes 75% of every visible card when it starts: a request of a few hundred MiB that fails whatever the
     * config (lucidrains/progen#3: 128 MiB on two GeForce cards) finds the card already taken, by this process's
     * preallocation or by another job, so XLA_PYTHON_CLIENT_PREALLOCATE / MEM_FRACTION and the card's other
     * holders come before any batch rung.
     */
    private static boolean smallRequest(Evidence e) {
        Long tried = e.numbers() == null ? null : e.numbers().triedBytes();
        return tried != null && tried <= SMALL_JAX_REQUEST_MIB * io.oomdoc.util.Bytes.MIB;
    }

    private static final long SMALL_JAX_REQUEST_MIB = 512;

    /**
     * The settings in use: the user's words, and where they name none, the ZeRO stage, LoRA/QLoRA and checkpointing
     * the pasted text states (a retold setup pasted as a log, a config dump). The diagnosis takes only the setup's
     * shape from the paste; what is already on matters to the ladder alone.
     */
    private static Facts held(Evidence e) {
        if (e.trace() == null || e.pasted() == null) return e.facts();
        Facts pasted = e.pasted();
        Facts f = e.facts();
        return Facts.builder().zeroStage(pasted.zeroStage()).checkpointing(pasted.checkpointing()).lora(pasted.lora())
                .qlora(pasted.qlora()).build().merge(f);
    }

    /**
     * A fix that turns on what the user said is already on ("gradient checkpointing on", ZeRO-3, QLoRA) is not a
     * rung: leading with it tells them to do what they did. The fix's code is recognised by the fix.applied.* rows
     * (a smaller micro-batch at micro-batch 1 is dropped where it is filled, FixTemplate).
     */
    static boolean alreadyOn(Report.Fix fix, Facts f) {
        String after = fix.after();
        if (Boolean.TRUE.equals(f.checkpointing()) && found("checkpointing", after)) return true;
        if ((Boolean.TRUE.equals(f.lora()) || Boolean.TRUE.equals(f.qlora())) && found("lora", after)) return true;
        if (Boolean.TRUE.equals(f.qlora()) && found("qlora", after)) return true;
        return f.zeroStage() != null && f.zeroStage() >= zeroStageSet(after);
    }

    /** The ZeRO stage a fix's code turns on (FSDP's full shard is stage 3); above any stage when it sets none. */
    private static int zeroStageSet(String code) {
        var m = pattern("fix.applied.zero").matcher(code);
        if (!m.find()) return Integer.MAX_VALUE;
        return m.group(1) == null ? 3 : Integer.parseInt(m.group(1));
    }

    /**
     * A generic rung written in Hugging Face Trainer's API, for a job whose text names another trainer (Lightning):
     * that trainer has its own flags, and TrainingArguments is not one of them.
     */
    private static boolean foreignTrainer(Report.Fix fix, String trainer) {
        if (trainer == null || trainer.equals(Stacks.HF_TRAINER) || trainer.equals(Stacks.DEFAULT_TRAINER)) {
            return false;
        }
        return pattern("fix.trainer.hf").matcher(fix.after()).find();
    }

    private static boolean found(String applied, String code) {
        return pattern("fix.applied." + applied).matcher(code).find();
    }

    /** The table's patterns compiled once: the ladder asks them for every fix of every diagnosis. */
    private static final java.util.Map<String, java.util.regex.Pattern> PATTERNS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static java.util.regex.Pattern pattern(String key) {
        return PATTERNS.computeIfAbsent(key, k -> java.util.regex.Pattern.compile(ReportText.TABLE.get(k)));
    }

    private static boolean applies(io.oomdoc.knowledge.KnowledgeEntry.Fix f, String stack) {
        return f.appliesTo(stack) || (Stacks.serving(stack) && f.stacks().contains("serving"));
    }

    private static void add(List<Report.Fix> out, Set<String> titles, Report.Fix f) {
        if (titles.add(f.title())) out.add(f);
    }
}
