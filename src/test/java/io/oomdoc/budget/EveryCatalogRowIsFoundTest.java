package io.oomdoc.budget;

import io.oomdoc.util.Resources;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The README's "Adding things" for a GPU or a model: one row in catalog/gpus.csv or catalog/models.csv. A row is
 * reachable when the lookup that budget, batch and the fact reader use finds that row, whole, by its name and by each
 * of its aliases. A row fails here when an earlier row's alias shadows it, when an alias of it already names another
 * row, or when a cell does not read (a size that is not a number throws only when the row is first looked up).
 */
class EveryCatalogRowIsFoundTest {
    /** The rows of a bundled catalog as its file holds them: name, then its aliases. */
    private static List<List<String>> rows(String resource) {
        List<List<String>> out = new ArrayList<>();
        for (String line : Resources.text(resource).split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] cells = t.split(",", -1);
            List<String> names = new ArrayList<>(List.of(cells[0]));
            for (String a : cells[1].split("\\|")) if (!a.isBlank()) names.add(a.strip());
            out.add(names);
        }
        return out;
    }

    private static List<String> unreachable(String resource, Function<String, Optional<String>> find) {
        List<String> lost = new ArrayList<>();
        for (List<String> row : rows(resource)) {
            for (String typed : row) {
                String found;
                try {
                    found = find.apply(typed).orElse("nothing");
                } catch (RuntimeException e) {
                    found = e.toString();
                }
                if (!found.equals(row.get(0))) lost.add("'" + typed + "' finds " + found + ", not " + row.get(0));
            }
        }
        return lost;
    }

    @Test
    void everyGpuRowIsFoundByItsNameAndItsAliases() {
        assertTrue(rows("catalog/gpus.csv").size() >= 100, "the GPU catalog is read");
        assertEquals(List.of(), unreachable("catalog/gpus.csv", n -> GpuCatalog.find(n).map(GpuCatalog.Gpu::name)));
    }

    @Test
    void everyModelRowIsFoundByItsNameAndItsAliases() {
        assertTrue(rows("catalog/models.csv").size() >= 150, "the model catalog is read");
        assertEquals(List.of(), unreachable("catalog/models.csv", n -> ModelCatalog.find(n).map(ModelSpec::name)));
    }
}
