package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.budget.ModelSpec;
import io.oomdoc.protocol.Engines;
import io.oomdoc.protocol.Facts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Can I serve Qwen 14B on two 4090s?": a fit question about inference is answered by what inference holds, the
 * weights in the format asked plus the KV cache at the context stated, split over the GPUs by tensor parallelism,
 * against the card; yes or no first, then the figures and what was assumed. Training has no place in it: the
 * training budget (gradients, optimizer state) would say no to a model that serves comfortably.
 */
final class ServingFit {
    private static final Pattern SERVES = Pattern.compile("(?i)\\b(?:serv(?:e|ing)|inference|deploy\\w*|host(?:ing)?"
            + "|vllm|sglang|tgi|text-generation-inference|ollama|llama\\.?cpp|chat with)\\b");
    private static final Pattern TRAINS = Pattern.compile("(?i)\\b(?:train\\w*|fine-?tun\\w*|lora|qlora|dpo|sft"
            + "|ppo|grpo|backward|gradients?|optimi[sz]er)\\b");
    /** A context said with its tokens: "8k context", "max_model_len 4096", "at 32768 tokens". */
    private static final Pattern CONTEXT = Pattern.compile("(?i)(?<![\\w.])(\\d{3,7}|\\d+(?:\\.\\d+)?k)"
            + "\\s*(?:tokens?|-token|context|ctx)|(?:context|ctx|max[-_ ]model[-_ ]len|num_ctx|n_ctx)\\w*\\W{0,3}"
            + "(?:of |at |to )?(\\d{3,7}|\\d+(?:\\.\\d+)?k)\\b");
    /** The CUDA context and the engine's activations per GPU: the top of the 0.5-1 GiB said elsewhere. */
    private static final double OVERHEAD_GIB = 1.0;
    private static final double GIB = 1L << 30;


    private ServingFit() {}

    /**
     * The verdict; without a context length a "no" from the weights alone (the cache only adds), else the weights and
     * the question for the length. Null when the turn is not a serving question or the model's size or the card is
     * unknown, and when the facts already describe a served setup, whose own budget asks for the length.
     */
    static BudgetAnswers.Result answer(String text, Facts f) {
        String verdict = of(text, f);
        if (verdict == null || statesContext(text) || f.seqLen() != null || verdict.startsWith(NO)) {
            return verdict == null ? null : new BudgetAnswers.Result(verdict, null, true);
        }
        var setup = io.oomdoc.protocol.SetupFromFacts.from(f);
        if (setup.isPresent() && setup.get().mode() == io.oomdoc.budget.Setup.Mode.INFER) return null;
        String weights = verdict.lines().skip(1).findFirst().orElse("");
        return new BudgetAnswers.Result(weights + "\n" + Messages.get("ask.seq.serving"), "seq", true);
    }

    private static final String NO = Messages.get("serve.no", "", "", 0, 0, 0).substring(0, 2);

    /** The verdict, or null when the turn is not a serving question or the model's size or the card is unknown. */
    static String of(String text, Facts f) {
        if (!SERVES.matcher(text).find() || TRAINS.matcher(text).find()) return null;
        Optional<ModelSpec> spec = f.model() == null ? Optional.empty() : ModelCatalog.find(f.model());
        // The catalog's count ("qwen2.5-14b" is 14.7B) is closer than the name's round one.
        Double params = spec.filter(s -> s.params() > 0).map(s -> (double) s.params()).orElse(Sizes.params(text));
        if (params == null && f.params() != null) params = f.params().doubleValue();
        Long card = f.gpuMemBytes();
        if (params == null || card == null) return null;
        int gpus = f.worldSize() != null && f.worldSize() > 1 ? f.worldSize() : Math.max(1, Sizes.ranks(text, f));
        double bytesPerParam = quantBytes(text, f);
        double weights = params * bytesPerParam;
        Cache kv = cache(tokens(text, f), spec);
        double perGpu = (weights + kv.bytes()) / gpus + OVERHEAD_GIB * GIB;
        // "What's the smallest setup": the fewest such cards over which the weights and the cache fit.
        double room = card - OVERHEAD_GIB * GIB;
        int least = room <= 0 ? 0 : (int) Math.ceil((weights + kv.bytes()) / room);
        String head = head(f, perGpu, card, gpus, least);
        // "No" is followed by the cheapest change that fits: a smaller format before more cards (fp32 T0pp in 16-bit)
        if (perGpu > card && !Engines.placesLayers(f.framework())) {
            long count = Math.round(params);
            Facts sized = spec.isEmpty() && f.params() == null ? f.with(b -> b.params(count)) : f;
            head += "\n" + WeightsOnCard.cheapest(sized, card, (long) (weights / gpus), (long) (kv.bytes() / gpus),
                    gpus);
        }
        String how = Messages.get("serve.weights", Sizes.count(params), Sizes.trim(bytesPerParam),
                Sizes.human(weights), gpus, Sizes.human(weights / gpus));
        // a fit over several cards still answers "what's the smallest setup": the fewest cards the weights need
        if (perGpu <= card && least > 1) how += " " + Messages.get("serve.least", least, least);
        return String.join("\n", head, how, kv.line(), Messages.get("serve.assumed", Sizes.trim(OVERHEAD_GIB)));
    }

    /** The KV cache of the context served and the line that says it. */
    private record Cache(double bytes, String line) {}

    private static Cache cache(long tokens, Optional<ModelSpec> spec) {
        String count = String.format(java.util.Locale.ROOT, "%,d", tokens);
        if (tokens > 0 && spec.isPresent() && spec.get().hasArchitecture()) {
            double kv = (double) spec.get().kvBytesPerToken(2) * tokens;
            return new Cache(kv, Messages.get("serve.kv", count, Sizes.human(kv)));
        }
        return new Cache(0, tokens > 0 ? Messages.get("serve.kv.unknown", count) : Messages.get("serve.kv.none"));
    }

    /**
     * Yes or no. llama.cpp and Ollama split by layers: what does not fit runs from system RAM, so their knobs are the
     * layers on the GPU and the context, not tensor parallelism.
     */
    private static String head(Facts f, double perGpu, long card, int gpus, int least) {
        if (perGpu <= card) return Messages.get("serve.yes", Sizes.human(perGpu), Sizes.human(card), gpus);
        return Engines.placesLayers(f.framework())
                ? Messages.get("serve.no.layers", Sizes.human(perGpu), Sizes.human(card), gpus)
                : Messages.get("serve.no", Sizes.human(perGpu), Sizes.human(card), gpus, least, least);
    }

    /** Whether the turn says how many tokens of context it serves ("with 8k context", "max_model_len 4096"). */
    static boolean statesContext(String text) { return CONTEXT.matcher(text).find(); }

    private static double quantBytes(String text, Facts f) {
        if (Sizes.formatNamed(text)) return Sizes.bytesPerParam(text, f);
        // a GGUF file held ("Q5_K_M" said earlier) is served at its type's bits, not its 4/8-bit class
        Double file = f.gguf() == null ? null : GgmlBits.weightsNamed(f.gguf());
        if (file != null) return file / 8;
        if ("4bit".equals(f.quant())) return 0.5;
        if ("8bit".equals(f.quant())) return 1.0;
        return Sizes.bytesPerParam(text, f);
    }

    private static long tokens(String text, Facts f) {
        Matcher m = CONTEXT.matcher(text);
        if (m.find()) {
            String s = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(java.util.Locale.ROOT);
            return s.endsWith("k") ? Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1024)
                    : Long.parseLong(s);
        }
        return f.seqLen() != null ? f.seqLen() : 0;
    }
}
