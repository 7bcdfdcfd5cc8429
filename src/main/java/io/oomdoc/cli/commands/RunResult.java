package io.oomdoc.cli.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.oomdoc.evidence.watch.MemoryTimeline;
import io.oomdoc.protocol.Report;

/**
 * What `oomdoc run --json` prints: the diagnosis's fields as `diagnose --json` has them (none when the job ended
 * well or was stopped), then how the job ended and the memory timeline watched while it ran (DESIGN.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RunResult(@JsonUnwrapped Report report, int exitStatus, Integer signal, MemoryTimeline timeline) {
    /** A job with nothing to diagnose: its exit and its timeline alone. */
    static RunResult ended(MemoryTimeline t) { return of(null, t); }

    static RunResult of(Report report, MemoryTimeline t) {
        return new RunResult(report, t.exitStatus(), t.signal(), t);
    }
}
