package io.oomdoc.evidence.code;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One memory anti-pattern at a place in the user's code, with a fix written from their own line. {@code function}
 * is the function it sits in (not printed): the scanner uses it to follow calls across files.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String rule, String file, int line, Integer cell, String kb, String severity, String message,
        Fix fix, @JsonIgnore String function) {
    public Finding(String rule, String file, int line, Integer cell, String kb, String severity, String message,
            Fix fix) {
        this(rule, file, line, cell, kb, severity, message, fix, null);
    }

    public record Fix(String before, String after) {}
}
