package io.oomdoc.protocol.reasoning;

import io.oomdoc.budget.Budget;
import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.Phase;
import io.oomdoc.protocol.Evidence;
import io.oomdoc.protocol.Signal;
import io.oomdoc.protocol.Signals;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the evidence into typed features: which rules of {@link Signals} hold (with their sentences), the
 * message family, the phase from frames and from words, the time in the run, the allocator's physics from
 * the numbers, the budget's verdict, and the shapes that only pairs of these show. A rule that throws is a
 * bug: it is named in {@link #broken()} rather than skipped in silence.
 */
public final class FeatureExtractor {
    /** The features' own sentences for the report (report/messages.properties, feature.*). */
    private static final io.oomdoc.util.MessageTable TEXT = io.oomdoc.protocol.ReportText.TABLE;
    private static final Pattern LOGGED_MEMORY = Pattern.compile(
            "(?i)\\b(?<key>(?:alloc|reserved) (?:cur|peak)|mem(?:ory)?(?:[_ ]?(?:allocated|reserved|used))?"
                    + "|allocated|reserved|max_?ma|ma|gpu[_ ]mem)\\s*[:=]?\\s*"
                    + "(\\d+(?:\\.\\d+)?)\\s*(gib|gb|mib|mb|g|m)\\b");
    /**
     * TensorFlow's tf.config.experimental.get_memory_info(device) returns {'current', 'peak'}; logs print the current
     * figure each step, often without a unit (tensorflow/tensorflow#73457: "current: 0.18, peak: 2.55").
     */
    private static final Pattern CURRENT_MEMORY = Pattern.compile(
            "(?i)\\bcurrent['\"]?\\s*[:=]\\s*(\\d+(?:\\.\\d+)?)");
    /**
     * A detector's progress row, "epoch/epochs" then the GPU memory column (YOLOv5/v7: "0/299 4.11G", "38/299
     * 15.3G", also "18.6 G" with a space), read under a header that names it gpu_mem.
     */
    private static final Pattern PROGRESS_ROW_MEMORY = Pattern.compile(
            "(?m)^\\s*\\d+/\\d+\\s+(\\d+(?:\\.\\d+)?) ?(G)\\b");
    /**
     * nvidia-smi's "used / total" figures, written down per epoch or step ("- Epoch 2/10: 10173MiB / 16384MiB",
     * lhnguyen102/cuTAGI#71); only on a line that names the epoch or step, so a multi-GPU table is not a series.
     */
    private static final Pattern PER_EPOCH_SMI_MEMORY = Pattern.compile(
            "(?im)^[^\\n]*\\b(?:epoch|step|iter\\w*)\\b[^\\n]*?\\b(\\d+)\\s*(MiB)\\s*/\\s*\\d+\\s*MiB");
    /** The feature for memory figures a log prints that climb (its measured growth, not the reporter's words). */
    static final String LOG_MEMORY_GROWS = "log:memory-grows";
    /** An epoch counter in a training log ("Epoch: 3", "epoch [2/50]", "Epoch 4/100"). */
    private static final Pattern LOGGED_EPOCH = Pattern.compile("(?i)\\bepoch\\s*[:=\\[#]?\\s*(\\d{1,4})\\b");
    /** From the second epoch on, every sample has been seen once: what fails now is not the setup's fixed cost. */
    private static final int LATER_EPOCH = 2;
    private static final int GROWTH_SAMPLES = 3;
    private static final double GROWTH_RATIO = 1.3;
    private static final int STEADY_SAMPLES = 4;
    private static final double STEADY_RATIO = 1.1;
    /**
     * A card of 4 GB or less (a "4 GB" card reports about 3.8 to 4 GiB): on such a card weights, gradients and the
     * optimizer state alone often fill it, so batch size 1 fails too. 4.5 GiB keeps 6 GB cards out.
     */
    static final long SMALL_CARD_BYTES = 9L << 29;
    /** The physics' flag for such a card, from the message's capacity or from the card the facts hold. */
    static final String SMALL_CARD = "card:small";
    /** A single request larger than the card's whole capacity. */
    static final String TRIED_EXCEEDS_CARD = "tried:exceeds-card";
    /**
     * The allocator's cache holds no idle block: every reserved byte is live. Weights loaded one tensor after another
     * are never freed, so a load leaves reserved equal to allocated; a training or inference step frees its
     * activations and leaves blocks cached. 0.2% of the reserved figure covers the message's rounding (two decimals
     * of GiB). Pastes of development splits up to heldout35 whose message states both figures (diag40): 32 with
     * idle under 0.2%, 18 of them model_too_large and 3 activations_batch; 120 with idle of 0.2-5%, 27 and 42.
     */
    static final String IDLE_NONE = "idle:none";
    private static final double IDLE_NONE_SHARE = 0.002;

    /** Whether a card of this many bytes (null or 0: not known) is a small one. */
    static boolean smallCard(Long bytes) { return bytes != null && bytes > 0 && bytes <= SMALL_CARD_BYTES; }

    private final List<Signal> rules;
    private final boolean words;
    private final List<String> broken = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FeatureExtractor() { this(Signals.ALL); }

    public FeatureExtractor(List<Signal> rules) { this(rules, true); }

    /** With {@code words} false the text is not tokenised: for models that ship no word table. */
    public FeatureExtractor(List<Signal> rules, boolean words) {
        this.rules = rules;
        this.words = words;
    }

    /** Names of rules that threw on some evidence since this extractor was made. */
    public List<String> broken() { return List.copyOf(broken); }

    public FeatureVector extract(Evidence e) {
        FeatureVector.Builder b = FeatureVector.builder();
        java.util.Set<String> fired = new java.util.HashSet<>();
        for (Signal s : rules) {
            String reason;
            try {
                reason = s.test().apply(e);
            } catch (RuntimeException ex) {
                broken.add(s.name() + ": " + ex);
                b.flag("broken:" + s.name());
                continue;
            }
            if (reason != null) { b.set("rule:" + s.name(), 1.0, reason); fired.add(s.name()); }
        }
        message(e, b);
        time(e, b);
        physics(e.numbers(), b);
        budget(e.budget(), b);
        SetupFeatures.addTo(e, b);
        loggedGrowth(e, b);
        TimelineFeatures.addTo(e.timeline(), b);
        String words = cueText(e);
        Cues.addTo(words, b);
        PhaseWords.addTo(words, b);
        Conjunctions.addTo(b);
        // The expert's support counts the shapes too ("shape NAME" rows of model/expert-prior.tsv).
        for (String k : b.build().values().keySet()) if (k.startsWith("shape:")) fired.add("shape " + k.substring(6));
        ExpertPrior.addTo(fired, b);
        // Last, so the conjunctions' patterns are not matched against hundreds of word features.
        if (this.words) Words.addTo(words, b);
        return b.build();
    }

    /** The user's words and the log, without the allocator's advice that every PyTorch message prints. */
    private static String cueText(Evidence e) {
        return e.userWords();
    }

    private static void message(Evidence e, FeatureVector.Builder b) {
        e.finding().ifPresent(f -> {
            b.flag("kind:" + f.kind().name().toLowerCase(Locale.ROOT));
            b.flag("parser:" + f.parser());
        });
        if (e.finding().isEmpty()) b.flag(e.trace() == null ? "input:prose-only" : "kind:none");
        if (e.trace() != null) {
            b.flag("framework:" + e.trace().framework());
            // A phase read from a frame is stronger evidence than one inferred from the message kind alone.
            String source = e.trace().phaseEvidence().startsWith("frame ") ? "frame-phase:" : "trace-phase:";
            if (e.trace().phase() != Phase.UNKNOWN) b.set(source + e.trace().phase().json(), 1.0,
                    e.trace().phaseEvidence());
            if (e.trace().failedRanks().size() > 1) b.flag("multi-rank");
            if (!e.trace().frames().isEmpty()) b.flag("has-traceback");
        }
        if (e.userText() != null && e.trace() != null && e.userText().length() > e.trace().log().text().length() / 2)
            b.flag("input:has-description");
        String notOom = NotOom.reason(e);
        if (notOom != null) b.set("not-oom", 1.0, notOom);
        if (Kills.named(e.allTextLower())) b.flag("kill-named");
        else if (Kills.mentioned(e.userWords())) b.flag("kill-mentioned");
    }

    private static void time(Evidence e, FeatureVector.Builder b) {
        if (e.trace() != null) {
            Matcher m = LOGGED_EPOCH.matcher(e.trace().log().text());
            int epoch = -1;
            while (m.find()) epoch = Math.max(epoch, Integer.parseInt(m.group(1)));
            if (epoch >= LATER_EPOCH) b.set("epoch:later", 1.0, TEXT.get("feature.epoch-later", epoch));
        }
        Integer it = e.trace() == null ? null : e.trace().iteration();
        if (it == null) return;
        String bucket = it <= 1 ? "first" : it == 2 ? "second" : it <= 50 ? "early" : it <= 500 ? "middle" : "late";
        b.set("iteration:" + bucket, 1.0, TEXT.get("feature.iteration", it));
    }

    private static void physics(OomNumbers n, FeatureVector.Builder b) {
        if (n.isEmpty()) return;
        b.flag("numbers:present");
        Long total = n.totalBytes(), tried = n.triedBytes();
        if (smallCard(total)) b.flag(SMALL_CARD);
        if (tried != null && total != null && total > 0) {
            double share = tried / (double) total;
            b.flag(share < 0.01 ? "tried:tiny" : share < 0.1 ? "tried:small" : share < 0.3 ? "tried:large"
                    : "tried:huge");
            // One request larger than the whole card: no batch of ordinary activations or layer of weights asks for
            // that in one block, a materialised score or pairwise matrix does (s x s x heads: TMElyralab/MusePose#20
            // asks 243 GiB of a 16 GiB card). Development splits up to heldout34 (diag39): 7 of the 13 labelled
            // reports whose request exceeds the card are attention_seq_len.
            if (share > 1) b.flag(TRIED_EXCEEDS_CARD);
        }
        if (n.freeBytes() != null && total != null && total > 0) {
            double free = n.freeBytes() / (double) total;
            b.flag(free < 0.02 ? "free:none" : free < 0.2 ? "free:some" : "free:much");
        }
        if (n.allocatedBytes() != null && total != null && total > 0) {
            double a = n.allocatedBytes() / (double) total;
            b.flag(a < 0.1 ? "allocated:little" : a < 0.6 ? "allocated:half" : "allocated:most");
        }
        cache(n, total, tried, b);
        Long outside = n.heldOutsideAllocator();
        if (outside != null && total != null && total > 0 && outside > 0.15 * total) b.flag("outside:large");
        if (n.processes().stream().anyMatch(p -> !p.thisProcess())) b.flag("processes:others-listed");
    }

    /** The allocator's cache beside the request: what the idle blocks and the driver's free memory could hold. */
    private static void cache(OomNumbers n, Long total, Long tried, FeatureVector.Builder b) {
        // Fragmentation's signature: the allocator's idle cache, or the driver's free memory, could hold the request
        // by size, yet the request failed (it needs one contiguous block).
        Long idle = n.reservedUnallocatedBytes();
        if (tried != null && tried > 0 && idle != null) {
            b.flag(idle >= tried ? "idle:exceeds-request" : idle >= tried / 4 ? "idle:near-request" : "idle:small");
        }
        Long reserved = n.reservedBytes();
        if (idle != null && reserved != null && reserved > 0 && idle <= IDLE_NONE_SHARE * reserved) b.flag(IDLE_NONE);
        if (idle != null && total != null && idle >= 0.1 * total && n.liveDominatesCache()) {
            b.flag("idle:minor-beside-live");
        }
        if (tried != null && tried > 0 && n.freeBytes() != null && n.freeBytes() >= tried) {
            b.flag("free:exceeds-request");
        }
    }

    private static void budget(Budget budget, FeatureVector.Builder b) {
        if (budget == null || budget.gpuBytes() == null) return;
        Budget.Terms t = budget.perGpuBytes();
        long fixed = t.weights() + t.gradients() + t.optimizer();
        if (fixed > budget.gpuBytes()) b.set("budget:fixed-exceeds-card", 1.0,
                TEXT.get("feature.fixed-exceeds-card"));
        else if (Boolean.FALSE.equals(budget.fits())) b.flag("budget:activations-exceed");
        else if (Boolean.TRUE.equals(budget.fits())) b.flag("budget:fits");
        // Activations unknown (no sequence length or resolution given), yet weights and training state fit: a batch
        // of one failing is then not the fixed cost's doing (a LoRA fine-tune's frozen base, litgpt#553).
        else b.set("budget:fixed-fits", 1.0, TEXT.get("feature.fixed-fits"));
    }

    /** Memory figures a training log prints step after step: climbing is a leak's signature. */
    private static void loggedGrowth(Evidence e, FeatureVector.Builder b) {
        if (e.trace() == null) return;
        String text = e.trace().log().text();
        String climb = climb(LOGGED_MEMORY, text, "feature.climb-gib");
        if (climb == null) climb = climb(PROGRESS_ROW_MEMORY, text, "feature.climb-gib");
        if (climb == null) climb = climb(PER_EPOCH_SMI_MEMORY, text, "feature.climb-gib");
        if (climb == null) climb = climb(CURRENT_MEMORY, text, "feature.climb-log-unit");
        if (climb != null) b.set(LOG_MEMORY_GROWS, 1.0, climb);
    }

    /**
     * The sentence ({@code sentence}: its key) for a series of readings that climbs, or null; the figure, then its
     * unit if any, are the groups after the optional key. Readings are kept apart by the name the log gives them (a
     * "key" group): "allocated" and "reserved" printed on one line are two series, and interleaved they would look
     * like a saw-tooth.
     */
    private static String climb(Pattern p, String text, String sentence) {
        Matcher m = p.matcher(text);
        boolean keyed = p.pattern().contains("(?<key>");
        int figure = keyed ? 2 : 1; // the named key, when there is one, is group 1
        java.util.Map<String, Series> series = new java.util.LinkedHashMap<>();
        while (m.find()) {
            String u = m.groupCount() > figure && m.group(figure + 1) != null
                    ? m.group(figure + 1).toLowerCase(Locale.ROOT) : "";
            double v = Double.parseDouble(m.group(figure)) * (u.startsWith("m") ? 1.0 / 1024 : 1);
            String key = keyed ? m.group("key").toLowerCase(Locale.ROOT) : "";
            series.computeIfAbsent(key, k -> new Series()).add(v);
        }
        for (Series r : series.values()) {
            if (r.climbs()) return TEXT.get(sentence, r.first, r.last, r.count);
        }
        return null;
    }

    /** One named series of memory readings, in the order the log prints them. */
    private static final class Series {
        private double first = -1, second = -1, last = -1;
        private int count, rises, falls;

        void add(double v) {
            if (count == 0) first = v;
            if (count == 1) second = v;
            if (count > 0 && v > last) rises++;
            if (count > 0 && v < last) falls++;
            last = v;
            count++;
        }

        boolean climbs() {
            if (count < GROWTH_SAMPLES || first <= 0) return false;
            // A peak figure reset each step rises and falls by turns (returnn#1478's alloc peak: 15.1, 1.9, 2.9, 2.0,
            // 15.1GB): a saw-tooth, however high its last tooth, so a climb seldom falls.
            boolean seldomFalls = falls <= count / 4;
            boolean steep = last >= GROWTH_RATIO * first && rises >= count / 2 && seldomFalls;
            // A series that rises at every reading climbs even when slowly (yolov7#1788: 15.3 to 18.3G over 185
            // epochs); a warm-up that settles repeats its last figure (pytorch#1509: 4413, 4433, 4537, 4537M).
            boolean steady = count >= STEADY_SAMPLES && rises == count - 1 && last >= STEADY_RATIO * first;
            // The allocator grows in steps and a log repeats a figure until the next one: a series that seldom falls
            // and still grows past its first step climbs (returnn#1478: alloc cur 1.9, 2.0 ... 5.0, 4.9GB). Measured
            // from the second reading, so a first-step jump that then holds (cuDNN's search, step-2 state) is not.
            boolean stepped = count >= STEADY_SAMPLES && seldomFalls && last >= GROWTH_RATIO * second;
            return steep || steady || stepped;
        }
    }
}
