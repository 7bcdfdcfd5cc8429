package io.oomdoc.util;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.protocol.StackTable;
import io.oomdoc.protocol.facts.Lexicon;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The filters of the bundled tables never skip a text their pattern matches: every row of model/cues.tsv,
 * model/phase-words.tsv, lexicon/facts.tsv and model/stacks.tsv's log patterns, over every development report's
 * description and paste (src/test/resources/corpus), lower-cased as every caller of these tables reads them.
 * (Lower-cased only: with the texts as written too it took 180 s of wall in a loaded surefire run.)
 */
class BundledPatternsFilterTest {
    private static List<Pattern> tables() {
        List<Pattern> out = new ArrayList<>();
        for (String table : List.of("model/cues.tsv", "model/phase-words.tsv")) {
            for (String line : Resources.text(table).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                out.add(Pattern.compile(line.substring(line.indexOf('\t') + 1)));
            }
        }
        Lexicon.get().rows().forEach(r -> out.add(r.pattern()));
        StackTable.rows().stream().filter(r -> r.logged() != null).forEach(r -> out.add(r.logged()));
        return out;
    }

    @Test
    void noBundledPatternMatchesATextItsFilterSkips() {
        List<String> texts = new ArrayList<>();
        for (Case c : Corpus.development()) texts.add(c.withDescription().toLowerCase(Locale.ROOT));
        List<String> missed = new ArrayList<>();
        int skipped = 0;
        for (Pattern p : tables()) {
            LiteralFilter f = LiteralFilter.of(p);
            for (String t : texts) {
                if (f.mayMatch(t)) continue;
                skipped++;
                if (p.matcher(t).find()) missed.add(p.pattern());
            }
        }
        assertEquals(List.of(), missed.stream().distinct().toList());
        assertTrue(skipped > texts.size(), "the filters skip texts at all: " + skipped);
    }
}
