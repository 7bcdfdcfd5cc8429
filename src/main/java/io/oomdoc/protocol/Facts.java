package io.oomdoc.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user has told oomdoc about the job, across turns. Null means "not said". A newer
 * statement replaces an older one field by field.
 */
public record Facts(String gpuName, Long gpuMemBytes, Long hostRamBytes, String model, Long params, Integer depth,
                    Integer batch, Integer seqLen, String precision, String optimizer, Boolean lora, Boolean qlora,
                    Integer worldSize, Boolean checkpointing, Integer gradAccum, Integer totalBatch, String phaseHint) {

    public static final Facts EMPTY = new Facts(null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    public Facts merge(Facts newer) {
        return new Facts(
                pick(newer.gpuName, gpuName), pick(newer.gpuMemBytes, gpuMemBytes), pick(newer.hostRamBytes, hostRamBytes),
                pick(newer.model, model), pick(newer.params, params), pick(newer.depth, depth), pick(newer.batch, batch),
                pick(newer.seqLen, seqLen), pick(newer.precision, precision), pick(newer.optimizer, optimizer),
                pick(newer.lora, lora), pick(newer.qlora, qlora), pick(newer.worldSize, worldSize),
                pick(newer.checkpointing, checkpointing), pick(newer.gradAccum, gradAccum),
                pick(newer.totalBatch, totalBatch), pick(newer.phaseHint, phaseHint));
    }

    public boolean isEmpty() { return asMap().isEmpty(); }

    /** Non-null facts in a stable order, for /facts and the JSON transcript. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "gpu", gpuName); put(m, "gpu_memory_bytes", gpuMemBytes); put(m, "host_ram_bytes", hostRamBytes);
        put(m, "model", model); put(m, "params", params); put(m, "depth", depth); put(m, "batch", batch);
        put(m, "seq_len", seqLen); put(m, "precision", precision); put(m, "optimizer", optimizer); put(m, "lora", lora);
        put(m, "qlora", qlora); put(m, "world_size", worldSize); put(m, "checkpointing", checkpointing);
        put(m, "grad_accum", gradAccum); put(m, "total_batch", totalBatch); put(m, "phase_hint", phaseHint);
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) { if (v != null) m.put(k, v); }

    private static <T> T pick(T newer, T older) { return newer != null ? newer : older; }
}
