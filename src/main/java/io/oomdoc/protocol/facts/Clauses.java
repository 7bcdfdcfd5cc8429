package io.oomdoc.protocol.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a turn into clauses and says, for a position in it, whether the user states their current setup there or
 * only asks or wonders ("what if", "would", a question, a suggestion someone else made), and whether a setup word
 * there is negated ("no", "not", "without", "don't", "is off", "=False").
 */
public final class Clauses {
    public enum Mode { ASSERTED, HYPOTHETICAL }

    /** A clause [start, end) of the text; {@code question} for the clause's whole sentence ending in "?". */
    record Clause(int start, int end, Mode mode, boolean weakQuestion, int intentFrom) {}

    // a quotation's closing mark may follow the stop: '... is recommended." I have a 3090' (baaivision/Emu#7)
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!;:][\"'”)]?)\\s+|\\n+");
    private static final Pattern CLAUSE_END = Pattern.compile(",\\s+|\\s+but\\s+|\\s+-{1,2}\\s+");

    /**
     * "trying to fine-tune a 33B on 8*A100": the job being attempted is the current job, so its model and hardware are
     * facts; "trying to use 8-bit Adam" stays an intention.
     */
    private static final String JOB = "(?:fine-?tune|finetune|train|run|load|serve|launch|deploy|infer)\\b";
    /** Verbs of finding out: "trying to find the right batch for my card" states the card. */
    private static final String LEARN = "(?:find|figure|understand|work out|know|see|decide|determine|estimate)\\b";

    /** Words that make the whole clause a hypothesis, a proposal or reported advice. */
    private static final Pattern HYPOTHETICAL = Pattern.compile(
            "\\bwhat if\\b|\\bwhat about\\b|\\bhow about\\b|\\bwould\\b|\\bcould\\b|\\bshould (?:i|we)\\b"
            // "even if I reduce seq_len to 200 and batch_size to 4 I hit OOM" concedes what was tried: a fact
            // (google-research/bert#645)
            + "|(?<!\\beven )\\bif (?:i"
                    + "|we|you)\\b"
            + "|\\b(?:does|do|will|can|is|would)\\b.*\\b(?:help|matter|fix|save|reduce|solve)\\b|^\\s*(?:and|or) "
                    + "with\\b|\\btry\\b(?!-)(?! to " + JOB + ")"
            + "|\\b(?<!\\bi )(?:said|says|suggests?|suggested|recommends?|recommended)\\b|\\bsupposed to\\b"
                    + "|\\binstead of what\\b"
            // Chinese: a condition (如果, 假如, 要是: "if") or a swap asked with the particle 呢
            // ("换成 1B 呢?"), not a swap reported done (换成了)
            + "|如果|假如|假设|要是|倘若|(?:换成|换用|改成|改用|改为)(?!了)[^。！!]*呢");
    /**
     * A clause that opens like a question, with or without its "?". "When" asks only before an auxiliary ("when does
     * it run out?"); "when training on my 3090 with batch 12, …" is a statement of what happened.
     */
    private static final Pattern QUESTION_START = Pattern.compile(
            "^\\s*(?:(?:so|ok|okay|and|but|also|then|hmm|btw|sorry)[,]?\\s+)*(?:how|what|what's|whats|which|why"
                    + "|when\\s+(?:does|do|did|is|are|was|were|will|would|should|can|could)"
                    + "|where|can|is|are|does|do|will|isn't|any|is there)\\b");
    /** Words by which a clause inside a question states the current setup ("I'm using bf16, what batch fits?"). */
    private static final Pattern STATEMENT = Pattern.compile(
            "\\b(?:i'?m|i am|we'?re|we are)\\s+(?:using|on|running|training|not using|with|stuck)\\b|\\bi (?:use"
                    + "|have|run|pass|train|got)\\b"
            + "|\\bwe (?:use|have|run|train)\\b|\\bi've got\\b|\\bcurrently\\b|\\bright now\\b|\\balready\\b"
            + "|\\b(?:the|my|our) (?:card|gpu|cards|gpus|box|machine|server|node) (?:has|have|is|are)\\b");
    /** Words after which a setup word is an intention, not the current state ("trying to use 8-bit adam"). */
    private static final Pattern INTENT = Pattern.compile(
            // "trying to find the right flag for an A100 80GB": finding out about the setup is not changing it.
            "(?<!n't )(?<!not )\\b(?:try(?:ing)? to(?! " + JOB + "| " + LEARN + ")"
                    + "|want(?:s|ed)? to (?:use|try|switch|enable|add|turn)"
                    + "|plan(?:ning)? to|thinking (?:of|about)|considering|going to (?:use|try|switch))\\b");
    /** A setup word right after "my", "our", "the default" is the current setup even inside a question. */
    /**
     * "what if I drop to batch 1 on my 12 GB card?": what is proposed is the batch; the card the user calls theirs is
     * the setup, whatever the clause asks.
     */
    private static final java.util.Set<String> OWN_CARD = java.util.Set.of("gpu", "size.stated", "size.total",
            "size.capacity");
    private static final Pattern OWN = Pattern.compile("\\b(?:my|our|the default|default|current(?:ly)?|the "
            + "current)\\s+(?:[\\w.-]+\\s+){0,2}$");

    /**
     * A negator's reach: up to four words, never past a command-line flag ("--flash_attn disabled --packing true
     * --deepspeed ds_z2_config.json": "disabled" is the value of the flag before it, xiaomi-research/gemmax#6).
     */
    private static final Pattern NEGATOR_BEFORE = Pattern.compile(
            "(?:\\b(?:no|not|without|never|disabled?|dont|doesnt|didnt|isnt|arent|wasnt|turn(?:ed)? off"
                    + "|switch(?:ed)? off)|n['’]t)\\s+(?:(?!--)[\\w.'’-]+\\s+){0,4}$");
    private static final Pattern NEGATOR_AFTER = Pattern.compile(
            "^\\s*(?:(?:is|was|are|were|has been|set to|turned|switched|stays?)\\s+)?(?:off|disabled|false)\\b"
                    + "|^\\s*[=:]\\s*(?:false|off|none|0)\\b"
            + "|^\\s*(?:is|was|are)\\s+not\\s+(?:on|enabled|used|set)\\b"
            // "fp16 and bf16 are both commented out": a coordinated pair shares its negation.
            + "|^\\s*(?:(?:and|or|,)\\s+[\\w.-]+\\s+)?(?:is|are|was|were)?\\s*(?:both\\s+|all\\s+)?(?:commented out"
            + "|removed|unset|disabled|turned off)\\b"
            // "it complained that bf16 isn't available, so I set dtype to fp32": what the card cannot do is not used
            + "|^\\s*(?:(?:is|was|are|were)\\s+(?:not\\s+|un)|(?:isn|wasn|aren|weren)['’]?t\\s+|not\\s+|un)"
            + "(?:available|supported|an option|possible|allowed)\\b");

    private final String lower;
    private final List<Clause> clauses = new ArrayList<>();
    /** The quoted error messages' spans, found once: each mention asked for them, a whole log's scan each time. */
    private final List<int[]> quotedErrors = new ArrayList<>();

    public Clauses(String lower) {
        this.lower = lower;
        Matcher q = QUOTED_ERROR.matcher(lower);
        while (q.find()) quotedErrors.add(new int[]{q.start(), q.end()});
        int s = 0;
        Matcher m = SENTENCE_END.matcher(lower);
        while (m.find()) { sentence(s, m.start()); s = m.end(); }
        sentence(s, lower.length());
    }

    private void sentence(int start, int end) {
        if (end <= start) return;
        String text = lower.substring(start, end).strip();
        boolean question = text.endsWith("?") || text.endsWith("?\"") || text.endsWith("?)");
        List<int[]> parts = new ArrayList<>();
        int s = start;
        Matcher m = CLAUSE_END.matcher(lower).region(start, end);
        while (m.find()) { parts.add(new int[]{s, m.start()}); s = m.end(); }
        parts.add(new int[]{s, end});
        // a sentence that opens as a question is one, "?" or not: "why does adam need more than sgd with momentum"
        question |= QUESTION_START.matcher(lower.substring(parts.get(0)[0], parts.get(0)[1])).find();
        for (int[] p : parts) {
            String c = lower.substring(p[0], p[1]);
            boolean hypothetical = HYPOTHETICAL.matcher(c).find();
            boolean weak = !hypothetical && (question || QUESTION_START.matcher(c).find())
                    && !STATEMENT.matcher(c).find();
            Matcher intent = INTENT.matcher(c);
            int intentFrom = intent.find() ? p[0] + intent.start() : Integer.MAX_VALUE;
            clauses.add(new Clause(p[0], p[1], hypothetical || weak ? Mode.HYPOTHETICAL : Mode.ASSERTED, weak,
                    intentFrom));
        }
    }

    Clause at(int pos) {
        for (Clause c : clauses) if (pos >= c.start && pos < c.end) return c;
        return clauses.isEmpty() ? new Clause(0, lower.length(), Mode.ASSERTED, false, Integer.MAX_VALUE)
                : clauses.get(clauses.size() - 1);
    }

    /**
     * "Why does the 7B need 27 GB?", "someone said the 7B needs…": a model named with "the" is the one the
     * conversation is about, even inside a question or reported advice; "what if the 13B" stays a proposal.
     */
    private static final Pattern DEFINITE = Pattern.compile("\\b(?:the|this|that)\\s+$");
    private static final Pattern PROPOSAL = Pattern.compile("\\bwhat if\\b|\\bwhat about\\b|\\bhow about\\b"
            + "|\\binstead\\b|\\bswitch\\w*\\b|\\bmove to\\b|\\bwould\\b|\\bcould\\b|\\bif (?:i|we)\\b");

    /**
     * An error message quoted inside a question ("what's the problem \"OP_REQUIRES failed ... GPU_0_bfc\"?",
     * lllyasviel/style2paints#76) is what the machine printed: what it names is the setup, not a hypothesis.
     */
    private static final Pattern QUOTED_ERROR = Pattern.compile("\"[^\"\\n]{0,400}?(?:error|failed|exhausted"
            + "|out of memory|\\boom\\b)[^\"\\n]{0,400}\"");

    private boolean insideQuotedError(Mention m) {
        for (int[] q : quotedErrors) if (m.start() > q[0] && m.end() < q[1]) return true;
        return false;
    }

    /** Whether the user states what is at this mention or only asks or wonders about it. */
    public Mode mode(Mention m) {
        if (insideQuotedError(m)) return Mode.ASSERTED;
        Clause c = at(m.start());
        if ((m.key().equals("model") || m.key().equals("params")) && c.mode() == Mode.HYPOTHETICAL
                && DEFINITE.matcher(lower.substring(Math.max(c.start(), m.start() - 8), m.start())).find()
                && !PROPOSAL.matcher(lower.substring(c.start(), c.end())).find()) return Mode.ASSERTED;
        if (m.start() >= c.intentFrom()) return Mode.HYPOTHETICAL;
        // "A simple DeepMLP is taking 11GB/16GB in GPU RAM, why?" (patrick-kidger/equinox#737): a card's total read
        // off a measurement is no hypothesis, though the sentence asks
        if (m.key().equals("size.capacity") && c.weakQuestion()) return Mode.ASSERTED;
        if (c.mode() == Mode.HYPOTHETICAL && (c.weakQuestion() || OWN_CARD.contains(m.key()))
                && OWN.matcher(lower.substring(Math.max(c.start(), m.start() - 40),
                        m.start())).find()) return Mode.ASSERTED;
        return c.mode();
    }

    /** Whether a negator scopes over this mention within its clause. */
    public boolean negated(Mention m) {
        Clause c = at(m.start());
        String before = lower.substring(Math.max(c.start(), m.start() - 50), m.start());
        String after = lower.substring(m.end(), Math.max(m.end(), Math.min(Math.max(c.end(), m.end()), m.end() + 45)));
        return NEGATOR_BEFORE.matcher(before).find() || NEGATOR_AFTER.matcher(after).find();
    }
}
