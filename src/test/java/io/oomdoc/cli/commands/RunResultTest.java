package io.oomdoc.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oomdoc.cli.Json;
import io.oomdoc.evidence.watch.MemoryTimeline;
import io.oomdoc.evidence.watch.Sample;
import io.oomdoc.protocol.Report;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * `oomdoc run --json` is one document: the diagnosis as `diagnose --json` writes it, then the job's exit and the
 * timeline (DESIGN.md). The figures are the recorded H200 evaluation leak's (src/test/resources/h200, README).
 */
class RunResultTest {
    private static final long GIB = 1L << 30;
    /** Two samples of the recorded job: 7 GiB at the first eval batch, 139 GiB of a 140 GiB card at the end. */
    private static final MemoryTimeline TIMELINE = new MemoryTimeline(List.of(
            new Sample(13_000, 1, 7 * GIB, 7 * GIB, 140 * GIB, 0L, 2 * GIB, null, 0L),
            new Sample(17_600, 25, 139 * GIB, 139 * GIB, 140 * GIB, 0L, 2 * GIB, null, 0L)), List.of(), 1, 9,
            "torch.OutOfMemoryError: CUDA out of memory.", 17_600, 25, null, 5 * GIB, List.of());

    /** The report's fields as the recorded job's diagnosis has them (numbers from its message), text shortened. */
    private static final Report REPORT = new Report("vram_oom", "leak_held_references", "eval", "pytorch",
            Map.of("tried_bytes", 1_245_540_516L, "total_bytes", 150_109_106_995L), List.of(), List.of("M7"),
            List.of(new Report.Fix("M7", "Detach what the eval loop keeps", "none", false, "before", "after")),
            new Report.Sections("summary", "issue", "root", "fix", "verify", "prevent", "confidence", "risk",
                    List.of("gap"), List.of("caveat")), null, null);

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aFailedJobIsItsReportFollowedByItsExitAndTimeline() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(Json.write(RunResult.of(REPORT, TIMELINE)));
        ObjectNode expected = Json.MAPPER.valueToTree(REPORT);
        List<String> keys = new ArrayList<>(names(expected));
        keys.addAll(List.of("exit_status", "signal", "timeline"));
        assertEquals(keys, names(doc));
        names(expected).forEach(k -> assertEquals(Json.write(expected.get(k)), Json.write(doc.get(k)), k));
        assertEquals(Json.write(TIMELINE), Json.write(doc.get("timeline")));
    }

    @Test
    void aJobThatEndedWellIsItsExitAndTimelineAlone() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(Json.write(RunResult.ended(TIMELINE)));
        assertEquals(List.of("exit_status", "signal", "timeline"), names(doc));
        assertEquals(9, doc.get("signal").asInt());
    }
}
