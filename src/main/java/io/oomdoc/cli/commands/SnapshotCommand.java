package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.util.List;

@Command(name = "snapshot", mixinStandardHelpOptions = true)
public final class SnapshotCommand extends NotYetCommand {
    @Unmatched List<String> args;

    public SnapshotCommand(AppContext ctx) { super("the snapshot reader (oomdoc snapshot)"); }
}
