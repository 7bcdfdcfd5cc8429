package io.oomdoc.evidence.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The code cells of a Jupyter notebook joined into one source, with the cell number of each line. */
public final class Notebook {
    public record Code(String text, int[] cellOfLine) {}

    private Notebook() {}

    public static Code read(String json) throws IOException {
        JsonNode nb = new ObjectMapper().readTree(json);
        StringBuilder sb = new StringBuilder();
        List<Integer> cells = new ArrayList<>();
        int cellNo = 0;
        for (JsonNode cell : nb.path("cells")) {
            cellNo++;
            if (!"code".equals(cell.path("cell_type").asText())) continue;
            JsonNode src = cell.path("source");
            String code;
            if (src.isArray()) {
                StringBuilder c = new StringBuilder();
                for (JsonNode l : src) c.append(l.asText());
                code = c.toString();
            } else {
                code = src.asText();
            }
            // IPython magics and shell escapes are not Python: blank them so line numbers stay.
            StringBuilder cleaned = new StringBuilder();
            for (String line : code.split("\n", -1)) {
                String s = line.stripLeading();
                cleaned.append(s.startsWith("%") || s.startsWith("!") ? "" : line).append('\n');
                cells.add(cellNo);
            }
            sb.append(cleaned);
        }
        int[] map = cells.stream().mapToInt(Integer::intValue).toArray();
        return new Code(sb.toString(), map);
    }
}
