package io.oomdoc.cli.commands;

import io.oomdoc.cli.CliText;
import io.oomdoc.cli.Output;
import io.oomdoc.budget.BatchFinder;
import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.budget.Setup;
import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.BatchView;
import io.oomdoc.cli.UserError;
import io.oomdoc.util.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
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
        List<BatchRow> rows = new ArrayList<>();
        if (setup.allGpus()) {
            for (GpuCatalog.Gpu g : GpuCatalog.all()) if (g.memoryBytes() >= 8 * Bytes.GIB) rows.add(row(g.name(), s,
                    g.memoryBytes()));
        } else {
            Long gpu = setup.gpuBytesOrSession(ctx);
            if (gpu == null) throw new UserError(CliText.get("batch.needs.gpu"), 2);
            rows.add(row(setup.gpu != null ? setup.gpu : Bytes.human(gpu), s, gpu));
        }
        Setup asked = s; // the lambda needs a final name for the setup the rows were found for
        Output.print(ctx, json, rows.size() == 1 ? rows.get(0) : rows,
                () -> BatchView.text(asked, rows) + System.lineSeparator());
        return 0;
    }

    static BatchRow row(String gpu, Setup s, long bytes) {
        // without --batch there is no effective batch to keep: the largest micro-batch that fits, no accumulation
        BatchFinder.Result r = s.batch() > 0 ? new BatchFinder().find(s, bytes, s.batch())
                : new BatchFinder().largest(s, bytes);
        return new BatchRow(gpu, bytes, r.microBatch(), r.accumulationSteps(), r.effectiveBatch(),
                r.budget().perGpuBytes().total(), BatchFinder.usableBytes(bytes), List.copyOf(r.notes()));
    }
}
