package io.oomdoc.protocol.dialogue;

import io.oomdoc.evidence.code.ScanResult;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.TraceAnalysis;
import io.oomdoc.evidence.trace.TraceAnalyzer;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.EvidenceGatherer;
import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Engines;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.PhaseHints;
import io.oomdoc.protocol.Report;
import io.oomdoc.protocol.reasoning.Kills;
import io.oomdoc.protocol.reasoning.NotOom;
import io.oomdoc.evidence.trace.TraceFinding;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One conversation: the engine behind the REPL, `oomdoc ask`, `/debug-oom` and the LLM mode's fallback. It holds the
 * facts (with the turn that set each), the failure discussed (its text and report) and a pending question, classifies
 * each turn and answers it the way its intent calls for: a new failure gets the full report, everything else a short
 * answer that starts with the answer.
 */
public final class Conversation {
    private static final Pattern FAILURE_WORDS = Pattern.compile("(?i)out[- ]of[- ](?:cuda |gpu |host )?memory"
            + "|not enough (?:gpu |cuda |host |system |cpu )?(?:memory|vram|ram)\\b|\\bmemory (?:issues?|problems?"
            + "|errors?)\\b|(?:unable|failed|fails?|cannot|can'?t|could ?n[o']t) (?:to )?(?:allocate|malloc)"
            + "|\\bc?u?d?a?malloc (?:fails?|failed|error)|alloc\\w* (?:fails?|failed)"
            + "|(?:not able|unable) to (?:fine-?tune"
            + "|train|run|load|fit|start|launch|serve)\\b|(?:ram|memory|vram) (?:is |gets )?(?:consumed|used up"
            + "|exhausted)|\\boom(?:s"
            + "|ed|ing)?\\b"
            + "|outofmemory|killed|\\bkills?\\b|resource_?exhausted|memory (?:leak|grows|keeps|usage (?:grows"
                    + "|increases|climbs|slowly|goes))"
            + "|(?:ram|memory|vram) (?:usage )?(?:slowly )?(?:goes up|grows|climbs|increases|fills)|crash(?:es|ed)? "
                    + "with|\\bdies\\b|died");


    private static final Pattern ASKS = Pattern.compile("(?i)^\\W*(?:how|what|why|where|which|can|could|should|is"
            + "|are|do|does)\\b");
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\s*(?:\\w+\\.)*\\w*(?:Error|Exception)\\b"
            + "|(?i)\\berror:|^\\s*ERROR\\b"
            + "|\\bFAILED\\b|failed to (?:allocate|initialize|create)|out of memory");

    /** What a pasted log line carries and a sentence typed about the failure does not. */
    private static final Pattern LOG_MARK = Pattern.compile("(?i)\\w(?:error|exception)\\b|traceback|tried to "
            + "allocate|total capacity|\\bfile \"|\\d{2}:\\d{2}:\\d{2}|^\\W*\\[|\\bline \\d+|error:"
            + "|when allocating|shape\\[|^\\W*killed\\b");
    private static final int PROSE_LENGTH = 300;

    private static final Pattern ASKS_FIGURE = Pattern.compile("(?i)\\bhow (?:much|big|many|large)\\b|\\?"
            + "|\\bwhat(?:'s| is| are)\\b");

    private Diagnoser diagnoser;
    private final IntentClassifier classifier = new IntentClassifier();
    /** The learned intent, read on first use; null plays the rules alone (how the trainer reads its turns). */
    private final java.util.function.Supplier<IntentModel> model;
    /** What the intent was decided from on the last turn: the trainer's example. */
    private IntentFeatures.State lastState;
    private Facts facts = Facts.EMPTY;
    private final Map<String, Integer> setAt = new LinkedHashMap<>();
    private String failureText;
    private Report report;
    private String pendingKey;
    private String pendingQuestion;
    /** KB ids of the held failure's fixes the user said they tried without success ("still fails with ..."). */
    private final Set<String> triedKb = new java.util.HashSet<>();
    /** The KB id of the rung the last follow-up proposed: what "that didn't help either" is about. */
    private String offeredKb;
    private ScanResult scan;
    private int turn;
    /** The change of the last what-if, adopted when the user says so ("I'll use it"). */
    private Facts lastChange;
    /** The last what-if's change, kept over how-to and explain turns for a question that builds on it. */
    private final Scenario scenario = new Scenario();
    private static final Pattern ADOPT = Pattern.compile("(?i)^\\W*(?:ok(?:ay)?,? )?(?:i'?ll|we'?ll|let'?s) (?:use"
            + "|do|go with|take|try)"
            + " (?:it|that|this|them)\\b|^\\W*(?:ok(?:ay)?,? )?(?:use|adopt|apply) (?:it|that|this)\\b|^\\W*(?:do|go "
                    + "with) (?:it|that)\\b");
    private String lastText;
    /** What oomdoc last said: the subject of "the flag for that" when the user's own turns name none. */
    private String lastAnswer;
    private Intent lastIntent;
    private final java.util.ArrayDeque<String> recent = new java.util.ArrayDeque<>();
    /** The last fit question asked: a correction of a value it names asks it again with the new value. */
    private String lastFit;
    /** The turns that stood around that question: what they said (a model's size) still describes it. */
    private String lastFitContext;
    private static final int CONTEXT_TURNS = 3;

    /** "how do I set it?": a question that names no topic is about the latest topic of the turns before. */
    private String withContext(String text, java.util.List<Topics.Topic> topics) {
        if (Topics.find(topics, text).isPresent()) return text;
        for (String earlier : recent) if (Topics.find(topics, earlier).isPresent()) return text + "\n" + earlier;
        return text;
    }

    /**
     * "what's the flag for that?": the latest topic of the user's turns before, else of oomdoc's last answer, which is
     * what the user has just read.
     */
    private String howToContext(String text) {
        String context = withContext(text, Topics.howTo());
        if (!context.equals(text) || lastAnswer == null || !KnowledgeAnswers.pointsBack(text)
                || Topics.find(Topics.howTo(), lastAnswer).isEmpty()) {
            return context;
        }
        return text + "\n" + lastAnswer;
    }

    /** The facts a budget reads: trained or served as the turns say (Regime); the facts held do not change. */
    private Facts budgeted(String text, Facts f) {
        return Regime.budgeted(f, Regime.of(newestFirst(text), report));
    }

    /** The turn, the turns before it and the failure held, newest first: what a regime or a stack is read from. */
    private java.util.List<String> newestFirst(String text) {
        java.util.List<String> newestFirst = new java.util.ArrayList<>();
        newestFirst.add(text);
        newestFirst.addAll(recent);
        if (failureText != null) newestFirst.add(failureText);
        return newestFirst;
    }

    /** The turn with the turns before it and the failure held: what a calculation may read a flag or a size from. */
    private String context(String text) {
        StringBuilder sb = new StringBuilder(text);
        for (String earlier : recent) sb.append('\n').append(earlier);
        if (failureText != null && !recent.contains(failureText)) sb.append('\n').append(failureText);
        return sb.toString();
    }

    /** Made on first use: loading the knowledge base and the weights is not paid by commands that never diagnose. */
    private Diagnoser diagnoser() {
        if (diagnoser == null) diagnoser = new Diagnoser();
        return diagnoser;
    }

    /** The failure text diagnosed with the facts held and the code scanned, through the common evidence path. */
    private Report diagnose(String text) {
        return EvidenceGatherer.from(LogText.of(text)).userText(text).sessionFacts(facts).code(scan).gather()
                .diagnose(diagnoser());
    }

    public Conversation() { this(IntentModel::bundled); }

    private Conversation(java.util.function.Supplier<IntentModel> model) { this.model = model; }

    /** A conversation whose intents are the rules' alone: what bench/run.sh TrainIntents plays to collect turns. */
    public static Conversation rulesOnly() { return new Conversation((java.util.function.Supplier<IntentModel>) null); }

    /** A conversation with other weights: cross-validation plays each fold with weights fitted without it. */
    public static Conversation with(IntentModel model) { return new Conversation(() -> model); }

    /** The signals, the rules' intent and the intent before, as read on the last turn. */
    public IntentFeatures.State lastState() { return lastState; }

    public Facts facts() { return facts; }

    /** The turn (1-based) that last set each fact. */
    public Map<String, Integer> setAt() { return Map.copyOf(setAt); }

    public Report report() { return report; }

    public String pendingKey() { return pendingKey; }

    public void setScan(ScanResult scan) { this.scan = scan; }

    public void setFacts(Facts f) { remember(f); }

    public void reset() {
        facts = Facts.EMPTY; setAt.clear(); failureText = null; report = null; triedKb.clear(); offeredKb = null;
        pendingKey = null; pendingQuestion = null; lastFit = null;
    }

    public Answer respond(String input) {
        Answer a = reply(input);
        lastAnswer = a.text() != null ? a.text() : a.report() == null ? null : a.report().sections().fix();
        return a;
    }

    /** The turn's last question asks how to do something: "how can i close it?", "how do I set that". */
    /** "why?", "but why?", "why is that?", "why did it happen?": the question is the failure held, nothing else. */
    private static final Pattern BARE_WHY = Pattern.compile("(?i)\\W*(?:but |so |and |ok,? )?why\\b\\W*(?:(?:is|was"
            + "|did|does) (?:it|that|this)(?: (?:happen|fail)\\w*)?)?\\W*");
    private static final Pattern ASKS_HOW = Pattern.compile("(?i)(?:^|[.?!]\\s+)(?:how (?:can|do|should|could) i "
            + "|(?:is there )?(?:any|a) way to )\\w+[^.?!]*\\?\\s*$");

    /** "does it fit?", "will it fit on one of the 80 GB cards": the verdict asked for outright. */
    private static final Pattern ASKS_FIT = Pattern.compile("(?i)\\b(?:does|will|would|can) (?:it|that|this|they"
            + "|the model|the \\w+) (?:still |even |all )?fit\\b");
    // "does a full fine-tune of the 68M draft fit 24 GB easily?", "will the 17B transformer plus the text
    // encoder fit in bf16?": the subject may be a whole phrase when the question opens its clause
    private static final Pattern ASKS_FIT_PHRASE = Pattern.compile("(?i)(?:^|[,.:;!?]\\s+|\\b(?:and|so|then|but)"
            + "\\s+)(?:does|will|would|can|could|do) (?:\\S+ ){1,9}?fit\\b[^.?!]*\\?");
    /** "if I set X, would it fit then?", "would zero-3 let it fit?": a change's effect, asked as a follow-up. */
    private static final Pattern FIT_OF_A_CHANGE = Pattern.compile("(?i)\\bif\\b|\\blet\\b");
    private static final Pattern ASKS_MEANING = Pattern.compile("(?i)\\bwhat (?:does|do)\\b[^?]{1,60}?\\b(?:do|mean"
            + "|means|control|controls|free|frees)\\b(?! for)[^?]{0,25}\\?\\s*$");
    /** "and at 512?", "and on a 40 GB A100?": a continuation names one value and no more. */
    private static final int SHORT_CONTINUATION = 40;
    private static final Pattern CONTINUES_WHAT_IF = Pattern.compile("(?i)^\\W*(?:and|or|what if|what about|how about)"
            + "\\b");

    private Answer reply(String input) {
        turn++;
        String text = input == null ? "" : input.strip();
        FactExtractor.Reading read = PrecisionOnHeldCard.of(FactExtractor.read(text), text, facts);
        read = MoreCards.onHeldCount(read, text, facts);
        boolean pasted = pastedFailure(text) && !(report != null && toldInProse(text));
        var signals = new IntentClassifier.Signals(text, pasted,
                FAILURE_WORDS.matcher(text).find(), !read.asserted().isEmpty() || !read.negated().isEmpty(),
                !read.hypothetical().isEmpty(), pendingKey != null && fillsPending(text), report != null,
                FollowUps.aboutHeld(text, report), lastChange != null, lastIntent == Intent.HOW_TO);
        // "how short is it": the shortfall of the failure held, computed, is the answer.
        String shortfall = report == null ? null : Shortfall.of(text, report.numbers());
        Intent rule = ruled(text, signals, shortfall);
        lastState = new IntentFeatures.State(signals, rule, lastIntent);
        Intent intent = weighed(rule, text);
        intent = towardsFit(intent, text, read);
        intent = byTurnShape(intent, text);
        // "16gb VRAM, large-v2, 20 batch size" after a report that only asked for the card tells more of the setup
        // than was asked: a statement, answered with what it changes (StatedSetup), not a filled blank
        if (intent == Intent.ANSWER && pendingQuestion == null && statesMore(read.asserted())) {
            intent = Intent.STATEMENT;
        }
        // "it worked in 0.1.29": an older release that fit is evidence about the failure, not a thank-you, and, asked
        // nothing, not a follow-up either (the intent weights read the bare sentence either way).
        String regressed = VersionRegression.of(text);
        if (regressed != null && (intent == Intent.SMALL_TALK || intent == Intent.FOLLOW_UP && !text.contains("?"))) {
            intent = Intent.STATEMENT;
        }
        // "163 steps ran fine, why at 164": a follow-up on this run, answered with the mechanism, as an explanation is.
        boolean explainsRun = intent == Intent.FOLLOW_UP && classifier.asksWhyOfRun(signals);
        lastIntent = intent;
        if (lastText != null) { recent.addFirst(lastText); while (recent.size() > CONTEXT_TURNS) recent.removeLast(); }
        lastText = text;
        if (lastChange != null && ADOPT.matcher(text).find() && read.asserted().isEmpty()) return adopted();
        // "would workers_per_gpu=0 fix it?" after a killed worker: the processes before and after, yes or no first
        String workers = intent == Intent.FOLLOW_UP || intent == Intent.WHAT_IF || intent == Intent.FIT
                ? WorkerChange.of(text, newestFirst(text), facts, report) : null;
        // "num_workers=4 fixed it. now on my two 2080 Tis I can only fit batch_size=6": answered on the workers, the
        // setup the turn states is still the user's
        if (workers != null) return Answer.text(intent, workers, learnStated(read));
        if (intent != Intent.WHAT_IF) lastChange = null;
        if (intent == Intent.NEW_FAILURE || intent == Intent.CORRECTION || intent == Intent.STATEMENT) scenario.clear();
        // "will 28k fit?" after a 32k context: the value asked about, named by what the setup holds, wins.
        if (intent == Intent.WHAT_IF || intent == Intent.FIT) read = withHeldNames(text, read);
        if (intent != Intent.WHAT_IF) read = Regime.hinted(read, text, facts);
        return switch (intent) {
            case NEW_FAILURE -> newFailure(text, read);
            case ANSWER -> answerPending(text);
            case CORRECTION -> correction(text, read);
            case STATEMENT -> regressed != null ? regression(read, regressed) : statement(text, read);
            case WHAT_IF -> whatIf(text, read);
            case FIT -> fit(text, read);
            case HOW_TO -> Answer.text(Intent.HOW_TO, KnowledgeAnswers.howTo(text, howToContext(text),
                    KnowledgeAnswers.namedStacks(context(text)), facts, report),
                    learn(subject(read)));
            case EXPLAIN -> HeldFigures.tie(text, explain(Intent.EXPLAIN, text, read, shortfall), report);
            case FOLLOW_UP -> HeldFigures.tie(text, explainsRun ? explain(Intent.FOLLOW_UP, text, read, shortfall)
                    : followUp(text, read), report);
            case SMALL_TALK -> Answer.text(Intent.SMALL_TALK, smallTalk(text), facts);
        };
    }

    /** The intent the rules give a turn, before the learned model weighs in. */
    private Intent ruled(String text, IntentClassifier.Signals signals, String shortfall) {
        Intent intent = classifier.classify(signals);
        // "69524783104 bytes is how much": a turn that calls for a computed figure is a question about it.
        if (intent == Intent.SMALL_TALK && ASKS_FIGURE.matcher(text).find()
                && Calculations.of(text, text, facts) != null) intent = Intent.EXPLAIN;
        if (shortfall != null && (intent == Intent.FOLLOW_UP || intent == Intent.SMALL_TALK)) intent = Intent.EXPLAIN;
        // "17.61 reserved vs 9.21 allocated, is that fragmentation": the gap between the two is what is asked about.
        // "would max_split_size_mb help? reserved 8.81 vs allocated 8.62" asks about a fix: it stays a follow-up.
        if (intent == Intent.FOLLOW_UP && ReservedGap.quoted(text) && !IntentClassifier.HELPS.matcher(text).find()) {
            intent = Intent.EXPLAIN;
        }
        return intent;
    }

    /** The learned model's intent where one is loaded, and the rules' where they know better. */
    private Intent weighed(Intent rule, String text) {
        Intent intent = model == null ? rule : model.get().classify(lastState);
        // "how can I close it?": a question that asks how to do something is a how-to when the rules read it so,
        // whatever the words around it (a "why" before it, a failure held) suggest to the learned model.
        if (rule == Intent.HOW_TO && intent == Intent.FOLLOW_UP && ASKS_HOW.matcher(text).find()) intent = rule;
        // "a reviewer says it will run out of memory. why?": a failure only others report is asked about, whatever
        // the failure words suggest to the learned model; the user has no failure of their own to diagnose.
        if (rule == Intent.EXPLAIN && report == null && IntentClassifier.asksAboutOthersFailure(text)) intent = rule;
        return intent;
    }

    /** Turns that ask whether something fits, or how many requests a served cache holds, get the fit verdict. */
    private Intent towardsFit(Intent intent, String text, FactExtractor.Reading read) {
        // "with two full copies, does it fit?": asks for the fit verdict whatever failure is held; "and the 4-bit
        // result, would that fit" stays the what-if it is phrased as.
        boolean asksFit = ASKS_FIT.matcher(text).find()
                || ASKS_FIT_PHRASE.matcher(text).find() && !FIT_OF_A_CHANGE.matcher(text).find();
        if ((intent == Intent.FOLLOW_UP || intent == Intent.EXPLAIN) && asksFit
                && !IntentClassifier.HELPS.matcher(text).find() && !CONTINUES_WHAT_IF.matcher(text).find()) {
            intent = Intent.FIT;
        }
        // "would a desktop 3060 with 12 GB run the demo?", "will my 8 GB card do it?": whether a card it names runs the
        // thing discussed is the fit verdict (FORMAT.md), whatever failure is held
        if ((intent == Intent.FOLLOW_UP || intent == Intent.EXPLAIN) && CardVerdict.asks(text)
                && !IntentClassifier.proposes(text)) {
            intent = Intent.FIT;
        }
        // "and at 512?" right after such a verdict: the same question at the other measured setting
        if (intent == Intent.WHAT_IF && lastIntent == Intent.FIT && continues(text)
                && NeedVersusCard.continued(new Calculations.Ask(text, context(text) + "\n" + lastText, facts))
                != null) {
            intent = Intent.FIT;
        }
        // "what max_num_seqs can I use?" with a vLLM setup held asks how many requests its cache holds: computed.
        if ((intent == Intent.FOLLOW_UP || intent == Intent.HOW_TO) && ServingPool.asksHowMany(text)
                && ServingPool.applies(facts.merge(read.asserted()))) {
            intent = Intent.FIT;
        }
        // "would AWQ 4-bit let it run on a single H100?" with a served setup held: the pool before and after the
        // change, computed, answers it; the failure's ladder does not (trial21 defect 14, vllm#751)
        if (intent == Intent.FOLLOW_UP && ServingPool.asksRuns(text) && ServingPool.moves(read.hypothetical())
                && ServingPool.applies(facts)) {
            intent = Intent.WHAT_IF;
        }
        // "what gpu_memory_utilization should I use?" with a served setup held asks for a number, computed
        if (intent != Intent.NEW_FAILURE && UtilizationChoice.asks(text) && ServingPool.applies(facts)) {
            intent = Intent.FIT;
        }
        return intent;
    }

    /** Turns whose shape (a next rung, a term's meaning, a card's memory, a bare why, a failed fix) fixes their
     *  intent whatever the model read. */
    private Intent byTurnShape(Intent intent, String text) {
        // "what else can I try?" with a failure held asks for the next rung of its ladder, not for a recipe.
        if (intent == Intent.HOW_TO && FollowUps.asksNextRung(text, report)) intent = Intent.FOLLOW_UP;
        // "what does each one free?", "what do -ctk q8_0 -ctv q8_0 do to the cache?": what a term does or means is
        // an explanation (FORMAT.md), whatever failure is held; "what does that mean for my run" stays a follow-up.
        if (intent == Intent.FOLLOW_UP && ASKS_MEANING.matcher(text).find()) intent = Intent.EXPLAIN;
        // "how much memory does a T4 have compared to that?": a card's memory is a figure to explain (FORMAT.md),
        // whatever failure is held.
        if (intent == Intent.FOLLOW_UP && CardMemory.of(new Calculations.Ask(text, context(text), facts)) != null) {
            intent = Intent.EXPLAIN;
        }
        // "why?" alone after a paste asks why it failed; the glossary read the paste's own words ("Tried to allocate").
        if (report != null && BARE_WHY.matcher(text).matches()) intent = Intent.FOLLOW_UP;
        // "that didn't help either" after a proposed rung: a report on it, not small talk.
        if ((intent == Intent.SMALL_TALK || intent == Intent.STATEMENT)
                && FollowUps.failedFix(text, report, offeredKb) != null) intent = Intent.FOLLOW_UP;
        return intent;
    }

    /** "ok, do that": the last what-if's change becomes the setup, and the fit is said again under it. */
    private Answer adopted() {
        Facts change = lastChange;
        lastChange = null;
        scenario.clear();
        remember(facts.merge(change));
        String fit = BudgetAnswers.summary(facts);
        String noted = Messages.get("adopted", describe(change));
        return Answer.text(Intent.STATEMENT, fit == null ? noted : noted + "\n" + fit, facts);
    }

    /** A what-if: the change asked about, compared with the setup held, kept for the next question. */
    private Answer whatIf(String text, FactExtractor.Reading read) {
        // "and zero 3?" after a what-if states its value without an "if": still a hypothesis, not a fact.
        FactExtractor.Reading r = read.hypothetical().isEmpty() && lastChange != null
                ? new FactExtractor.Reading(Facts.EMPTY, Set.of(), read.asserted()) : read;
        // "my V100 has no bf16. what if I fall back to fp32?": the negated value is what the change replaces,
        // so it is compared first and forgotten after.
        Set<String> replaced = new java.util.HashSet<>(r.negated());
        replaced.retainAll(r.hypothetical().asMap().keySet());
        Set<String> negated = new java.util.HashSet<>(r.negated());
        negated.removeAll(replaced);
        learn(new FactExtractor.Reading(r.asserted(), Set.copyOf(negated), Facts.EMPTY));
        Facts under = scenario.under(text, r.hypothetical());
        Facts change = Scenario.stacked(under, r.hypothetical());
        lastChange = change.isEmpty() ? null : change;
        scenario.asked(change);
        Answer answer = asked(Intent.WHAT_IF, text, r, BudgetAnswers.whatIf(text, budgeted(text, facts),
                change, report));
        if (!replaced.isEmpty()) learn(new FactExtractor.Reading(Facts.EMPTY, Set.copyOf(replaced),
                Facts.EMPTY));
        return keeping(under, answer);
    }

    /** A fit question: host RAM, a served cache's share, a sharded job, or the setup's fit under the scenario. */
    private Answer fit(String text, FactExtractor.Reading read) {
        // "how much RAM do I need?" after a killed worker: processes and their copies, not a model's weights
        String share = UtilizationChoice.of(text, facts.merge(read.asserted()));
        if (share != null) return Answer.text(Intent.FIT, share, learn(read));
        // "with the optimizer offloaded, how much host RAM do I need?": the offloaded states, in host RAM
        String offloaded = OffloadHostRam.of(text, context(text),
                facts.merge(read.asserted()).merge(read.hypothetical()));
        if (offloaded != null) {
            learn(new FactExtractor.Reading(read.asserted(), read.negated(), Facts.EMPTY));
            remember(read.hypothetical().merge(facts));
            return Answer.text(Intent.FIT, offloaded, facts);
        }
        if (HostRamNeed.applies(report, facts.merge(read.asserted()))
                && !HostRamNeed.asksOfTheCard(text, facts.merge(read.asserted()))) {
            return Answer.text(Intent.FIT, HostRamNeed.answer(newestFirst(text), facts), learn(read));
        }
        // "would 4 GPUs fit?" for a sharded job: the per-GPU peak at its micro-batch over that many cards
        String sharded = GpuSpread.sharded(read.hypothetical(), facts.merge(read.asserted()));
        if (sharded != null) return Answer.text(Intent.FIT, sharded, learn(new FactExtractor.Reading(
                read.asserted(), read.negated(), Facts.EMPTY)));
        // "would it fit on my 8 GB laptop GPU then?" after "what if ... on a 24 GB card?": the card the turn states
        // replaces the scenario's, as its hypothetical values do
        Facts under = scenario.under(text, read.asserted().merge(read.hypothetical()));
        return keeping(under, fitAsked(text, read, BudgetAnswers.fit(text, budgeted(text,
                facts.merge(read.asserted()).merge(Scenario.stacked(under, read.hypothetical()))), report)));
    }

    /** The answer to a question that builds on the last what-if, opened by the change it keeps. */
    private static Answer keeping(Facts under, Answer a) {
        return under == null || a.text() == null ? a
                : new Answer(a.intent(), Scenario.said(under, a.text()), a.report(), a.facts());
    }

    private Answer explain(Intent intent, String text, FactExtractor.Reading read, String shortfall) {
        Facts known = learn(subject(read));
        // The shortfall is the whole answer: a passage searched for "how short" would be off the subject.
        if (shortfall != null) return Answer.text(intent, shortfall, known);
        // "how much RAM do I need?" after a killed worker asks the fit question in an explanation's words
        if (HostRamNeed.applies(report, known) && HostRamNeed.asksTheNeed(text) && !HostRamNeed.asksOfTheCard(text,
                known)) return Answer.text(intent, HostRamNeed.answer(newestFirst(text), known), known);
        String all = context(text);
        return Answer.text(intent, KnowledgeAnswers.explain(text, withContext(text, Topics.glossary()), all,
                Calculations.of(text, all, known), known, report), known);
    }

    /** Whether the turn carries the value oomdoc asked for ("2048" for the sequence, "a 3090" for the card). */
    private boolean fillsPending(String text) {
        var said = FactExtractor.answer(text, pendingKey).asMap().keySet();
        return switch (pendingKey) {
            case "gpu", "gpu_mem" -> said.contains("gpu") || said.contains("gpu_mem");
            case "model", "params" -> said.contains("model") || said.contains("params");
            default -> said.contains(pendingKey);
        };
    }

    /**
     * "Would bf16 help?" about the failure held: whether the change acts on what fails, then its computed effect;
     * the change can be adopted like a what-if's.
     */
    private Answer followUp(String text, FactExtractor.Reading read) {
        Facts held = facts;
        Facts known = learn(new FactExtractor.Reading(read.asserted(), read.negated(), Facts.EMPTY));
        if (report == null || read.hypothetical().isEmpty() || !IntentClassifier.HELPS.matcher(text).find()) {
            String computed = Calculations.of(text, context(text), known);
            String failed = FollowUps.failedFix(text, report, offeredKb);
            boolean another = FollowUps.asksNextRung(text, report);
            if (failed != null) triedKb.add(failed);
            // "what else?" after a proposed rung: that one is not wanted either; the answer starts after it.
            if (another && failed == null && offeredKb != null) triedKb.add(offeredKb);
            String said = FollowUps.answer(text, recent.peekFirst(), computed != null, report, known, triedKb);
            if (failed != null || another) offeredKb = FollowUps.shownRung(said);
            String body = computed == null ? said : said == null ? computed : computed + "\n" + said;
            // "I'm running Qwen2.5-7B on a 4090 with batch 8" about the failure held: what the setup stated changes
            // comes first; a tried fix or a question is answered as before
            String stated = report == null || failed != null || another || text.contains("?") ? null
                    : stated(held, read.asserted());
            return Answer.text(Intent.FOLLOW_UP, stated == null ? body : body == null ? stated
                    : stated + "\n" + body, facts);
        }
        lastChange = read.hypothetical();
        BudgetAnswers.Result computed = BudgetAnswers.whatIf(text, budgeted(text, facts), read.hypothetical(),
                report);
        String body = computed.missingKey() == null ? computed.text()
                : computed.text().replace(Messages.get("ask." + computed.missingKey()), "").strip();
        String lead = Relevance.line(report, read.hypothetical());
        // "does zero stage 3 even help on a single GPU?": sharding over one rank moves nothing; that is the answer.
        Facts after = facts.merge(read.hypothetical());
        if (read.hypothetical().zeroStage() != null && after.worldSize() != null && after.worldSize() == 1) {
            lead = Messages.get("followup.zero.single") + "\n" + lead;
        }
        // "would two cards help me?": more data-parallel cards add no room; "yes, it acts" would promise what they lack
        if (MoreCards.replicasOnly(facts, read.hypothetical())) lead = Messages.get("followup.cards.replicas");
        return Answer.text(Intent.FOLLOW_UP, lead + "\n" + body, facts);
    }

    /** A pasted trace, a kill, a CUDA error line: evidence, not a question about earlier evidence. */
    /**
     * "However, still I got CUDA out of memory error." after a smaller batch: one typed sentence that names the
     * error but carries nothing a log line does (no exception name, request, capacity, time stamp). With a failure
     * held it talks about that failure; it is not a new paste.
     */
    static boolean toldInProse(String text) {
        return !text.contains("\n") && text.length() < PROSE_LENGTH && !LOG_MARK.matcher(text).find();
    }

    static boolean pastedFailure(String text) {
        if (!text.contains("\n") && text.length() < 300
                && (text.strip().endsWith("?") || ASKS.matcher(text).find())) return false; // a question, not a log
        if (text.contains("Traceback (most recent call last)") || text.contains("File \"")) return true;
        if (Kills.named(text.toLowerCase(Locale.ROOT)) && text.length() > 20
                && !text.strip().endsWith("?")) return true;
        if (NotOom.errorLine(text)) return true;
        if (text.length() > 4000) return true;
        if (text.lines().count() >= 2 && ERROR_LINE.matcher(text).find()) return true;
        TraceAnalysis a = new TraceAnalyzer().analyze(LogText.of(text));
        return a.primary().map(f -> !f.parser().equals(TraceFinding.MENTION) && (!f.numbers().isEmpty()
                || f.message().length() > 20))
                .orElse(false);
    }

    private Answer newFailure(String text, FactExtractor.Reading read) {
        // "why GPU OOM with zero3 on 4*2080ti?": a failure told as a question still tells the setup it ran on.
        learn(IntentClassifier.proposes(text) ? read : new FactExtractor.Reading(
                read.hypothetical().merge(read.asserted()), read.negated(), Facts.EMPTY));
        failureText = text;
        pendingKey = null;
        report = diagnose(text);
        triedKb.clear();
        offeredKb = null;
        if (facts.gpuMemBytes() == null && report.numbers().get("total_bytes") instanceof Number n) {
            remember(facts.with(b -> b.gpuMemBytes(n.longValue())));
        }
        // a serving engine's failure says more than "inference" did: the engine's knobs, max_model_len
        if ((facts.phaseHint() == null || PhaseHints.INFERENCE.equals(facts.phaseHint()))
                && (report.category().equals("kv_cache_inference")
                || Engines.serves(report.framework()))) {
            remember(facts.with(b -> b.phaseHint(PhaseHints.SERVING)));
        }
        if (facts.gpuMemBytes() == null) { pendingKey = "gpu"; pendingQuestion = null; } // the report asks for the card
        // "the model does not fit": what it costs at its precision is the first figure, before what the words ask
        String figure = FailureFigure.of(facts, report, Regime.of(newestFirst(text), report));
        String lead = FailureLead.of(text, facts, report).orElse(null);
        // "19 images of 640x480 run out": what the domain's code holds at once, named from the user's words, comes
        // first; a bare paste has no prose to name it
        String scale = report.issueType().equals("not_oom") ? null
                : InputScales.of(FailureLead.prose(text)).orElse(null);
        if (scale != null) lead = lead == null ? scale : scale + "\n" + lead;
        return new Answer(Intent.NEW_FAILURE, figure == null ? lead : lead == null ? figure : figure + "\n" + lead,
                report, facts);
    }

    private Answer answerPending(String text) {
        Facts filled = FactExtractor.answer(text, pendingKey);
        remember(facts.merge(filled));
        String question = pendingQuestion;
        pendingKey = null;
        pendingQuestion = null;
        if (question == null) {
            String noted = Messages.get("noted", describe(filled));
            if (report != null && failureText != null) {
                report = diagnose(failureText);
                noted += "\n" + Messages.get("still.cause", CauseWords.of(report.category()));
            }
            return Answer.text(Intent.ANSWER, noted, facts);
        }
        Answer again = respond(question);
        turn--; // the replayed question is not a turn of its own
        String head = Messages.get("filled", describe(filled));
        return new Answer(Intent.ANSWER, again.text() == null ? head : head + "\n" + again.text(), again.report(),
                facts);
    }

    private Answer correction(String text, FactExtractor.Reading read) {
        Facts before = facts;
        Facts next = facts;
        for (String k : read.negated()) next = next.without(k);
        next = next.merge(read.asserted());
        remember(next);
        StringBuilder sb = new StringBuilder(Messages.get("corrected", describe(read.asserted()), describeOld(before,
                read.asserted())));
        if (report != null && failureText != null) {
            Report r = diagnose(failureText);
            report = r;
            sb.append('\n').append(r.issueType().equals("not_oom") ? Messages.get("still.notoom")
                    : Messages.get("still.cause", CauseWords.of(r.category())));
        }
        // "8192 tokens, not 4096" after "how many users of 4096 tokens fit?": that question, asked again with 8192
        var corrected = CorrectedValue.of(text);
        String again = lastFit == null || corrected.isEmpty() ? null : corrected.get().in(lastFit);
        if (again != null) {
            String question = again;
            Answer a = asked(Intent.FIT, question, lastFitContext.replace(lastFit, question),
                    FactExtractor.read(question), BudgetAnswers.fit(question,
                    budgeted(question, facts.merge(FactExtractor.read(question).asserted())), report));
            lastFitContext = lastFitContext.replace(lastFit, question);
            lastFit = question;
            sb.append('\n').append(Messages.get("corrected.again", corrected.get().now(), corrected.get().was()))
                    .append('\n').append(a.text());
            return Answer.text(Intent.CORRECTION, sb.toString(), facts);
        }
        String fit = BudgetAnswers.summary(facts);
        if (fit != null) sb.append('\n').append(fit);
        return Answer.text(Intent.CORRECTION, sb.toString(), facts);
    }

    /**
     * A statement is noted; when it bears on the failure held ("the card has 12 GB", "fp16 and bf16 are commented
     * out") the diagnosis is run again with it, and the knowledge closest to what was said follows.
     */
    private Answer statement(String text, FactExtractor.Reading read) {
        Facts held = facts;
        if (pendingKey != null && pendingQuestion == null && fillsPending(text)) pendingKey = null;
        learn(read);
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(Messages.get("noted", describe(read.asserted()) + replaced(held, read.asserted())));
        // after a failure, what the stated setup changes stands in for passages found by its words (a model's name)
        java.util.List<String> changes = report == null ? java.util.List.of() : StatedSetup.of(read.asserted(), facts);
        out.addAll(changes);
        // "it takes about 33 GB. mine is the 32 GB V100": the need quoted against the memory just stated
        String need = NeedVersusCard.of(new Calculations.Ask(text, text, facts));
        if (need != null) out.add(need);
        if (report != null && failureText != null && !read.asserted().isEmpty()) {
            String before = report.category();
            report = diagnose(failureText);
            if (!report.category().equals(before)) out.add(Messages.get("now.cause",
                    CauseWords.of(report.category())));
        }
        var term = Topics.find(Topics.glossary(), text);
        if (term.isPresent()) out.add(Topics.explained(term.get()));
        else if (changes.isEmpty()) {
            KnowledgeSearch.answer(text, report, KnowledgeAnswers.engines(facts, report)).ifPresent(out::add);
        }
        String fit = BudgetAnswers.summary(facts);
        if (fit != null) out.add(fit);
        return Answer.text(Intent.STATEMENT, String.join("\n", out), facts);
    }

    /** "Noted: ..." and what the setup stated changes (StatedSetup), or null when it changes nothing computed. */
    private String stated(Facts held, Facts said) {
        java.util.List<String> changes = StatedSetup.of(said, facts);
        if (changes.isEmpty()) return null;
        return Messages.get("noted", describe(said) + replaced(held, said)) + "\n" + String.join("\n", changes);
    }

    /** The setup beyond the card: a model, its size, a batch, a length or more than one card. */
    private static boolean statesMore(Facts said) {
        return said.model() != null || said.params() != null || said.batch() != null || said.seqLen() != null
                || said.worldSize() != null && said.worldSize() > 1;
    }

    /** " (was RTX 4090)" for the values the statement replaced; empty when it only added new ones. */
    private static String replaced(Facts before, Facts said) {
        Map<String, Object> old = before.asMap();
        boolean any = said.asMap().entrySet().stream().anyMatch(e -> old.containsKey(e.getKey())
                && !old.get(e.getKey()).equals(e.getValue()));
        return any ? " (" + describeOld(before, said) + ")" : "";
    }

    private FactExtractor.Reading withHeldNames(String text, FactExtractor.Reading read) {
        Facts named = HeldValues.of(text, facts, read.named());
        return named.isEmpty() ? read
                : new FactExtractor.Reading(read.asserted(), read.negated(), named.merge(read.hypothetical()));
    }

    /** "it worked in 0.1.29": what a release that fit says about the failure, and the cause still held. */
    private Answer regression(FactExtractor.Reading read, String version) {
        learn(read);
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!read.asserted().isEmpty()) out.add(Messages.get("noted", describe(read.asserted())));
        out.add(Messages.get("regression", version));
        if (report != null) out.add(Messages.get("regression.cause", CauseWords.of(report.category())));
        return Answer.text(Intent.STATEMENT, String.join("\n", out), facts);
    }

    private static boolean continues(String text) {
        return text.length() <= SHORT_CONTINUATION && CONTINUES_WHAT_IF.matcher(text).find();
    }

    private Answer fitAsked(String text, FactExtractor.Reading read, BudgetAnswers.Result r) {
        lastFit = text;
        lastFitContext = context(text);
        return asked(Intent.FIT, text, read, r);
    }

    private Answer asked(Intent intent, String text, FactExtractor.Reading read, BudgetAnswers.Result r) {
        return asked(intent, text, context(text), read, r);
    }

    /** A what-if or fit answer; when an input is missing, the question is kept and asked back. */
    private Answer asked(Intent intent, String text, String withContext, FactExtractor.Reading read,
                         BudgetAnswers.Result r) {
        learn(new FactExtractor.Reading(read.asserted(), read.negated(), Facts.EMPTY));
        // "what batch fits llama-3.1-8b on my 3090?" describes the setup: what it names fills what is not yet known.
        if (intent == Intent.FIT) remember(read.hypothetical().merge(facts));
        // "would the 24 GB L4 runtime work?": the card the verdict is asked for is the one discussed from now on
        if (intent == Intent.FIT && (CardVerdict.asks(text) || CardVerdict.asksFitOn(text))) {
            remember(facts.merge(CardVerdict.card(text)));
        }
        // What can be computed without the budget comes first: a fraction in GiB, a size in every format, a ratio.
        String computed = Calculations.of(text, withContext, facts);
        Calculations.Ask ask = new Calculations.Ask(text, withContext, facts);
        // a share of the card set by a memory fraction is what the process may use: it leads a verdict on the whole
        // card, which would otherwise hide it
        boolean share = computed != null && Fractions.of(ask) != null;
        String quoted = quoted(intent, text, withContext, ask, computed, share, r);
        if (quoted != null) return Answer.text(intent, quoted, facts);
        // "would a desktop 3060 with 12 GB run the demo?": what the failure held, against the card asked, first
        String floor = intent == Intent.FIT ? HeldNeed.of(text, report) : null;
        if (floor != null) return Answer.text(intent, floor + "\n" + (r.missingKey() == null ? r.text()
                : r.text().replace(Messages.get("ask." + r.missingKey()), "").strip()), facts);
        // "can AnimateDiff run on an 8 GB card?": the card and the lever for that kind of job come before the question
        // the budget asks back; a pipeline without a context (FLUX, SDXL) gets the lever after its weights
        String lever = intent == Intent.FIT && ("model".equals(r.missingKey())
                || r.missingKey() == null && BudgetAnswers.runsShapeless(budgeted(text, facts)))
                ? FitLevers.of(newestFirst(text), facts, Regime.of(newestFirst(text), report), r.missingKey() != null)
                : null;
        if (r.missingKey() != null) {
            pendingKey = r.missingKey();
            pendingQuestion = text;
        }
        String answer = computed == null || r.verdict() && !share || r.text().contains(computed) ? r.text()
                : computed + "\n" + r.text();
        if (lever == null) return Answer.text(intent, answer, facts);
        // the figures computed stay first: the lever follows them and comes before the question asked back
        return Answer.text(intent, r.missingKey() == null ? answer + "\n" + lever
                : answer.equals(r.text()) ? lever + "\n" + r.text()
                : computed + "\n" + lever + "\n" + r.text(), facts);
    }

    /**
     * The answers to a what-if or fit that lead with figures of their own before any budget (model sizes, sequences
     * that fit, a quoted need against the card, that need on another card), or null when none applies.
     */
    private String quoted(Intent intent, String text, String withContext, Calculations.Ask ask, String computed,
                          boolean share, BudgetAnswers.Result r) {
        // "what size of model could I run in 13 GB at Q4?" names no model on purpose: the sizes computed are the
        // answer; asking which model it is (after passages found by the question's other words) asks it back.
        if (intent == Intent.FIT && "model".equals(r.missingKey()) && computed != null
                && ModelSizes.of(new Calculations.Ask(text, withContext, facts)) != null) {
            return computed;
        }
        // "how many users of 4096 tokens fit in what's left of the 24 GB?": the caches against the card are the
        // verdict; a training budget would ask for a model the question's own dimensions already describe.
        String sequences = intent == Intent.FIT ? SequencesThatFit.of(new Calculations.Ask(text, withContext, facts))
                : null;
        if (sequences != null) return sequences;
        // "will 1024 fit on my 16 GB card?" after the authors' measurements: the need quoted, against the card, is
        // the verdict; the budget follows only when it could be computed (it never asks for a model then).
        // "can it use the two 24 GB cards as 48 GB?": the size is the cards' sum, and whether they add up is the answer
        if (intent == Intent.FIT && MemoryPooling.asksPooled(text)) {
            String pooled = MemoryPooling.of(ask);
            if (pooled != null) return r.missingKey() == null ? pooled + "\n" + r.text() : pooled;
        }
        String need = intent != Intent.FIT ? null
                : NeedVersusCard.asksVerdict(text) || CardVerdict.asks(text) ? NeedVersusCard.of(ask)
                : continues(text) ? NeedVersusCard.continued(ask) : null;
        if (need != null) {
            // "two RTX 3090s, can I run it?": whether the cards add up is half of the verdict
            String pooled = MemoryPooling.of(ask);
            if (pooled != null) need += "\n" + pooled;
            // the user's own figures decide: a budget whose verdict says the opposite is left out (taOS#144)
            return r.missingKey() == null && QuotedAgreement.agrees(need, r.text()) ? need + "\n" + r.text() : need;
        }
        // "what if I rent one 48 GB A6000 instead?": the need quoted before, against that card, is the delta asked
        // for when the budget cannot be computed (no model named); the stored card does not change.
        String otherCard = intent == Intent.WHAT_IF && (r.missingKey() != null || !r.verdict())
                ? NeedVersusCard.onOtherCard(ask) : null;
        return otherCard == null ? null : share ? computed + "\n" + otherCard : otherCard;
    }

    /**
     * "How do I set QLoRA up for Llama-2-7b-hf?": a model named in a question when none is held is the user's model,
     * not a proposal; later what-ifs compute with it.
     */
    private FactExtractor.Reading subject(FactExtractor.Reading read) {
        Facts h = read.hypothetical();
        if (facts.model() != null || facts.params() != null || (h.model() == null && h.params() == null)) return read;
        Facts named = Facts.EMPTY.with(b -> { b.model(h.model()); b.params(h.params()); });
        return new FactExtractor.Reading(read.asserted().merge(named), read.negated(), h);
    }

    /** What the turn states and denies, learned; what it only wonders about is not. */
    private Facts learnStated(FactExtractor.Reading read) {
        return learn(new FactExtractor.Reading(read.asserted(), read.negated(), Facts.EMPTY));
    }

    private Facts learn(FactExtractor.Reading read) {
        Facts next = facts;
        for (String k : read.negated()) next = next.without(k);
        remember(next.merge(read.asserted()));
        return facts;
    }

    private void remember(Facts next) {
        Map<String, Object> old = facts.asMap();
        next.asMap().forEach((k, v) -> { if (!v.equals(old.get(k))) setAt.put(k, turn); });
        old.keySet().forEach(k -> { if (!next.asMap().containsKey(k)) setAt.remove(k); });
        facts = next;
    }

    private static String smallTalk(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.matches("(?s).*\\b(?:thanks?|thx|ty|cheers|worked|fixed|solved|works)\\b.*")) {
            return Messages.get("smalltalk.thanks");
        }
        if (t.matches("(?s)^\\W*(?:hi|hello|hey|yo|good (?:morning|evening|night))\\b.*")) {
            return Messages.get("smalltalk.hello");
        }
        if (t.matches("(?s)^\\W*(?:bye|goodbye)\\b.*")) return Messages.get("smalltalk.bye");
        if (t.matches("(?s)^\\W*(?:ok(?:ay)?|cool|nice|great|perfect|got it|awesome)\\b.*")) {
            return Messages.get("smalltalk.ok");
        }
        return Messages.get("smalltalk.other");
    }

    static String describe(Facts f) {
        if (f == null || f.isEmpty()) return Messages.get("nothing.new");
        StringBuilder sb = new StringBuilder();
        f.asMap().forEach((k, v) -> {
            sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v);
            // "zero 1" alone tells a reader who never used DeepSpeed nothing: say what the stage shards.
            if (k.equals("zero")) sb.append(" (").append(Messages.get("zero.shards." + v)).append(')');
        });
        return sb.toString();
    }

    private static String describeOld(Facts before, Facts changed) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> old = before.asMap();
        for (String k : changed.asMap().keySet()) if (old.containsKey(k)) sb.append(sb.length() == 0 ? ""
                : ", ").append(k).append(' ').append(old.get(k));
        return sb.length() == 0 ? Messages.get("was.unset") : Messages.get("was", sb);
    }
}
