package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.SetupFromFacts;
import io.oomdoc.util.Bytes;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What moving memory to the CPU would do, computed from the setup held: the optimizer state or the parameters
 * offloaded (ZeRO's offload_optimizer/offload_param, FSDP's CPUOffload), vLLM's --cpu-offload-gb, and how many
 * layers a llama.cpp or Ollama run keeps on the GPU (-ngl, num_gpu). None of these is a fact the extractor keeps, so
 * the figure is computed here from the turn's own words; without a model held there is nothing to compute.
 */
final class OffloadChange {
    // llama.cpp says "offload 60 layers" for putting them on the GPU; Ollama's num_gpu is the same count.
    private static final Pattern LAYERS = Pattern.compile("(?i)(?:-ngl|--n-gpu-layers|n_gpu_layers|num_gpu"
            + "|gpu[_ ]layers)\\s*(?:[=:]|to)?\\s*(\\d{1,3})\\b"
            + "|\\b(\\d{1,3})\\s+(?:of\\s+(?:the\\s+|its\\s+)?\\d+\\s+)?"
            // "10 layers of a 7B Q4_K_M chat model on the card": the model may be named between
            + "layers\\s+(?:of\\s+(?:a|an|the|its|this|that)\\s+[^.?!]{1,40}?\\s+)?(?:on|to|onto|in)\\s+(?:the\\s+)?"
            + "(?:gpu|vram|card)|offload\\s+(\\d{1,3})\\s+layers"
            + "|layers\\s+on\\s+the\\s+(?:gpu|card),?\\s+(?:say|like|to)?\\s*(\\d{1,3})\\b");
    private static final Pattern CPU_GB =
            Pattern.compile("(?i)cpu[-_]offload[-_]gb\\s*[=:]?\\s*(\\d{1,4}(?:\\.\\d+)?)");
    private static final Pattern PARAMS = Pattern.compile("(?i)offload(?:ing)?[_ ]?(?:the\\s+)?(?:param|weights)"
            + "|offload_params\\s*=\\s*true|param(?:eter)?s?\\s+(?:offload|to\\s+(?:the\\s+)?cpu)");
    private static final Pattern STATES = Pattern.compile("(?i)offload(?:ing)?[_ ]?(?:the\\s+)?optimi[sz]er"
            + "|optimi[sz]er(?:\\s+state)?\\s+(?:offload|to\\s+(?:the\\s+)?cpu|on\\s+(?:the\\s+)?cpu)|cpu[ _-]?offload"
            + "|cpuoffload|zero[- ]?offload|offload\\s+to\\s+(?:the\\s+)?cpu");
    /** "turn CPU offload off", "don't offload at all": the states stay on the GPU, the figure without offload. */
    private static final Pattern WITHOUT = Pattern.compile("(?i)offload\\w*\\s+off\\b|\\b(?:don'?t|do not|no|not|never|"
            + "without)\\s+(?:\\w+\\s+)?(?:cpu\\s+)?offload");
    /** diffusers' enable_model_cpu_offload / sequential offload move pipeline parts, not optimizer state. */
    private static final Pattern PIPELINE = Pattern.compile("(?i)enable_|model[_ ]cpu[_ ]offload|sequential|pipe");
    /** What llama.cpp keeps on the GPU besides the layers' share: its compute buffer and the CUDA context. */
    private static final long SERVING_RESERVE = Bytes.GIB;

    private OffloadChange() {}

    /** The computed effect, or null when the turn names none of these changes or no model is held. */
    static String of(String text, Facts f) {
        Optional<Setup> held = SetupFromFacts.from(f);
        if (held.isEmpty()) return null;
        var layers = LAYERS.matcher(text);
        if (layers.find()) {
            String n = layers.group(1) != null ? layers.group(1) : layers.group(2) != null ? layers.group(2)
                    : layers.group(3) != null ? layers.group(3) : layers.group(4);
            return gpuLayers(held.get(), f, Integer.parseInt(n));
        }
        var gb = CPU_GB.matcher(text);
        if (gb.find()) return cpuOffloadGb(held.get(), f, Double.parseDouble(gb.group(1)));
        boolean params = PARAMS.matcher(text).find(), without = WITHOUT.matcher(text).find();
        if ((params || without || STATES.matcher(text).find()) && held.get().mode() == Setup.Mode.TRAIN
                && !PIPELINE.matcher(text).find()) {
            return states(held.get(), f, params, without);
        }
        return null;
    }

    /** "How many of its layers could the 4090 hold?": the most layers whose weights and cache fit the card. */
    private static final Pattern HOW_MANY_LAYERS = Pattern.compile("(?i)how many (?:of (?:its |the )?)?"
            + "(?:\\w+ )?layers");

    /** The layers that fit the card held, computed, or null when the turn does not ask or nothing is held. */
    static String layersThatFit(String text, Facts f) {
        if (!HOW_MANY_LAYERS.matcher(text).find() || f.gpuMemBytes() == null) return null;
        Optional<Setup> held = SetupFromFacts.from(f);
        if (held.isEmpty() || held.get().model().layers() <= 0) return null;
        Setup s = held.get();
        Budget all = new BudgetEngine().estimate(s.withBatch(Math.max(1, s.batch())), f.gpuMemBytes());
        long perLayer = (all.perGpuBytes().weights() + all.perGpuBytes().kvCache()) / s.model().layers();
        if (perLayer <= 0) return null;
        int most = (int) Math.min(s.model().layers(), Math.max(0, (f.gpuMemBytes() - SERVING_RESERVE) / perLayer));
        return Messages.get("offload.layers.most", most, s.model().layers(), Bytes.human(f.gpuMemBytes()),
                Bytes.human(perLayer), Bytes.human(all.perGpuBytes().weights()), most);
    }

    /** N of L layers on the GPU: their share of the weights and of the KV cache; the rest sits in host RAM. */
    private static String gpuLayers(Setup s, Facts f, int asked) {
        int total = s.model().layers();
        if (total <= 0) return null;
        int n = Math.min(asked, total);
        Budget all = new BudgetEngine().estimate(s.withBatch(Math.max(1, s.batch())), f.gpuMemBytes());
        long weights = all.perGpuBytes().weights(), kv = all.perGpuBytes().kvCache();
        long onGpu = weights * n / total, kvOnGpu = kv * n / total;
        String line = Messages.get("offload.layers", n, total, Bytes.human(weights), Bytes.human(onGpu),
                Bytes.human(weights - onGpu), kv > 0 ? Messages.get("offload.layers.kv", Bytes.human(kvOnGpu)) : "");
        if (f.gpuMemBytes() == null) return line;
        long need = onGpu + kvOnGpu + SERVING_RESERVE, card = f.gpuMemBytes();
        long perLayer = (weights + kv) / total;
        int most = perLayer <= 0 ? total : (int) Math.min(total, Math.max(0, (card - SERVING_RESERVE) / perLayer));
        return line + "\n" + Messages.get(need <= card ? "offload.layers.fits" : "offload.layers.nofit",
                Bytes.human(need), Bytes.human(card), most, total);
    }

    /** vLLM's --cpu-offload-gb N: N GiB of the weights stay in host RAM and stream in every forward pass. */
    private static String cpuOffloadGb(Setup s, Facts f, double gib) {
        Budget b = new BudgetEngine().estimate(s.withBatch(Math.max(1, s.batch())), f.gpuMemBytes());
        long weights = b.perGpuBytes().weights(), moved = Math.min(weights, (long) (gib * Bytes.GIB));
        return Messages.get("offload.cpugb", Bytes.human(moved), Bytes.human(weights), Bytes.human(weights - moved),
                Bytes.human(moved));
    }

    /** The optimizer state (and with params the weights) in host RAM: the GPU peak before and after, term by term. */
    private static String states(Setup s, Facts f, boolean params, boolean without) {
        // compared from the states on the GPU, whatever offload the facts already hold
        Setup a = s.withBatch(Math.max(1, s.batch())).toBuilder().offloadOptimizer(false).offloadParams(false).build();
        Setup b = a.toBuilder().offloadOptimizer(true).offloadParams(params && a.zeroStage() == 3).build();
        BudgetEngine engine = new BudgetEngine();
        Budget now = engine.estimate(a, f.gpuMemBytes()), then = engine.estimate(b, f.gpuMemBytes());
        long saved = now.perGpuBytes().total() - then.perGpuBytes().total();
        if (without) {
            // The state asked about is the one without offload: its peak first, the offloaded one beside it.
            String head = Messages.get("offload.none", Bytes.human(now.perGpuBytes().total()),
                    Bytes.human(then.perGpuBytes().total()), Bytes.human(Math.max(0, saved)),
                    Bytes.human(now.perGpuBytes().optimizer()));
            return head + fit(f, now);
        }
        String head = Messages.get(params && a.zeroStage() == 3 ? "offload.params" : "offload.optimizer",
                Bytes.human(then.perGpuBytes().total()), Bytes.human(now.perGpuBytes().total()),
                Bytes.human(Math.max(0, saved)), Bytes.human(now.perGpuBytes().optimizer()));
        String tail = params && a.zeroStage() != 3 ? Messages.get("offload.params.zero3") : null;
        return head + fit(f, then) + (tail == null ? "" : "\n" + tail);
    }

    /** "That fits 24 GiB with 3 GiB to spare" on a line of its own, or nothing when the card or a term is unknown. */
    private static String fit(Facts f, Budget b) {
        if (f.gpuMemBytes() == null || b.fits() == null) return "";
        return "\n" + (b.fits()
                ? Messages.get("whatif.fits", Bytes.human(f.gpuMemBytes()), Bytes.human(b.headroomBytes()))
                : Messages.get("whatif.nofit", Bytes.human(f.gpuMemBytes()), Bytes.human(-b.headroomBytes())));
    }
}
