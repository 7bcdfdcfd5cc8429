package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

/**
 * Sixteenth session (diag16): one line per Corpus.trainable() case and mode with the phase label, the category label
 * and the phase model's non-word inputs, to count candidate phase signals against the labels offline (development
 * data only). Run: bench/run.sh PhaseFeatureDump > FILE
 */
public final class PhaseFeatureDump {
    private PhaseFeatureDump() {}

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--text")) {
            // One line per case: id, phase, category, description + paste, paste (tabs and newlines escaped).
            for (var c : Corpus.trainable()) {
                System.out.println(String.join("\t", c.id(), c.phase(), c.category(), esc(c.withDescription()),
                        esc(c.paste())));
            }
            return;
        }
        for (var e : TrainReasoner.examples(Corpus.trainable())) {
            var feats = e.x().values().keySet().stream().filter(PhaseMissesTrainable.Reasoner16::phaseInput)
                    .filter(k -> !k.startsWith("w:") && !k.startsWith("lw:")).sorted().toList();
            System.out.println((e.withDescription() ? "desc " : "paste ") + e.c().id() + " " + e.c().phase() + " "
                    + e.c().category() + " " + String.join(" ", feats));
        }
    }
}
