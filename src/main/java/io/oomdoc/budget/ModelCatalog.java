package io.oomdoc.budget;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Known model shapes (catalog/models.csv), plus nanochat's depth-parameterised family. */
public final class ModelCatalog {
    private static final Pattern NANOCHAT = Pattern.compile("(?i)nanochat[^0-9]*(?:d|depth\\s*=?\\s*)(\\d+)");
    private static volatile List<Catalog.Row> rows;

    private ModelCatalog() {}

    private static List<Catalog.Row> rows() {
        if (rows == null) rows = Catalog.load("catalog/models.csv");
        return rows;
    }

    public static Optional<ModelSpec> find(String name) {
        Matcher m = NANOCHAT.matcher(name);
        if (m.find()) return Optional.of(ModelSpec.nanochat(Integer.parseInt(m.group(1))));
        return Catalog.find(rows(), name).map(ModelCatalog::toSpec);
    }


    /**
     * The dense catalog model closest in size (within a factor of 1.5), to lend its shape to a model known only by
     * its parameter count ("a 7B model"): activations need layers and width, not just a count.
     */
    public static Optional<ModelSpec> closestInSize(long params) {
        ModelSpec best = null;
        double bestGap = Math.log(1.5);
        for (Catalog.Row r : rows()) {
            ModelSpec m = toSpec(r);
            if (m.expertsTotal() > 0 || m.params() <= 0) continue;
            double gap = Math.abs(Math.log(m.params() / (double) params));
            if (gap <= bestGap) { best = m; bestGap = gap; }
        }
        return Optional.ofNullable(best);
    }

    public static List<String> nearest(String name) { return Catalog.nearest(rows(), name, 3); }

    public static List<String[]> aliases() {
        return rows().stream().flatMap(r -> r.aliases().stream().map(a -> new String[]{a, r.name()}))
                .sorted((x, y) -> y[0].length() - x[0].length()).toList();
    }

    private static ModelSpec toSpec(Catalog.Row r) {
        String[] c = r.cells();
        // optional columns: head_dim (when it is not hidden/heads) and the MLP kind (gated/plain)
        int headDim = c.length > 12 && !c[12].isBlank() ? Integer.parseInt(c[12].trim()) : 0;
        ModelSpec.Mlp mlp = c.length > 13 && !c[13].isBlank()
                ? ModelSpec.Mlp.valueOf(c[13].trim().toUpperCase(java.util.Locale.ROOT)) : ModelSpec.Mlp.GUESS;
        return new ModelSpec(r.name(), Long.parseLong(c[2]), Integer.parseInt(c[3]), Integer.parseInt(c[4]),
                Integer.parseInt(c[5]), Integer.parseInt(c[6]), Integer.parseInt(c[7]), Integer.parseInt(c[8]),
                Boolean.parseBoolean(c[9]), Integer.parseInt(c[10]), Integer.parseInt(c[11]), headDim, mlp);
    }
}
