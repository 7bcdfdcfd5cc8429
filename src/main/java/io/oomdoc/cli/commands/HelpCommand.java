package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.CliText;
import io.oomdoc.cli.CommandList;
import io.oomdoc.cli.CommandTree;
import io.oomdoc.cli.PromptCommands;
import io.oomdoc.cli.UserError;
import io.oomdoc.cli.Wrap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.concurrent.Callable;

/**
 * help: the list of commands, or one command's usage. One command of the tree for the shell ({@code oomdoc help})
 * and the REPL (/help), which lists the user's markdown prompt commands too and wraps to the terminal's width.
 */
@Command(name = "help", helpCommand = true)
public final class HelpCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Parameters(descriptionKey = "help.command", arity = "0..1", paramLabel = "COMMAND") String command;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public HelpCommand(AppContext ctx) { this.ctx = ctx; }

    @Override
    public Integer call() {
        CommandLine root = spec.parent().commandLine();
        CommandTree.describe(root);
        if (command != null) {
            CommandLine sub = root.getSubcommands().get(command.replaceFirst("^/", ""));
            if (sub == null) throw new UserError(CliText.get("help.unknown", command), 2);
            sub.usage(ctx.out);
        } else {
            // the same files the REPL loaded at its start: the bundled ones and the repository's own
            var prompts = PromptCommands.load(ctx.workDir, new ArrayList<>());
            ctx.out.print(CommandList.text(root, prompts, ctx.interactive, Wrap.width(ctx.env)));
        }
        ctx.out.flush();
        return 0;
    }
}
