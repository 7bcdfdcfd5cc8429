package io.oomdoc.cli.commands;

import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Ladder;
import io.oomdoc.budget.Setup;
import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.Output;
import io.oomdoc.cli.BudgetView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "budget", mixinStandardHelpOptions = true)
public final class BudgetCommand implements Callable<Integer> {
    private final AppContext ctx;
    @Mixin SetupOptions setup;
    @Option(names = "--json") boolean json;

    public BudgetCommand(AppContext ctx) { this.ctx = ctx; }

    @Override
    public Integer call() {
        Setup s = setup.setup(ctx);
        Long gpu = setup.gpuBytesOrSession(ctx);
        Budget b = new BudgetEngine().estimate(s, gpu);
        List<Ladder.Rung> ladder = gpu != null && Boolean.FALSE.equals(b.fits()) ? new Ladder().climb(s, gpu)
                : List.of();
        Output.print(ctx, json, b, () -> BudgetView.text(b, ladder, ctx.style, s));
        return 0;
    }
}
