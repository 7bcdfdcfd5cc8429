package io.oomdoc.protocol;

import io.oomdoc.util.Resources;

import java.util.HashMap;
import java.util.Map;

/**
 * The engines that only run models, as model/engines.tsv declares them: which serve, which run models without serving
 * them, and which place whole layers and keep the rest in system RAM. One table, so that the budget and every answer
 * that asks "is this a serving engine?" agree (four sets of names used to disagree on TensorRT-LLM and LMDeploy).
 */
public final class Engines {
    public static final String TABLE = "model/engines.tsv";

    /** One engine: whether it serves (else it only runs models) and whether it places whole layers. */
    record Row(String name, boolean serves, boolean placesLayers) {}

    private static final Map<String, Row> ROWS = parse(Resources.text(TABLE));

    private Engines() {}

    /** vLLM, SGLang, TGI, llama.cpp and the other engines that serve: their budget is an inference one. */
    public static boolean serves(String framework) {
        Row r = ROWS.get(String.valueOf(framework));
        return r != null && r.serves();
    }

    /** A serving engine, a runtime or a generation front end: a stack whose budget holds no training state. */
    public static boolean runsModelsOnly(String framework) { return ROWS.containsKey(String.valueOf(framework)); }

    /** llama.cpp and Ollama: whole layers on the card, the rest in system RAM. */
    public static boolean placesLayers(String framework) {
        Row r = ROWS.get(String.valueOf(framework));
        return r != null && r.placesLayers();
    }

    /** Rows of "engine TAB kind TAB layers"; blank lines and # comments skipped. */
    static Map<String, Row> parse(String text) {
        Map<String, Row> rows = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t");
            if (cols.length != 3 || !cols[1].strip().matches("serves|runs") || !cols[2].strip().matches("layers|-")) {
                throw new IllegalStateException("not 'engine, serves|runs, layers|-' in " + TABLE + ": " + line);
            }
            String name = cols[0].strip();
            Row row = new Row(name, cols[1].strip().equals("serves"), cols[2].strip().equals("layers"));
            if (rows.put(name, row) != null) throw new IllegalStateException("engine listed twice in " + TABLE);
        }
        return Map.copyOf(rows);
    }
}
