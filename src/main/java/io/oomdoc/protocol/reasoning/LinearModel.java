package io.oomdoc.protocol.reasoning;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multinomial logistic model read from a weights table: one row per (feature, label, weight), the bias
 * under the feature {@value #BIAS}. The table is written by the trainer (bench/run.sh TrainReasoner) and
 * bundled as a resource, so reasoning at run time is a dot product and a softmax, deterministic and fast.
 */
public final class LinearModel {
    public static final String BIAS = "__bias__";

    private final List<String> labels;
    private final Map<String, double[]> weights;

    public LinearModel(List<String> labels, Map<String, double[]> weights) {
        this.labels = List.copyOf(labels);
        this.weights = Map.copyOf(weights);
    }

    public List<String> labels() { return labels; }

    /** Probability per label, in the order of {@link #labels()}. */
    public double[] probabilities(FeatureVector x) { return probabilities(x, new double[labels.size()]); }

    /** Probabilities with fixed offsets added to the scores (e.g. an expert prior). */
    public double[] probabilities(FeatureVector x, double[] offsets) {
        double[] z = offsets.clone();
        add(z, weights.get(BIAS), 1.0);
        for (var f : x.values().entrySet()) add(z, weights.get(f.getKey()), f.getValue());
        return softmax(z);
    }

    /** How much one feature pushed a label up, for explaining a hypothesis. */
    public double contribution(String feature, double value, String label) {
        double[] w = weights.get(feature);
        int i = labels.indexOf(label);
        return w == null || i < 0 ? 0 : w[i] * value;
    }

    public boolean knows(String feature) { return weights.containsKey(feature); }

    /** A scalar stored as a row of equal values (0 when absent). */
    public double scalar(String name) {
        double[] w = weights.get(name);
        return w == null || w.length == 0 ? 0 : w[0];
    }

    /** This model with a scalar row set. */
    public LinearModel withScalar(String name, double v) {
        var w = new java.util.HashMap<>(weights);
        double[] row = new double[labels.size()];
        java.util.Arrays.fill(row, v);
        w.put(name, row);
        return new LinearModel(labels, w);
    }

    /** This model with whole rows set (tables a caller reads by name, not features). */
    public LinearModel withRows(Map<String, double[]> rows) {
        var w = new java.util.HashMap<>(weights);
        w.putAll(rows);
        return new LinearModel(labels, w);
    }

    /** This model with the rows of another table added, its columns matched to these labels by name. */
    public LinearModel with(LinearModel other) {
        var w = new java.util.HashMap<>(weights);
        other.weights.forEach((feature, row) -> {
            double[] mapped = new double[labels.size()];
            for (int i = 0; i < mapped.length; i++) {
                int j = other.labels.indexOf(labels.get(i));
                if (j >= 0) mapped[i] = row[j];
            }
            w.put(feature, mapped);
        });
        return new LinearModel(labels, w);
    }

    /** This model with only the rows whose feature the filter keeps (to write a block to its own table). */
    public LinearModel rows(java.util.function.Predicate<String> keep) {
        var w = new java.util.HashMap<String, double[]>();
        weights.forEach((feature, row) -> { if (keep.test(feature)) w.put(feature, row); });
        return new LinearModel(labels, w);
    }

    private static void add(double[] z, double[] w, double v) {
        if (w == null) return;
        for (int i = 0; i < z.length; i++) z[i] += w[i] * v;
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) max = Math.max(max, v);
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) { p[i] = Math.exp(z[i] - max); sum += p[i]; }
        for (int i = 0; i < z.length; i++) p[i] /= sum;
        return p;
    }

    /** Reads a table written by {@link #write}: a header "feature\tlabel1\tlabel2..." then one row per feature. */
    public static LinearModel read(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = r.readLine();
            while (header != null && header.startsWith("#")) header = r.readLine();
            if (header == null) throw new IllegalArgumentException("empty weights table");
            String[] h = header.split("\t");
            List<String> labels = List.of(h).subList(1, h.length);
            Map<String, double[]> w = new HashMap<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] c = line.split("\t");
                double[] row = new double[labels.size()];
                for (int i = 0; i < row.length && i + 1 < c.length; i++) row[i] = cell(c[i + 1]);
                w.put(c[0], row);
            }
            return new LinearModel(labels, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Powers of ten that a double holds exactly. */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15};

    /**
     * A weight as Double.parseDouble reads it. The tables hold a few thousand plain decimals ("-1.1274") and the
     * general parser was a fifth of the weights' cold load: with at most 15 digits the digits and the power of ten
     * are exact doubles, so one division, rounded once, gives the nearest double, which is what parseDouble
     * returns. Anything else (an exponent, more digits, a sign '+') goes to parseDouble.
     */
    static double cell(String s) {
        int n = s.length();
        boolean negative = n > 0 && s.charAt(0) == '-';
        long digits = 0;
        int count = 0, scale = -1;
        for (int i = negative ? 1 : 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && scale < 0) {
                scale = 0;
                continue;
            }
            if (c < '0' || c > '9' || ++count > 15) return Double.parseDouble(s);
            digits = digits * 10 + (c - '0');
            if (scale >= 0) scale++;
        }
        if (count == 0) return Double.parseDouble(s);
        double v = scale <= 0 ? digits : digits / POW10[scale];
        return negative ? -v : v;
    }

    /** A bundled table, or null when it is not shipped (a block the last training left out). */
    public static LinearModel optionalResource(String path) {
        InputStream in = LinearModel.class.getClassLoader().getResourceAsStream(path);
        return in == null ? null : read(in);
    }

    public static LinearModel resource(String path) {
        InputStream in = LinearModel.class.getClassLoader().getResourceAsStream(path);
        if (in == null) throw new IllegalStateException("bundled weights missing: " + path);
        return read(in);
    }

    /** The table as text, features sorted for stable diffs; weights rounded to what changes a decision. */
    public String write(String comment) {
        StringBuilder sb = new StringBuilder();
        for (String l : comment.split("\n")) sb.append("# ").append(l).append('\n');
        sb.append("feature\t").append(String.join("\t", labels)).append('\n');
        Map<String, double[]> sorted = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(weights.keySet());
        names.sort(String::compareTo);
        for (String n : names) sorted.put(n, weights.get(n));
        for (var e : sorted.entrySet()) {
            sb.append(e.getKey());
            for (double v : e.getValue()) sb.append('\t').append(String.format(java.util.Locale.ROOT, "%.4f", v));
            sb.append('\n');
        }
        return sb.toString();
    }
}
