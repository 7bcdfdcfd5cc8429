package io.oomdoc.corpus;

import io.oomdoc.FixtureTexts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The form every blind report split keeps (corpus_heldout6, corpus_heldout7; see their READMEs): every line is a case
 * of corpus/SCHEMA.md labelled by the taxonomy of shared/DESIGN.md, no thread appears twice, no repository it draws
 * on is cited by any other fixture, and the tuning corpus never reads it. Only the form is checked; what the engine
 * answers is never looked at. One subclass per split.
 */
abstract class BlindCorpusSplitChecks {
    /** shared/DESIGN.md, "Category taxonomy". */
    private static final Set<String> CATEGORIES = Set.of("activations_batch", "optimizer_state_step2",
            "first_backward", "eval_accumulation", "longest_batch", "fragmentation", "leak_held_references",
            "other_process_or_zombie", "host_ram_oom", "model_too_large", "attention_seq_len", "library_workspace",
            "kv_cache_inference", "context_creation", "other");
    private static final Set<String> PHASES = Set.of("load", "forward", "backward", "optimizer_step", "eval",
            "generation", "dataloader", "startup", "unknown");
    private static final Set<String> ISSUE_TYPES = Set.of("vram_oom", "host_ram_oom", "not_oom", "unknown");
    private static final Set<String> NUMBER_KEYS = Set.of("tried_bytes", "total_bytes", "free_bytes",
            "allocated_bytes", "reserved_bytes", "reserved_unallocated_bytes", "process_in_use_bytes", "gpu_index");
    private static final Pattern KB_ID = Pattern.compile("M([1-9]|1[0-9]|20)|U(9|10|11)");
    private static final Pattern GITHUB_SOURCE = Pattern.compile("[\\w.-]+/[\\w.-]+#\\d+");

    private final Path file;
    private final int minCases;
    private final List<Path> notTunedOn;
    private final List<JsonNode> lines;
    protected final List<Case> cases;

    /**
     * @param file      the split's jsonl
     * @param cases     the split as Corpus reads it
     * @param minCases  the least number of reports its brief asked for
     * @param notTunedOn folders that may name the split's repositories because nothing is tuned on them for diagnosis:
     *                   the blind conversation set written the same day, another blind split, a scanner audit
     */
    BlindCorpusSplitChecks(Path file, List<Case> cases, int minCases, Path... notTunedOn) {
        this.file = file;
        this.cases = cases;
        this.minCases = minCases;
        this.notTunedOn = List.of(notTunedOn);
        this.lines = readLines(file);
    }

    private static List<JsonNode> readLines(Path file) {
        ObjectMapper m = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8))
                if (!line.isBlank()) out.add(m.readTree(line));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
        return out;
    }

    @Test
    void theSplitHoldsTheReportsItsBriefAskedForAndCorpusReadsThemAll() {
        assertTrue(cases.size() >= minCases, "cases: " + cases.size());
        assertEquals(lines.size(), cases.size());
    }

    @Test
    void everyCaseCarriesTheSchemaFieldsWithValuesOfTheTaxonomy() {
        List<String> bad = new ArrayList<>();
        for (JsonNode j : lines) {
            String id = j.path("id").asText("?");
            for (String text : List.of("id", "source", "group", "framework", "paste", "context", "resolution"))
                if (j.path(text).asText("").isBlank()) bad.add(id + " has no " + text);
            if (!j.path("grounded").isBoolean()) bad.add(id + " grounded is not a boolean");
            String category = j.path("category").asText();
            if (!CATEGORIES.contains(category)) bad.add(id + " category " + category);
            j.path("alternatives").forEach(a -> {
                if (!CATEGORIES.contains(a.asText()) || a.asText().equals(category))
                    bad.add(id + " alternative " + a.asText());
            });
            if (!PHASES.contains(j.path("phase").asText())) bad.add(id + " phase " + j.path("phase").asText());
            j.path("phase_alternatives").forEach(a -> {
                if (!PHASES.contains(a.asText()) || a.asText().equals(j.path("phase").asText()))
                    bad.add(id + " phase alternative " + a.asText());
            });
            if (!ISSUE_TYPES.contains(j.path("issue_type").asText())) bad.add(id + " issue_type");
            j.path("kb").forEach(k -> {
                if (!KB_ID.matcher(k.asText()).matches()) bad.add(id + " kb " + k.asText());
            });
            j.path("numbers").fieldNames().forEachRemaining(k -> {
                if (!NUMBER_KEYS.contains(k) || !j.path("numbers").path(k).canConvertToLong())
                    bad.add(id + " number " + k);
            });
        }
        assertEquals(List.of(), bad);
    }

    /** The consistency rules of corpus/AUDIT.md: host RAM goes with host RAM, a non-OOM error is category other. */
    @Test
    void issueTypeAgreesWithTheCategory() {
        List<String> bad = new ArrayList<>();
        for (Case c : cases) {
            if (c.category().equals("host_ram_oom") != c.issueType().equals("host_ram_oom")) bad.add(c.id());
            if (c.issueType().equals("not_oom") && !c.category().equals("other")) bad.add(c.id());
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void idsAndSourcesAreUniqueAndEachSourceNamesItsGroup() {
        Set<String> ids = new HashSet<>();
        Set<String> sources = new HashSet<>();
        List<String> bad = new ArrayList<>();
        for (Case c : cases) {
            if (!ids.add(c.id())) bad.add("id twice: " + c.id());
            if (!sources.add(c.source().toLowerCase(Locale.ROOT))) bad.add("source twice: " + c.source());
            // a forum or Stack Overflow thread is its own group (corpus/SCHEMA.md): the thread URL
            boolean forum = c.source().startsWith("https://") && c.source().equals(c.group());
            if (!forum && (!GITHUB_SOURCE.matcher(c.source()).matches() || !c.source().startsWith(c.group() + "#")))
                bad.add(c.id() + " source " + c.source() + " group " + c.group());
        }
        assertEquals(List.of(), bad);
    }

    /** Blind only while nothing the project tunes on knows these repositories, under any of its fixtures. */
    @Test
    void noRepositoryOfTheSplitIsCitedByAnyOtherFixture() throws IOException {
        Path own = file.getParent();
        String others = FixtureTexts.joinedExcept(p -> p.startsWith(own)
                || notTunedOn.stream().anyMatch(p::startsWith));
        List<String> cited = new ArrayList<>();
        for (Case c : cases) {
            String group = c.group().toLowerCase(Locale.ROOT);
            if (citedLaterForAnotherEngine().contains(group)) continue;
            // indexOf first: the pattern only runs where the name occurs at all.
            if (others.indexOf(group) < 0) continue;
            Pattern repo = Pattern.compile("(?<![\\w.-])" + Pattern.quote(group) + "(?![\\w-])");
            if (repo.matcher(others).find()) cited.add(c.group());
        }
        assertEquals(List.of(), cited);
    }

    /**
     * Repositories of this split that a fixture written after it was scored cites for another engine's data (the
     * budget's measured sizes, the scanner's code), with the reason beside the override; nothing of diagnosis is
     * tuned on them.
     */
    Set<String> citedLaterForAnotherEngine() { return Set.of(); }

    /**
     * Repositories whose training code the eighteenth session's scanner audit reads (scan_wild19: SPLIT.md,
     * labels*.json, and the own-code fixture scan_patterns/eval_by_train_false__*); the burned splits that hold a
     * report from one of them scored it sessions before, and nothing of diagnosis is tuned on the audit.
     */
    static final Set<String> SCANNED_BY_SCAN19 = Set.of("shwetanlp/chq-summ", "yangsenius/learning-to-learn-by-pytorch",
            "haomood/bilinear-cnn", "renginx/fr-srgan", "liyiying/feature_critic", "gaopengcuhk/stable-pix2seq",
            "znxlwm/ugatit-pytorch");

    @Test
    void theTuningCorpusNeverReadsTheSplit() {
        Set<String> tuned = new HashSet<>();
        for (Case c : Corpus.all()) tuned.add(c.id());
        assertEquals(List.of(), cases.stream().map(Case::id).filter(tuned::contains).toList());
    }
}
