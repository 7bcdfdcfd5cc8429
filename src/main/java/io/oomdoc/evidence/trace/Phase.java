package io.oomdoc.evidence.trace;

import java.util.Locale;

/** Where in the job the memory ran out. Names are the JSON values of DESIGN.md. */
public enum Phase {
    LOAD, FORWARD, BACKWARD, OPTIMIZER_STEP, EVAL, GENERATION, DATALOADER, STARTUP, UNKNOWN;

    public String json() { return name().toLowerCase(Locale.ROOT); }
}
