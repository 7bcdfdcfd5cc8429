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
            + "|context_length|max_len|seq-len|max-seq-len");
    private static final Pattern ACCUM = key("gradient_accumulation_steps|grad_accum_steps|grad_accum"
            + "|accumulation_steps|accum_iter");
    private static final Pattern WORKERS = key("num_workers|workers|dataloader_num_workers");
    private static final Pattern MODEL = Pattern.compile("(?:from_pretrained\\(\\s*[\"']([\\w./-]+)[\"']"
            + "|model_name(?:_or_path)?\\s*[=:]\\s*[\"']([\\w./-]+)[\"']"
                    + "|--model_name(?:_or_path)?['\"]?\\s*,\\s*(?:type=str,\\s*)?default=[\"']([\\w./-]+)[\"'])");

    private static final Pattern CKPT = Pattern.compile("gradient_checkpointing\\s*[=:]\\s*(True|true)");
    private static final Pattern BF16 = Pattern.compile("bf16\\s*[=:]\\s*true");
    private static final Pattern FP16 = Pattern.compile("fp16\\s*[=:]\\s*true");

    private SetupExtractor() {}

    /** A key, then `=`, `:` or argparse's `..., default=`, then an integer. */
    private static Pattern key(String names) {
        return Pattern.compile("(?m)(?:^|[\\s,({\"'-])(?:--)?(?:" + names + ")[\"']?\\s*(?:[=:]"
                + "|['\"]?\\s*,[^\\n]{0,80}?default\\s*=)\\s*(\\d+)\\b");
    }

    public static TrainingSetup extract(List<String[]> files) {
        Integer batch = null, seq = null, accum = null, workers = null;
        String precision = null, optimizer = null, model = null;
        Boolean ckpt = null;
        List<String> sources = new ArrayList<>();
        for (String[] f : files) {
            String path = f[0], t = keyLines(f[1]);
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
            }
            if (ckpt == null && (t.contains("gradient_checkpointing_enable") || CKPT.matcher(t).find())) ckpt = true;
        }
        return new TrainingSetup(batch, seq, precision, optimizer, model, accum, ckpt, workers,
                sources.isEmpty() ? null : String.join("; ", sources));
    }

    private static final String[] KEYS = {"batch", "seq", "max_len", "block_size", "context_length", "accum", "workers",
            "from_pretrained", "model_name", "optim", "Adam", "SGD", "Adafactor", "bf16", "fp16", "bfloat16",
                    "autocast", "GradScaler",
            "mixed_precision", "gradient_checkpointing"};

    /**
     * Only the lines that can carry a setup value: keeps the regexes off the bulk of a large repository. Each key is
     * searched in the whole text rather than every line tried with every key: on diffusers' million lines the
     * line-by-line search was a tenth of the scan's CPU (JFR).
     */
    static String keyLines(String text) {
        return text.chars().anyMatch(c -> c > 0xFF) ? keyLinesOfBytes(text) : keyLines(text, MAX_LINE);
    }

    /** Longer lines are data (a vocabulary, an embedded list), not a setting. */
    private static final int MAX_LINE = 500;

    private static String keyLines(String text, int maxLine) {
        java.util.BitSet starts = new java.util.BitSet();
        for (String k : KEYS) {
            for (int i = text.indexOf(k); i >= 0; ) {
                starts.set(text.lastIndexOf('\n', i) + 1);
                int end = text.indexOf('\n', i);
                i = end < 0 ? -1 : text.indexOf(k, end + 1);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int s = starts.nextSetBit(0); s >= 0; s = starts.nextSetBit(s + 1)) {
            int end = text.indexOf('\n', s);
            if (end < 0) end = text.length();
            if (end - s <= maxLine) sb.append(text, s, end).append('\n');
        }
        return sb.toString();
    }

    /**
     * {@link #keyLines} of a text with characters past Latin-1, searched in its UTF-8 bytes read as Latin-1: the keys
     * and line ends are ASCII, so they fall at the same places, and a Latin-1 search runs without the per-character
     * index checks of a two-byte string (the scan's quick compiler does not replace them).
     */
    private static String keyLinesOfBytes(String text) {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String latin = new String(utf8, java.nio.charset.StandardCharsets.ISO_8859_1);
        String found = keyLines(latin, Integer.MAX_VALUE);
        StringBuilder sb = new StringBuilder();
        if (found.isEmpty()) return "";
        for (String line : found.split("\n")) {
            String decoded = new String(line.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (decoded.length() <= MAX_LINE) sb.append(decoded).append('\n'); // the limit counts characters
        }
        return sb.toString();
    }

    private static Integer first(Pattern p, String t) {
        Matcher m = p.matcher(t);
        while (m.find()) {
            int v = Integer.parseInt(m.group(1));
            if (v > 0 && v < 10_000_000) return v;
        }
        return null;
    }

    static String precision(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        if (BF16.matcher(l).find() || l.contains("dtype=torch.bfloat16") || l.contains("mixed_precision=\"bf16\"")
                || l.contains("mixed_precision: bf16") || l.contains("autocast(")
                        && l.contains("bfloat16")) return "bf16";
        if (FP16.matcher(l).find() || l.contains("gradscaler") || l.contains("mixed_precision=\"fp16\"")
                || l.contains("mixed_precision: fp16")) return "fp16";
        if (l.contains("autocast(")) return "mixed";
        return null;
    }

    static String optimizer(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        if (l.contains("paged_adamw_8bit") || l.contains("pagedadamw8bit")) return "paged-adamw-8bit";
        if (l.contains("adamw8bit") || l.contains("adamw_bnb_8bit") || l.contains("adam8bit")) return "adamw-8bit";
        if (l.contains("adafactor")) return "adafactor";
        if (l.contains("optim.adamw") || l.contains("adamw(") || l.contains("\"adamw_torch\"")
                || l.contains("optim.adam(")) return "adamw";
        if (l.contains("optim.sgd")) return l.contains("momentum") ? "sgd-momentum" : "sgd";
        return null;
    }
}
