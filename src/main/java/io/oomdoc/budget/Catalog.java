package io.oomdoc.budget;

import io.oomdoc.util.Resources;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a CSV catalog shipped as data (catalog/*.csv): one row per item, aliases separated by '|'. */
final class Catalog {
    record Row(String name, List<String> aliases, String[] cells) {}

    private Catalog() {}

    static List<Row> load(String resource) {
        List<Row> rows = new ArrayList<>();
        for (String line : Resources.text(resource).split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] cells = t.split(",", -1);
            List<String> aliases = new ArrayList<>();
            aliases.add(norm(cells[0]));
            for (String a : cells[1].split("\\|")) if (!a.isBlank()) aliases.add(norm(a));
            rows.add(new Row(cells[0], aliases, cells));
        }
        return rows;
    }

    // Compiled once: String.replaceAll compiles its regex on every call, and the catalogs' ~800 aliases are
    // normalised on the first name lookup of every run.
    private static final Pattern VENDOR = Pattern.compile("^(nvidia|geforce|tesla|meta-llama/|meta-|google/"
            + "|google-bert/|mistralai/|qwen/|microsoft/)\\s*");
    private static final Pattern LINE = Pattern.compile("^(geforce|tesla)\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    static String norm(String s) {
        String t = LINE.matcher(VENDOR.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("")).replaceAll("");
        return SPACES.matcher(t.replace('_', '-')).replaceAll(" ").strip();
    }

    static Optional<Row> find(List<Row> rows, String query) {
        String q = norm(query);
        for (Row r : rows) if (r.aliases.contains(q)) return Optional.of(r);
        String compact = q.replace(" ", "").replace("-", "");
        for (Row r : rows) for (String a : r.aliases) if (a.replace(" ", "").replace("-",
                "").equals(compact)) return Optional.of(r);
        // a Hub id as a user copies it from a launch command (diffusers' MODEL_NAME="black-forest-labs/FLUX.1-dev"):
        // the organisation names no shape, the repository's name is the alias
        int slash = q.lastIndexOf('/');
        if (slash >= 0 && slash < q.length() - 1) return find(rows, q.substring(slash + 1));
        // a chat or instruction-tuned release has its base's shape ("meta-llama/Llama-3.2-3B-Instruct" from a
        // training script's model_name): tried without the tag only when no alias names it as it is
        Matcher tag = VARIANT_TAG.matcher(q);
        return tag.find() ? find(rows, q.substring(0, tag.start())) : Optional.empty();
    }

    /** The tag a Hub id's release carries after the base model's name: -Instruct, -Chat, -it, -hf. */
    private static final Pattern VARIANT_TAG = Pattern.compile("-(?:instruct|chat|it|hf)$");

    /** Closest names by edit distance, for "did you mean". */
    static List<String> nearest(List<Row> rows, String query, int n) {
        String q = norm(query);
        return rows.stream()
                .map(r -> new Object[]{r.name, r.aliases.stream().mapToInt(a -> distance(a, q)).min().orElse(99)})
                .sorted(Comparator.comparingInt(o -> (Integer) o[1]))
                .limit(n).map(o -> (String) o[0]).toList();
    }

    /** Edit distance counting a swap of two neighbours as one edit: "3900" is one typo from "3090". */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + c);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
