package io.oomdoc.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One case by id from the corpus files, parsing only the lines that quote the id. The files' text is read once a JVM;
 * a file Corpus has parsed already is searched as parsed.
 */
final class CaseLookup {
    private static final Map<Path, List<String>> LINES = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseLookup() {}

    /** The first case with this id in these files, in their order and each file's line order. */
    static Optional<Case> first(String id, List<Path> files) {
        String quoted = "\"" + id + "\"";
        for (Path f : files) {
            List<Case> parsed = Corpus.parsedOrNull(f);
            if (parsed != null) {
                for (Case c : parsed) if (c.id().equals(id)) return Optional.of(c);
                continue;
            }
            for (String line : lines(f)) {
                // a cheap filter first: the id also quoted elsewhere in a line is settled by the parsed id below
                if (!line.contains(quoted)) continue;
                JsonNode j = parse(line, f);
                if (j.path("id").asText().equals(id)) return Optional.of(Corpus.of(j, f.getFileName().toString()));
            }
        }
        return Optional.empty();
    }

    private static List<String> lines(Path f) {
        return LINES.computeIfAbsent(f.toAbsolutePath().normalize(), p -> {
            try {
                return Files.readAllLines(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
            }
        });
    }

    private static JsonNode parse(String line, Path f) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
