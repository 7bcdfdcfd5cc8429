package io.oomdoc.cli.commands;

import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.budget.HfConfig;
import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.budget.ModelSpec;
import io.oomdoc.budget.Setup;
import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.UserError;
import io.oomdoc.util.Bytes;
import io.oomdoc.util.MessageTable;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The model and setup flags shared by `budget` and `batch`, validated into a Setup. */
public final class SetupOptions {
    /** The usage errors, in cli/setup.properties: what a user reads stays out of Java. */
    private static final MessageTable TEXT = new MessageTable("cli/setup.properties");
    // Descriptions are in src/main/resources/cli/usage.properties, under each option's name.
    @Option(names = "--model", paramLabel = "NAME") String model;
    @Option(names = "--config", paramLabel = "HF_CONFIG.json") String config;
    @Option(names = "--params", paramLabel = "N") String params;
    @Option(names = "--layers", paramLabel = "L") Integer layers;
    @Option(names = "--hidden", paramLabel = "H") Integer hidden;
    @Option(names = "--heads", paramLabel = "A") Integer heads;
    @Option(names = "--kv-heads", paramLabel = "K") Integer kvHeads;
    @Option(names = "--ffn", paramLabel = "F") Integer ffn;
    @Option(names = "--vocab", paramLabel = "V") Integer vocab;
    @Option(names = {"--seq", "--max-model-len"}, descriptionKey = "seq", defaultValue = "0", paramLabel = "S") int seq;
    @Option(names = "--batch", defaultValue = "0", paramLabel = "B") int batch;
    @Option(names = "--mode", defaultValue = "train", completionCandidates = Choices.Mode.class) String mode;
    @Option(names = "--precision", defaultValue = "mixed-bf16", completionCandidates = Choices.Precision.class)
    String precision;
    // no default: left out, it is torch's AdamW, and the estimate says it took that
    @Option(names = "--optimizer", completionCandidates = Choices.Optimizer.class)
    String optimizer;
    // no default: left out, it is none, or full for a LoRA run on a 4-bit/8-bit base (Setup.unstatedCheckpointing)
    @Option(names = "--checkpointing", completionCandidates = Choices.Checkpointing.class)
    String checkpointing;
    @Option(names = "--attention", defaultValue = "sdpa", completionCandidates = Choices.Attention.class)
    String attention;
    @Option(names = "--zero", defaultValue = "0", completionCandidates = Choices.Zero.class) int zero;
    @Option(names = {"--gpus", "--tensor-parallel-size"}, descriptionKey = "gpus", defaultValue = "1",
            paramLabel = "N|all") String gpus;
    @Option(names = "--lora-rank", defaultValue = "0", paramLabel = "R") int loraRank;
    @Option(names = "--quant", defaultValue = "none", completionCandidates = Choices.Quant.class) String quant;
    // no default: left out, the upcast cross-entropy is taken and the estimate says so (Setup.lossAssumed)
    @Option(names = "--loss", completionCandidates = Choices.Loss.class) String loss;
    @Option(names = "--offload") boolean offload;
    @Option(names = "--offload-param") boolean offloadParam;
    // DeepSpeed's stage3_max_live_parameters as the run's config sets it (0: DeepSpeed's default, 1e9)
    @Option(names = "--max-live-params", defaultValue = "-1", paramLabel = "N") double maxLiveParams;
    // DeepSpeed's reduce_bucket_size and overlap_comm as the run's config sets them (0: the HF Trainer's auto)
    @Option(names = "--reduce-bucket", defaultValue = "0", paramLabel = "N") double reduceBucket;
    @Option(names = "--overlap-comm") boolean overlapComm;
    @Option(names = "--fsdp") boolean fsdp;
    @Option(names = "--device-map", paramLabel = "auto|balanced|sequential") String deviceMap;
    @Option(names = "--offload-activations") boolean offloadActivations;
    // Liger-Kernel's model patch (use_liger_kernel, --liger_kernel): its RMSNorm and SwiGLU keep less, and its
    // fused linear cross-entropy is the loss unless --loss says otherwise
    @Option(names = "--liger") boolean liger;
    @Option(names = "--optimizer-in-backward") boolean optimizerInBackward;
    @Option(names = "--double-quant") boolean doubleQuant;
    // litgpt's --quantize bnb.*: the lm_head is a bitsandbytes linear too (Setup.Builder.headQuantized)
    @Option(names = "--quantized-head") boolean quantizedHead;
    // how a 4-bit/8-bit base runs (Setup.Kbit): peft-fp32 for PEFT's prepare_model_for_kbit_training
    @Option(names = "--kbit", defaultValue = "as-loaded", completionCandidates = Choices.Kbit.class) String kbit;
    @Option(names = "--modules-to-save", split = ",", paramLabel = "embed_tokens,lm_head")
    java.util.List<String> modulesToSave;
    @Option(names = "--logits", defaultValue = "last", paramLabel = "last|all") String logits;
    @Option(names = "--kv-cache-dtype", defaultValue = "auto", completionCandidates = Choices.KvCache.class)
    String kvCacheDtype;
    @Option(names = "--gpu-memory-utilization", defaultValue = "0", paramLabel = "SHARE") double gpuMemoryUtilization;
    @Option(names = {"--ctx-size", "--num-ctx"}, descriptionKey = "ctx-size", defaultValue = "0", paramLabel = "N")
    int ctxSize;
    @Option(names = "--parallel", defaultValue = "1", paramLabel = "SLOTS") int parallel;
    @Option(names = "--gpu-mem", paramLabel = "SIZE") String gpuMem;
    @Option(names = "--gpu", paramLabel = "NAME") String gpu;

    boolean allGpus() { return "all".equalsIgnoreCase(gpus); }

    /** True when no flag names the model: the REPL then uses what the conversation and the code established. */
    boolean noModelGiven() { return model == null && config == null && params == null && layers == null; }

    /** The setup from session facts (chat and code scan), with any flags given on top. */
    Setup fromSession(AppContext ctx) {
        io.oomdoc.protocol.Facts f = io.oomdoc.protocol.CodeEvidence.facts(ctx.session.code())
                .merge(ctx.session.facts());
        Setup s = io.oomdoc.protocol.SetupFromFacts.from(f).orElseThrow(() -> usage(TEXT.get("model.missing.session")));
        if (seq > 0) s = s.withSeq(seq);
        if (batch > 0) s = s.withBatch(batch);
        return s;
    }

    Long gpuBytesOrSession(AppContext ctx) {
        Long g = gpuBytes();
        return g != null ? g : ctx.session.facts().gpuMemBytes();
    }

    Setup setup(AppContext ctx) {
        if (noModelGiven() && sessionNamesAModel(ctx)) return fromSession(ctx);
        ModelSpec spec = modelSpec(ctx);
        int n = checkedGpus();
        int stage = checkedStage();
        boolean layerSplit = layerSplit();
        int kvBytes = kvCacheBytes();
        Setup.Mode runMode = parse(Setup.Mode.class, "--mode", mode);
        Setup.Quant baseQuant = parse(Setup.Quant.class, "--quant", quant);
        boolean ckAssumed = checkpointing == null;
        Setup.Checkpointing ck = ckAssumed ? Setup.unstatedCheckpointing(runMode, loraRank, baseQuant)
                : parse(Setup.Checkpointing.class, "--checkpointing", checkpointing);
        if (offloadActivations) ck = offloaded(ck);
        return Setup.builder(spec).seq(seq).batch(batch).mode(runMode)
                .precision(parse(Setup.Precision.class, "--precision", precision))
                .optimizer(parse(Setup.Optimizer.class, "--optimizer", optimizer == null ? "adamw" : optimizer))
                .optimizerAssumed(optimizer == null && runMode == Setup.Mode.TRAIN).checkpointing(ck)
                .optimizerInBackward(optimizerInBackward).promptLogits(promptLogits())
                .doubleQuant(doubleQuant).headQuantized(quantizedHead)
                .kbit(parse(Setup.Kbit.class, "--kbit", kbit))
                .attention(parse(Setup.Attention.class, "--attention", attention)).zeroStage(stage).fsdp(fsdp).gpus(n)
                .loraRank(loraRank).quant(parse(Setup.Quant.class, "--quant", quant))
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT)
                .loss(parse(Setup.Loss.class, "--loss", loss == null ? (liger ? "fused-linear" : "fp32") : loss))
                .lossAssumed(loss == null && !liger && runMode == Setup.Mode.TRAIN).ligerKernels(liger)
                .offloadOptimizer(offload || offloadParam).offloadParams(offloadParam).kvCacheBytes(kvBytes)
                .liveParameters(Math.round(maxLiveParams))
                .reduceBucket(Math.round(reduceBucket)).overlapComm(overlapComm)
                .gpuMemoryUtilization(gpuMemoryUtilization).contextTokens(ctxSize).slots(parallel)
                .layerSplit(layerSplit).savedModuleParams(savedModuleParams(spec))
                // left out, either way is an assumption the estimate states (on for k-bit LoRA, off otherwise)
                .checkpointingAssumed(ckAssumed && runMode == Setup.Mode.TRAIN && !offloadActivations).build();
    }

    /** A model named earlier in the session (its facts, or the setup read from its code) stands for --model. */
    private static boolean sessionNamesAModel(AppContext ctx) {
        return ctx.session.facts().model() != null || ctx.session.facts().params() != null
                || ctx.session.code() != null && ctx.session.code().setup() != null
                        && ctx.session.code().setup().model() != null;
    }

    /** The shape options in range, then the GPU count (1 for a whole-node estimate). */
    private int checkedGpus() {
        if (seq < 0 || batch < 0) throw usage(TEXT.get("seq.batch.negative"));
        if (seq > 10_000_000) throw usage(TEXT.get("seq.implausible", seq));
        if (batch > 1_000_000) throw usage(TEXT.get("batch.implausible", batch));
        return allGpus() ? 1 : positiveInt("--gpus", gpus);
    }

    /** The sharding, serving and adapter options in range and consistent with each other; the ZeRO stage. */
    private int checkedStage() {
        if (zero < 0 || zero > 3) throw usage(TEXT.get("zero.range"));
        if (loraRank < 0) throw usage(TEXT.get("lora.rank.negative"));
        if (gpuMemoryUtilization < 0 || gpuMemoryUtilization > 1) {
            throw usage(TEXT.get("utilization.range"));
        }
        if (ctxSize < 0 || ctxSize > 10_000_000) throw usage(TEXT.get("ctx.size.range"));
        // a quantized base without adapters is served whatever --mode says (the engine budgets it as inference)
        boolean served = "infer".equalsIgnoreCase(mode) || !"none".equalsIgnoreCase(quant) && loraRank == 0;
        if (ctxSize > 0 && !served) throw usage(TEXT.get("ctx.size.serving"));
        if (parallel < 1 || parallel > 4096) throw usage(TEXT.get("parallel.range"));
        // PyTorch FSDP's FULL_SHARD is stage 3 unless a stage is given (SHARD_GRAD_OP is --zero 2)
        int stage = fsdp && zero == 0 ? 3 : zero;
        if (offloadParam && stage < 3) throw usage(TEXT.get("offload.param.zero3"));
        // 0 is a value DeepSpeed takes (release each module once it has run); -1, the default, is "not stated"
        boolean liveSet = maxLiveParams != Setup.LIVE_PARAMETERS_UNSET;
        if (liveSet && (stage < 3 || fsdp || maxLiveParams < 0 || maxLiveParams > 0 && maxLiveParams < 1
                || maxLiveParams > 1e15)) {
            throw usage(TEXT.get("max.live.params"));
        }
        if ((reduceBucket != 0 || overlapComm) && (stage < 1 || fsdp || reduceBucket < 0 || reduceBucket > 1e12)) {
            throw usage(TEXT.get("reduce.bucket"));
        }
        boolean layerSplit = layerSplit();
        if (layerSplit && fsdp) throw usage(TEXT.get("device.map.fsdp"));
        if (layerSplit && stage > 0) {
            throw usage(TEXT.get("device.map.zero"));
        }
        if (doubleQuant && parse(Setup.Quant.class, "--quant", quant) != Setup.Quant.NF4) {
            throw usage(TEXT.get("double.quant.nf4"));
        }
        Setup.Quant q = parse(Setup.Quant.class, "--quant", quant);
        if (quantizedHead && q != Setup.Quant.NF4 && q != Setup.Quant.INT8) {
            throw usage(TEXT.get("quantized.head.bnb"));
        }
        return stage;
    }

    /** The KV cache's bytes a value: 0 keeps the model's dtype (auto). */
    private int kvCacheBytes() {
        return switch (kvCacheDtype.toLowerCase(Locale.ROOT)) {
            case "auto" -> 0;
            // lmdeploy's int8 KV cache (quant_policy 8) keeps one byte a value too, its scales aside
            case "fp8", "fp8_e4m3", "fp8_e5m2", "fp8-e4m3", "fp8-e5m2", "int8" -> 1;
            default -> throw usage(TEXT.get("kv.cache.dtype", kvCacheDtype));
        };
    }

    /**
     * PEFT's modules_to_save beside LoRA: each module named is wrapped with a trainable copy (ModulesToSaveWrapper),
     * a tied embedding and head two copies; the sizes known here are the embedding's and the head's, V x h each.
     */
    private long savedModuleParams(ModelSpec spec) {
        if (modulesToSave == null || modulesToSave.isEmpty()) return 0;
        if (loraRank <= 0) throw usage(TEXT.get("modules.lora"));
        if (spec.vocab() <= 0 || spec.hidden() <= 0) {
            throw usage(TEXT.get("modules.shape"));
        }
        long each = (long) spec.vocab() * spec.hidden();
        long total = 0;
        for (String name : modulesToSave) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (!n.equals("embed_tokens") && !n.equals("lm_head")) {
                throw usage(TEXT.get("modules.name", name));
            }
            total += each;
        }
        return total;
    }

    /** accelerate's placements (infer_auto_device_map): every one spreads the layers over the GPUs in order. */
    private boolean layerSplit() {
        if (deviceMap == null) return false;
        return switch (deviceMap.toLowerCase(Locale.ROOT)) {
            case "auto", "balanced", "balanced_low_0", "sequential" -> true;
            default -> throw usage(TEXT.get("device.map.value", deviceMap));
        };
    }

    private boolean promptLogits() {
        return switch (logits.toLowerCase(Locale.ROOT)) {
            case "last" -> false;
            case "all" -> true;
            default -> throw usage(TEXT.get("logits.value", logits));
        };
    }

    /** torchtune's enable_activation_offloading over its enable_activation_checkpointing (on: the layer inputs). */
    private static Setup.Checkpointing offloaded(Setup.Checkpointing ck) {
        return switch (ck) {
            case FULL, OFFLOAD -> Setup.Checkpointing.OFFLOAD;
            case NONE, OFFLOAD_ALL -> Setup.Checkpointing.OFFLOAD_ALL;
            default -> throw usage(TEXT.get("offload.activations"));
        };
    }

    Long gpuBytes() {
        if (gpuMem != null && gpu != null) throw usage(TEXT.get("gpu.both"));
        if (gpuMem != null) {
            try {
                long b = Bytes.parseUserSize(gpuMem);
                if (b <= 0 || b > 16 * Bytes.TIB) throw usage(TEXT.get("gpu.mem.implausible", gpuMem));
                return b;
            } catch (IllegalArgumentException e) {
                throw usage(TEXT.get("gpu.mem.unreadable", e.getMessage()));
            }
        }
        if (gpu != null) {
            return GpuCatalog.find(gpu).map(GpuCatalog.Gpu::budgetBytes).orElseThrow(() ->
                    usage(TEXT.get("gpu.unknown", gpu, String.join(", ", GpuCatalog.nearest(gpu)))));
        }
        return null;
    }

    private ModelSpec modelSpec(AppContext ctx) {
        int sources = (model != null ? 1 : 0) + (config != null ? 1 : 0) + (params != null ? 1 : 0)
                + (layers != null ? 1 : 0);
        if (sources == 0) throw usage(TEXT.get("model.missing"));
        if (sources > 1) throw usage(TEXT.get("model.several"));
        if (model != null) {
            return ModelCatalog.find(model).orElseThrow(() -> usage(TEXT.get("model.unknown", model,
                    String.join(", ", ModelCatalog.nearest(model)))));
        }
        if (config != null) {
            Path p = ctx.workDir.resolve(config);
            if (!Files.isRegularFile(p)) throw new UserError(TEXT.get("config.missing", config));
            try {
                return HfConfig.read(p);
            } catch (IOException e) {
                throw new UserError(TEXT.get("config.unreadable", config, e.getMessage()));
            }
        }
        if (params != null) {
            long p = parseCount(params);
            if (p <= 0) throw usage(TEXT.get("params.positive"));
            if (p > 100_000_000_000_000L) throw usage(TEXT.get("params.implausible", params));
            return ModelSpec.ofParams(params + " params", p);
        }
        if (hidden == null || heads == null || vocab == null) throw usage(TEXT.get("layers.incomplete"));
        if (layers <= 0 || hidden <= 0 || heads <= 0 || vocab <= 0) throw usage(TEXT.get("dimensions.positive"));
        if (hidden % heads != 0) throw usage(TEXT.get("hidden.heads", hidden, heads));
        if (kvHeads != null && (kvHeads <= 0 || heads % kvHeads != 0)) throw usage(TEXT.get("kv.heads"));
        if (hidden > 1_000_000 || layers > 10_000) throw usage(TEXT.get("dimensions.implausible"));
        return ModelSpec.fromArchitecture("custom", layers, hidden, heads, kvHeads == null ? heads : kvHeads,
                ffn == null ? 0 : ffn, vocab, false, 0, 0);
    }

    static long parseCount(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT).replace("_", "").replace(",", "");
        double mult = 1;
        if (t.endsWith("B")) { mult = 1e9; t = t.substring(0, t.length() - 1); }
        else if (t.endsWith("M")) { mult = 1e6; t = t.substring(0, t.length() - 1); }
        else if (t.endsWith("K")) { mult = 1e3; t = t.substring(0, t.length() - 1); }
        else if (t.endsWith("T")) { mult = 1e12; t = t.substring(0, t.length() - 1); }
        try {
            return Math.round(Double.parseDouble(t) * mult);
        } catch (NumberFormatException e) {
            throw usage(TEXT.get("params.unreadable", s));
        }
    }

    private static int positiveInt(String flag, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) throw usage(TEXT.get("flag.positive", flag));
            return n;
        } catch (NumberFormatException e) {
            throw usage(TEXT.get("flag.number", flag, v));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String flag, String v) {
        try {
            return Setup.parse(type, v);
        } catch (IllegalArgumentException e) {
            StringBuilder ok = new StringBuilder();
            for (E c : type.getEnumConstants()) ok.append(ok.length() == 0 ? ""
                    : ", ").append(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            throw usage(TEXT.get("flag.choice", flag, v, ok));
        }
    }

    static UserError usage(String msg) { return new UserError(msg, 2); }
}
