package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Engines;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.PhaseHints;
import io.oomdoc.protocol.Report;
import io.oomdoc.protocol.reasoning.Cues;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the job talked about trains a model or only runs it, read from the turns (newest first) and the failure
 * held: what a fit or a what-if budgets. "Would it fit on an 80 GB A100 for embedding extraction in fp16?" asks about
 * one 16-bit copy of the weights, not about 20 bytes per parameter of training state.
 */
final class Regime {
    enum Kind { TRAIN, INFER }

    private static final String TABLE = "dialogue/regime.tsv";
    private static final Set<String> RUNS_ONLY = Set.of("generation", "serving");
    private static final Set<String> TRAINS = Set.of("backward", "optimizer_step");
    /** The table's two rows. */
    private record Words(Pattern infer, Pattern train) {}

    private static volatile Words words;

    private Regime() {}

    /** The regime the newest text that says one names; else the report's engine or phase; else empty. */
    static Optional<Kind> of(List<String> newestFirst, Report report) {
        for (String text : newestFirst) {
            if (text == null || text.isBlank()) continue;
            Optional<Kind> said = named(text);
            if (said.isPresent()) return said;
        }
        if (report == null) return Optional.empty();
        if (Engines.runsModelsOnly(report.framework())
                || RUNS_ONLY.contains(String.valueOf(report.phase()))) return Optional.of(Kind.INFER);
        return TRAINS.contains(String.valueOf(report.phase())) ? Optional.of(Kind.TRAIN) : Optional.empty();
    }

    /**
     * The one regime a text names (a passage about training a LoRA, one about serving), or empty when it names both
     * or neither: the same words as a turn's.
     */
    static Optional<Kind> named(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean infer = Cues.says("phase-inference", lower) || words().infer().matcher(lower).find();
        boolean train = Cues.says("phase-training", lower) || words().train().matcher(lower).find();
        return infer == train ? Optional.empty() : Optional.of(infer ? Kind.INFER : Kind.TRAIN);
    }

    /**
     * The facts a budget is computed from: a job that only runs a model is budgeted as served (the phase hint the
     * budget reads), one that trains as trained; the facts held are not changed.
     */
    static Facts budgeted(Facts f, Optional<Kind> kind) {
        if (kind.isEmpty()) return f;
        boolean served = PhaseHints.runsOnly(f.phaseHint());
        if (kind.get() == Kind.INFER && !served) return f.with(b -> b.phaseHint(PhaseHints.GENERATION));
        if (kind.get() == Kind.TRAIN && served && !Engines.serves(f.framework())) {
            return f.with(b -> b.phaseHint(null));
        }
        return f;
    }

    /**
     * The turn's reading with the regime its words name kept as the phase hint ("training", "inference") when the
     * words name no more exact phase: what the job is doing is a fact of the session, as the card is. A phase held
     * that says when the failure came ("eval") is not replaced by the regime a later aside names ("plain Trainer").
     * A what-if's regime is only wondered about and is left to its own reading.
     */
    static FactExtractor.Reading hinted(FactExtractor.Reading r, String text, Facts held) {
        if (r.asserted().phaseHint() != null || r.hypothetical().phaseHint() != null
                || PhaseHints.saysWhen(held.phaseHint())) return r;
        return named(text).map(k -> new FactExtractor.Reading(r.asserted().with(b -> b.phaseHint(
                k == Kind.INFER ? PhaseHints.INFERENCE : PhaseHints.TRAINING)), r.negated(), r.hypothetical()))
                .orElse(r);
    }

    private static Words words() {
        if (words == null) words = read();
        return words;
    }

    private static Words read() {
        Pattern infer = null, train = null;
        try (var in = Regime.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) throw new IllegalStateException("bundled table missing: " + TABLE);
            var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cols = line.split("\t", 2);
                if (cols[0].equals("infer")) infer = Pattern.compile(cols[1]);
                else if (cols[0].equals("train")) train = Pattern.compile(cols[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Words(infer, train);
    }
}
