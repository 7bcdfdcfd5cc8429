package io.oomdoc.budget;

import io.oomdoc.util.Resources;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Known model shapes (catalog/models.csv), plus nanochat's depth-parameterised family. A row may carry only a
 * parameter count (diffusion UNets, CNNs, DeepSeek's latent attention), leaving the shape columns empty.
 */
public final class ModelCatalog {
    private static final Pattern NANOCHAT = Pattern.compile("(?i)nanochat[^0-9]*(?:d|depth\\s*=?\\s*)(\\d+)");
    private static volatile List<Catalog.Row> rows;
    private static volatile Set<String> donors;

    private ModelCatalog() {}

    private static List<Catalog.Row> rows() {
        if (rows == null) rows = Catalog.load("catalog/models.csv");
        return rows;
    }

    /** The rows allowed to lend their shape to a bare size (catalog/shape-donors.txt). */
    private static Set<String> donors() {
        if (donors == null) {
            donors = Resources.text("catalog/shape-donors.txt").lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        }
        return donors;
    }

    public static Optional<ModelSpec> find(String name) {
        Matcher m = NANOCHAT.matcher(name);
        if (m.find()) return Optional.of(ModelSpec.nanochat(Integer.parseInt(m.group(1))));
        return Catalog.find(rows(), name).map(ModelCatalog::toSpec);
    }


    /**
     * The dense catalog model closest in size (within a factor of 1.5), to lend its shape to a model known only by
     * its parameter count ("a 7B model"): activations need layers and width, not just a count. Only the rows named
     * in catalog/shape-donors.txt lend a shape, so adding a model to the catalog never changes the shape a bare size
     * gets.
     */
    public static Optional<ModelSpec> closestInSize(long params) {
        ModelSpec best = null;
        double bestGap = Math.log(1.5);
        for (Catalog.Row r : rows()) {
            if (!donors().contains(r.name())) continue;
            ModelSpec m = toSpec(r);
            if (m.expertsTotal() > 0 || m.params() <= 0 || !m.hasArchitecture()) continue;
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
        ModelSpec.Mlp mlp = c.length > 13 && !c[13].isBlank()
                ? ModelSpec.Mlp.valueOf(c[13].trim().toUpperCase(java.util.Locale.ROOT)) : ModelSpec.Mlp.GUESS;
        return new ModelSpec(r.name(), Long.parseLong(c[2]), count(c, 3), count(c, 4), count(c, 5), count(c, 6),
                count(c, 7), count(c, 8), c.length > 9 && Boolean.parseBoolean(c[9]), count(c, 10), count(c, 11),
                count(c, 12), mlp, c.length > 14 && !c[14].isBlank() ? Double.parseDouble(c[14].strip()) : 0);
    }

    /** An empty or absent cell is 0: a params-only row, or a row whose head size is hidden / heads. */
    private static int count(String[] cells, int i) {
        return i < cells.length && !cells[i].isBlank() ? Integer.parseInt(cells[i].strip()) : 0;
    }
}
