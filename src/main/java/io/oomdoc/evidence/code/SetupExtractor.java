package io.oomdoc.evidence.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the training setup out of code and configs: argparse defaults, TrainingArguments keywords,
 * plain assignments, YAML/JSON keys. The first value found for each field wins, and its origin is kept.
 */
public final class SetupExtractor {
    private static final Pattern BATCH = key("per_device_train_batch_size|train_batch_size|device_batch_size"
            + "|micro_batch_size|batch_size|batch-size|bs");
    private static final Pattern SEQ = key("max_seq_length|max_seq_len|seq_len|sequence_length|max_length|block_size"
            + "|context_length|max_len|seq-len|max-seq-len|model_max_length|cutoff_len");
    private static final Pattern ACCUM = key("gradient_accumulation_steps|grad_accum_steps|grad_accum"
            + "|accumulation_steps|accum_iter");
    private static final Pattern WORKERS = key("num_workers|workers|dataloader_num_workers");
    private static final Pattern MODEL = Pattern.compile("(?:from_pretrained\\(\\s*[\"']([\\w./-]+)[\"']"
            + "|model_name(?:_or_path)?\\s*[=:]\\s*[\"']([\\w./-]+)[\"']"
                    + "|--model_name(?:_or_path)?['\"]?\\s*,\\s*(?:type=str,\\s*)?default=[\"']([\\w./-]+)[\"'])");

    private static final Pattern CKPT = Pattern.compile("gradient_checkpointing"
            + "(?:\\s*[=:]|(?<=--gradient_checkpointing)\\s)\\s*(True|true)");
    /**
     * Checkpointing turned off in so many words (gradient_checkpointing=False, --gradient_checkpointing false,
     * prepare_model_for_kbit_training(..., use_gradient_checkpointing=False)): unsaid, a QLoRA budget takes it as on.
     */
    private static final Pattern CKPT_OFF = Pattern.compile("gradient_checkpointing"
            + "(?:\\s*[=:]|(?<=--gradient_checkpointing)\\s)\\s*(False|false)");
    /**
     * PyTorch's own activation checkpointing, as FSDP recipes turn it on per wrapped layer:
     * apply_activation_checkpointing (torch.distributed.algorithms._checkpoint.checkpoint_wrapper) or
     * checkpoint_wrapper called on a layer, each keeping the layer's input and recomputing the rest, what
     * gradient_checkpointing_enable does in transformers.
     */
    private static final Pattern PYTORCH_CKPT = Pattern.compile("\\b(?:apply_activation_checkpointing"
            + "|checkpoint_wrapper)\\s*\\(");
    /**
     * PEFT's k-bit preparation called with its default, use_gradient_checkpointing=True: it turns checkpointing on
     * itself, and the Trainer's gradient_checkpointing=False never turns it off again (the Trainer only ever calls
     * gradient_checkpointing_enable), so such a False says nothing about a k-bit run. The LZU HPC 2025 report's QLoRA
     * rows print the same peak with and without its GC flag (7.24 GiB, yunyunfanfan/LZU_HPC_AI_2025_solution).
     */
    private static final Pattern KBIT_PREPARED = Pattern.compile("prepare_model_for_kbit_training\\s*\\(");
    private static final Pattern KBIT_CKPT_OFF = Pattern.compile("use_gradient_checkpointing\\s*=\\s*False");
    private static final Pattern BF16 = Pattern.compile("bf16\\s*[=:]\\s*true|--bf16(?:\\s+true)?(?![\\w-]|\\s+false)");
    private static final Pattern LION = Pattern.compile("(?<![a-z])lion(?![a-z0-9])");
    private static final Pattern FP16 = Pattern.compile("fp16\\s*[=:]\\s*true|--fp16(?:\\s+true)?(?![\\w-]|\\s+false)");
    /** A launch script's model flag, `--model_name_or_path org/name` (HF example scripts, LLaVA, FastChat). */
    private static final Pattern MODEL_FLAG = Pattern.compile("(?m)--model_name(?:_or_path)?[ \\t]+[\"']?"
            + "([A-Za-z0-9][\\w.-]*(?:/[\\w.-]+)?)(?=[\"'\\s\\\\]|$)"); // a hub id, not ./checkpoints/$NAME
    /**
     * A line that tests which optimizer was chosen (`if optimizer_cls.__name__ == "Adam8bit"`) names one without
     * choosing it: LLaVA's trainer has such a branch, and the repository trains with plain AdamW.
     */
    private static final Pattern COMPARISON = Pattern.compile("(?m)^.*(?:==|!=|__name__|isinstance\\().*$");

    private SetupExtractor() {}

    /**
     * The value of a setting: an integer, or a product of integers (nanoGPT's config/train_gpt2.py sets
     * `gradient_accumulation_steps = 5 * 8`, which is 40, not 5). An expression that goes on with another operator
     * (`64 // world_size`, `8 * n_gpu`) is not a constant: no value is read from it rather than its first number.
     */
    private static final String VALUE = "(\\d+(?:[ \\t]*\\*[ \\t]*\\d+)*)\\b(?![ \\t]*[-+*/%])";

    /**
     * A key, then `=`, `:` or argparse's `..., default=`, then a {@link #VALUE}; or a launch script's flag and its
     * value (`--per_device_train_batch_size 16`, as shell scripts pass them to HF example scripts and deepspeed).
     */
    private static Pattern key(String names) {
        return Pattern.compile("(?m)(?:^|[\\s,({\"'-])(?:--)?(?:" + names + ")[\"']?\\s*(?:[=:]"
                + "|['\"]?\\s*,[^\\n]{0,80}?default\\s*=)\\s*" + VALUE + "|--(?:" + names + ")[ \\t]+(\\d+)\\b");
    }

    public static TrainingSetup extract(List<String[]> files) {
        Integer batch = null, seq = null, accum = null, workers = null;
        String precision = null, optimizer = null, model = null;
        Boolean ckpt = null;
        boolean kbitTurnsItOn = false;
        List<String> sources = new ArrayList<>();
        for (String[] f : files) {
            String path = f[0], t = keyLines(YamlExamples.isYaml(path) ? YamlExamples.settingsOnly(f[1]) : f[1]);
            if (t.isEmpty()) continue;
            // a field already found is not searched again: the first value wins, and the regexes cost
            Integer b = batch == null ? first(BATCH, t) : null, s = seq == null ? first(SEQ, t) : null;
            Integer a = accum == null ? first(ACCUM, t) : null, w = workers == null ? first(WORKERS, t) : null;
            if (batch == null && b != null) { batch = b; sources.add("batch " + b + " from " + path); }
            if (seq == null && s != null) { seq = s; sources.add("seq " + s + " from " + path); }
            if (accum == null && a != null) { accum = a; sources.add("grad accumulation " + a + " from " + path); }
            if (workers == null && w != null) workers = w;
            if (precision == null) precision = precision(t);
            if (optimizer == null) optimizer = optimizer(t);
            if (model == null) {
                Matcher m = MODEL.matcher(t);
                if (m.find()) model = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                Matcher flag = MODEL_FLAG.matcher(t);
                if (model == null && flag.find()) model = flag.group(1);
            }
            if (!Boolean.TRUE.equals(ckpt) && (t.contains("gradient_checkpointing_enable")
                    || CKPT.matcher(t).find() || PYTORCH_CKPT.matcher(t).find())) {
                ckpt = true;
            } else if (ckpt == null && CKPT_OFF.matcher(t).find()) {
                ckpt = false;
            }
            kbitTurnsItOn |= KBIT_PREPARED.matcher(t).find() && !KBIT_CKPT_OFF.matcher(t).find();
        }
        // left unsaid, a 4-bit run's budget takes it as on and a 16-bit run's as off: the preparation runs on the
        // quantized path only, and a script with both paths (a --use_qlora flag) serves either
        if (kbitTurnsItOn && Boolean.FALSE.equals(ckpt)) ckpt = null;
        return new TrainingSetup(batch, seq, precision, optimizer, model, accum, ckpt, workers,
                sources.isEmpty() ? null : String.join("; ", sources));
    }

    private static final String[] KEYS = {"batch", "seq", "max_len", "block_size", "context_length", "accum", "workers",
            "from_pretrained", "model_name", "optim", "Adam", "SGD", "Adafactor", "Prodigy", "Lion", "bf16", "fp16",
            "bfloat16", "autocast", "GradScaler",
            "mixed_precision", "gradient_checkpointing", "cutoff_len", "prepare_model_for_kbit_training",
            "apply_activation_checkpointing", "checkpoint_wrapper"};

    /** The keys as bytes, and for each pair of bytes the keys that start with it (a bit per key). */
    private static final byte[][] KEY_BYTES = new byte[KEYS.length][];
    private static final int[] KEYS_BY_PAIR = new int[1 << 16];

    static {
        for (int i = 0; i < KEYS.length; i++) {
            KEY_BYTES[i] = KEYS[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            KEYS_BY_PAIR[(KEY_BYTES[i][0] & 0xFF) << 8 | KEY_BYTES[i][1] & 0xFF] |= 1 << i;
        }
    }

    /**
     * Only the lines that can carry a setup value: keeps the regexes off the bulk of a large repository. The UTF-8
     * bytes of the text are read once, a line kept at its first key, a key tried only where its first two bytes
     * stand: searching the whole text once per key was still a tenth of the scan's CPU on diffusers (perf, launcher
     * flags), twenty passes of a search the quick compiler does not turn into vector code. The keys and line ends
     * are ASCII, so in UTF-8 they fall where they fall in the text.
     */
    static String keyLines(String text) {
        return keyLines(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@link #keyLines(String)} of the text these UTF-8 bytes encode. */
    static String keyLines(byte[] b) {
        StringBuilder sb = new StringBuilder();
        int lineStart = 0;
        boolean keep = false;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                if (keep) append(sb, b, lineStart, i);
                lineStart = i + 1;
                keep = false;
            } else if (!keep && i + 1 < b.length) {
                int keys = KEYS_BY_PAIR[(b[i] & 0xFF) << 8 | b[i + 1] & 0xFF];
                if (keys != 0) keep = keyAt(b, i, keys);
            }
        }
        if (keep) append(sb, b, lineStart, b.length);
        return sb.toString();
    }

    /**
     * Whether one of the keys whose bits are set starts at this byte. Only those keys are visited: most pairs that
     * admit a key (`se` of every `self`, `co`, `ma`) admit one, and a walk over all keys for each was keyLines' cost.
     */
    private static boolean keyAt(byte[] b, int at, int keys) {
        for (int left = keys; left != 0; left &= left - 1) {
            byte[] key = KEY_BYTES[Integer.numberOfTrailingZeros(left)];
            if (at + key.length > b.length) continue;
            int j = 2;
            while (j < key.length && b[at + j] == key[j]) j++;
            if (j == key.length) return true;
        }
        return false;
    }

    /** Longer lines are data (a vocabulary, an embedded list), not a setting; the limit counts characters. */
    private static final int MAX_LINE = 500;

    private static void append(StringBuilder sb, byte[] b, int s, int e) {
        String line = new String(b, s, e - s, java.nio.charset.StandardCharsets.UTF_8);
        if (line.length() <= MAX_LINE) sb.append(line).append('\n');
    }

    private static Integer first(Pattern p, String t) {
        Matcher m = p.matcher(t);
        while (m.find()) {
            long v = product(m.group(1) != null ? m.group(1) : m.group(2));
            if (v > 0 && v < 10_000_000) return (int) v;
        }
        return null;
    }

    /** The value of `5 * 8`; a product past any setting's size reads as {@link Long#MAX_VALUE} (and is dropped). */
    private static long product(String expr) {
        long v = 1;
        for (String factor : expr.split("\\*")) {
            String f = factor.strip();
            if (f.length() > 9 || v > 1_000_000_000L) return Long.MAX_VALUE;
            v *= Long.parseLong(f);
        }
        return v;
    }

    static String precision(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        // kohya's --full_bf16 keeps the trained weights and gradients in bf16 (no fp32 master), as Lightning's
        // precision "bf16-true" does; checked before --mixed_precision bf16, which the same command also gives
        if (l.contains("full_bf16") || l.contains("bf16-true")) return "bf16-true";
        if (BF16.matcher(l).find() || l.contains("dtype=torch.bfloat16") || l.contains("mixed_precision=\"bf16\"")
                || l.contains("mixed_precision: bf16") || l.contains("autocast(")
                        && l.contains("bfloat16")) return "bf16";
        if (FP16.matcher(l).find() || l.contains("gradscaler") || l.contains("mixed_precision=\"fp16\"")
                || l.contains("mixed_precision: fp16")) return "fp16";
        if (l.contains("autocast(")) return "mixed";
        return null;
    }

    static String optimizer(String t) {
        String l = COMPARISON.matcher(t).replaceAll("").toLowerCase(Locale.ROOT);
        if (l.contains("paged_adamw_8bit") || l.contains("pagedadamw8bit")) return "paged-adamw-8bit";
        // bitsandbytes' PagedAdamW is 32-bit unless named 8-bit (HF's paged_adamw_32bit)
        if (l.contains("paged_adamw") || l.contains("pagedadamw")) return "paged-adamw";
        if (l.contains("adamw8bit") || l.contains("adamw_bnb_8bit") || l.contains("adam8bit")) return "adamw-8bit";
        if (l.contains("adafactor")) return "adafactor";
        if (l.contains("prodigy")) return "prodigy";
        if (LION.matcher(l).find()) return "lion";
        if (l.contains("optim.adamw") || l.contains("adamw(") || l.contains("\"adamw_torch\"")
                || l.contains("optim.adam(")) return "adamw";
        if (l.contains("optim.sgd")) return l.contains("momentum") ? "sgd-momentum" : "sgd";
        return null;
    }
}
