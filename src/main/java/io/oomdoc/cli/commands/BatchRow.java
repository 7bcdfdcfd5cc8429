package io.oomdoc.cli.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** One card's answer of `batch`: the micro-batch and accumulation that keep the effective batch, and the peak. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"gpu", "gpu_bytes", "micro_batch", "accumulation_steps", "effective_batch", "peak_bytes",
        "usable_gpu_bytes", "notes"})
public record BatchRow(String gpu, @JsonProperty("gpu_bytes") long gpuBytes,
                       @JsonProperty("micro_batch") int microBatch,
                       @JsonProperty("accumulation_steps") int accumulationSteps,
                       @JsonProperty("effective_batch") int effectiveBatch,
                       @JsonProperty("peak_bytes") long peakBytes,
                       @JsonProperty("usable_gpu_bytes") long usableGpuBytes, List<String> notes) {}
