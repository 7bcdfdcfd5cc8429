package io.oomdoc.protocol;

import java.util.List;

/** One candidate cause, its confidence in [0, 1], the entries behind it and the evidence that raised it. */
public record Hypothesis(Category category, double confidence, List<String> kb, List<String> evidence) {}
