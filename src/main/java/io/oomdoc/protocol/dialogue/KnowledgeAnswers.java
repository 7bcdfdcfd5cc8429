package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import io.oomdoc.protocol.StackTable;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How-to snippets for the user's stack and plain-words explanations, from knowledge/dialogue/. */
final class KnowledgeAnswers {
    private static final int MAX_SNIPPETS = 2;

    /**
     * "how do I set it when I launch vllm": a verb on a pronoun stands for the topic talked about; so does a verb whose
     * particle follows the pronoun ("how do I turn it on in plain PyTorch?", "switch them off").
     */
    private static final Pattern ANAPHOR = Pattern.compile("(?i)\\b(?:set|use|enable|turn on|do|pass|change"
            // "how do I pass both to vllm serve?": both settings of the turns before
            + "|configure|apply|add|put|write|get|limit|cap|lower|raise) (?:it|that|this|them|those|these|both)\\b"
            + "|\\b(?:turn|switch|set|flip|try) (?:it|that|this|them|those|these) (?:on|off|up|out)\\b");
    /** "what's the flag for that": a pronoun with nothing else named stands for it too. */
    private static final Pattern POINTER = Pattern.compile("(?i)\\b(?:that|it|this|those|these|them)\\b");
    /**
     * Words that ask for a setting without saying which: a question made only of them and a pronoun ("which flag caps
     * that") points back, one with words of its own ("how do I load it in 16-bit") is about those words.
     */
    private static final Set<String> ASKING = Set.of("how", "do", "does", "i", "we", "can", "could", "should", "would",
            "what", "whats", "what's", "which", "where", "is", "are", "there", "the", "a", "an", "for", "to", "of",
            "in", "on", "with", "when", "me", "my", "that", "it", "this", "those", "these", "them", "flag", "flags",
            "setting", "settings", "parameter", "parameters", "option", "options", "argument", "arg", "config", "knob",
            "variable", "env", "name", "called", "set", "turn", "enable", "use", "pass", "change", "configure", "apply",
            "add", "put", "write", "get", "limit", "cap", "caps", "lower", "raise", "reduce", "control", "controls",
            "serving", "server", "launcher", "command", "line", "cli", "way", "then", "and", "so", "ok", "okay");

    private KnowledgeAnswers() {}

    /**
     * The snippet for the topic asked about. {@code talkedAbout}: the stacks the conversation has named so far ("my
     * dreambooth run" two turns back), shown after those the question names and before the defaults.
     */
    static String howTo(String question, String withContext, List<String> talkedAbout, Facts facts, Report report) {
        String body = howToBody(question, withContext, talkedAbout, facts, report);
        // "cut vLLM's share to leave 6 GB": the value for this card comes first, the snippet after it.
        String share = ShareLeft.line(question, facts, report);
        if (share != null) body = share + "\n" + body;
        // A tool no snippet covers: its own catalog row or the plain statement stands alone, no other stack's code.
        String guarded = NoSnippet.guard(question, body);
        if (!java.util.Objects.equals(guarded, body)) return guarded;
        List<String> stacks = conversationStacks(question, talkedAbout, facts, report);
        // A snippet found by the topic's own keyword that already shows the setting for the conversation's own stack
        // (a DreamBooth run, "with peft") answers better than another stack's row of the same name.
        if (!Topics.findAll(Topics.howTo(), question).isEmpty() && KnobAnswers.shownForAnother(question, body, stacks))
            return AppFirst.unknownSaid(question, talkedAbout, body);
        return AppFirst.unknownSaid(question, talkedAbout, KnobAnswers.lead(question, stacks, body));
    }

    /** The stacks a setting may belong to: named in the turn, in the turns before, as a fact or by the failure. */
    static List<String> conversationStacks(String question, List<String> talkedAbout, Facts facts, Report report) {
        List<String> out = new ArrayList<>(namedStacks(question));
        out.addAll(talkedAbout);
        out.addAll(engines(facts, report));
        return out.stream().distinct().toList();
    }

    private static String howToBody(String question, String withContext, List<String> talkedAbout, Facts facts,
                                    Report report) {
        String text = withContext;
        List<Topics.Topic> named = namedTopics(question);
        var topic = named.stream().findFirst();
        boolean noneNamed = named.isEmpty();
        // "how do I set it?" points back: the topic of the turns before comes before a match on other words.
        // The engine the conversation is about (TGI, Ollama) steers a search by words to topics with its snippet.
        List<String> held = engines(facts, report);
        if (topic.isEmpty() && (pointsBack(question) || ANAPHOR.matcher(question).find()
                || SEVERAL.matcher(question).find() && Topics.findAll(Topics.howTo(), withContext).size() > 1)) {
            topic = topicBefore(withContext, held);
            // "what if I turn on fp16 and gradient checkpointing?" then "how do I set both?": one snippet of each
            if (topic.isPresent()) named = settingsBefore(question, withContext, topic.get());
        }
        // "how do I fix it in HF Trainer?": the cause held decides the topic, the stack named its snippet.
        if (topic.isEmpty()) topic = HeldHowTo.of(question, report, conversationStacks(question, talkedAbout, facts,
                report));
        if (topic.isEmpty() && !held.isEmpty()) topic = KnowledgeSearch.howTo(question, held.get(0));
        if (topic.isEmpty()) topic = KnowledgeSearch.howTo(question, null);
        if (topic.isEmpty()) topic = Topics.find(Topics.howTo(), withContext);
        else text = question;
        // "how do I reduce the batch in vllm?": a topic without a snippet for the stack named gives way to one with it.
        List<String> namedStacks = stacksAsked(question, talkedAbout, held, noneNamed);
        // An application held (ComfyUI) keeps the topic asked: a search by its name alone finds its one unrelated
        // snippet; the answer says instead that its way is not known (below).
        if (topic.isPresent() && !namedStacks.isEmpty() && !io.oomdoc.protocol.Stacks.app(namedStacks.get(0))
                && !topic.get().texts().containsKey(namedStacks.get(0))) {
            var forStack = KnowledgeSearch.howTo(question, namedStacks.get(0));
            if (forStack.isEmpty()) forStack = engineTopic(namedStacks.get(0));
            if (forStack.isPresent()) { topic = forStack; named = List.of(); }
        }
        if (topic.isEmpty()) return KnowledgeSearch.answer(question, report, held)
                .orElse(Messages.get("howto.unknown"));
        List<String> stacks = stacksFor(text, talkedAbout, facts, report);
        if (onlyAnEnginesOwn(topic.get(), stacks)) {
            var general = generalInstead(question, named);
            if (general.isPresent()) topic = general;
        }
        return snippets(topic.get(), named, stacks, question);
    }

    /** "both", "these", "them": the question points back at more than one setting. */
    private static final Pattern SEVERAL = Pattern.compile("(?i)\\b(?:both|these|those|them|each)\\b");

    /**
     * The settings a plural pointer stands for: the topic of the turns before and the next one the same turn names
     * (ux: "what if I use 8-bit Adam plus gradient checkpointing?", then "how do I turn both on?" asks for both
     * snippets, OOTDiffusion-train#20). One setting, or a singular pointer, leaves the question's own topics.
     */
    private static List<Topics.Topic> settingsBefore(String question, String withContext, Topics.Topic first) {
        if (!SEVERAL.matcher(question).find()) return List.of();
        List<Topics.Topic> all = Topics.findAll(Topics.howTo(), withContext);
        if (all.size() < 2 || !all.get(0).equals(first)) return List.of();
        return List.of(all.get(0), all.get(1));
    }

    /**
     * "how do I lower the batch size" with no engine in sight: nanochat's or vLLM's own topic is not the answer when a
     * topic written for the general stacks matches too. A topic for one UI or library ("sd-webui", "mmdet") named by
     * its own keyword stays: it is what was asked. An engine's own setting named by its keyword ("how do I set
     * n_gpu_layers?") has no general topic to give way to: a search by the question's other words would find an
     * unrelated one (it found ZeRO-3).
     */
    private static boolean onlyAnEnginesOwn(Topics.Topic topic, List<String> stacks) {
        return topic.texts().keySet().stream().noneMatch(stacks::contains) && topic.texts().keySet().stream()
                .allMatch(st -> io.oomdoc.protocol.Stacks.serving(st) || st.equals("nanochat"));
    }

    /**
     * The stacks the question is about, serving engines first: a serving engine named beside a training stack ("runs
     * with plain transformers, but with vllm …") is the subject, the comparison is what the user left. "what's the
     * flag to limit that when serving", with no topic named: the serving engine the conversation is about decides, as
     * if the question had named it.
     */
    private static List<String> stacksAsked(String question, List<String> talkedAbout, List<String> held,
            boolean noTopicNamed) {
        List<String> namedStacks = new ArrayList<>(AppFirst.order(question, namedStacks(question), talkedAbout));
        if (noTopicNamed && namedStacks.isEmpty()) namedStacks.addAll(servingEngines(talkedAbout, held));
        namedStacks.sort(java.util.Comparator.comparing(st -> !io.oomdoc.protocol.Stacks.serving(st)));
        return namedStacks;
    }

    /**
     * The topics the question names; "how do I check that memory stays flat?": observing memory is what is asked,
     * whatever setting is named; a topic named that observes too ("see where ollama placed the model") is the
     * stack's own tool and stays.
     */
    private static List<Topics.Topic> namedTopics(String question) {
        List<Topics.Topic> named = Topics.findAll(Topics.howTo(), question);
        var observed = MeasureHowTo.of(question);
        if (observed.isPresent() && (named.isEmpty() || !MeasureHowTo.observes(named.get(0)))) {
            return List.of(observed.get());
        }
        return named;
    }

    /**
     * The topic of the turns before. "how do I turn that off?" in a JAX session: a topic of the turns before with no
     * snippet for that engine is a word's chance match (a PyTorch snapshot); the search among the engine's topics
     * decides instead. Only an engine outside PyTorch's family is told apart so: PyTorch's topics serve its wrappers
     * too.
     */
    private static Optional<Topics.Topic> topicBefore(String withContext, List<String> held) {
        var topic = Topics.find(Topics.howTo(), withContext);
        if (topic.isPresent() && !held.isEmpty() && outsidePytorch(held.get(0))
                && !topic.get().texts().containsKey(held.get(0))) {
            return Optional.empty();
        }
        return topic;
    }

    /** A topic named for the general stacks (HF Trainer, PyTorch), else one found for them by the question's words. */
    private static Optional<Topics.Topic> generalInstead(String question, List<Topics.Topic> named) {
        var general = named.stream().filter(n -> n.texts().containsKey("hf-trainer")
                || n.texts().containsKey("pytorch")).findFirst();
        if (general.isPresent() || !named.isEmpty()) return general;
        for (String stack : List.of("hf-trainer", "pytorch")) {
            var other = KnowledgeSearch.howTo(question, stack);
            if (other.isPresent()) return other;
        }
        return Optional.empty();
    }

    /** The topic's snippets for the stacks in order (up to MAX_SNIPPETS), a second named topic's, and its note. */
    private static String snippets(Topics.Topic t, List<Topics.Topic> named, List<String> stacks, String question) {
        // Two topics named: one snippet of the first, then the second's for the same stack.
        int limit = named.size() > 1 ? 1 : MAX_SNIPPETS;
        List<String> lines = new ArrayList<>();
        int shown = 0;
        for (String s : stacks) {
            String snippet = t.texts().get(s);
            if (snippet == null || shown >= limit) continue;
            lines.add(Messages.get("howto.head", t.name(), label(s)));
            lines.add(indent(snippet));
            shown++;
        }
        if (shown == 0) {
            for (Map.Entry<String, String> e : t.texts().entrySet()) {
                if (shown >= limit) break;
                lines.add(Messages.get("howto.head", t.name(), label(e.getKey())));
                lines.add(indent(e.getValue()));
                shown++;
            }
        }
        // A second topic the question names ("ZeRO-3 with the optimizer offloaded"): its snippet for the same stack.
        if (named.size() > 1 && shown == 1 && !shownAlready(lines.get(1), named.get(1), question)) {
            var second = named.get(1);
            stacks.stream().filter(st -> second.texts().containsKey(st)).findFirst().ifPresent(st -> {
                lines.add(Messages.get("howto.head", second.name(), label(st)));
                lines.add(indent(second.texts().get(st)));
            });
        }
        if (!t.note().isBlank()) lines.add(t.note() + " [" + t.kb() + "]");
        return String.join("\n", lines);
    }

    /**
     * Whether the snippet shown already uses what the question names the second topic by: "add autocast and
     * GradScaler to the loop" gets the loss-scaler snippet, which opens torch.autocast itself; mixed precision's
     * snippet after it would repeat it and run past a short answer.
     */
    private static boolean shownAlready(String snippet, Topics.Topic second, String question) {
        String q = Topics.normal(question), shown = Topics.normal(snippet);
        return second.keywords().stream().map(Topics::normal)
                .anyMatch(k -> Topics.containsWord(q, k) && shown.contains(k));
    }

    /**
     * An engine's own memory topic ("vllm memory settings"): the answer to "is there a parameter for this in vllm?"
     * when nothing closer has a snippet for that engine.
     */
    private static java.util.Optional<Topics.Topic> engineTopic(String stack) {
        if (!io.oomdoc.protocol.Stacks.serving(stack)) return java.util.Optional.empty();
        return Topics.howTo().stream().filter(t -> t.texts().containsKey(stack)
                && t.name().replace(".", "").startsWith(stack)).findFirst();
    }

    /** The serving engines the conversation named or the failure held, in that order. */
    private static List<String> servingEngines(List<String> talkedAbout, List<String> held) {
        return java.util.stream.Stream.concat(talkedAbout.stream(), held.stream())
                .filter(io.oomdoc.protocol.Stacks::serving).distinct().toList();
    }

    /** An explanation: the figures the question calls for (computed by the caller), then the term in words. */
    static String explain(String text, String withContext, String conversation, String computed, Facts facts,
                          Report report) {
        String base = explainTerm(text, withContext, conversation, facts, report);
        String led = KnobAnswers.trail(text, conversationStacks(text, namedStacks(withContext), facts, report), base);
        if (computed == null) return led;
        // The figures asked for are the answer: they open it, before a setting's row the question happens to name
        // ("ZeRO-2 goes from 36.22 GB at bs 8 to 46.25 at bs 16. how much per sample?").
        List<String> lines = new ArrayList<>(computed.lines().toList());
        for (String l : led.lines().toList()) {
            if (lines.size() >= Answer.MAX_LINES) break;
            lines.add(l);
        }
        return String.join("\n", lines);
    }

    /**
     * The weights' or optimizer's size when the question asks how much something takes, or names a parameter count
     * in a format ("why doesn't 8B in fp32 fit?", "774M params: what does the extra fp16 copy cost?"): the figure
     * the answer stands on either way.
     */
    static String size(Calculations.Ask a) {
        // "7B 模型 fp16 ... 这是怎么算出来的？": a Chinese question ends with the full-width mark
        boolean asked = a.text().contains("?") || a.text().contains("？");
        boolean named = asked && Sizes.params(a.text()) != null && Sizes.formatNamed(a.text());
        return named || IntentClassifier.asksSize(a.text()) || Sizes.asksPerCard(a.text(), a.facts())
                ? Sizes.weights(a.text(), a.facts()) : null;
    }

    private static final Pattern PRODUCT = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)(?:\\s*[*x×]\\s*(\\d[\\d,]*(?"
            + ":\\.\\d+)?)){1,4}");
    /** What makes a product of two a size: bytes or elements said ("1000 x 1000 floats"), not an image's WxH. */
    private static final Pattern BYTES = Pattern.compile("(?i)\\b(?:bytes?|floats?|elements?|values?|numbers?"
            + "|param(?:eter)?s?|fp32|fp16|bf16|float32|float16|int8|entries)\\b");
    private static final Pattern FACTOR = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");
    private static final Pattern BLOCKS = Pattern.compile("(?i)gpu blocks:?\\s*(\\d+)");
    private static final int VLLM_BLOCK_TOKENS = 16;

    /** "469530 * 9997 * 4 bytes": the user's own arithmetic, checked, in binary and decimal units. */
    static String arithmetic(String text) {
        var m = PRODUCT.matcher(text);
        if (!m.find()) return null;
        var f = FACTOR.matcher(m.group());
        double product = 1;
        List<String> parts = new ArrayList<>();
        while (f.find()) { product *= Double.parseDouble(f.group().replace(",", "")); parts.add(f.group()); }
        // "5000x3000" alone is an image's size, not a byte count: two factors make a size only when bytes or
        // elements are said
        if (parts.size() < 2 || product < 1e6 || parts.size() == 2 && !BYTES.matcher(text).find()) return null;
        return Messages.get("explain.math", String.join(" × ", parts), String.format(Locale.ROOT, "%,.0f", product),
                String.format(Locale.ROOT, "%.2f", product / (1L << 30)), String.format(Locale.ROOT, "%.2f",
                        product / 1e9));
    }

    /** "1024*32", "32*64*640*480": a product written as code writes it, so no image size or card count ("4x"). */
    private static final Pattern CODE_PRODUCT = Pattern.compile("(?<![\\w.])\\d[\\d,]*(?:\\s*\\*\\s*\\d[\\d,]*)+"
            + "(?![\\w.])");
    /** "is how many rays", "check the arithmetic": the count itself is asked, not a size in bytes. */
    private static final Pattern ASKS_COUNT = Pattern.compile("(?i)\\bhow many\\b(?!\\s+(?:[kmg]i?b|bytes"
            + "|\\w+bytes)\\b)|\\b(?:check|do|verify) the (?:arithmetic|math)\\b");

    /** The first product written as code in the text ("32*64*640*480"), worked out; null when there is none. */
    static Double product(String text) {
        List<String> parts = factors(text);
        return parts == null ? null : times(parts);
    }

    /** "chunk=1024*32 is how many rays?": the product worked out, whatever its size (a count, not bytes). */
    static String count(String text) {
        if (!ASKS_COUNT.matcher(text).find()) return null;
        List<String> parts = factors(text);
        if (parts == null) return null;
        return Messages.get("explain.count", String.join(" × ", parts), String.format(Locale.ROOT, "%,.0f",
                times(parts)));
    }

    /** The factors of the first product written as code, as written; null when there is none. */
    private static List<String> factors(String text) {
        var m = CODE_PRODUCT.matcher(text);
        if (!m.find()) return null;
        var f = FACTOR.matcher(m.group());
        List<String> parts = new ArrayList<>();
        while (f.find()) parts.add(f.group());
        return parts;
    }

    private static double times(List<String> parts) {
        double product = 1;
        for (String p : parts) product *= Double.parseDouble(p.replace(",", ""));
        return product;
    }

    private static final Pattern BARE_SHAPE = Pattern.compile("(?i)\\bshape\\s*(?:of\\s*)?()[\\[(](\\d+(?:\\s*,"
            + "\\s*\\d+)+)[\\])]");
    private static final Pattern SHAPE = Pattern.compile("(?i)\\b(bf16|f16|fp16|f32|fp32|float32|float16|bfloat16|f64"
            + "|s32|int32|s8|u8|int8|pred|s64|int64)\\[(\\d+(?:\\s*,\\s*\\d+)+)\\]");

    /**
     * "bf16[128,6,256,256]" (an XLA buffer) or "float32[8, 2048, 50257]": elements × bytes per element, and what
     * the dimensions usually are, so a shape in a dump is a size the user can act on.
     */
    static String shape(String text) {
        Shape sh = Shape.find(text);
        if (sh == null) return null;
        String[] dims = sh.dims();
        boolean square = dims.length >= 2 && dims[dims.length - 1].equals(dims[dims.length - 2]);
        return Messages.get("explain.shape", sh.said(), String.join(" × ", dims),
                String.format(Locale.ROOT, "%,.0f", sh.elements()), sh.bytesPer(), plain(sh.bytes()),
                dims[0], square ? Messages.get("explain.shape.square", dims[dims.length - 1]) : "");
    }

    /** "64 MiB", not "64.00 MiB": a whole size is quoted as people write it; "742.56 MiB" keeps its digits. */
    private static String plain(double bytes) { return Bytes.human((long) bytes).replace(".00 ", " "); }

    /** A tensor shape as a dump prints it: the text, its dimensions, and bytes per element. */
    private record Shape(String said, String[] dims, int bytesPer) {
        /** The first typed shape in the text, else TensorFlow's untyped "shape[...]" (float32); null when none. */
        static Shape find(String text) {
            Matcher m = SHAPE.matcher(text);
            if (!m.find()) m = BARE_SHAPE.matcher(text);
            if (!m.find(0)) return null;
            int bytes = m.group(1).isEmpty() ? 4 : KnowledgeAnswers.bytesPer(m.group(1));
            return new Shape(m.group(), m.group(2).split("\\s*,\\s*"), bytes);
        }

        double elements() {
            double e = 1;
            for (String d : dims) e *= Double.parseDouble(d);
            return e;
        }

        double bytes() { return elements() * bytesPer; }
    }

    private static final Pattern THAT_TENSOR = Pattern.compile("(?i)\\b(?:tensor|buffer|allocation|array|activation)"
            + "\\b");

    /** "how big is that one tensor" after a trace that printed its shape: the shape of the failure held, sized. */
    static String heldShape(Calculations.Ask a) {
        if (shape(a.text()) != null) return null;
        Matcher batch = NEW_BATCH.matcher(a.text());
        if (batch.find()) return rescaled(a.withContext(), Long.parseLong(batch.group(1)));
        if (!asksAboutSize(a.text()) || !THAT_TENSOR.matcher(a.text()).find()) return null;
        return shape(a.withContext());
    }

    /** "what if the per-replica batch is 64": a batch named in the turn, to resize the shape held. */
    private static final Pattern NEW_BATCH = Pattern.compile("(?i)\\bbatch(?:[- _]size)?\\s*(?:is|of|=|:|to|at)?\\s*"
            + "(\\d{1,5})(?![\\d.])");

    /** The held shape with its first dimension (the batch) set to {@code batch}; null when no shape is held. */
    private static String rescaled(String context, long batch) {
        Shape sh = Shape.find(context);
        if (sh == null) return null;
        long first = Long.parseLong(sh.dims()[0]);
        if (first == batch || first == 0) return null;
        return Messages.get("explain.shape.batch", sh.said(), first, batch, plain(sh.bytes()),
                plain(sh.bytes() * batch / first));
    }

    private static boolean asksAboutSize(String text) {
        return IntentClassifier.asksSize(text) || text.matches("(?is).*\\bhow (?:big|large|much memory)\\b.*");
    }

    private static int bytesPer(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "f32", "fp32", "float32", "s32", "int32" -> 4;
            case "f64", "s64", "int64" -> 8;
            case "s8", "u8", "int8", "pred" -> 1;
            default -> 2;
        };
    }

    /** vLLM's "# GPU blocks: N" in tokens. */
    static String blocks(String text) {
        var m = BLOCKS.matcher(text);
        if (!m.find()) return null;
        long n = Long.parseLong(m.group(1));
        return Messages.get("explain.blocks", n, VLLM_BLOCK_TOKENS, n * VLLM_BLOCK_TOKENS);
    }

    /**
     * A term the question names is explained from the glossary; otherwise the knowledge's closest passage answers it;
     * only then does a term named in the turns before stand in (the question "why so big?" is about it).
     */
    static String explainTerm(String question, String withContext, Facts facts, Report report) {
        return explainTerm(question, withContext, withContext, facts, report);
    }

    /** {@code conversation}: the turn and every turn before it, where a project named once (openpi) is found. */
    static String explainTerm(String question, String withContext, String conversation, Facts facts, Report report) {
        // "it still fills the card", "is that a leak?" in a vLLM or JAX session: the engine's share of the card, which
        // the question's other words ("leak", "kv cache") would miss
        String share = UpFrontShare.of(question, conversation, facts);
        if (share != null) return share;
        var term = Topics.find(Topics.glossary(), question);
        // "17179869183.95 GiB? where does that come from": no card holds a petabyte, the figure itself is the subject.
        if (term.isEmpty() && impossibleSize(question)) term = Topics.glossary().stream()
                .filter(t -> t.name().equals(IMPOSSIBLE)).findFirst();
        // "how can it use 41.6 GB on a 24 GB card?": more than the card is the subject, whatever words carry it
        if (term.isEmpty() && beyondCard(question)) term = Topics.glossary().stream()
                .filter(t -> t.name().equals(BEYOND_CARD)).findFirst();
        if (term.isEmpty()) {
            var found = KnowledgeSearch.explanation(question, report, engines(facts, report));
            if (found.isPresent()) return found.get();
            term = Topics.find(Topics.glossary(), withContext);
        }
        if (term.isEmpty()) return report == null ? Messages.get("explain.unknown") : FollowUps.answer(question,
                false, report, facts);
        StringBuilder out = new StringBuilder(Topics.explained(term.get()));
        // "why does FSDP want the same requires_grad in a unit?": the term named (ZeRO stages) is a definition, the
        // mechanism asked about is the closest passage, when it is another entry's.
        if (MECHANISM.matcher(question).find()) {
            String name = term.get().name();
            // The best passage other than the term's own: when the term's passage ranks first, the runner-up is the
            // one about the mechanism (it shares the question's other words), not nothing.
            var passage = KnowledgeSearch.beyond(question, report, engines(facts, report), name);
            passage.ifPresent(p -> out.append('\n').append(p.lines().findFirst().orElse("")));
        }
        // The question's own reserved and allocated figures are computed before this; the report's would repeat them.
        String figures = ReservedGap.quoted(question) ? null : figures(term.get().name(), report);
        return figures == null ? out.toString() : out + "\n" + figures;
    }

    private static final String IMPOSSIBLE = "impossible allocation size";
    private static final String BEYOND_CARD = "allocated beyond the card's size";
    /** "use 41.6 GB on a 24 GB card": a size, then the card's, within one clause. */
    private static final Pattern ON_CARD = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*gi?b\\b[^.?!]{0,40}?\\bon "
            + "(?:a|an|my|the|this|one) (\\d+(?:\\.\\d+)?)\\s*gi?b\\b");

    /** Whether a how or why question says a job used more than its card holds. */
    static boolean beyondCard(String text) {
        if (!MECHANISM.matcher(text).find()) return false;
        Matcher m = ON_CARD.matcher(text);
        while (m.find()) if (Double.parseDouble(m.group(1)) > Double.parseDouble(m.group(2))) return true;
        return false;
    }
    private static final Pattern MECHANISM = Pattern.compile("(?i)\\bwhy\\b|\\bhow come\\b"
            + "|\\bhow (?:can|does|do|is)\\b");
    private static final Pattern QUANTITY = Pattern.compile("(?i)(\\d[\\d,]*(?:\\.\\d+)?)\\s*([kmgtpe])i?b\\b");

    /** Whether the text quotes a memory size no machine has. */
    static boolean impossibleSize(String text) {
        Matcher m = QUANTITY.matcher(text);
        while (m.find()) {
            int power = "kmgtpe".indexOf(Character.toLowerCase(m.group(2).charAt(0))) + 1;
            if (Double.parseDouble(m.group(1).replace(",", "")) * Math.pow(1024, power) >= Bytes.PIB) return true;
        }
        return false;
    }

    /** The report's own numbers behind a term, so the explanation is about this failure. */
    private static String figures(String term, Report report) {
        if (report == null) return null;
        Map<String, Object> n = report.numbers();
        if ((term.startsWith("reserved") || term.startsWith("fragmentation"))
                && n.get("reserved_bytes") instanceof Number r
                && n.get("allocated_bytes") instanceof Number a) {
            long idle = r.longValue() - a.longValue();
            return Messages.get("explain.reserved", Bytes.human(r.longValue()), Bytes.human(a.longValue()),
                    Bytes.human(idle), n.get("tried_bytes") instanceof Number t ? ReservedGap.verdict(idle,
                            t.longValue(), n.get("free_bytes") instanceof Number f ? f.longValue() : null) : "");
        }
        if (term.startsWith("tried") && n.get("tried_bytes") instanceof Number t
                && n.get("total_bytes") instanceof Number c) {
            return Messages.get("explain.tried", Bytes.human(t.longValue()), Bytes.human(c.longValue()),
                    String.format(Locale.ROOT, "%.1f", 100.0 * t.longValue() / c.longValue()));
        }
        return null;
    }

    private static final int SHORT_QUESTION = 10;

    private static boolean outsidePytorch(String stack) {
        return io.oomdoc.protocol.Stacks.serving(stack) || stack.equals("jax") || stack.equals("tensorflow");
    }

    static boolean pointsBack(String question) {
        if (ANAPHOR.matcher(question).find() && words(question) <= SHORT_QUESTION) return true;
        if (!POINTER.matcher(question).find()) return false;
        for (String w : question.toLowerCase(Locale.ROOT).split("[^a-z']+")) {
            if (!w.isEmpty() && !ASKING.contains(w)) return false;
        }
        return true;
    }

    private static int words(String s) { return s.strip().split("\\s+").length; }

    /** Every stack a question can name: a how-to snippet keyed by another name is never shown. */
    static java.util.Set<String> stackNames() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (StackTable.Row row : StackTable.rows()) out.add(row.name());
        return out;
    }

    /** The stacks the question itself names ("in vllm", "with lightning"). */
    static List<String> namedStacks(String text) {
        List<String> out = new ArrayList<>();
        String said = LEFT_OUT.matcher(text).replaceAll(" ");
        for (StackTable.Row row : StackTable.rows()) if (row.said().matcher(said).find()) out.add(row.name());
        return out;
    }

    /** "run it on one card without accelerate": a stack named to be left out is not the one to answer for. */
    private static final Pattern LEFT_OUT = Pattern.compile("(?i)\\b(?:without|instead of|not using|no longer using"
            + "|rather than) (?:the )?[\\w.-]+");

    /** The stacks to show, most specific first: named in the question, set as a fact, implied by the failure. */
    static List<String> stacksFor(String text, List<String> talkedAbout, Facts facts, Report report) {
        List<String> out = new ArrayList<>(AppFirst.order(text, namedStacks(text), talkedAbout));
        talkedAbout.stream().filter(st -> !st.equals("pytorch")).forEach(out::add);
        if (facts.framework() != null) out.add(facts.framework());
        if (report != null && !report.framework().equals("unknown")) out.add(report.framework());
        out.add("hf-trainer");
        out.add("pytorch");
        return out.stream().distinct().toList();
    }

    /**
     * The stacks the session is about (a fact or the failure's framework), as words that steer a knowledge search;
     * plain PyTorch is left out: nearly every passage is about it.
     */
    static List<String> engines(Facts facts, Report report) {
        List<String> out = new ArrayList<>();
        if (facts.framework() != null) out.add(facts.framework());
        if (report != null) out.add(report.framework());
        out.removeIf(s -> s.equals("pytorch") || s.equals("unknown"));
        return out.stream().distinct().toList();
    }

    /** How a snippet's heading names the stack ("HF Trainer", "llama.cpp / Ollama"). */
    static String labelOf(String stack) { return label(stack); }

    private static String label(String stack) {
        return switch (stack) {
            case "hf-trainer" -> "HF Trainer";
            case "pytorch" -> "plain PyTorch";
            case "llamacpp" -> "llama.cpp / Ollama";
            case "mps" -> "PyTorch on Apple silicon (MPS)";
            default -> stack;
        };
    }

    private static String indent(String snippet) { return "    " + snippet.replace("\n", "\n    "); }
}
