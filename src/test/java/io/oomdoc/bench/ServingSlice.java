package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * diag41: the serving and inference reports of the pool (vLLM, SGLang, TGI, llama.cpp/Ollama, diffusers, HF generate,
 * embedding servers, ComfyUI, TensorRT/ONNX/Triton inference) scored apart. The slice is read from the case: its
 * framework is a serving or inference stack, its phase label is generation, or its text names a serving engine or a
 * generate/pipeline call. Default: grouped 5-fold CV over Corpus.trainable() (the same figures as FourteenthFold's
 * "all" line, then FourteenthFold's --confusions --phase-table --alternatives --labels tables), the figures of the
 * serving slice, and the slice's category and phase misses by (label -> said) pair per input mode, with one line per
 * missed case naming its split. --newest: fit on trainable less heldout36-38 and score those three (as NewestSets).
 * Run: bench/run.sh ServingSlice [--newest]
 */
public final class ServingSlice {
    private static final Set<String> STACKS = Set.of("vllm", "sglang", "tgi", "llamacpp", "llama.cpp", "ollama",
            "diffusers", "comfyui", "hf-generate", "pytorch-inference", "ctranslate2", "whisper", "exllamav2",
            "tensorrt-llm", "lmdeploy", "mlc-llm", "lorax", "mistral.rs", "lmstudio", "scalellm", "stable-diffusion",
            "diffusion", "video-diffusion", "tensorrt", "onnxruntime", "triton", "openvino", "tensorflow-serving",
            "mlserver", "kfserving", "gguf", "ggml", "candle", "petals", "flexgen", "fastllm", "lightllm", "nanovllm",
            "tokenspeed", "onnxruntime-genai", "executorch", "gptqmodel", "fastflowlm", "transformers.js", "djl");
    private static final Pattern WORDS = Pattern.compile("(?i)vllm|sglang|text-generation-inference"
            + "|text_generation_server|llama\\.cpp|llama_model_load|ggml_|ollama|diffusers|ComfyUI"
            + "|\\.generate\\(|sentence[-_]transformers"
            + "|StableDiffusion\\w*Pipeline|tensorrt_llm|exllama|gpu_memory_utilization|max_model_len");
    private static final Pattern NEWEST = Pattern.compile("heldout3[6-8]\\.jsonl");
    private static final Pattern SPLIT = Pattern.compile("heldout(\\d+)\\.jsonl");

    private ServingSlice() {}

    static boolean serving(Case c) {
        return STACKS.contains(c.framework()) || c.phase().equals("generation")
                || WORDS.matcher(c.paste()).find() || c.context() != null && WORDS.matcher(c.context()).find();
    }

    public static void main(String[] args) throws Exception {
        double l2 = TraceBench.useBundledHyperparameters();
        boolean newest = List.of(args).contains("--newest");
        var ex = TrainReasoner.examples(Corpus.trainable());
        Scores s;
        if (newest) {
            var train = ex.stream().filter(e -> !NEWEST.matcher(e.c().file()).find()).toList();
            var test = ex.stream().filter(e -> NEWEST.matcher(e.c().file()).find()).toList();
            s = CrossValidation.holdoutWithCoverage(train, test, l2);
            System.out.println("fit on trainable less heldout36-38, scored on them, l2 " + l2);
        } else {
            s = CrossValidation.run(ex, l2, TrainReasoner.FOLDS);
            System.out.println("grouped " + TrainReasoner.FOLDS + "-fold CV by repository over trainable, l2 " + l2);
        }
        System.out.println(TrainReasoner.wordSettings());
        Scores slice = new Scores(s.outcomes().stream().filter(o -> serving(o.c())).toList());
        System.out.println("all     " + figures(s));
        System.out.println("serving " + figures(slice));
        if (!newest) {
            FourteenthFold.confusions(s);
            FourteenthFold.phaseTable(s);
            FourteenthFold.alternatives(s);
            FourteenthFold.labels(s);
        }
        for (boolean desc : new boolean[]{true, false}) {
            String mode = desc ? "desc+paste" : "paste alone";
            pairs("serving category misses, label only (" + mode + ")", slice, desc,
                    o -> !o.c().category().equals(o.category()),
                    o -> o.c().category() + " -> " + o.category() + (o.top1() ? " (alt)" : ""));
            pairs("serving phase misses (" + mode + ")", slice, desc, o -> !o.phaseHit(),
                    o -> o.c().phase() + " -> " + o.phase());
        }
        for (Scores.Outcome o : slice.outcomes()) {
            boolean cat = !o.c().category().equals(o.category());
            if (!cat && o.phaseHit()) continue;
            var m = SPLIT.matcher(o.c().file());
            System.out.println(String.join("\t", "miss", o.withDescription() ? "d" : "p",
                    m.find() ? "h" + m.group(1) : "dev", o.c().id(), o.c().framework(),
                    o.c().category() + (cat ? (o.top1() ? " ~ " : " ! ") : " = ") + o.category(),
                    o.c().phase() + (o.phaseHit() ? " = " : " ! ") + o.phase(), "kb " + o.kbHit()));
        }
    }

    private static String figures(Scores s) {
        long kbD = s.outcomes().stream().filter(o -> o.withDescription() && o.kbHit()).count();
        long kbP = s.outcomes().stream().filter(o -> !o.withDescription() && o.kbHit()).count();
        return WordsCv.counts(s) + ", KB@3 " + kbD + "/" + kbP;
    }

    private static void pairs(String title, Scores s, boolean desc, Predicate<Scores.Outcome> miss,
                              java.util.function.Function<Scores.Outcome, String> key) {
        Map<String, Integer> m = new TreeMap<>();
        for (Scores.Outcome o : s.outcomes()) {
            if (o.withDescription() == desc && miss.test(o)) m.merge(key.apply(o), 1, Integer::sum);
        }
        System.out.println(title + ", " + m.values().stream().mapToInt(Integer::intValue).sum());
        m.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25)
                .forEach(e -> System.out.println(String.format(Locale.ROOT, "  %4d  %s", e.getValue(), e.getKey())));
    }
}
