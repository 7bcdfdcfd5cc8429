package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The figures an expert computes before answering in words: a byte count in MiB, what is left of a card, a memory
 * fraction in GiB, a model's weights in every format, its KV cache at a length. Every short answer (explain, follow-up,
 * statement) starts with those that the turn calls for, whichever intent it was read as. A new calculation is one
 * row of {@link #ALL}.
 */
final class Calculations {
    /** What a calculation reads: the turn, the turn with the turns before it, and the facts held. */
    record Ask(String text, String withContext, Facts facts) {}

    static final List<Function<Ask, String>> ALL = List.of(
            a -> KnowledgeAnswers.shape(a.text()),
            a -> KnowledgeAnswers.arithmetic(a.text()),
            KnowledgeAnswers::size,
            a -> Figures.of(a.text()),
            Fractions::of,
            FormatTable::of,
            KvCache::of,
            a -> KnowledgeAnswers.blocks(a.text()));

    /** At most this many computed lines: the answer stays short. */
    private static final int MAX = 2;


    private Calculations() {}

    /** The computed lines the turn calls for, or null when none applies. */
    static String of(String text, String withContext, Facts facts) {
        Ask ask = new Ask(text, withContext == null ? text : withContext, facts);
        List<String> out = new ArrayList<>();
        for (Function<Ask, String> c : ALL) {
            String line = c.apply(ask);
            if (line != null && out.size() < MAX) out.add(line);
        }
        return out.isEmpty() ? null : String.join("\n", out.stream().filter(Objects::nonNull).toList());
    }
}
