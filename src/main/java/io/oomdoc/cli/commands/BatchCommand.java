package io.oomdoc.cli.commands;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        if (s.seq() <= 0) throw new UserError("batch needs --seq (the sequence length sets the activation size)", 2);
        if (s.batch() <= 0) s = s.withBatch(1);
        List<Map<String, Object>> rows = new ArrayList<>();
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
        else {
            ctx.out.printf(Locale.ROOT, "%s, seq %d, effective batch %d%n%n", s.model().name(), s.seq(), s.batch());
            ctx.out.printf(Locale.ROOT, "  %-28s %10s %12s %14s%n", "gpu", "micro-batch", "grad-accum", "peak");
            for (Map<String, Object> r : rows) {
                ctx.out.printf(Locale.ROOT, "  %-28s %10s %12s %14s%n", r.get("gpu"),
                        (int) r.get("micro_batch") == 0 ? "none fits" : r.get("micro_batch"), r.get("accumulation_st"
                                + "eps"),
                        Bytes.human((long) r.get("peak_bytes")));
                if (r.get("notes") instanceof List<?> n) n.forEach(x -> ctx.out.println("    note: " + x));
            }
            ctx.out.println("\n  (against the card as PyTorch sees it: the marketed size less ~1.5% the driver "
                    + "keeps; the CUDA context is in the peak)");
        }
        ctx.out.flush();
        return 0;
    }

    private static Map<String, Object> row(String gpu, Setup s, long bytes) {
        BatchFinder.Result r = new BatchFinder().find(s, bytes, s.batch());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gpu", gpu);
        m.put("gpu_bytes", bytes);
        m.put("micro_batch", r.microBatch());
        m.put("accumulation_steps", r.accumulationSteps());
        m.put("effective_batch", r.effectiveBatch());
        m.put("peak_bytes", r.budget().perGpuBytes().total());
        m.put("usable_gpu_bytes", BatchFinder.usableBytes(bytes));
        if (!r.notes().isEmpty()) m.put("notes", r.notes());
        return m;
    }
}
