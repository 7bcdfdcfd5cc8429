package io.oomdoc.bench;

import io.oomdoc.corpus.Case;
import io.oomdoc.protocol.Category;
import io.oomdoc.protocol.Report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of {@link ReportAudit}, each on one report and the text it was diagnosed from. Written from the
 * issue's words (12, points 4 and 6), independently of the code that builds the report: the stack is the case's
 * labelled framework or the report's, the numbers are looked up in the user's own text.
 */
final class ReportChecks {
    record Finding(String check, String detail) {}

    static final List<String> NAMES = List.of(
            "no-report",
            "issue-vs-cause", "root-vs-cause", "ranking-vs-cause", "first-fix-off-cause", "footer-kb-off-cause",
            "serving-no-serving-fix", "serving-training-fix", "serving-fit-length",
            "jaxtf-no-knob", "jaxtf-torch-fix",
            "notoom-with-fix", "shm-vram-fix",
            "oom-without-fix", "more-than-five", "duplicate-fix", "number-not-users",
            "empty-section", "placeholder", "stray-semicolon", "cut-off");

    static final Set<String> SERVING_FRAMEWORKS = Set.of("vllm", "sglang", "tgi", "llamacpp", "ollama", "lmdeploy",
            "tensorrt-llm", "exllamav2", "mlc-llm", "lorax", "scalellm", "mistral.rs", "lmstudio", "gguf",
            "hf-generate", "generate", "tokenspeed", "petals");
    private static final Set<String> JAX_TF = Set.of("jax", "tensorflow", "keras");

    private static final Pattern SERVING_KNOB = Pattern.compile("(?i)gpu[_-]memory[_-]utilization|max[_-]model[_-]len"
            + "|max[_-]num[_-](?:seqs|batched)|tensor[_-]parallel|\\btp[_-]?size|kv[_-]cache[_-]dtype|quantiz|\\bawq"
            + "|gptq|mem[_-]fraction[_-]static|max[_-]running[_-]requests|context[_-]length|max[_-](?:batch[_-])?"
            + "(?:total|prefill)[_-]tokens|cuda[_-]memory[_-]fraction|n[_-]gpu[_-]layers|-ngl\\b|num_gpu\\b"
            + "|ctx[_-]size|num_ctx|n_ctx|max_new_tokens|cache_implementation|load_in_[48]bit|device_map|num_beams"
            + "|max_input_(?:length|tokens)|enforce[_-]eager|cpu[_-]offload|swap[_-]space|--ctx|-c \\d");
    private static final Pattern TRAINING_KNOB = Pattern.compile("(?i)optimi[sz]er|adamw|adam8bit|paged_adam"
            + "|gradient_accumulation|accumulate_grad|gradient[_ ]checkpointing|zero_grad|\\.backward\\(|loss\\.|"
            + "per_device_train_batch_size|zero_optimization|offload_optimizer|\"stage\"|fully_shard");
    private static final Pattern JAX_TF_KNOB = Pattern.compile("XLA_PYTHON_CLIENT_(?:MEM_FRACTION|PREALLOCATE"
            + "|ALLOCATOR)|allow_growth|memory_growth|TF_FORCE_GPU_ALLOW_GROWTH|memory_limit|per_process_gpu_memory");
    private static final Pattern TORCH_ONLY = Pattern.compile("torch\\.|PYTORCH_CUDA_ALLOC_CONF|TrainingArguments\\("
            + "|DataLoader\\(|\\.backward\\(|inference_mode");
    /** vLLM's and the other engines' statement of the longest sequence the cache holds. */
    private static final Pattern FITS = Pattern.compile("(?i)(?:stored in (?:the )?kv cache|kv cache can hold"
            + "|maximum number of tokens[^(\\d]{0,60}|max_model_len.{0,40}?(?:larger|greater) than the maximum"
            + " number of tokens.{0,60}?)\\D{0,20}?\\(?(\\d{3,7})");
    private static final Pattern NOT_OOM = Pattern.compile("(?i)illegal memory access|device-side assert"
            + "|misaligned address|unspecified launch failure");
    private static final Pattern SHM = Pattern.compile("(?i)bus error.{0,200}shared memory|shared memory.{0,200}bus"
            + " error|insufficient shared memory|/dev/shm");
    private static final Pattern VRAM_FIX = Pattern.compile("(?i)batch_size|gradient_checkpointing|expandable_segments"
            + "|max_split_size|per_device_train_batch_size|bf16|fp16");
    /** A knob whose value the user chose (the before side of a fix, or the budget command's setup). */
    private static final Pattern USER_NUMBER = Pattern.compile("(per_device_(?:train|eval)_batch_size|(?<![_\\w])"
            + "batch_size|--batch-size|--batch|--device-batch-size|max_model_len|--max-model-len|--seq|"
            + "max_seq_length|--ctx-size|num_ctx|n_ctx|max_new_tokens)\\s*[=: ]\\s*(\\d+)");
    private static final Pattern PARAMS = Pattern.compile("--params (\\d+(?:\\.\\d+)?)e9");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}|(?<![\\w\"'.])null(?![\\w\"'])"
            + "|%[sd]\\b|\\bNaN\\b|%\\d\\$");
    private static final Pattern SEMICOLON = Pattern.compile("(?:^|[.!?:]\\s+|\\n\\s*|;\\s*|\\(\\s*);");
    /** A prose section ends a sentence: a stop, a closing quote or bracket, or code in backquotes. */
    private static final Pattern WHOLE = Pattern.compile("[.!?)\"'`\\]»。]$");
    private static final Pattern BROKEN = Pattern.compile(" [.,;:](?:\\s|$)|[,;:]\\.(?:\\s|$)|(?<!\\.)\\.\\.(?![./])"
            + "|: \\.|\\bthe the\\b");

    private ReportChecks() {}

    static List<Finding> all(Case c, String input, Report r) {
        List<Finding> out = new ArrayList<>();
        consistency(r, out);
        stack(c, input, r, out);
        notOom(input, r, out);
        fixes(input, r, out);
        text(r, out);
        return out;
    }

    private static void consistency(Report r, List<Finding> out) {
        boolean notOom = r.issueType().equals("not_oom");
        boolean hostIssue = r.issueType().equals("host_ram_oom");
        boolean hostCause = r.category().equals("host_ram_oom");
        if (!notOom && !r.issueType().equals("unknown") && hostIssue != hostCause) {
            out.add(new Finding("issue-vs-cause", r.issueType() + " / " + r.category()));
        }
        Category cat = Category.valueOf(r.category().toUpperCase(Locale.ROOT));
        String label = cat.label();
        String root = r.sections().rootCause();
        if (!notOom && !root.toLowerCase(Locale.ROOT).startsWith(label.toLowerCase(Locale.ROOT))) {
            out.add(new Finding("root-vs-cause", r.category() + ": " + head(root)));
        }
        if (!r.hypotheses().isEmpty() && !r.hypotheses().get(0).category().equals(r.category())) {
            out.add(new Finding("ranking-vs-cause", r.hypotheses().get(0).category() + " / " + r.category()));
        }
        if (!notOom && !r.fixes().isEmpty() && !cat.kb.contains(r.fixes().get(0).kb())
                && !r.fixes().get(0).title().startsWith("Find the size")) {
            out.add(new Finding("first-fix-off-cause", r.category() + " " + cat.kb + " <- " + r.fixes().get(0).kb()
                    + " " + r.fixes().get(0).title()));
        }
        if (!notOom && !r.kb().isEmpty() && r.kb().stream().limit(3).noneMatch(cat.kb::contains)) {
            out.add(new Finding("footer-kb-off-cause", r.category() + " " + cat.kb + " <- footer " + r.kb()));
        }
    }

    private static void stack(Case c, String input, Report r, List<Finding> out) {
        if (!r.issueType().equals("vram_oom")) return;
        String fixes = fixText(r);
        boolean serving = SERVING_FRAMEWORKS.contains(c.framework()) || SERVING_FRAMEWORKS.contains(r.framework());
        if (serving) {
            if (!r.fixes().isEmpty() && !SERVING_KNOB.matcher(fixes).find()) {
                out.add(new Finding("serving-no-serving-fix", c.framework() + "/" + r.framework() + ": "
                        + titles(r)));
            }
            Matcher t = TRAINING_KNOB.matcher(fixes);
            if (t.find()) out.add(new Finding("serving-training-fix", c.framework() + "/" + r.framework() + " '"
                    + t.group() + "': " + titles(r)));
            Matcher fits = FITS.matcher(c.paste());
            if (fits.find() && !fixes.contains(fits.group(1))) {
                out.add(new Finding("serving-fit-length", "log says " + fits.group(1) + ": " + titles(r)));
            }
        }
        boolean jaxTf = JAX_TF.contains(c.framework()) || JAX_TF.contains(r.framework());
        if (jaxTf && !r.fixes().isEmpty()) {
            if (!JAX_TF_KNOB.matcher(fixes).find()) {
                out.add(new Finding("jaxtf-no-knob", c.framework() + "/" + r.framework() + ": " + titles(r)));
            }
            Matcher t = TORCH_ONLY.matcher(fixes);
            if (t.find()) out.add(new Finding("jaxtf-torch-fix", c.framework() + "/" + r.framework() + " '"
                    + t.group() + "': " + titles(r)));
        }
    }

    private static void notOom(String input, Report r, List<Finding> out) {
        boolean oomWords = input.toLowerCase(Locale.ROOT).contains("out of memory");
        if (r.issueType().equals("not_oom") && !r.fixes().isEmpty()) {
            out.add(new Finding("notoom-with-fix", "not_oom report with " + titles(r)));
        } else if (!oomWords && NOT_OOM.matcher(input).find() && !r.fixes().isEmpty()) {
            out.add(new Finding("notoom-with-fix", r.issueType() + "/" + r.category() + ": " + titles(r)));
        }
        if (SHM.matcher(input).find() && !oomWords && VRAM_FIX.matcher(fixText(r)).find()) {
            out.add(new Finding("shm-vram-fix", r.issueType() + "/" + r.category() + ": " + titles(r)));
        }
    }

    private static void fixes(String input, Report r, List<Finding> out) {
        boolean oom = r.issueType().equals("vram_oom") || r.issueType().equals("host_ram_oom");
        if (oom && r.fixes().isEmpty()) out.add(new Finding("oom-without-fix", r.category()));
        if (r.fixes().size() > 5) out.add(new Finding("more-than-five", r.fixes().size() + " fixes"));
        Set<String> titles = new HashSet<>();
        Set<String> afters = new HashSet<>();
        for (Report.Fix f : r.fixes()) {
            if (!titles.add(f.title()) || !afters.add(f.after())) {
                out.add(new Finding("duplicate-fix", f.title()));
                break;
            }
        }
        List<String> invented = new ArrayList<>();
        for (Report.Fix f : r.fixes()) {
            Matcher m = USER_NUMBER.matcher(f.before());
            while (m.find()) if (!said(input, m.group(2))) invented.add(m.group(1) + "=" + m.group(2));
            Matcher b = Pattern.compile("oomdoc (?:budget|batch) [^\\n]*").matcher(f.before() + "\n" + f.after());
            while (b.find()) {
                Matcher n = USER_NUMBER.matcher(b.group());
                while (n.find()) if (!said(input, n.group(2))) invented.add(n.group(1) + " " + n.group(2));
                Matcher p = PARAMS.matcher(b.group());
                while (p.find()) if (!saidParams(input, p.group(1))) invented.add("--params " + p.group(1) + "e9");
            }
        }
        if (!invented.isEmpty()) out.add(new Finding("number-not-users", String.join(", ", invented.stream()
                .distinct().toList())));
    }

    private static void text(Report r, List<Finding> out) {
        Report.Sections s = r.sections();
        boolean notOom = r.issueType().equals("not_oom");
        List<String[]> prose = new ArrayList<>(List.of(new String[] {"summary", s.memoryStateSummary()},
                new String[] {"issue", s.issueType()}, new String[] {"root", s.rootCause()},
                new String[] {"verification", s.verification()}, new String[] {"prevention", s.prevention()},
                new String[] {"confidence", s.confidenceAssessment()}, new String[] {"risk", s.riskAssessment()}));
        s.informationGaps().forEach(g -> prose.add(new String[] {"gap", g}));
        s.caveats().forEach(g -> prose.add(new String[] {"caveat", g}));
        List<String> empty = new ArrayList<>();
        for (String[] p : prose) if (p[1] == null || p[1].isBlank()) empty.add(p[0]);
        if (!notOom && (s.fix() == null || s.fix().isBlank()) && !r.fixes().isEmpty()) empty.add("fix");
        if (!empty.isEmpty()) out.add(new Finding("empty-section", String.join(",", empty)));
        List<String> all = new ArrayList<>();
        for (String[] p : prose) all.add(p[0] + ": " + p[1]);
        for (Report.Fix f : r.fixes()) all.add("fix: " + f.title() + "\n" + f.before() + "\n" + f.after());
        for (String t : all) {
            if (t == null) continue;
            Matcher m = PLACEHOLDER.matcher(t);
            if (m.find()) {
                out.add(new Finding("placeholder", around(t, m.start())));
                break;
            }
        }
        for (String[] p : prose) {
            if (p[1] == null) continue;
            Matcher m = SEMICOLON.matcher(p[1]);
            if (m.find()) {
                out.add(new Finding("stray-semicolon", p[0] + ": " + around(p[1], m.start())));
                break;
            }
        }
        for (String[] p : prose) {
            if (p[1] == null || p[1].isBlank()) continue;
            String t = p[1].strip();
            Matcher b = BROKEN.matcher(t);
            if (!WHOLE.matcher(t).find() || b.find()) {
                int at = WHOLE.matcher(t).find() ? b.start() : t.length() - 1;
                out.add(new Finding("cut-off", p[0] + ": " + around(t, at)));
                break;
            }
        }
    }

    /** The number stands in the user's text as a number of its own (not inside a longer one). */
    static boolean said(String input, String number) {
        return Pattern.compile("(?<![\\d.])" + Pattern.quote(number) + "(?![\\d])").matcher(input).find();
    }

    /** A model size in billions ("7" for 7e9) stands in the text as 7B, 7b, 7 billion or 7e9. */
    static boolean saidParams(String input, String billions) {
        String b = billions.endsWith(".0") ? billions.substring(0, billions.length() - 2) : billions;
        return Pattern.compile("(?i)(?<![\\d.])" + Pattern.quote(b) + "\\s*(?:b(?![a-z0-9])|billion|e9)")
                .matcher(input).find();
    }

    private static String fixText(Report r) {
        StringBuilder sb = new StringBuilder();
        for (Report.Fix f : r.fixes()) sb.append(f.title()).append('\n').append(f.before()).append('\n')
                .append(f.after()).append('\n');
        return sb.toString();
    }

    private static String titles(Report r) {
        return String.join(" | ", r.fixes().stream().map(f -> f.kb() + " " + f.title()).toList());
    }

    private static String head(String s) { return s.length() > 80 ? s.substring(0, 80) : s; }

    private static String around(String s, int at) {
        int from = Math.max(0, at - 60);
        int to = Math.min(s.length(), at + 40);
        return "…" + s.substring(from, to).replace("\n", "⏎") + "…";
    }
}
