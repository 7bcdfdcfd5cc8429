package io.oomdoc.evidence.code;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regex search over a repository (a tool for the protocol and the LLM): inside the root only, .gitignore
 * honoured, binaries and huge files skipped, files searched in parallel, output bounded.
 */
public final class RepoSearch {
    public record Hit(String file, int line, String text, List<String> before, List<String> after) {}

    public record Result(List<Hit> hits, int filesSearched, boolean truncated, List<ScanResult.Skipped> skipped) {}

    private RepoSearch() {}

    public static Result search(Path root, String regex, String glob, int maxHits, int context) throws IOException {
        Pattern p;
        try {
            p = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(ScanText.get("search.bad.regex", e.getDescription()));
        }
        java.nio.file.PathMatcher pm = glob == null ? null
                : java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
        RepoFiles.Listing listing = RepoFiles.list(root, n -> pm == null || pm.matches(Path.of(n)));
        Path realRoot = root.toRealPath();
        List<Hit> hits = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger searched = new AtomicInteger();
        AtomicInteger count = new AtomicInteger();
        listing.files().parallelStream().forEach(f -> {
            if (count.get() >= maxHits || RepoFiles.looksBinary(f)) return;
            String[] lines;
            try {
                lines = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).split("\n", -1);
            } catch (IOException e) {
                return;
            }
            searched.incrementAndGet();
            for (int i = 0; i < lines.length && count.get() < maxHits; i++) {
                if (!p.matcher(lines[i]).find()) continue;
                count.incrementAndGet();
                List<String> b = new ArrayList<>(), a = new ArrayList<>();
                for (int k = Math.max(0, i - context); k < i; k++) b.add(clip(lines[k]));
                for (int k = i + 1; k <= Math.min(lines.length - 1, i + context); k++) a.add(clip(lines[k]));
                hits.add(new Hit(RepoFiles.rel(realRoot, f), i + 1, clip(lines[i]), b, a));
            }
        });
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparing(Hit::file).thenComparingInt(Hit::line));
        boolean truncated = count.get() >= maxHits;
        return new Result(sorted.size() > maxHits ? sorted.subList(0, maxHits) : sorted, searched.get(), truncated,
                listing.skipped());
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + " …" : s;
    }
}
