package io.oomdoc.protocol;

import io.oomdoc.util.LiteralFilter;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which stack the failing job runs on, so that fixes come in its own knobs: a vLLM server gets engine flags, a
 * JAX job XLA's environment variables, a training loop the PyTorch ladder. The stacks are model/stacks.tsv's rows.
 */
public final class Stacks {
    /** The serving engines (model/stacks.tsv's kind column). */
    public static final Set<String> SERVING = StackTable.rows().stream().filter(StackTable.Row::serving)
            .map(StackTable.Row::name).collect(Collectors.toUnmodifiableSet());

    /** The inference applications (model/stacks.tsv's kind "app"). */
    private static final Set<String> APPS = StackTable.rows().stream().filter(StackTable.Row::app)
            .map(StackTable.Row::name).collect(Collectors.toUnmodifiableSet());

    /** The trainer of a training failure whose text names none (the table's last "training" row). */
    static final String DEFAULT_TRAINER = StackTable.rows().stream().filter(StackTable.Row::training)
            .reduce((a, b) -> b).map(StackTable.Row::name).orElseThrow();
    /** Hugging Face's Trainer, whose TrainingArguments the generic training rungs are written in. */
    static final String HF_TRAINER = "hf-trainer";

    /** The rows a failure's text can name, in the table's order: the first match wins. */
    private static final List<StackTable.Row> LOGGED = StackTable.rows().stream().filter(r -> r.logged() != null
            && !r.training()).toList();
    /** The trainers a training failure's text can name, in the table's order: the first match wins. */
    private static final List<StackTable.Row> TRAINERS = StackTable.rows().stream().filter(r -> r.logged() != null
            && r.training()).toList();

    /**
     * Inference outside a serving engine (a diffusers pipeline, sentence-transformers' encode, a script that loads a
     * model and predicts): its fixes are the weights' format, offload and a smaller batch, never a training rung.
     * "推理" is Chinese for inference (innnky/so-vits-svc#81: "我在推理的时候报了").
     */
    private static final Pattern INFERENCE = Pattern.compile("\\binferenc|txt2img|img2img|\\bpipeline\\b|pipe\\("
            + "|diffusionpipeline|sentence[-_ ]?transformer|\\.encode\\(|\\bencod(?:e|ing) (?:\\d|around|about|the"
            + "|my|all)|inference_mode|\\btranscrib|\\bpredict(?:ion|ing)?\\b|\\bgenerat(?:e|ing) (?:an? )?(?:images?"
            + "|videos?|audio|samples?)|推理");
    private static final Pattern TRAINING = Pattern.compile("\\btrain|fine-?tun|finetun|backward|optimi[sz]er|\\bloss"
            + "\\b|\\blora\\b|\\bepochs?\\b|\\bdreambooth|accumulat|\\bgrad(?:ient)?s?\\b");

    private Stacks() {}

    public static String of(Evidence e, Category cause) {
        String text = e.allTextLower();
        if (text.length() > 200_000) text = text.substring(0, 100_000) + text.substring(text.length() - 100_000);
        for (StackTable.Row r : LOGGED) {
            if (LiteralFilter.of(r.logged()).mayMatch(text) && r.logged().matcher(text).find()) return r.name();
        }
        if (cause == Category.KV_CACHE_INFERENCE) return "generate".equals(generation(text)) ? "generate" : "vllm";
        return generation(text);
    }

    /**
     * The generation front end (a stacks.tsv "app" row) a failure's own text shows, if any: ComfyUI's "Error occurred
     * when executing X:" block is PyTorch's error inside an application that only runs models.
     */
    public static java.util.Optional<String> loggedApp(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return LOGGED.stream().filter(r -> LiteralFilter.of(r.logged()).mayMatch(lower)
                && r.logged().matcher(lower).find()).findFirst().map(StackTable.Row::name)
                .filter(APPS::contains);
    }

    private static String generation(String text) {
        if (text.contains(".generate(") || text.contains("generation_utils") || text.contains("generation/utils"))
            return "generate";
        return INFERENCE.matcher(text).find() && !TRAINING.matcher(text).find() ? "inference" : "training";
    }

    /**
     * Who runs the training loop (model/stacks.tsv's "training" rows: hf-trainer, lightning, pytorch), so that a
     * training fix names the knob where the user sets it: Lightning's batch is the DataLoader's, not
     * TrainingArguments'.
     */
    public static String trainer(Evidence e) {
        String text = e.allTextLower();
        if (text.length() > 200_000) text = text.substring(0, 100_000) + text.substring(text.length() - 100_000);
        for (StackTable.Row r : TRAINERS) if (r.logged().matcher(text).find()) return r.name();
        return TRAINERS.get(TRAINERS.size() - 1).name();
    }

    public static boolean serving(String stack) { return SERVING.contains(stack); }

    /** An inference application (ComfyUI): its own flags and nodes are its fixes, a training rung never is. */
    public static boolean app(String stack) { return APPS.contains(stack); }
}
