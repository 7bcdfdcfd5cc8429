package io.oomdoc.protocol.facts;

import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.budget.ModelCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The catalogs' aliases compiled afresh (Names keeps the compiled lists for the process, so what is checked here is
 * the compiling itself: separators that match a space, a dash, an underscore or nothing, vendor prefixes that may be
 * left out, the longest alias tried first). Model sentences: catalog/model_mentions.tsv, one public thread each;
 * card sentences: the spellings of TypedGpuNamesTest.
 */
class FreshAliasesTest {
    // compiled in each test, not once for the class: a list kept in a static field is the very cache that hides
    // the compiling from a mutation test

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("io.oomdoc.protocol.facts.ModelMentionsTest#mentions")
    void aModelNamedInAThreadIsFoundByTheFreshlyCompiledAliases(String model, String thread, String sentence) {
        List<Mention> out = new ArrayList<>();
        Names.models(sentence.toLowerCase(Locale.ROOT), sentence, Names.compile(ModelCatalog.aliases(), false), out);
        assertTrue(out.stream().anyMatch(m -> m.key().equals("model") && m.value().equalsIgnoreCase(model)),
                thread + ": " + out);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "I have a GTX 970|GeForce GTX 970",
            "training on an RTX A4500|RTX A4500",
            "lora on a 4080 Super, cuda oom|GeForce RTX 4080 Super",
            "3090ti, batch 4|GeForce RTX 3090 Ti",
            "on an rtx 3090 ti|GeForce RTX 3090 Ti",
            "8x H100 NVL|H100 NVL",
            "RTX 6000 Ada workstation|RTX 6000 Ada",
            "rocm on an RX 7900 XTX|Radeon RX 7900 XTX",
            "old tesla m40 from ebay|Tesla M40 12GB",
            "one l40 in the rack|L40"})
    void aTypedCardIsFoundByTheFreshlyCompiledAliases(String sentence, String card) {
        List<Mention> out = new ArrayList<>();
        Names.gpus(sentence.toLowerCase(Locale.ROOT), Names.compile(GpuCatalog.aliases(), true), out);
        assertEquals(List.of(card), out.stream().map(Mention::value).distinct().toList(), sentence);
    }
}
