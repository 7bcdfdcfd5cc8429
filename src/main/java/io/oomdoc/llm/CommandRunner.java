package io.oomdoc.llm;

import java.util.List;

/**
 * Runs one oomdoc command line (`budget --json …`) the way the terminal would and returns what it printed. The tools
 * answer through it, so the model reads the same records, computed by the same services and serialized as `--json`,
 * that a user sees; the command tree lives in the CLI, which supplies the runner.
 */
@FunctionalInterface
public interface CommandRunner {
    /** The exit status, standard output and standard error of one run. */
    record Outcome(int exitCode, String out, String err) {}

    /** Runs {@code args} with {@code stdin} (may be empty) as standard input. */
    Outcome run(List<String> args, String stdin);
}
