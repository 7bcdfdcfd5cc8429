package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.EvidenceGatherer;
import io.oomdoc.protocol.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The allocator's figures of every development report whose message prints the cache (Corpus.trainable() plus the
 * burned heldout12): label, reserved-but-unallocated over the request, over the card, over the live tensors, and
 * the live tensors over the card. The evidence a cache rule's thresholds are read on. Run: bench/run.sh CacheShares
 */
public final class CacheShares {
    private CacheShares() {}

    public static void main(String[] args) {
        List<Case> pool = new ArrayList<>(Corpus.development11());
        Diagnoser d = new Diagnoser();
        for (Case c : pool) {
            Report r = EvidenceGatherer.from(LogText.of(c.paste())).gather().diagnose(d);
            Map<String, Object> n = r.numbers();
            Double u = num(n, "reserved_unallocated_bytes"), t = num(n, "tried_bytes"), total = num(n, "total_bytes");
            Double a = num(n, "allocated_bytes");
            if (u == null || t == null || total == null || a == null) continue;
            System.out.printf(Locale.ROOT, "%-24s %-24s u/t %7.2f u/total %.3f u/alloc %.3f alloc/total %.3f %s%n",
                    c.category(), r.category(), u / t, u / total, u / a, a / total, c.id());
        }
    }

    private static Double num(Map<String, Object> n, String k) {
        Object v = n.get(k);
        return v == null ? null : ((Number) v).doubleValue();
    }
}
