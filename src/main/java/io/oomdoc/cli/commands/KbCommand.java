package io.oomdoc.cli.commands;

import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.Json;
import io.oomdoc.cli.UserError;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.knowledge.KnowledgeEntry;
import io.oomdoc.knowledge.LexicalIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "kb", mixinStandardHelpOptions = true)
public final class KbCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Parameters(descriptionKey = "kb.words", arity = "0..*", paramLabel = "ID|QUERY") List<String> words;
    @Option(names = "--json") boolean json;

    public KbCommand(AppContext ctx) { this.ctx = ctx; }

    @Override
    public Integer call() {
        KnowledgeBase kb = KnowledgeBase.bundled();
        String q = words == null ? "" : String.join(" ", words).strip();
        if (q.isEmpty()) {
            if (json) print(kb.all().stream().map(e -> Map.of("id", e.id(), "title", e.title())).toList());
            else for (KnowledgeEntry e : kb.all()) ctx.out.printf("%-4s %s%n", e.id(), e.title());
        } else if (q.matches("(?i)[MU]\\d{1,2}")) {
            KnowledgeEntry e = kb.get(q).orElseThrow(() -> new UserError("no knowledge entry " + q + "; `oomdoc kb` "
                    + "lists them"));
            if (json) print(e);
            else ctx.out.println(ctx.style.heading(e.id() + " · " + e.title()) + "\n\n" + e.body() + "\n\nVerify: "
                    + e.verification()
                    + "\nRelated: " + String.join(", ", e.related()) + "\nSources: " + String.join("; ", e.sources()));
        } else {
            List<LexicalIndex.Hit> hits = kb.search(q, 5);
            if (hits.isEmpty()) throw new UserError("nothing in the knowledge base matches \"" + q + "\"; `oomdoc "
                    + "kb` lists the entries");
            if (json) {
                print(hits.stream().map(h -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", h.entry().id()); m.put("title", h.entry().title()); m.put("score",
                            Math.round(h.score() * 100) / 100.0);
                    return m;
                }).toList());
            } else {
                for (LexicalIndex.Hit h : hits) ctx.out.printf("%-4s %-70s %s%n", h.entry().id(), h.entry().title(),
                        ctx.style.dim(String.format("%.2f", h.score())));
            }
        }
        ctx.out.flush();
        return 0;
    }

    private void print(Object o) { ctx.out.println(Json.write(o)); }
}
