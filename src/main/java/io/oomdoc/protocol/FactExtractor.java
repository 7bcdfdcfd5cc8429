package io.oomdoc.protocol;

import io.oomdoc.util.Num;
import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.util.Bytes;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pulls job facts out of free text: "RTX 3090 (24GB)", "7B", "depth=24", "batch size 64", "seq len 2048", "bf16". */
public final class FactExtractor {
    private static final Pattern MEM = Pattern.compile("(?i)(\\d+(?:[.,]\\d+)?)\\s*(GB|GiB|G|TB)\\b(-?\\s*(?:of\\s+)?(?:V?RAM|HBM|memory|vram|GPU|card|each)?)");
    private static final Pattern PARAMS = Pattern.compile("(?i)(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s?([bm])(?![a-z0-9])(?:\\s*(?:param|model|llm))?");
    private static final Pattern PARAMS_IN_NAME = Pattern.compile("(?i)[-_/ ](\\d+(?:\\.\\d+)?)([bm])(?:[-_ ]|$|\\b)");
    private static final Pattern DEPTH = Pattern.compile("(?i)\\bdepth\\s*[=:]?\\s*(\\d+)|--depth[= ](\\d+)");
    private static final Pattern BATCH = Pattern.compile(
            "(?i)(?:device[_ -]batch[_ -]size|per[_ ]device[_ ]train[_ ]batch[_ ]size|micro[_ -]?batch(?:[_ -]size)?|batch[_ -]?size|\\bbs|\\bbatch)\\s*(?:of|=|:|is|to)?\\s*(\\d+)");
    private static final Pattern TOTAL_BATCH = Pattern.compile("(?i)total[_ -]batch[_ -]size\\s*(?:of|=|:|is)?\\s*(\\d+)");
    private static final Pattern SEQ = Pattern.compile(
            "(?i)(?:max[_ ]seq(?:uence)?[_ ]len(?:gth)?|seq(?:uence)?[_ -]?len(?:gth)?s?|max[_ ]length|context(?:[_ ]length)?|block[_ ]size|max_model_len)\\s*(?:of|=|:|is|>|to|above)?\\s*(\\d+)(k)?\\b");
    private static final Pattern SEQ_K = Pattern.compile("(?i)\\b(\\d+)\\s?k\\+?[ -]?(?:tokens?|context|seq)");
    private static final Pattern WORLD = Pattern.compile("(?i)(\\d+)\\s*(?:x|×)\\s*(?:[a-z]*\\s?)?(?:A100|H100|H200|V100|A10G|L4|GPUs?|4090|3090)|(\\d+)\\s+(?:local\\s+)?GPUs\\b");
    private static final Pattern ACCUM = Pattern.compile("(?i)grad(?:ient)?[_ ]accum(?:ulation)?(?:[_ ]steps)?\\s*(?:of|=|:)?\\s*(\\d+)");

    private FactExtractor() {}

    public static Facts extract(String text) {
        if (text == null || text.isBlank()) return Facts.EMPTY;
        String lower = text.toLowerCase(Locale.ROOT);
        String gpuName = null;
        Long gpuMem = null, hostRam = null;
        for (String[] alias : GpuCatalog.aliases()) {
            if (alias[0].length() < 3 && !alias[0].matches("t4|l4")) continue;
            Matcher m = Pattern.compile("(?<![a-z0-9])" + Pattern.quote(alias[0]) + "(?![a-z0-9])").matcher(lower);
            if (m.find()) { gpuName = alias[1]; break; }
        }
        Matcher mem = MEM.matcher(text);
        while (mem.find()) {
            long bytes = Bytes.parse(mem.group(1), mem.group(2).equalsIgnoreCase("G") ? "GiB" : mem.group(2));
            String tail = mem.group(3).toLowerCase(Locale.ROOT);
            if (tail.matches("-?\\s*ram") || tail.matches("-?\\s*of\\s+ram")) { if (hostRam == null) hostRam = bytes; continue; }
            int start = Math.max(0, mem.start() - 40);
            String before = lower.substring(start, mem.start());
            if (before.matches(".*(?:tried to allocate|allocated|reserved|free|in use|capacity of|total capacity|cost)\\s*$")) continue;
            if (gpuMem == null) gpuMem = bytes;
        }
        if (gpuMem == null && gpuName != null) gpuMem = GpuCatalog.find(gpuName).map(GpuCatalog.Gpu::memoryBytes).orElse(null);

        String model = null;
        Long params = null;
        Integer depth = null;
        Matcher d = DEPTH.matcher(text);
        if (d.find()) depth = Num.toInt(d.group(1) != null ? d.group(1) : d.group(2));
        if (lower.contains("nanochat") && depth != null) {
            model = "nanochat d" + depth;
            params = ModelCatalog.find(model).map(s -> s.params()).orElse(null);
        }
        if (model == null) {
            for (String[] alias : ModelCatalog.aliases()) {
                if (alias[0].length() < 4) continue;
                if (lower.contains(alias[0])) { model = alias[1]; params = ModelCatalog.find(alias[1]).get().params(); break; }
            }
        }
        if (params == null) {
            Matcher p = PARAMS_IN_NAME.matcher(" " + text + " ");
            Matcher q = PARAMS.matcher(text);
            Matcher use = p.find() ? p : q.find() ? q : null;
            if (use != null) {
                double v = Double.parseDouble(use.group(1));
                params = Math.round(v * (use.group(2).equalsIgnoreCase("b") ? 1e9 : 1e6));
                if (params < 10_000_000L || params > 5_000_000_000_000L) params = null;
            }
        }

        Integer batch = firstInt(BATCH, text);
        Integer total = firstInt(TOTAL_BATCH, text);
        Integer seq = null;
        Matcher s = SEQ.matcher(text);
        if (s.find() && Num.toInt(s.group(1)) != null && Num.toInt(s.group(1)) < 10_000_000) seq = Num.toInt(s.group(1)) * (s.group(2) != null ? 1024 : 1);
        else {
            Matcher k = SEQ_K.matcher(text);
            if (k.find() && Num.toInt(k.group(1)) != null && Num.toInt(k.group(1)) < 10_000) seq = Num.toInt(k.group(1)) * 1024;
        }
        String precision = lower.matches("(?s).*\\bbf16\\b.*|.*bfloat16.*") ? "bf16"
                : lower.matches("(?s).*\\b(fp16|float16|half)\\b.*") ? "fp16"
                : lower.matches("(?s).*\\b(fp32|float32|full precision)\\b.*") ? "fp32" : null;
        if (lower.contains("mixed precision") || lower.contains("autocast") || lower.contains(" amp")) {
            precision = "mixed-" + (precision == null || precision.equals("fp32") ? "bf16" : precision);
        }
        String optimizer = lower.matches("(?s).*(paged[_ -]?adamw?[_ -]?8[_ -]?bit).*") ? "paged-adamw-8bit"
                : lower.matches("(?s).*(adamw?[_ -]?8[_ -]?bit|8[_ -]?bit adam|bnb).*") ? "adamw-8bit"
                : lower.contains("adafactor") ? "adafactor"
                : lower.matches("(?s).*\\badamw?\\b.*") ? "adamw"
                : lower.matches("(?s).*\\bsgd\\b.*") ? (lower.contains("momentum") ? "sgd-momentum" : "sgd") : null;
        Boolean qlora = lower.contains("qlora") || lower.contains("4-bit") || lower.contains("4bit") || lower.contains("nf4") ? Boolean.TRUE : null;
        Boolean lora = qlora != null || lower.matches("(?s).*\\blora\\b.*") || lower.contains("peft") ? Boolean.TRUE : null;
        Integer world = null;
        Matcher w = WORLD.matcher(text);
        if (w.find()) world = Num.toInt(w.group(1) != null ? w.group(1) : w.group(2));
        Boolean ckpt = lower.contains("gradient checkpointing") || lower.contains("gradient_checkpointing")
                || lower.contains("activation checkpointing") ? Boolean.TRUE : null;
        return new Facts(gpuName, gpuMem, hostRam, model, params, depth, batch, seq, precision, optimizer, lora, qlora,
                world, ckpt, firstInt(ACCUM, text), total, phaseHint(lower));
    }

    private static Integer firstInt(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Num.toInt(m.group(1)) : null;
    }

    private static String phaseHint(String lower) {
        if (lower.matches("(?s).*(validat|evaluat|\\beval\\b).*")) return "eval";
        if (lower.matches("(?s).*(keeps? (?:growing|increasing|rising)|grows|grew|after (?:a few|several|some) (?:hundred|thousand)?\\s*(?:steps|iterations|epochs)).*")) return "growth";
        if (lower.matches("(?s).*(second step|step 2|after the first step|optimizer\\.step).*")) return "optimizer_step";
        if (lower.contains("backward")) return "backward";
        if (lower.matches("(?s).*(generat|inference|serving).*")) return "generation";
        if (lower.matches("(?s).*(loading|from_pretrained|load the model).*")) return "load";
        return null;
    }
}
