package io.oomdoc.evidence.code;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The training setup read from code and configs; null fields were not found. Each value names where it came from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingSetup(Integer batchSize, Integer seqLen, String precision, String optimizer, String model,
                            Integer gradAccum, Boolean gradientCheckpointing, Integer numWorkers, String sources) {
    public static final TrainingSetup EMPTY = new TrainingSetup(null, null, null, null, null, null, null, null, null);
}
