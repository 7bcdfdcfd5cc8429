package io.oomdoc.cli;

import picocli.CommandLine;

import java.util.Map;
import java.util.TreeSet;

/**
 * The list of commands that help prints: one command a row, its description wrapped to the terminal under the
 * description column. A row of usage and description ran to 200 columns and the terminal broke it mid-word
 * (Comfy-Org/ComfyUI#1781's new user, /help).
 */
public final class CommandList {
    /** The usage column's width; a longer usage (/ask's provider options) takes a line of its own. */
    private static final int USAGE = 40;
    private static final String INDENT = " ".repeat(2 + USAGE + 1);

    private CommandList() {}

    /**
     * The tree's commands and, in the REPL, the markdown prompt commands (a shell cannot run those), named as the
     * user types them there ({@code prefix} "/" or ""). A description comes from the command's prompt file when it
     * has one, else from the tree.
     */
    public static String text(CommandLine root, Map<String, PromptCommands.PromptCommand> prompts, boolean repl,
                              int width) {
        TreeSet<String> names = new TreeSet<>();
        for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
            // exit is hidden from the shell's usage: it only means something inside the REPL
            if (repl || !sub.getValue().getCommandSpec().usageMessage().hidden()) names.add(sub.getKey());
        }
        if (repl) names.addAll(prompts.keySet());
        StringBuilder out = new StringBuilder();
        for (String n : names) {
            PromptCommands.PromptCommand pc = prompts.get(n);
            CommandLine sub = root.getSubcommands().get(n);
            String desc = pc != null ? pc.description() : sub == null ? ""
                    : String.join(" ", sub.getCommandSpec().usageMessage().description());
            String hint = pc == null || pc.argumentHint().isBlank() ? "" : " " + pc.argumentHint();
            String usage = (repl ? "/" : "") + n + hint;
            String wrapped = Wrap.text(desc, Math.max(20, width - INDENT.length())).replace("\n", "\n" + INDENT);
            // a usage wider than the terminal breaks between options, its continuation indented under the name
            String longUsage = Wrap.text(usage, Math.max(20, width - 4)).replace("\n", "\n    ");
            if (usage.length() > USAGE) out.append(String.format("  %s%n%s%s%n", longUsage, INDENT, wrapped));
            else out.append(String.format("  %-" + USAGE + "s %s%n", usage, wrapped));
        }
        String last = root.getCommandSpec().resourceBundle().getString(repl ? "repl.chat" : "help.shell");
        return out.append(Wrap.text(last, width)).append(System.lineSeparator()).toString();
    }
}
