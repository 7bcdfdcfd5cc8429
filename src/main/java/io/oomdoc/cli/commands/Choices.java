package io.oomdoc.cli.commands;

import io.oomdoc.budget.Setup;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The values a setup flag accepts, for `--help` (${COMPLETION-CANDIDATES}) and REPL completion. They are the budget
 * engine's own enums, written as the flags take them, so help and validation cannot drift apart.
 */
public final class Choices {
    private Choices() {}

    /** An enum's constants as flag values: MIXED_BF16 → mixed-bf16. */
    abstract static class Names implements Iterable<String> {
        private final List<String> names;

        Names(Class<? extends Enum<?>> type) {
            names = Stream.of(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .toList();
        }

        Names(String... values) { names = List.of(values); }

        @Override public Iterator<String> iterator() { return names.iterator(); }
    }

    public static final class Mode extends Names { public Mode() { super(Setup.Mode.class); } }

    public static final class Precision extends Names { public Precision() { super(Setup.Precision.class); } }

    public static final class Optimizer extends Names { public Optimizer() { super(Setup.Optimizer.class); } }

    public static final class Loss extends Names { public Loss() { super(Setup.Loss.class); } }

    public static final class Kbit extends Names { public Kbit() { super(Setup.Kbit.class); } }

    public static final class Checkpointing extends Names {
        public Checkpointing() { super(Setup.Checkpointing.class); }
    }

    public static final class Attention extends Names { public Attention() { super(Setup.Attention.class); } }

    /** Written as users say them; Setup.parse reads 8bit as INT8 and 4bit as NF4. */
    public static final class Quant extends Names {
        public Quant() { super("none", "8bit", "4bit", "gptq", "gptq-int8", "awq", "fp8", "q8_0", "q4_0", "q4_k_m",
                "q4_1", "q5_0", "q5_1",
                "iq1_s", "iq1_m", "iq2_xxs", "iq2_xs", "iq2_s", "iq2_m", "iq3_xxs", "iq3_xs", "iq3_s", "iq3_m",
                "iq4_nl", "iq4_xs", "q4_k_s", "q5_k_s", "q5_k_m", "q6_k"); }
    }

    /** vLLM's --kv-cache-dtype: auto keeps the model's dtype. */
    public static final class KvCache extends Names { public KvCache() { super("auto", "fp8", "int8"); } }

    /** DeepSpeed ZeRO stages. */
    public static final class Zero extends Names { public Zero() { super("0", "1", "2", "3"); } }

    /** LLM providers of `ask` and `/model`. */
    public static final class Provider extends Names { public Provider() { super("openai", "anthropic", "ollama"); } }
}
