package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;

@Command(name = "gpu", mixinStandardHelpOptions = true)
public final class GpuCommand extends NotYetCommand {
    @Unmatched List<String> args;

    public GpuCommand(AppContext ctx) { super("GPU and host state (oomdoc gpu)"); }
}
