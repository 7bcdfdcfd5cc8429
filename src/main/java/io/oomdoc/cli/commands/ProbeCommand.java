package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;

@Command(name = "probe", mixinStandardHelpOptions = true)
public final class ProbeCommand extends NotYetCommand {
    @Unmatched List<String> args;

    public ProbeCommand(AppContext ctx) { super("the capture probe (oomdoc probe)"); }
}
