package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.Facts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;

/**
 * Evidence gathered from real reports, for the unit tests of the reasoning's parts: a corpus case by id (its source
 * is the case's "source" field) or a trace fixture by file name (its source is in traces/SOURCES.md).
 */
final class RealEvidence {
    private static final Path TRACES = Path.of("src/test/resources/traces");

    private RealEvidence() {}

    /** A case of the training data (Corpus.trainable(): the corpus and the burned blind splits) by id. */
    static Case ofId(String id) {
        return Corpus.inTrainable(id).orElseThrow(() -> new IllegalArgumentException("no trainable case " + id));
    }

    /** The case's paste as the log and its context as the user's words, as `oomdoc diagnose` gathers them. */
    static Evidence ofCase(String id) {
        Case c = corpusCase(id);
        return gather(LogText.of(c.paste()), c.context());
    }

    /** The case's paste alone as the log, with none of the reporter's words. */
    static Evidence ofPasteAlone(String id) {
        Case c = corpusCase(id);
        return gather(LogText.of(c.paste()), null);
    }

    /** The case's context alone, with no log: the words of a user who has not pasted anything yet. */
    static Evidence ofCaseWords(String id) {
        Case c = corpusCase(id);
        return gather(null, c.context());
    }

    /** A trace fixture given as the log, with no words of the user's. */
    static Evidence ofTrace(String file) {
        try {
            return gather(LogText.of(Files.readString(TRACES.resolve(file))), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words alone, with no log: what a user types before pasting anything. */
    static Evidence ofWordsAlone(String file) {
        try {
            return gather(null, Files.readString(TRACES.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A case of Corpus.all() by id, parsed alone (Corpus.inAll). */
    private static Case corpusCase(String id) {
        return Corpus.inAll(id).orElseThrow(() -> new IllegalArgumentException("no corpus case " + id));
    }

    static FeatureVector features(Evidence e) { return new FeatureExtractor().extract(e); }

    static Evidence gather(LogText log, String words) {
        return new Diagnoser().evidence(log, words, Facts.EMPTY, null, null, null, new ArrayList<>());
    }
}
