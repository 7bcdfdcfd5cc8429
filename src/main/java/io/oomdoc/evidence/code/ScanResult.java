package io.oomdoc.evidence.code;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** What `oomdoc scan` found (DESIGN.md's JSON of `scan`). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScanResult(int filesScanned, List<Skipped> skipped, List<Finding> findings, TrainingSetup setup) {
    public record Skipped(String file, String why) {}
}
