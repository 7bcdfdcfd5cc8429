package io.oomdoc.protocol;

import java.util.function.Function;

/**
 * One piece of readable evidence: a test that, when it holds, says why in a sentence for the report. How much
 * it supports each cause is learned (see {@code reasoning.Reasoner}), not written here.
 */
public record Signal(String name, Function<Evidence, String> test) {}
