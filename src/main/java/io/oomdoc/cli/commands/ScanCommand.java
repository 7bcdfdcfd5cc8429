package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;

@Command(name = "scan", mixinStandardHelpOptions = true)
public final class ScanCommand extends NotYetCommand {
    @Unmatched List<String> args;

    public ScanCommand(AppContext ctx) { super("the code scanner (oomdoc scan)"); }
}
