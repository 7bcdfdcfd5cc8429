package io.oomdoc.protocol;

import java.util.Map;
import java.util.function.Function;

/**
 * One piece of reasoning: a test on the evidence that, when it holds, says why (a sentence for the
 * report) and how much it supports each category.
 */
public record Signal(String name, Function<Evidence, String> test, Map<Category, Double> weights) {}
