package io.oomdoc.cli.commands;

import io.oomdoc.cli.CliText;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.oomdoc.budget.BatchFinder;
import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.budget.Setup;
import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.Json;
import io.oomdoc.cli.UserError;
import io.oomdoc.util.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "batch", mixinStandardHelpOptions = true)
public final class BatchCommand implements Callable<Integer> {
    private final AppContext ctx;
    @Mixin SetupOptions setup;
    @Option(names = "--json") boolean json;

    public BatchCommand(AppContext ctx) { this.ctx = ctx; }

    @Override
    public Integer call() {
        Setup s = setup.setup(ctx);
        if (s.seq() <= 0) throw new UserError(CliText.get("batch.needs.seq"), 2);
        if (s.batch() <= 0) s = s.withBatch(1);
        List<BatchRow> rows = new ArrayList<>();
        if (setup.allGpus()) {
            for (GpuCatalog.Gpu g : GpuCatalog.all()) if (g.memoryBytes() >= 8 * Bytes.GIB) rows.add(row(g.name(), s,
                    g.memoryBytes()));
        } else {
            Long gpu = setup.gpuBytesOrSession(ctx);
            if (gpu == null) throw new UserError("batch needs the card: --gpu NAME or --gpu-mem SIZE (or --gpus all "
                    + "for a table)", 2);
            rows.add(row(setup.gpu != null ? setup.gpu : Bytes.human(gpu), s, gpu));
        }
        if (json) ctx.out.println(Json.write(rows.size() == 1 ? rows.get(0) : rows));
        else ctx.out.println(text(s, rows));
        ctx.out.flush();
        return 0;
    }

    /** One card's answer: the micro-batch and accumulation that keep the effective batch, and the peak. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"gpu", "gpu_bytes", "micro_batch", "accumulation_steps", "effective_batch", "peak_bytes",
            "usable_gpu_bytes", "notes"})
    public record BatchRow(String gpu, @JsonProperty("gpu_bytes") long gpuBytes,
                           @JsonProperty("micro_batch") int microBatch,
                           @JsonProperty("accumulation_steps") int accumulationSteps,
                           @JsonProperty("effective_batch") int effectiveBatch,
                           @JsonProperty("peak_bytes") long peakBytes,
                           @JsonProperty("usable_gpu_bytes") long usableGpuBytes, List<String> notes) {}

    static BatchRow row(String gpu, Setup s, long bytes) {
        BatchFinder.Result r = new BatchFinder().find(s, bytes, s.batch());
        return new BatchRow(gpu, bytes, r.microBatch(), r.accumulationSteps(), r.effectiveBatch(),
                r.budget().perGpuBytes().total(), BatchFinder.usableBytes(bytes), List.copyOf(r.notes()));
    }

    private static String text(Setup s, List<BatchRow> rows) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s, seq %d, effective batch %d%n%n",
                s.model().name(), s.seq(), s.batch()));
        // serving accumulates no gradients: the extra steps are rounds of requests through the same card
        String steps = CliText.get(s.mode() == Setup.Mode.INFER ? "batch.col.rounds" : "batch.col.accum");
        sb.append(String.format(Locale.ROOT, "  %-28s %10s %12s %14s%n", "gpu", "micro-batch", steps, "peak"));
        for (BatchRow r : rows) {
            sb.append(String.format(Locale.ROOT, "  %-28s %10s %12s %14s%n", r.gpu(),
                    r.microBatch() == 0 ? "none fits" : r.microBatch(), r.accumulationSteps(),
                    Bytes.human(r.peakBytes())));
            r.notes().forEach(x -> sb.append("    note: ").append(x).append('\n'));
        }
        return sb.append("\n  ").append(CliText.get("batch.footnote")).toString();
    }
}
