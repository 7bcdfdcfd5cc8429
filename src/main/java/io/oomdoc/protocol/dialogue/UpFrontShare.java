package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an engine that takes its share of the card at start-up "fills the card": vLLM's gpu_memory_utilization and
 * JAX's preallocation hold a fixed share whatever the job needs, so nvidia-smi shows the share, not the model. The
 * explanation is that share times the session's card, so "70 GB on an 80 GB A100, is that a leak?" is answered with
 * 0.90 x 80 GiB.
 */
final class UpFrontShare {
    /** An engine that pre-allocates: its message and its default share of the card. */
    private record Engine(String message, double share, Pattern setShare) {}

    private static final Map<String, Engine> ENGINES = Map.of(
            "vllm", new Engine("upfront.vllm", ServingPool.DEFAULT_UTILIZATION, Pattern.compile("(?i)gpu[_-]memory"
                    + "[_-]utilization\\W{0,4}(0?\\.\\d+)")),
            // docs.jax.dev/en/latest/gpu_memory_allocation.html: 75% of the card at the first operation
            "jax", new Engine("upfront.jax", 0.75, Pattern.compile("(?i)xla_(?:python_)?client_mem_fraction\\W{0,6}"
                    + "(0?\\.\\d+)")));

    /**
     * "it still fills the card", "nvidia-smi shows 70 GB, is that a leak?", "jax takes ~90% of memory": the whole
     * card's use is what is asked about, not one tensor or one setting's value.
     */
    private static final Pattern FILLS = Pattern.compile("(?i)\\bfills? (?:up )?(?:the|my|a|all|its) ?(?:whole |entire "
            + ")?(?:card|gpu|vram|memory)|\\b(?:is (?:that|this|it) a|a) (?:memory )?leak\\b|\\bnvidia-smi (?:first )?"
            + "(?:shows|says)|\\b(?:takes|grabs|occupies|reserves) (?:~|about |almost |nearly )?\\d+ ?%"
            // "it occupies 44 GB", "seems to take around 18G", "why exactly 44 GB": a size the job holds, asked about
            + "|\\b(?:takes?|taking|grabs|occupies|occupying|reserves) (?:up )?(?:~|about |around |almost |nearly )?"
            + "\\d+(?:\\.\\d+)? ?(?:gb|gib|g)\\b|\\bwhy (?:exactly |precisely )?\\d+(?:\\.\\d+)? ?(?:gb|gib|g)\\b");
    /**
     * openpi's README starts training with XLA_PYTHON_CLIENT_MEM_FRACTION=0.9 (github.com/Physical-Intelligence/openpi,
     * "Fine-tuning"), so a run of its configs (pi0_libero, pi0_fast_droid) holds 90% of the card, not JAX's 75%.
     */
    private static final Pattern OPENPI = Pattern.compile("(?i)\\bopenpi\\b"
            + "|\\bpi05?_(?:fast_)?(?:libero|droid|aloha)\\w*");
    private static final double OPENPI_SHARE = 0.9;

    private UpFrontShare() {}

    /** The share explained with the session's card; null when the session's engine holds no share up front. */
    static String of(String question, String withContext, Facts facts) {
        if (facts.framework() == null || !FILLS.matcher(question).find()) return null;
        Engine e = ENGINES.get(facts.framework());
        if (e == null) return null;
        Matcher m = e.setShare().matcher(question);
        boolean openpi = facts.framework().equals("jax") && OPENPI.matcher(withContext).find();
        double share = m.find() ? Double.parseDouble(m.group(1)) : openpi ? OPENPI_SHARE : e.share();
        String held = facts.gpuMemBytes() == null ? ""
                : Messages.get("upfront.card", String.format(Locale.ROOT, "%.2f", share),
                        Bytes.human(facts.gpuMemBytes()), Bytes.human((long) (share * facts.gpuMemBytes())));
        String said = Messages.get(e.message(), String.format(Locale.ROOT, "%.2f", share), held);
        return openpi && share == OPENPI_SHARE ? said + " " + Messages.get("upfront.jax.openpi") : said;
    }
}
