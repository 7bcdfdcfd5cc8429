package io.oomdoc.protocol.reasoning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The typed evidence of one case as named features: a value for the model, and for the features that
 * came from a readable rule, the sentence that says why it fired (shown as a hypothesis's evidence).
 */
public record FeatureVector(Map<String, Double> values, Map<String, String> reasons) {

    public static FeatureVector.Builder builder() { return new Builder(); }

    public static final class Builder {
        private final Map<String, Double> values = new LinkedHashMap<>();
        private final Map<String, String> reasons = new LinkedHashMap<>();

        public Builder set(String name, double value, String reason) {
            values.put(name, value);
            if (reason != null && !reason.isEmpty()) reasons.put(name, reason);
            return this;
        }

        public Builder flag(String name) { return set(name, 1.0, null); }

        /** Copies keep the order the rules fired in: Map.copyOf's order changes from run to run, and with it the
         *  order of tied evidence sentences in the report. */
        public FeatureVector build() {
            return new FeatureVector(Collections.unmodifiableMap(new LinkedHashMap<>(values)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(reasons)));
        }
    }
}
