package io.oomdoc.cli;

import io.oomdoc.cli.commands.KbResult;
import io.oomdoc.knowledge.KnowledgeEntry;

import java.util.stream.Collectors;

/** The text view of `oomdoc kb`: an id-and-title list, one entry whole, or the matches with their scores. */
public final class KbView {
    private KbView() {}

    public static String text(KbResult r, Style style) {
        if (r instanceof KbResult.Listing l) {
            return l.entries().stream().map(e -> String.format("%-4s %s", e.id(), e.title()))
                    .collect(Collectors.joining("\n"));
        }
        if (r instanceof KbResult.Found f) {
            return f.hits().stream().map(h -> String.format("%-4s %-70s %s", h.id(), h.title(),
                    style.dim(String.format("%.2f", h.score())))).collect(Collectors.joining("\n"));
        }
        return entry(((KbResult.Shown) r).entry(), style);
    }

    private static String entry(KnowledgeEntry e, Style style) {
        return style.heading(e.id() + " · " + e.title()) + "\n\n" + e.body() + "\n\nVerify: " + e.verification()
                + "\nRelated: " + String.join(", ", e.related()) + "\nSources: " + String.join("; ", e.sources());
    }
}
