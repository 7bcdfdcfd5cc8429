package io.oomdoc.cli;

import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.ScanResult;
import io.oomdoc.protocol.FixText;

import java.util.ArrayList;
import java.util.List;

/** The text view of a scan: each finding with its fix, the setup read from the code, what was skipped and why. */
public final class ScanView {
    private ScanView() {}

    public static String text(ScanResult r, Style style, int width) {
        StringBuilder sb = new StringBuilder(String.format("%d file(s) scanned, %d finding(s)%n%n", r.filesScanned(),
                r.findings().size()));
        for (Finding f : r.findings()) {
            sb.append(style.bold(f.file() + ":" + f.line())).append(f.cell() == null ? "" : " (cell " + f.cell() + ")")
                    .append("  ").append(severity(f.severity(), style)).append("  ").append(f.rule()).append("  [")
                    .append(f.kb()).append("]\n");
            // the message is prose, the fix code: each fitted to the terminal as a report's are
            sb.append("  ").append(Wrap.text(f.message(), width - 2).replace("\n", "\n  ")).append('\n');
            sb.append(Wrap.text(FixText.before(f.fix().before(), 2), width)).append('\n');
            sb.append(Wrap.text(FixText.after(f.fix().after(), 2), width)).append("\n\n");
        }
        var s = r.setup();
        if (s != null && s.sources() != null) {
            // one setting a line: on one line, three settings with their paths ran past 150 columns
            List<String> items = new ArrayList<>(List.of(s.sources().split("; ")));
            if (s.precision() != null) items.add("precision " + s.precision());
            if (s.optimizer() != null) items.add("optimizer " + s.optimizer());
            if (s.model() != null) items.add("model " + s.model());
            sb.append(CliText.get("scan.setup.head")).append('\n');
            for (String item : items) {
                sb.append("  ").append(Wrap.text(item, width - 4).replace("\n", "\n    ")).append('\n');
            }
        }
        if (!r.skipped().isEmpty()) {
            sb.append(CliText.get("scan.skipped.head")).append('\n');
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
