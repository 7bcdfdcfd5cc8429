package io.oomdoc.bench;

import io.oomdoc.corpus.Corpus;

import java.util.List;

/**
 * Scratch table for reading confusions (diag16b): one line per report of Corpus.trainable() and input mode with the
 * label, its alternatives, the facts read from the text and the typed features (words left out).
 * Run: bench/run.sh FeatureDump > FILE
 */
public final class FeatureDump {
    private FeatureDump() {}

    public static void main(String[] args) {
        for (var e : TrainReasoner.examples(Corpus.trainable())) {
            var f = e.evidence().facts();
            StringBuilder sb = new StringBuilder();
            e.x().values().keySet().stream().filter(k -> !k.startsWith("w:") && !k.startsWith("lw:")).sorted()
                    .forEach(k -> sb.append(k).append('|'));
            System.out.println(e.c().id() + "\t" + (e.withDescription() ? "desc" : "paste") + "\t" + e.c().category()
                    + "\t" + String.join(",", e.c().alternatives()) + "\t" + f.params() + "\t" + f.gpuMemBytes()
                    + "\t" + e.evidence().numbers().totalBytes() + "\t" + f.quant() + "\t" + f.lora() + "\t"
                    + f.model() + "\t" + sb);
        }
    }
}
