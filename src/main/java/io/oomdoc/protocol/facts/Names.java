package io.oomdoc.protocol.facts;

import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.budget.ModelCatalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPU and model names in every vendor spelling, from the catalogs: "NVIDIA GeForce RTX 4090", "rtx4090", "4090",
 * "A100-SXM4-80GB", "Tesla T4", "2x RTX 3090"; "meta-llama/Llama-3.1-8B", "mistral 7b instruct", "chatglm-6b", "a 7B
 * model". Mentions: {@code gpu} (catalog name), {@code model}, {@code params}.
 */
public final class Names {
    /**
     * {@code parts}: the literal pieces of the alias, each of which a match contains (a cheap test first). The
     * regex is compiled the first time some text passes that test: a diagnosis runs a handful of the catalogs'
     * several hundred aliases, and compiling them all was the largest cost of reading the first text.
     */
    static final class Alias {
        private final String alias, regex;
        final String name;
        private final String[] parts;
        private volatile Pattern pattern;

        Alias(String alias, String regex, String name, String[] parts) {
            this.alias = alias;
            this.regex = regex;
            this.name = name;
            this.parts = parts;
        }

        /** All digits ("4090"): a match needs a context that is not some other number. */
        boolean numeric() { return DIGITS.matcher(alias).matches(); }

        /** Ends with a variant word ("4090 ti"): a match may not be followed by another variant. */
        boolean hasSuffix() { return SUFFIXED.matcher(alias).matches(); }

        /** False when some piece is missing from the text: the pattern cannot match there, so it is not run. */
        boolean mayMatch(String lower) {
            for (String p : parts) if (!lower.contains(p)) return false;
            return true;
        }

        Matcher matcher(String lower) {
            Pattern p = pattern;
            if (p == null) pattern = p = Pattern.compile(regex);
            return p.matcher(lower);
        }
    }

    private static volatile List<Alias> gpuAliases, modelAliases;

    private static final Pattern HF_ID = Pattern.compile("(?<![\\w./-])([a-z0-9][\\w.-]*)/([a-z0-9][\\w.-]*[a-z0-9])"
            + "(?![\\w/])");
    private static final Pattern SIZE_IN_NAME = Pattern.compile("(?<![a-z0-9.])(\\d+(?:\\.\\d+)?)([bm])(?![a-z0-9])");
    /**
     * A name with its size in it, its parts joined by hyphens ("mistral-7b-instruct") or, as a folder of weights
     * often is, by underscores ("/path/LLaVA_13B_v0/", haotian-liu/LLaVA#68): a path's folder is the model the job
     * loads, so a slash may come before it.
     */
    private static final Pattern NAMED_SIZE = Pattern.compile(
            "(?<![\\w.-])([a-z][a-z0-9.]*(?:[-_][a-z0-9.]+)*?[-_](\\d+(?:\\.\\d+)?)([bm])(?:[-_][a-z0-9.]+)*)"
                    + "(?![\\w.-])");
    private static final Pattern BARE_SIZE = Pattern.compile(
            "(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s?(b|m)(?![a-z0-9])(?!\\s*(?:ytes?|/s|"
                    + "tokens?|samples?|images?|examples?|rows?|words?|steps?|pairs?|documents?|sentences?))"
                    + "(\\s*(?:params?|parameters?"
                    + "|models?|llms?))?");
    private static final Pattern NOT_A_NUMBER_CONTEXT = Pattern.compile(
            "(?:[\\d.,=:/_#*+-]|\\b(?:line|pid|step|steps|epoch|epochs|port|len|length|size|batch|seq|of|rank"
                    + "|process|and|or|iteration|iter|at|than|under|over|blocks:?)\\s)\\s*$");
    private static final Pattern WEIGHT_FILE = Pattern.compile(".*\\.(?:pth|pt|bin|ckpt|safetensors)");
    private static final Pattern NOT_A_GPU_AFTER = Pattern.compile(
            "^(?:\\s*(?:tokens?|steps?|mib|mb|gib|gb|ms|samples|rows|examples|it|images|epochs?"
                    + "|%|/|\\.\\d|,\\d|x\\b))");

    /** Compiled once for the catalogs' several hundred aliases (String.split and matches compile per call). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern LETTERS_DIGITS = Pattern.compile("(?<=^[a-z]{1,2})(?=\\d)");
    /** A count right before a bare card number ("8 * 3090", "a pair of 3060s") makes the number a card. */
    private static final Pattern COUNT_BEFORE = Pattern.compile("(?:(?<![\\w.])\\d{1,3}\\s*[x×*]|\\bpair of)\\s*$");
    private static final Pattern SUFFIXED = Pattern.compile(".*\\b(?:ti|super|max|pro)$");
    /** A system list's "GPU: 5090" (OpenWhispr/openwhispr#89): the field names the number a card, as a count does. */
    private static final Pattern GPU_FIELD_BEFORE = Pattern.compile("\\b(?:gpu|graphics card|card)\\s*:\\s*$");

    private Names() {}

    public static List<Mention> find(String lower, String original) {
        List<Mention> out = new ArrayList<>();
        gpus(lower, gpuAliases(), out);
        models(lower, original, modelAliases(), out);
        return out;
    }

    /** The cards named in the text, read with the given aliases (the catalog's, compiled once, in use). */
    static void gpus(String lower, List<Alias> aliases, List<Mention> out) {
        List<Mention> found = new ArrayList<>();
        for (Alias a : aliases) {
            if (!a.mayMatch(lower)) continue;
            Matcher m = a.matcher(lower);
            while (m.find()) {
                Mention at = new Mention(m.start(), m.end(), "gpu", a.name);
                if (found.stream().anyMatch(at::overlaps)) continue;
                String after = lower.substring(m.end(), Math.min(lower.length(), m.end() + 12));
                if (!a.hasSuffix() && after.matches("(?s)^[\\s-]?(?:ti|super|max|pro|ultra|xt)\\b.*")) continue;
                if (a.numeric()) {
                    String before = lower.substring(Math.max(0, m.start() - 14), m.start());
                    boolean counted = COUNT_BEFORE.matcher(before).find() || GPU_FIELD_BEFORE.matcher(before).find();
                    boolean notGpu = !counted && NOT_A_NUMBER_CONTEXT.matcher(before).find();
                    if (notGpu || NOT_A_GPU_AFTER.matcher(after).find()) continue;
                }
                found.add(at);
            }
        }
        out.addAll(found);
    }

    /** The models and parameter counts named in the text, read with the given aliases. */
    static void models(String lower, String original, List<Alias> aliases, List<Mention> out) {
        List<Mention> found = aliasMatches(lower, aliases);
        List<Mention> spans = new ArrayList<>(found);
        hubIds(lower, original, found, spans);
        namedSizes(lower, original, found, spans);
        for (Mention f : found) {
            out.add(f);
            Long p = ModelCatalog.find(f.value()).map(s -> s.params()).orElse(null);
            if (p == null) p = sizeIn(f.value().toLowerCase(Locale.ROOT));
            if (p != null) out.add(new Mention(f.start(), f.end(), "params", String.valueOf(p)));
        }
        bareSizes(lower, spans, out);
    }

    /** The known models' names (aliases), the first of overlapping ones kept, none inside a weight file's name. */
    private static List<Mention> aliasMatches(String lower, List<Alias> aliases) {
        List<Mention> found = new ArrayList<>();
        for (Alias a : aliases) {
            if (!a.mayMatch(lower)) continue;
            Matcher m = a.matcher(lower);
            while (m.find()) {
                Mention at = new Mention(m.start(), m.end(), "model", a.name);
                if (insideWeightFile(lower, m.start(), m.end())) continue;
                if (found.stream().noneMatch(at::overlaps)) found.add(at);
            }
        }
        return found;
    }

    /**
     * Hub ids ("org/name-7b"): a model when its name states a size; one over a known name only marks its span
     * (spans: text that no later reading may take as a bare size).
     */
    private static void hubIds(String lower, String original, List<Mention> found, List<Mention> spans) {
        Matcher hf = HF_ID.matcher(lower);
        while (hf.find()) {
            String name = hf.group(2);
            if (name.matches(".*\\.(?:py|json|txt|gguf|bin|safetensors|sh|yaml|yml|md|pt|pth|ckpt)$")) continue;
            Mention span = new Mention(hf.start(), hf.end(), "model", original.substring(hf.start(2), hf.end(2)));
            Matcher size = SIZE_IN_NAME.matcher(name);
            if (found.stream().anyMatch(span::overlaps)) { spans.add(span); continue; }
            if (!size.find()) continue;
            found.add(span);
            spans.add(span);
        }
    }

    /** A name that carries its size ("llama-2-7b-hf") and that no earlier reading took. */
    private static void namedSizes(String lower, String original, List<Mention> found, List<Mention> spans) {
        Matcher named = NAMED_SIZE.matcher(lower);
        while (named.find()) {
            Mention span = new Mention(named.start(1), named.end(1), "model", original.substring(named.start(1),
                    named.end(1)));
            if (spans.stream().anyMatch(span::overlaps)) continue;
            // joined by underscores, a name is a model's only with a model's size: "run_2m_steps" is an identifier
            if (named.group(1).indexOf('_') >= 0 && params(named.group(2), named.group(3)) == null) continue;
            found.add(span);
            spans.add(span);
        }
    }

    /** A parameter count said alone ("a 7B model") outside every name read. */
    private static void bareSizes(String lower, List<Mention> spans, List<Mention> out) {
        Matcher bare = BARE_SIZE.matcher(lower);
        while (bare.find()) {
            Mention span = new Mention(bare.start(), bare.end(), "params", "");
            if (spans.stream().anyMatch(span::overlaps)) continue;
            if (bare.group(2).equals("m") && bare.group(3) == null) continue;
            Long p = params(bare.group(1), bare.group(2));
            if (p != null) out.add(span.withKeyValue("params", String.valueOf(p)));
        }
    }

    /**
     * A name in the middle of a weights file's name is a component the job loads, not the model it runs:
     * "models_clip_open-clip-xlm-roberta-large-vit-huge-14.pth" is Wan 2.1's image encoder. A file that starts with
     * the name ("sam_vit_h_4b8939.pth", "yolov8n.pt") is the model itself.
     */
    private static boolean insideWeightFile(String lower, int start, int end) {
        int s = start;
        while (s > 0 && fileChar(lower.charAt(s - 1))) s--;
        if (s == start) return false;
        int e = end;
        while (e < lower.length() && fileChar(lower.charAt(e))) e++;
        return WEIGHT_FILE.matcher(lower.substring(s, e)).matches();
    }

    private static boolean fileChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /** Parameters from a size written in a name: "Qwen2.5-VL-7B-Instruct" → 7e9. */
    static Long sizeIn(String lowerName) {
        Matcher m = SIZE_IN_NAME.matcher(lowerName.replace('_', '-'));
        Long last = null;
        while (m.find()) { Long p = params(m.group(1), m.group(2)); if (p != null) last = p; }
        return last;
    }

    private static Long params(String number, String unit) {
        double v;
        try { v = Double.parseDouble(number); } catch (NumberFormatException e) { return null; }
        long p = Math.round(v * (unit.equals("b") ? 1e9 : 1e6));
        return p < 10_000_000L || p > 5_000_000_000_000L ? null : p;
    }

    /** The catalog GPU whose name the text gives, alone: "a 3090" → "GeForce RTX 3090". */
    public static String gpuIn(String lower) {
        List<Mention> out = new ArrayList<>();
        gpus(lower, gpuAliases(), out);
        return out.stream().min(Comparator.comparingInt(Mention::start)).map(Mention::value).orElse(null);
    }

    private static List<Alias> gpuAliases() {
        if (gpuAliases == null) gpuAliases = compile(GpuCatalog.aliases(), true);
        return gpuAliases;
    }

    private static List<Alias> modelAliases() {
        if (modelAliases == null) modelAliases = compile(ModelCatalog.aliases(), false);
        return modelAliases;
    }

    /**
     * A card whose alias starts with its brand ("gtx 1070") written with the brand after the number, as some do ("a
     * 8GB 1070GTX", "3090 RTX"): either order.
     */
    private static String brandLast(String body, String[] parts) {
        if (parts.length < 2 || !parts[0].matches("gtx|rtx")) return body + "(?:[\\s_-]*rtx)?";
        StringBuilder rest = new StringBuilder();
        for (int i = 1; i < parts.length; i++) rest.append(i > 1 ? "[\\s_-]*" : "").append(Pattern.quote(parts[i]));
        return "(?:" + body + "|" + rest + "[\\s_-]*" + Pattern.quote(parts[0]) + ")";
    }

    /**
     * Aliases as patterns, longest first: separators match any of space, '-', '_' or nothing (for models also ':',
     * as in ollama's "codellama:34b"); vendor prefixes are optional; a GPU may follow its count glued ("4xL4").
     */
    static List<Alias> compile(List<String[]> aliases, boolean gpu) {
        List<Alias> out = new ArrayList<>();
        for (String[] a : aliases) {
            String alias = a[0].toLowerCase(Locale.ROOT).strip();
            if (alias.length() < 2) continue;
            StringBuilder re = new StringBuilder();
            // a card's one or two letters and its number may be hyphenated ("8*a-100 80gb"); never a space, since
            // "a 10 GB card" is not an A10
            String[] parts = gpu ? SEPARATORS.split(LETTERS_DIGITS.matcher(alias).replaceFirst("-"))
                    : SEPARATORS.split(alias);
            for (int i = 0; i < parts.length; i++) {
                if (!re.isEmpty()) {
                    boolean letters = gpu && i == 1 && parts[0].matches("[a-z]{1,2}") && parts[1].matches("\\d.*")
                            && alias.startsWith(parts[0] + parts[1]);
                    re.append(letters ? "-?" : gpu ? "[\\s_-]*" : "[\\s_:-]*");
                }
                re.append(Pattern.quote(parts[i]));
            }
            String body = re.toString();
            String pattern = gpu
                    ? "(?:(?<![a-z0-9.])|(?<=\\d[x×*]))(?:nvidia[\\s_-]*)?(?:geforce[\\s_-]*)?(?:tesla[\\s_-]*)?"
                            + "(?:rtx[\\s_-]*)?"
                            + brandLast(body, parts) + "(?:'?s)?(?![a-z0-9])"
                    : "(?<![a-z0-9.])" + body + "(?![a-z0-9])";
            List<String> pieces = new ArrayList<>(parts.length);
            for (String part : parts) if (!part.isEmpty()) pieces.add(part);
            out.add(new Alias(alias, pattern, a[1], pieces.toArray(new String[0])));
        }
        out.sort(Comparator.comparingInt((Alias x) -> -x.regex.length()));
        return List.copyOf(out);
    }
}
