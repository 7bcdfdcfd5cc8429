package io.oomdoc.evidence.code;

/**
 * What a rule needs in a file's text before the file is worth parsing for it: the scanner's whole-file prefilter is
 * the union over the enabled rules (a file is parsed whole, as written, or not at all). A rule declares one through
 * {@link Rule#fileTokens()}; a rule that declares none gets {@link #EVERY_FILE} and so is reached on every file.
 */
public enum FileTokens {
    /**
     * A backward() call (not a definition) with an optimizer step or an accumulation, in a file with a loop or with
     * state on an object: a train_step(self, batch) method whose loop is the caller's keeps a meter on `self`
     * across steps with no loop in its own file (microsoft/SpareNet#12). Or a loop that sums or collects what a step
     * function imported from the tree returns ({@code total_loss += train_step(...)}): the backward is in that file.
     */
    TRAINING_LOOP,
    /**
     * A loop, an evaluation function or a loop over evaluation data, and a call of something named like a model (or
     * of its forward by name), or a function imported from a module of the tree, which may run the model there
     * ({@link SiblingFiles}); or a loop, such an import and a method called like evaluation ({@code model.extract(b)}),
     * whose class in another file may switch to eval mode and run the model; or whatever TRAINING_LOOP admits.
     */
    EVAL_LOOP,
    /**
     * Any token of the rules that are off by default (torch.load, DDP, compute_metrics, use_cache, empty_cache, a
     * loader moving data to the GPU...) or a loop with backward() or a model call. Those rules have no finer
     * declaration yet: this union was their prefilter before each rule declared its own.
     */
    OFF_BY_DEFAULT_RULES,
    /** No declaration: every file is parsed for the rule. */
    EVERY_FILE;

    /** Whether the file's text could hold what the rule looks for. */
    public boolean admits(String code) {
        return switch (this) {
            case TRAINING_LOOP -> PythonScanner.trainingTokens(code)
                    && (PythonScanner.loopStatement(code) || code.contains("self."))
                    || PythonScanner.stepOfTheTree(code) && PythonScanner.loopStatement(code);
            // the eval rule also finds eval loops in files that show only a training loop's tokens (a loop shared by
            // both phases, a step passed to a helper, the eval one call below)
            case EVAL_LOOP -> PythonScanner.loopStatement(code) && (PythonScanner.evalContext(code)
                    && (PythonScanner.modelCall(code) || PythonScanner.importsFromTree(code))
                    || PythonScanner.evalMethodCall(code)) || TRAINING_LOOP.admits(code);
            case OFF_BY_DEFAULT_RULES -> PythonScanner.offByDefaultTokens(code);
            case EVERY_FILE -> true;
        };
    }
}
