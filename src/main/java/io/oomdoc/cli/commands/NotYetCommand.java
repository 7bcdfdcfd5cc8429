package io.oomdoc.cli.commands;

import io.oomdoc.cli.UserError;

/** Shared behaviour of commands whose engine has not landed: one clear line and exit 1. */
abstract class NotYetCommand implements java.util.concurrent.Callable<Integer> {
    private final String what;

    NotYetCommand(String what) { this.what = what; }

    @Override
    public Integer call() {
        throw new UserError(what + " is not available yet in this version of oomdoc");
    }
}
