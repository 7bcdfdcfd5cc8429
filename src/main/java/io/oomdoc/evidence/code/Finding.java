package io.oomdoc.evidence.code;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One memory anti-pattern at a place in the user's code, with a fix written from their own line. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String rule, String file, int line, Integer cell, String kb, String severity, String message,
        Fix fix) {
    public record Fix(String before, String after) {}
}
