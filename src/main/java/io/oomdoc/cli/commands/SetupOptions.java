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
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The model and setup flags shared by `budget` and `batch`, validated into a Setup. */
public final class SetupOptions {
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
    @Option(names = "--optimizer", defaultValue = "adamw", completionCandidates = Choices.Optimizer.class)
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
    @Option(names = "--loss", defaultValue = "fp32", completionCandidates = Choices.Loss.class) String loss;
    @Option(names = "--offload") boolean offload;
    @Option(names = "--offload-param") boolean offloadParam;
    @Option(names = "--fsdp") boolean fsdp;
    @Option(names = "--device-map", paramLabel = "auto|balanced|sequential") String deviceMap;
    @Option(names = "--offload-activations") boolean offloadActivations;
    @Option(names = "--optimizer-in-backward") boolean optimizerInBackward;
    @Option(names = "--double-quant") boolean doubleQuant;
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
        Setup s = io.oomdoc.protocol.SetupFromFacts.from(f).orElseThrow(() -> usage(
                "say which model: --model NAME, --config config.json, --params N (or tell me in the chat, e.g. "
                        + "\"llama-3.1-8b\")"));
        if (seq > 0) s = s.withSeq(seq);
        if (batch > 0) s = s.withBatch(batch);
        return s;
    }

    Long gpuBytesOrSession(AppContext ctx) {
        Long g = gpuBytes();
        return g != null ? g : ctx.session.facts().gpuMemBytes();
    }

    Setup setup(AppContext ctx) {
        if (noModelGiven() && (ctx.session.facts().model() != null || ctx.session.facts().params() != null
                || ctx.session.code() != null && ctx.session.code().setup() != null
                        && ctx.session.code().setup().model() != null)) {
            return fromSession(ctx);
        }
        ModelSpec spec = modelSpec(ctx);
        if (seq < 0 || batch < 0) throw usage("--seq and --batch must be positive");
        if (seq > 10_000_000) throw usage("--seq " + seq + " is not a plausible sequence length");
        if (batch > 1_000_000) throw usage("--batch " + batch + " is not a plausible batch size");
        int n = allGpus() ? 1 : positiveInt("--gpus", gpus);
        if (zero < 0 || zero > 3) throw usage("--zero must be 0, 1, 2 or 3");
        if (loraRank < 0) throw usage("--lora-rank must be 0 or positive");
        if (gpuMemoryUtilization < 0 || gpuMemoryUtilization > 1) {
            throw usage("--gpu-memory-utilization is a share of the card, above 0 and at most 1 (vLLM's default 0.9)");
        }
        if (ctxSize < 0 || ctxSize > 10_000_000) throw usage("--ctx-size is a number of tokens (llama.cpp's -c)");
        // a quantized base without adapters is served whatever --mode says (the engine budgets it as inference)
        boolean served = "infer".equalsIgnoreCase(mode) || !"none".equalsIgnoreCase(quant) && loraRank == 0;
        if (ctxSize > 0 && !served) throw usage("--ctx-size goes with --mode infer (serving)");
        if (parallel < 1 || parallel > 4096) throw usage("--parallel is a number of slots, 1 or more");
        // PyTorch FSDP's FULL_SHARD is stage 3 unless a stage is given (SHARD_GRAD_OP is --zero 2)
        int stage = fsdp && zero == 0 ? 3 : zero;
        if (offloadParam && stage < 3) throw usage("--offload-param needs --zero 3 (ZeRO-3 / FSDP full shard)");
        boolean layerSplit = layerSplit();
        if (layerSplit && fsdp) throw usage("--device-map spreads one copy of the model over the GPUs; it does not "
                + "go with --fsdp");
        if (layerSplit && stage > 0) {
            throw usage("--device-map spreads one copy of the model over the GPUs; it does not go with --zero");
        }
        if (doubleQuant && parse(Setup.Quant.class, "--quant", quant) != Setup.Quant.NF4) {
            throw usage("--double-quant goes with --quant nf4 (4-bit NormalFloat)");
        }
        int kvBytes = switch (kvCacheDtype.toLowerCase(Locale.ROOT)) {
            case "auto" -> 0;
            // lmdeploy's int8 KV cache (quant_policy 8) keeps one byte a value too, its scales aside
            case "fp8", "fp8_e4m3", "fp8_e5m2", "fp8-e4m3", "fp8-e5m2", "int8" -> 1;
            default -> throw usage("--kv-cache-dtype: \"" + kvCacheDtype + "\" is not one of auto, fp8, int8");
        };
        Setup.Mode runMode = parse(Setup.Mode.class, "--mode", mode);
        Setup.Quant baseQuant = parse(Setup.Quant.class, "--quant", quant);
        boolean ckAssumed = checkpointing == null;
        Setup.Checkpointing ck = ckAssumed ? Setup.unstatedCheckpointing(runMode, loraRank, baseQuant)
                : parse(Setup.Checkpointing.class, "--checkpointing", checkpointing);
        if (offloadActivations) ck = offloaded(ck);
        return Setup.builder(spec).seq(seq).batch(batch).mode(runMode)
                .precision(parse(Setup.Precision.class, "--precision", precision))
                .optimizer(parse(Setup.Optimizer.class, "--optimizer", optimizer)).checkpointing(ck)
                .optimizerInBackward(optimizerInBackward).promptLogits(promptLogits())
                .doubleQuant(doubleQuant)
                .attention(parse(Setup.Attention.class, "--attention", attention)).zeroStage(stage).fsdp(fsdp).gpus(n)
                .loraRank(loraRank).quant(parse(Setup.Quant.class, "--quant", quant))
                .contextBytes(BudgetEngine.DEFAULT_CONTEXT).loss(parse(Setup.Loss.class, "--loss", loss))
                .offloadOptimizer(offload || offloadParam).offloadParams(offloadParam).kvCacheBytes(kvBytes)
                .gpuMemoryUtilization(gpuMemoryUtilization).contextTokens(ctxSize).slots(parallel)
                .layerSplit(layerSplit).savedModuleParams(savedModuleParams(spec))
                .checkpointingAssumed(ckAssumed && ck == Setup.Checkpointing.FULL).build();
    }

    /**
     * PEFT's modules_to_save beside LoRA: each module named is wrapped with a trainable copy (ModulesToSaveWrapper),
     * a tied embedding and head two copies; the sizes known here are the embedding's and the head's, V x h each.
     */
    private long savedModuleParams(ModelSpec spec) {
        if (modulesToSave == null || modulesToSave.isEmpty()) return 0;
        if (loraRank <= 0) throw usage("--modules-to-save goes with --lora-rank (PEFT trains those modules in full "
                + "beside the adapters)");
        if (spec.vocab() <= 0 || spec.hidden() <= 0) {
            throw usage("--modules-to-save needs the model's vocabulary and hidden size (--model, --config or "
                    + "--vocab)");
        }
        long each = (long) spec.vocab() * spec.hidden();
        long total = 0;
        for (String name : modulesToSave) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (!n.equals("embed_tokens") && !n.equals("lm_head")) {
                throw usage("--modules-to-save: \"" + name + "\" is not one of embed_tokens, lm_head");
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
            default -> throw usage("--device-map: \"" + deviceMap + "\" is not one of auto, balanced, sequential");
        };
    }

    private boolean promptLogits() {
        return switch (logits.toLowerCase(Locale.ROOT)) {
            case "last" -> false;
            case "all" -> true;
            default -> throw usage("--logits: \"" + logits + "\" is not one of last, all");
        };
    }

    /** torchtune's enable_activation_offloading over its enable_activation_checkpointing (on: the layer inputs). */
    private static Setup.Checkpointing offloaded(Setup.Checkpointing ck) {
        return switch (ck) {
            case FULL, OFFLOAD -> Setup.Checkpointing.OFFLOAD;
            case NONE, OFFLOAD_ALL -> Setup.Checkpointing.OFFLOAD_ALL;
            default -> throw usage("--offload-activations goes with --checkpointing full or none (torchtune's "
                    + "enable_activation_checkpointing)");
        };
    }

    Long gpuBytes() {
        if (gpuMem != null && gpu != null) throw usage("give --gpu-mem or --gpu, not both");
        if (gpuMem != null) {
            try {
                long b = Bytes.parseUserSize(gpuMem);
                if (b <= 0 || b > 16 * Bytes.TIB) throw usage("--gpu-mem " + gpuMem + " is not a plausible GPU size");
                return b;
            } catch (IllegalArgumentException e) {
                throw usage("--gpu-mem: " + e.getMessage() + " (examples: 24GB, 80GiB, 16000MiB)");
            }
        }
        if (gpu != null) {
            return GpuCatalog.find(gpu).map(GpuCatalog.Gpu::memoryBytes).orElseThrow(() ->
                    usage("unknown GPU \"" + gpu + "\"; nearest: " + String.join(", ", GpuCatalog.nearest(gpu))
                            + " (or give --gpu-mem SIZE)"));
        }
        return null;
    }

    private ModelSpec modelSpec(AppContext ctx) {
        int sources = (model != null ? 1 : 0) + (config != null ? 1 : 0) + (params != null ? 1 : 0)
                + (layers != null ? 1 : 0);
        if (sources == 0) throw usage("say which model: --model NAME, --config config.json, --params N, or "
                + "--layers/--hidden/--heads/--vocab");
        if (sources > 1) throw usage("give only one of --model, --config, --params or the dimensions");
        if (model != null) {
            return ModelCatalog.find(model).orElseThrow(() -> usage("unknown model \"" + model + "\"; nearest: "
                    + String.join(", ", ModelCatalog.nearest(model)) + " (or use --params / --config)"));
        }
        if (config != null) {
            Path p = ctx.workDir.resolve(config);
            if (!Files.isRegularFile(p)) throw new UserError("no such config file: " + config);
            try {
                return HfConfig.read(p);
            } catch (IOException e) {
                throw new UserError("cannot read " + config + ": " + e.getMessage());
            }
        }
        if (params != null) {
            long p = parseCount(params);
            if (p <= 0) throw usage("--params must be positive");
            if (p > 100_000_000_000_000L) throw usage("--params " + params + " is beyond any real model");
            return ModelSpec.ofParams(params + " params", p);
        }
        if (hidden == null || heads == null || vocab == null) throw usage("--layers needs --hidden, --heads and "
                + "--vocab too");
        if (layers <= 0 || hidden <= 0 || heads <= 0 || vocab <= 0) throw usage("dimensions must be positive");
        if (hidden % heads != 0) throw usage("--hidden " + hidden + " is not divisible by --heads " + heads);
        if (kvHeads != null && (kvHeads <= 0 || heads % kvHeads != 0)) throw usage("--kv-heads must divide --heads");
        if (hidden > 1_000_000 || layers > 10_000) throw usage("those dimensions are beyond any real model");
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
            throw usage("--params: \"" + s + "\" is not a count (examples: 7e9, 7B, 125M)");
        }
    }

    private static int positiveInt(String flag, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) throw usage(flag + " must be positive");
            return n;
        } catch (NumberFormatException e) {
            throw usage(flag + ": \"" + v + "\" is not a number");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String flag, String v) {
        try {
            return Setup.parse(type, v);
        } catch (IllegalArgumentException e) {
            StringBuilder ok = new StringBuilder();
            for (E c : type.getEnumConstants()) ok.append(ok.length() == 0 ? ""
                    : ", ").append(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            throw usage(flag + ": \"" + v + "\" is not one of " + ok);
        }
    }

    static UserError usage(String msg) { return new UserError(msg, 2); }
}
