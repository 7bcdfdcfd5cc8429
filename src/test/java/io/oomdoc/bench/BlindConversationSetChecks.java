package io.oomdoc.bench;

import io.oomdoc.FixtureTexts;
import io.oomdoc.protocol.dialogue.Transcripts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
 * The form every blind conversation set keeps: each file reads as turns the transcript judge can score, expects
 * something, cites one thread of its own, and the hash split leaves conversations in both halves. Only the form is
 * checked; what the engine answers is never looked at, because a closed half is only ever scored. A set's test
 * extends this with its folder and its size.
 */
abstract class BlindConversationSetChecks {
    /** The intents of src/test/resources/conversations/FORMAT.md. */
    private static final Set<String> INTENTS = Set.of("new_failure", "follow_up", "what_if", "how_to", "explain",
            "correction", "answer", "statement", "fit", "small_talk");
    /** FORMAT.md's fact keys, plus host_ram as in the third set. */
    private static final Set<String> FACT_KEYS = Set.of("gpu", "gpu_mem", "gpus", "model", "params", "batch", "seq",
            "precision", "optimizer", "checkpointing", "lora_rank", "quant", "zero", "framework", "phase", "host_ram");
    static final Pattern SOURCE = Pattern.compile("(?m)^source:\\s*(https?://\\S+)\\s*$");
    /** The size every blind set had until the thirty-third, whose brief asked for a shorter set. */
    private static final int MIN_CONVERSATIONS = 40;

    final Path folder;
    final List<Transcripts.Transcript> set;
    private final int minTurns;
    private final int minConversations;

    BlindConversationSetChecks(Path folder, int minTurns) {
        this(folder, minTurns, MIN_CONVERSATIONS);
    }

    BlindConversationSetChecks(Path folder, int minTurns, int minConversations) {
        this.folder = folder;
        this.set = Transcripts.all(folder);
        this.minTurns = minTurns;
        this.minConversations = minConversations;
    }

    /**
     * Indexes that quote lines of sets already scored, naming the file each line comes from: they cite a set's
     * threads because they point into the set, not because anything was written or tuned from those threads.
     */
    static final List<Path> INDEXES_OF_SCORED_SETS = List.of(Path.of("src/test/resources/stacks/phrasings.tsv"));

    /** Every text fixture under src/test/resources outside {@code own}, lower-cased and joined. */
    static String fixturesOutside(Path own, Path... otherBlindSets) {
        return FixtureTexts.joinedExcept(p -> p.startsWith(own) || INDEXES_OF_SCORED_SETS.contains(p)
                || java.util.Arrays.stream(otherBlindSets).anyMatch(p::startsWith));
    }

    /**
     * The set as written: its folder's conversations plus those later moved to ../conversations/ as fixtures, which
     * keep the set's file prefix (J01-… for the ninth set).
     */
    @Test
    void theSetHasAtLeastFortyConversationsAndItsTurns() {
        List<Transcripts.Transcript> written = new ArrayList<>(set);
        String prefix = set.isEmpty() ? null : set.get(0).file().substring(0, 1);
        if (prefix != null && Character.isLetter(prefix.charAt(0))) {
            Transcripts.all().stream().filter(t -> t.file().matches(Pattern.quote(prefix) + "\\d\\d-.*"))
                    .forEach(written::add);
        }
        int turns = written.stream().mapToInt(t -> t.turns().size()).sum();
        assertTrue(written.size() >= minConversations, "conversations: " + written.size());
        assertTrue(turns >= minTurns, "turns: " + turns);
    }

    @Test
    void everyTurnHasInputAndAnIntentOfTheFormat() {
        List<String> bad = new ArrayList<>();
        for (var t : set) {
            if (t.turns().size() < 3) bad.add(t.file() + " has " + t.turns().size() + " turns");
            for (int i = 0; i < t.turns().size(); i++) {
                var turn = t.turns().get(i);
                if (turn.input().isBlank() || !INTENTS.contains(turn.intent()))
                    bad.add(t.file() + " #" + (i + 1) + " intent " + turn.intent());
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void everyFactIsKeyEqualsValueWithAKeyOfTheFormat() {
        List<String> bad = new ArrayList<>();
        for (var t : set)
            for (var turn : t.turns())
                for (String f : turn.facts()) {
                    int eq = f.indexOf('=');
                    if (eq < 1 || eq == f.length() - 1 || !FACT_KEYS.contains(f.substring(0, eq).strip()))
                        bad.add(t.file() + ": " + f);
                }
        assertEquals(List.of(), bad);
    }

    /** A turn with nothing to check always holds, which would inflate the figure the set is kept for. */
    @Test
    void everyTurnButSmallTalkExpectsSomethingAndEveryShortAnswerHasALineBound() {
        List<String> bad = new ArrayList<>();
        for (var t : set)
            for (int i = 0; i < t.turns().size(); i++) {
                var turn = t.turns().get(i);
                if (!turn.intent().equals("small_talk") && turn.expects().isEmpty())
                    bad.add(t.file() + " #" + (i + 1) + " expects nothing");
                if (!turn.intent().equals("new_failure") && turn.maxLines() == null)
                    bad.add(t.file() + " #" + (i + 1) + " has no max-lines");
            }
        assertEquals(List.of(), bad);
    }

    @Test
    void everyFileCitesOneSourceThreadThatNoOtherFileUses() throws IOException {
        Set<String> seen = new HashSet<>();
        List<String> bad = new ArrayList<>();
        for (var t : set) {
            var m = SOURCE.matcher(Files.readString(folder.resolve(t.file())));
            if (!m.find()) bad.add(t.file() + " has no source line");
            else if (!seen.add(m.group(1))) bad.add(t.file() + " repeats " + m.group(1));
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void bothHalvesOfTheSplitHoldConversations() {
        long readable = set.stream().filter(t -> ConversationBench.developmentHalf(folder, t.file())).count();
        assertTrue(readable > 0 && readable < set.size(), readable + " of " + set.size() + " in the readable half");
    }

    /**
     * The files of this set whose source thread another fixture under src/test/resources cites, as a URL or a GitHub
     * thread as owner/repo#N; a blind twin written in the same hours and only ever scored is left out.
     */
    List<String> sourcesCitedOutside(Path... blindTwins) throws IOException {
        String others = fixturesOutside(folder, blindTwins);
        List<String> bad = new ArrayList<>();
        for (var t : set) {
            var m = SOURCE.matcher(Files.readString(folder.resolve(t.file())));
            if (!m.find()) continue;
            String url = m.group(1).toLowerCase(Locale.ROOT).replaceAll("/+$", "");
            if (HeldOutSixTest.cites(others, url)) bad.add(t.file() + " cites " + url);
        }
        return bad;
    }

    /** The pairs of this set's files whose source threads sit in the same GitHub repository. */
    List<String> filesSharingASourceRepository() throws IOException {
        var seen = new java.util.HashMap<String, String>();
        List<String> shared = new ArrayList<>();
        for (var t : set) {
            var m = SOURCE.matcher(Files.readString(folder.resolve(t.file())));
            if (!m.find()) continue;
            var repo = java.util.regex.Pattern.compile("github\\.com/([^/]+/[^/]+)/").matcher(m.group(1));
            if (!repo.find()) continue;
            String key = repo.group(1).toLowerCase(Locale.ROOT);
            String before = seen.putIfAbsent(key, t.file());
            if (before != null) shared.add(before + " and " + t.file() + " share " + key);
        }
        return shared;
    }
}
