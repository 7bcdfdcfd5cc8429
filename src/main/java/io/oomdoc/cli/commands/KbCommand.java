package io.oomdoc.cli.commands;

import io.oomdoc.cli.CliText;
import io.oomdoc.cli.Output;
import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.KbView;
import io.oomdoc.cli.UserError;
import io.oomdoc.knowledge.KnowledgeBase;
import io.oomdoc.knowledge.LexicalIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "kb", mixinStandardHelpOptions = true)
public final class KbCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Parameters(descriptionKey = "kb.words", arity = "0..*", paramLabel = "ID|QUERY") List<String> words;
    @Option(names = "--json") boolean json;

    public KbCommand(AppContext ctx) { this.ctx = ctx; }

    @Override
    public Integer call() {
        KbResult r = find(KnowledgeBase.bundled(), words == null ? "" : String.join(" ", words).strip());
        Output.print(ctx, json, r.json(), () -> KbView.text(r, ctx.style) + System.lineSeparator());
        return 0;
    }

    /** The entries, the entry named by its id, or the five that match the words best. */
    static KbResult find(KnowledgeBase kb, String q) {
        if (q.isEmpty()) {
            return new KbResult.Listing(kb.all().stream().map(e -> new KbResult.Row(e.id(), e.title(), null)).toList());
        }
        if (q.matches("(?i)[MU]\\d{1,2}")) {
            return new KbResult.Shown(kb.get(q).orElseThrow(() -> new UserError(CliText.get("kb.no.entry",
                    q))));
        }
        List<LexicalIndex.Hit> hits = kb.search(q, 5);
        if (hits.isEmpty()) throw new UserError(CliText.get("kb.no.match", q));
        return new KbResult.Found(hits.stream().map(h -> new KbResult.Row(h.entry().id(), h.entry().title(),
                Math.round(h.score() * 100) / 100.0)).toList());
    }

}
