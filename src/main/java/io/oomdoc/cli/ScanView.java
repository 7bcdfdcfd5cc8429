package io.oomdoc.cli;

import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.ScanResult;

/** The text view of a scan: each finding with its fix, the setup read from the code, what was skipped and why. */
public final class ScanView {
    private ScanView() {}

    public static String text(ScanResult r, Style style) {
        StringBuilder sb = new StringBuilder(String.format("%d file(s) scanned, %d finding(s)%n%n", r.filesScanned(),
                r.findings().size()));
        for (Finding f : r.findings()) {
            sb.append(style.bold(f.file() + ":" + f.line())).append(f.cell() == null ? "" : " (cell " + f.cell() + ")")
                    .append("  ").append(severity(f.severity(), style)).append("  ").append(f.rule()).append("  [")
                    .append(f.kb()).append("]\n");
            sb.append("  ").append(f.message()).append('\n');
            sb.append("  before: ").append(f.fix().before().replace("\n", "\n          ")).append('\n');
            sb.append("  after:  ").append(f.fix().after().replace("\n", "\n          ")).append("\n\n");
        }
        var s = r.setup();
        if (s != null && s.sources() != null) {
            sb.append("setup read from the code: ").append(s.sources())
                    .append(s.precision() == null ? "" : "; precision " + s.precision())
                    .append(s.optimizer() == null ? "" : "; optimizer " + s.optimizer())
                    .append(s.model() == null ? "" : "; model " + s.model()).append('\n');
        }
        if (!r.skipped().isEmpty()) {
            sb.append("skipped or read partially:\n");
            r.skipped().forEach(k -> sb.append("  ").append(k.file()).append(": ").append(k.why()).append('\n'));
        }
        return sb.toString();
    }

    private static String severity(String s, Style style) {
        return switch (s) {
            case "high" -> style.red(s);
            case "medium" -> style.yellow(s);
            default -> style.dim(s);
        };
    }
}
