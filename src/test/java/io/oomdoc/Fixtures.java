package io.oomdoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.evidence.trace.LogText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the real fixtures under src/test/resources. */
public final class Fixtures {
    private Fixtures() {}

    public static String text(String path) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalArgumentException("missing fixture " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path path(String path) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource(path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LogText log(String path) { return LogText.of(text(path)); }

    /** The labeled development cases: real reports with category, KB entries and numbers. */
    public static List<JsonNode> devCases() {
        List<JsonNode> out = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        for (String line : text("cases/dev_oom_cases.jsonl").split("\n")) {
            if (line.isBlank()) continue;
            try {
                out.add(m.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** What a user would paste: the description followed by the trace. */
    public static String caseText(JsonNode c) {
        return c.path("context").asText() + "\n\n" + c.path("trace").asText();
    }
}
