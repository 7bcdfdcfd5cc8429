package io.oomdoc.protocol;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the user has told oomdoc about the job, across turns. Null means "not said". A newer statement replaces
 * an older one field by field ({@link #merge}); {@link #without} drops one fact for a correction or a denial.
 * Built with {@link #builder()} or changed with {@link #with}; there is no positional constructor.
 */
public final class Facts {
    public static final Facts EMPTY = new Builder().build();

    /** The keys of {@link #asMap()}, in order; {@link #without} takes the same names. */
    public static final java.util.List<String> KEYS = java.util.List.of("gpu", "gpu_mem", "host_ram", "gpus", "model",
            "params", "depth", "batch", "seq", "precision", "optimizer", "checkpointing", "lora_rank", "quant", "zero",
            "framework", "phase", "lora", "qlora", "grad_accum", "total_batch", "attention", "device_map", "gguf",
            "fsdp", "offload");

    private final String gpuName;
    private final Long gpuMemBytes;
    private final Long hostRamBytes;
    private final String model;
    private final Long params;
    private final Integer depth;
    private final Integer batch;
    private final Integer seqLen;
    private final String precision;
    private final String optimizer;
    private final Boolean lora;
    private final Boolean qlora;
    private final Integer worldSize;
    private final Boolean checkpointing;
    private final Integer gradAccum;
    private final Integer totalBatch;
    private final String phaseHint;
    private final Integer loraRank;
    private final String quant;
    private final Integer zeroStage;
    private final String framework;
    private final String attention;
    private final String deviceMap;
    private final String gguf;
    private final Boolean fsdp;
    private final String offload;

    private Facts(Builder b) {
        gpuName = b.gpuName; gpuMemBytes = b.gpuMemBytes; hostRamBytes = b.hostRamBytes; model = b.model;
        params = b.params; depth = b.depth; batch = b.batch; seqLen = b.seqLen; precision = b.precision;
        optimizer = b.optimizer; lora = b.lora; qlora = b.qlora; worldSize = b.worldSize;
        checkpointing = b.checkpointing;
        gradAccum = b.gradAccum; totalBatch = b.totalBatch; phaseHint = b.phaseHint; loraRank = b.loraRank;
        quant = b.quant; zeroStage = b.zeroStage; framework = b.framework; attention = b.attention;
        deviceMap = b.deviceMap;
        gguf = b.gguf; fsdp = b.fsdp; offload = b.offload;
    }

    public static Builder builder() { return new Builder(); }

    /** A builder holding these facts, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.gpuName = gpuName; b.gpuMemBytes = gpuMemBytes; b.hostRamBytes = hostRamBytes; b.model = model;
        b.params = params; b.depth = depth; b.batch = batch; b.seqLen = seqLen; b.precision = precision;
        b.optimizer = optimizer; b.lora = lora; b.qlora = qlora; b.worldSize = worldSize;
        b.checkpointing = checkpointing;
        b.gradAccum = gradAccum; b.totalBatch = totalBatch; b.phaseHint = phaseHint; b.loraRank = loraRank;
        b.quant = quant; b.zeroStage = zeroStage; b.framework = framework; b.attention = attention;
        b.deviceMap = deviceMap;
        b.gguf = gguf; b.fsdp = fsdp; b.offload = offload;
        return b;
    }

    /** These facts with some changed: {@code facts.with(b -> b.batch(8))}. */
    public Facts with(Consumer<Builder> change) {
        Builder b = toBuilder();
        change.accept(b);
        return b.build();
    }

    public String gpuName() { return gpuName; }
    public Long gpuMemBytes() { return gpuMemBytes; }
    public Long hostRamBytes() { return hostRamBytes; }
    public String model() { return model; }
    public Long params() { return params; }
    public Integer depth() { return depth; }
    public Integer batch() { return batch; }
    public Integer seqLen() { return seqLen; }
    public String precision() { return precision; }
    public String optimizer() { return optimizer; }
    public Boolean lora() { return lora; }
    public Boolean qlora() { return qlora; }
    public Integer worldSize() { return worldSize; }
    public Boolean checkpointing() { return checkpointing; }
    public Integer gradAccum() { return gradAccum; }
    public Integer totalBatch() { return totalBatch; }
    public String phaseHint() { return phaseHint; }
    /** LoRA adapter rank r. */
    public Integer loraRank() { return loraRank; }
    /** Weight quantization: "none", "8bit" or "4bit". */
    public String quant() { return quant; }
    /** DeepSpeed ZeRO stage 0-3 (FSDP full sharding counts as 3). */
    public Integer zeroStage() { return zeroStage; }
    /**
     * hf-trainer, accelerate, deepspeed, lightning, pytorch, vllm, tgi, llamacpp, nanochat, jax, tensorflow, sglang,
     * ollama.
     */
    public String framework() { return framework; }
    /** eager, sdpa or flash. */
    public String attention() { return attention; }
    /** transformers' / accelerate's device_map placement (auto, balanced, balanced_low_0, sequential). */
    public String deviceMap() { return deviceMap; }

    /**
     * The llama.cpp GGUF file type of the weights ("q5_k_m", "q6_k", "iq3_xs"), beside quant's 4bit/8bit class: a
     * Q5_K_M file is no 4-bit checkpoint, and the budget sizes it at its own type.
     */
    public String gguf() { return gguf; }

    /** The sharding is PyTorch FSDP, not DeepSpeed ZeRO: FSDP keeps fp32 shards under mixed precision. */
    public Boolean fsdp() { return fsdp; }

    /**
     * What sits in host RAM: "optimizer" (ZeRO's offload_optimizer, ZeRO-Offload), "params" (offload_param with the
     * optimizer, FSDP's CPUOffload(offload_params=True)) or "none" (said off).
     */
    public String offload() { return offload; }

    /** Field by field, what {@code newer} says replaces what these facts say. */
    public Facts merge(Facts newer) {
        if (newer == null) return this;
        Builder b = new Builder();
        b.gpuName = pick(newer.gpuName, gpuName); b.gpuMemBytes = pick(newer.gpuMemBytes, gpuMemBytes);
        b.hostRamBytes = pick(newer.hostRamBytes, hostRamBytes); b.model = pick(newer.model, model);
        b.params = pick(newer.params, params); b.depth = pick(newer.depth, depth); b.batch = pick(newer.batch, batch);
        b.seqLen = pick(newer.seqLen, seqLen); b.precision = pick(newer.precision, precision);
        b.optimizer = pick(newer.optimizer, optimizer); b.lora = pick(newer.lora, lora); b.qlora = pick(newer.qlora,
                qlora);
        b.worldSize = pick(newer.worldSize, worldSize); b.checkpointing = pick(newer.checkpointing, checkpointing);
        b.gradAccum = pick(newer.gradAccum, gradAccum); b.totalBatch = pick(newer.totalBatch, totalBatch);
        b.phaseHint = pick(newer.phaseHint, phaseHint); b.loraRank = pick(newer.loraRank, loraRank);
        b.quant = pick(newer.quant, quant); b.zeroStage = pick(newer.zeroStage, zeroStage);
        b.framework = pick(newer.framework, framework); b.attention = pick(newer.attention, attention);
        b.deviceMap = pick(newer.deviceMap, deviceMap);
        // another quantization said without a GGUF type ("AWQ 4-bit", "no quantization") replaces the file type too
        b.gguf = newer.quant != null && newer.gguf == null ? null : pick(newer.gguf, gguf);
        b.fsdp = pick(newer.fsdp, fsdp); b.offload = pick(newer.offload, offload);
        return b.build();
    }

    /**
     * These facts less one, named as in {@link #asMap()} ("gpu_mem", "seq", "zero"...). Unknown keys change nothing.
     */
    public Facts without(String key) {
        if (key == null) return this;
        Builder b = toBuilder();
        switch (key.toLowerCase(Locale.ROOT)) {
            case "gpu" -> b.gpuName = null;
            case "gpu_mem", "gpu_memory_bytes" -> b.gpuMemBytes = null;
            case "host_ram", "host_ram_bytes" -> b.hostRamBytes = null;
            case "gpus", "world_size" -> b.worldSize = null;
            case "model" -> b.model = null;
            case "params" -> b.params = null;
            case "depth" -> b.depth = null;
            case "batch" -> b.batch = null;
            case "seq", "seq_len" -> b.seqLen = null;
            case "precision" -> b.precision = null;
            case "optimizer" -> b.optimizer = null;
            case "checkpointing" -> b.checkpointing = null;
            case "lora_rank" -> b.loraRank = null;
            case "quant" -> b.quant = null;
            case "zero" -> b.zeroStage = null;
            case "framework" -> b.framework = null;
            case "phase", "phase_hint" -> b.phaseHint = null;
            case "lora" -> b.lora = null;
            case "qlora" -> b.qlora = null;
            case "grad_accum" -> b.gradAccum = null;
            case "total_batch" -> b.totalBatch = null;
            case "attention" -> b.attention = null;
            case "device_map" -> b.deviceMap = null;
            case "gguf" -> b.gguf = null;
            case "fsdp" -> b.fsdp = null;
            case "offload" -> b.offload = null;
            default -> { return this; }
        }
        return b.build();
    }

    public boolean isEmpty() { return asMap().isEmpty(); }

    /** Non-null facts in a stable order (see {@link #KEYS}), rendered for /facts and the JSON transcript. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "gpu", gpuName);
        put(m, "gpu_mem", gpuMemBytes == null ? null : gib(gpuMemBytes));
        put(m, "host_ram", hostRamBytes == null ? null : gib(hostRamBytes));
        put(m, "gpus", worldSize);
        put(m, "model", model);
        put(m, "params", params == null ? null : params(params));
        put(m, "depth", depth);
        put(m, "batch", batch);
        put(m, "seq", seqLen);
        put(m, "precision", precision);
        put(m, "optimizer", optimizer);
        put(m, "checkpointing", checkpointing == null ? null : checkpointing ? "full" : "none");
        put(m, "lora_rank", loraRank);
        put(m, "quant", quant);
        put(m, "zero", zeroStage);
        put(m, "framework", framework);
        put(m, "phase", phaseHint);
        put(m, "lora", lora);
        put(m, "qlora", qlora);
        put(m, "grad_accum", gradAccum);
        put(m, "total_batch", totalBatch);
        put(m, "attention", attention);
        put(m, "device_map", deviceMap);
        put(m, "gguf", gguf);
        put(m, "fsdp", fsdp);
        put(m, "offload", offload);
        return m;
    }

    /** "24 GiB", "23.58 GiB", "512 MiB". */
    public static String gib(long bytes) {
        double g = bytes / (double) (1L << 30);
        if (g < 1) return String.format(Locale.ROOT, "%d MiB", Math.round(bytes / (double) (1L << 20)));
        return (Math.abs(g - Math.rint(g)) < 0.005 ? String.valueOf(Math.round(g)) : String.format(Locale.ROOT,
                "%.2f", g)) + " GiB";
    }

    /** "7B", "1.3B", "124M". */
    public static String params(long n) {
        if (n >= 1_000_000_000L) return trim(n / 1e9) + "B";
        if (n >= 1_000_000L) return trim(n / 1e6) + "M";
        return String.valueOf(n);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static void put(Map<String, Object> m, String k, Object v) { if (v != null) m.put(k, v); }

    private static <T> T pick(T newer, T older) { return newer != null ? newer : older; }

    @Override public boolean equals(Object o) {
        return o instanceof Facts f && asMap().equals(f.asMap()) && Objects.equals(gpuMemBytes, f.gpuMemBytes)
                && Objects.equals(params, f.params) && Objects.equals(hostRamBytes, f.hostRamBytes);
    }

    @Override public int hashCode() { return asMap().hashCode(); }

    @Override public String toString() { return "Facts" + asMap(); }

    /** Collects facts one by one; unset ones stay null ("not said"). */
    public static final class Builder {
        private String gpuName;
        private Long gpuMemBytes;
        private Long hostRamBytes;
        private String model;
        private Long params;
        private Integer depth;
        private Integer batch;
        private Integer seqLen;
        private String precision;
        private String optimizer;
        private Boolean lora;
        private Boolean qlora;
        private Integer worldSize;
        private Boolean checkpointing;
        private Integer gradAccum;
        private Integer totalBatch;
        private String phaseHint;
        private Integer loraRank;
        private String quant;
        private Integer zeroStage;
        private String framework;
        private String attention;
        private String deviceMap;
        private String gguf;
        private Boolean fsdp;
        private String offload;

        private Builder() {}

        public Builder gpuName(String v) { gpuName = v; return this; }
        public Builder gpuMemBytes(Long v) { gpuMemBytes = v; return this; }
        public Builder hostRamBytes(Long v) { hostRamBytes = v; return this; }
        public Builder model(String v) { model = v; return this; }
        public Builder params(Long v) { params = v; return this; }
        public Builder depth(Integer v) { depth = v; return this; }
        public Builder batch(Integer v) { batch = v; return this; }
        public Builder seqLen(Integer v) { seqLen = v; return this; }
        public Builder precision(String v) { precision = v; return this; }
        public Builder optimizer(String v) { optimizer = v; return this; }
        public Builder lora(Boolean v) { lora = v; return this; }
        public Builder qlora(Boolean v) { qlora = v; return this; }
        public Builder worldSize(Integer v) { worldSize = v; return this; }
        public Builder checkpointing(Boolean v) { checkpointing = v; return this; }
        public Builder gradAccum(Integer v) { gradAccum = v; return this; }
        public Builder totalBatch(Integer v) { totalBatch = v; return this; }
        public Builder phaseHint(String v) { phaseHint = v; return this; }
        public Builder loraRank(Integer v) { loraRank = v; return this; }
        public Builder quant(String v) { quant = v; return this; }
        public Builder zeroStage(Integer v) { zeroStage = v; return this; }
        public Builder framework(String v) { framework = v; return this; }
        public Builder attention(String v) { attention = v; return this; }
        public Builder deviceMap(String v) { deviceMap = v; return this; }
        public Builder gguf(String v) { gguf = v; return this; }
        public Builder fsdp(Boolean v) { fsdp = v; return this; }
        public Builder offload(String v) { offload = v; return this; }

        /**
         * Sets one fact by its {@link #asMap()} key from text ("seq", "2048"; "checkpointing", "full"; "gpu_mem" in
         * bytes).
         * Returns false when the key is unknown or the value does not parse.
         */
        public boolean set(String key, String value) {
            try {
                switch (key) {
                    case "gpu" -> gpuName = value;
                    case "gpu_mem" -> gpuMemBytes = Long.parseLong(value);
                    case "host_ram" -> hostRamBytes = Long.parseLong(value);
                    case "gpus" -> worldSize = Integer.parseInt(value);
                    case "model" -> model = value;
                    case "params" -> params = Long.parseLong(value);
                    case "depth" -> depth = Integer.parseInt(value);
                    case "batch" -> batch = Integer.parseInt(value);
                    case "seq" -> seqLen = Integer.parseInt(value);
                    case "precision" -> precision = value;
                    case "optimizer" -> optimizer = value;
                    case "checkpointing" -> checkpointing = value.equals("true") || value.equals("full");
                    case "lora_rank" -> loraRank = Integer.parseInt(value);
                    case "quant" -> quant = value;
                    case "zero" -> zeroStage = Integer.parseInt(value);
                    case "framework" -> framework = value;
                    case "phase" -> phaseHint = value;
                    case "lora" -> lora = Boolean.parseBoolean(value);
                    case "qlora" -> qlora = Boolean.parseBoolean(value);
                    case "grad_accum" -> gradAccum = Integer.parseInt(value);
                    case "total_batch" -> totalBatch = Integer.parseInt(value);
                    case "attention" -> attention = value;
                    case "device_map" -> deviceMap = value;
                    case "gguf" -> gguf = value;
                    case "fsdp" -> fsdp = Boolean.parseBoolean(value);
                    case "offload" -> offload = value;
                    default -> { return false; }
                }
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        public Facts build() { return new Facts(this); }
    }
}
