package io.oomdoc.cli;

import org.jline.builtins.Completers;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.function.Supplier;

/**
 * Tab completion read from the picocli command spec, so a new command or option completes without a list to keep:
 * the first word completes to a slash command, a word starting with '-' to the command's options, the word after an
 * option (or after "--option=") to the option's completion candidates, and anything else to a file name.
 */
final class SpecCompleter implements Completer {
    private final CommandSpec root;
    private final Supplier<List<String>> slashNames;
    private final Completer files = new Completers.FileNameCompleter();

    /** {@code slashNames}: every slash command, the tree's and the REPL's own and the prompt files'. */
    SpecCompleter(CommandSpec root, Supplier<List<String>> slashNames) {
        this.root = root;
        this.slashNames = slashNames;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        List<String> words = line.words();
        if (words.isEmpty() || !words.get(0).startsWith("/")) return; // chat: nothing to complete
        if (line.wordIndex() == 0) {
            for (String n : slashNames.get()) out.add(new Candidate("/" + n));
            return;
        }
        CommandLine sub = root.subcommands().get(words.get(0).substring(1));
        if (sub == null) {
            files.complete(reader, line, out);
            return;
        }
        CommandSpec spec = sub.getCommandSpec();
        String word = line.word();
        int eq = word.indexOf('=');
        if (word.startsWith("-") && eq > 0) {
            OptionSpec o = spec.findOption(word.substring(0, eq));
            if (o != null && o.completionCandidates() != null) {
                for (String v : o.completionCandidates()) out.add(new Candidate(word.substring(0, eq + 1) + v));
            }
            return;
        }
        OptionSpec previous = line.wordIndex() > 0 ? spec.findOption(words.get(line.wordIndex() - 1)) : null;
        if (previous != null && previous.arity().max() > 0) {
            if (previous.completionCandidates() != null) {
                for (String v : previous.completionCandidates()) out.add(new Candidate(v));
            } else {
                files.complete(reader, line, out);
            }
            return;
        }
        if (word.startsWith("-")) {
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) for (String n : o.names()) out.add(new Candidate(n, n, null, null, null, null, true));
            }
            return;
        }
        files.complete(reader, line, out);
    }
}
