package io.oomdoc.protocol;

import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.ScanResult;
import io.oomdoc.evidence.code.TrainingSetup;

import java.util.ArrayList;
import java.util.List;

/** Reduces a code scan to what the ranking and the report read: findings with their fixes, and setup facts. */
public final class CodeEvidence {
    private CodeEvidence() {}

    public static Evidence.CodeFindings from(ScanResult r) {
        if (r == null) return null;
        List<String> ids = new ArrayList<>(), where = new ArrayList<>();
        List<String[]> fixes = new ArrayList<>();
        for (Finding f : r.findings()) {
            ids.add(f.rule());
            where.add(f.file() + ":" + f.line() + (f.cell() == null ? "" : " (cell " + f.cell() + ")"));
            if (!"low".equals(f.severity())) {
                fixes.add(new String[]{f.kb(), "Fix " + f.rule().replace('_', ' ') + " at " + f.file() + ":"
                        + f.line() + ": " + f.message(),
                        f.fix().before(), f.fix().after()});
            }
        }
        return new Evidence.CodeFindings(r.filesScanned(), ids, where, fixes);
    }

    /** Setup values read from the code, as facts the budget can use (the user's own words take precedence). */
    public static Facts facts(ScanResult r) {
        if (r == null || r.setup() == null) return Facts.EMPTY;
        TrainingSetup s = r.setup();
        String precision = s.precision() == null ? null : s.precision().equals("mixed") ? "mixed-bf16" : s.precision();
        return Facts.builder().model(s.model()).batch(s.batchSize()).seqLen(s.seqLen()).precision(precision)
                .optimizer(s.optimizer())
                .checkpointing(s.gradientCheckpointing()).gradAccum(s.gradAccum()).build();
    }
}
