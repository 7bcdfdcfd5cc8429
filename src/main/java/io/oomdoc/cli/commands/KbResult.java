package io.oomdoc.cli.commands;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oomdoc.knowledge.KnowledgeEntry;

import java.util.List;

/** What `oomdoc kb` found: every entry, one entry, or the entries that match the words. Rendered by KbView or JSON. */
public sealed interface KbResult {
    /** The JSON document of the result (the list itself for a listing or a search, as the contract has it). */
    Object json();

    /** One line of a listing or a search; the score only for a search. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(String id, String title, Double score) {}

    record Listing(List<Row> entries) implements KbResult {
        @Override public Object json() { return entries; }
    }

    record Shown(KnowledgeEntry entry) implements KbResult {
        @Override public Object json() { return entry; }
    }

    record Found(List<Row> hits) implements KbResult {
        @Override public Object json() { return hits; }
    }
}
