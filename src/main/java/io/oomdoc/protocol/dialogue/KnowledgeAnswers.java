package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** How-to snippets for the user's stack and plain-words explanations, from knowledge/dialogue/. */
final class KnowledgeAnswers {
    private static final Object[][] STACK_WORDS = {
            {"hf-trainer", Pattern.compile("(?i)\\btrainer\\b|trainingarguments|\\bhf\\b|hugging ?face|transformers"
                    + "|\\btrl\\b|sfttrainer")},
            {"accelerate", Pattern.compile("(?i)accelerate")}, {"lightning", Pattern.compile("(?i)lightning")},
            {"deepspeed", Pattern.compile("(?i)deepspeed|ds_config")}, {"vllm", Pattern.compile("(?i)vllm")},
            {"sglang", Pattern.compile("(?i)sglang")}, {"tgi", Pattern.compile("(?i)\\btgi\\b|text-generation")},
            {"llamacpp", Pattern.compile("(?i)llama\\.?cpp|ollama|gguf")}, {"jax", Pattern.compile("(?i)\\bjax\\b"
                    + "|\\bxla\\b|flax")},
            {"tensorflow", Pattern.compile("(?i)tensorflow|keras|\\btf\\b")}, {"nanochat",
                    Pattern.compile("(?i)nanochat")},
            {"pytorch",
                    Pattern.compile("(?i)plain pytorch|pure pytorch|my own loop|custom loop|training loop|torch\\b")},
    };
    private static final int MAX_SNIPPETS = 2;

    private KnowledgeAnswers() {}

    static String howTo(String text, Facts facts, Report report) {
        var topic = Topics.find(Topics.howTo(), text);
        if (topic.isEmpty()) return Messages.get("howto.unknown");
        var t = topic.get();
        List<String> stacks = stacksFor(text, facts, report);
        List<String> lines = new ArrayList<>();
        int shown = 0;
        for (String s : stacks) {
            String snippet = t.texts().get(s);
            if (snippet == null || shown >= MAX_SNIPPETS) continue;
            lines.add(Messages.get("howto.head", t.name(), label(s)));
            lines.add(indent(snippet));
            shown++;
        }
        if (shown == 0) {
            for (Map.Entry<String, String> e : t.texts().entrySet()) {
                if (shown >= MAX_SNIPPETS) break;
                lines.add(Messages.get("howto.head", t.name(), label(e.getKey())));
                lines.add(indent(e.getValue()));
                shown++;
            }
        }
        if (!t.note().isBlank()) lines.add(t.note() + " [" + t.kb() + "]");
        return String.join("\n", lines);
    }

    static String explain(String text, Report report) {
        String math = arithmetic(text);
        String blocks = blocks(text);
        String extra = math != null ? math : blocks;
        String base = explainTerm(text, report);
        return extra == null ? base : extra + "\n" + base;
    }

    private static final Pattern PRODUCT = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s*[*x×]\\s*(\\d[\\d,]*(?"
            + ":\\.\\d+)?)){1,4}");
    private static final Pattern FACTOR = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");
    private static final Pattern BLOCKS = Pattern.compile("(?i)gpu blocks:?\\s*(\\d+)");
    private static final int VLLM_BLOCK_TOKENS = 16;

    /** "469530 * 9997 * 4 bytes": the user's own arithmetic, checked, in binary and decimal units. */
    static String arithmetic(String text) {
        var m = PRODUCT.matcher(text);
        if (!m.find()) return null;
        var f = FACTOR.matcher(m.group());
        double product = 1;
        List<String> parts = new ArrayList<>();
        while (f.find()) { product *= Double.parseDouble(f.group().replace(",", "")); parts.add(f.group()); }
        if (parts.size() < 2 || product < 1e6) return null;
        return Messages.get("explain.math", String.join(" × ", parts), String.format(Locale.ROOT, "%,.0f", product),
                String.format(Locale.ROOT, "%.2f", product / (1L << 30)), String.format(Locale.ROOT, "%.2f",
                        product / 1e9));
    }

    /** vLLM's "# GPU blocks: N" in tokens. */
    static String blocks(String text) {
        var m = BLOCKS.matcher(text);
        if (!m.find()) return null;
        long n = Long.parseLong(m.group(1));
        return Messages.get("explain.blocks", n, VLLM_BLOCK_TOKENS, n * VLLM_BLOCK_TOKENS);
    }

    private static String explainTerm(String text, Report report) {
        var term = Topics.find(Topics.glossary(), text);
        if (term.isEmpty()) return report == null ? Messages.get("explain.unknown") : FollowUps.answer(text, report,
                Facts.EMPTY);
        String out = term.get().texts().get("text") + " [" + term.get().kb() + "]";
        String figures = figures(term.get().name(), report);
        return figures == null ? out : out + "\n" + figures;
    }

    /** The report's own numbers behind a term, so the explanation is about this failure. */
    private static String figures(String term, Report report) {
        if (report == null) return null;
        Map<String, Object> n = report.numbers();
        if (term.startsWith("reserved") && n.get("reserved_bytes") instanceof Number r
                && n.get("allocated_bytes") instanceof Number a) {
            long idle = r.longValue() - a.longValue();
            Object tried = n.get("tried_bytes");
            return Messages.get("explain.reserved", Bytes.human(r.longValue()), Bytes.human(a.longValue()),
                    Bytes.human(idle),
                    tried instanceof Number t ? Bytes.human(t.longValue()) : "?",
                    tried instanceof Number t && idle > t.longValue() ? Messages.get("explain.reserved.frag")
                            : Messages.get("explain.reserved.full"));
        }
        if (term.startsWith("tried") && n.get("tried_bytes") instanceof Number t
                && n.get("total_bytes") instanceof Number c) {
            return Messages.get("explain.tried", Bytes.human(t.longValue()), Bytes.human(c.longValue()),
                    String.format(Locale.ROOT, "%.1f", 100.0 * t.longValue() / c.longValue()));
        }
        return null;
    }

    /** The stacks to show, most specific first: named in the question, set as a fact, implied by the failure. */
    static List<String> stacksFor(String text, Facts facts, Report report) {
        List<String> out = new ArrayList<>();
        for (Object[] row : STACK_WORDS) if (((Pattern) row[1]).matcher(text).find()) out.add((String) row[0]);
        if (facts.framework() != null) out.add(facts.framework());
        if (report != null && !report.framework().equals("unknown")) out.add(report.framework());
        out.add("hf-trainer");
        out.add("pytorch");
        return out.stream().distinct().toList();
    }

    private static String label(String stack) {
        return switch (stack) {
            case "hf-trainer" -> "HF Trainer";
            case "pytorch" -> "plain PyTorch";
            case "llamacpp" -> "llama.cpp / Ollama";
            default -> stack;
        };
    }

    private static String indent(String snippet) { return "    " + snippet.replace("\n", "\n    "); }
}
