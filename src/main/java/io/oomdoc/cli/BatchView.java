package io.oomdoc.cli;

import io.oomdoc.budget.Setup;
import io.oomdoc.cli.commands.BatchRow;
import io.oomdoc.util.Bytes;

import java.util.List;
import java.util.Locale;

/** Text view of `batch`: one line per card (micro-batch, accumulation or serving rounds, peak) and its notes. */
public final class BatchView {
    private static final String ROW = "  %-28s %10s %12s %14s%n";

    private BatchView() {}

    public static String text(Setup s, List<BatchRow> rows) {
        StringBuilder sb = new StringBuilder(s.batch() > 0
                ? CliText.get("batch.header", s.model().name(), s.seq(), s.batch())
                : CliText.get("batch.header.largest", s.model().name(), s.seq()));
        // serving accumulates no gradients: the extra steps are rounds of requests through the same card
        String steps = CliText.get(s.mode() == Setup.Mode.INFER ? "batch.col.rounds" : "batch.col.accum");
        sb.append(String.format(Locale.ROOT, ROW, CliText.get("batch.col.gpu"), CliText.get("batch.col.micro"), steps,
                CliText.get("batch.col.peak")));
        for (BatchRow r : rows) {
            sb.append(String.format(Locale.ROOT, ROW, r.gpu(),
                    r.microBatch() == 0 ? CliText.get("batch.none.fits") : r.microBatch(), r.accumulationSteps(),
                    Bytes.human(r.peakBytes())));
            r.notes().forEach(x -> sb.append(CliText.get("batch.note", x)));
        }
        return sb.append("\n  ").append(CliText.get("batch.footnote")).toString();
    }
}
