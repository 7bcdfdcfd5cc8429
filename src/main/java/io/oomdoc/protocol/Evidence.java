package io.oomdoc.protocol;

import io.oomdoc.budget.Budget;
import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.TraceAnalysis;
import io.oomdoc.evidence.trace.TraceFinding;

import java.util.Locale;
import java.util.Optional;

/**
 * Everything gathered for one diagnosis. Fields are null when that evidence was not available;
 * the report's Information Gaps are computed from those nulls.
 */
public record Evidence(TraceAnalysis trace, String userText, Facts facts, Budget budget, GpuSnapshot gpu,
        CodeFindings code,
                       io.oomdoc.evidence.snapshot.SnapshotReport snapshot,
                       io.oomdoc.evidence.watch.MemoryTimeline timeline, Facts pasted) {

    /**
     * @param pasted every setup fact the pasted text states, read once; {@code facts} takes from it only what the
     *               user did not say and the setup's shape, while the fix ladder also reads what is already on
     */
    public Evidence(TraceAnalysis trace, String userText, Facts facts, Budget budget, GpuSnapshot gpu,
                    CodeFindings code, io.oomdoc.evidence.snapshot.SnapshotReport snapshot, Facts pasted) {
        this(trace, userText, facts, budget, gpu, code, snapshot, null, pasted);
    }

    /** The same evidence with what `oomdoc run` saw while the job ran. */
    public Evidence withTimeline(io.oomdoc.evidence.watch.MemoryTimeline t) {
        return new Evidence(trace, userText, facts, budget, gpu, code, snapshot, t, pasted);
    }

    /** What the GPU probe or a pasted nvidia-smi said, reduced to what the ranking needs. */
    public record GpuSnapshot(String source, long totalBytes, long usedBytes, long listedProcessBytes, int processCount,
                              boolean mig, String summary) {}

    /** What the code scanner found, reduced to rule ids with their file:line. */
    public record CodeFindings(int filesScanned, java.util.List<String> ruleIds, java.util.List<String> locations,
                               java.util.List<String[]> fixes) {}

    /** The allocator's advice printed inside every OOM message: it names fragmentation whatever the cause. */
    private static final java.util.regex.Pattern ALLOCATOR_HINT = java.util.regex.Pattern.compile(
            "If reserved (?:but unallocated )?memory is[^.]*\\.|See documentation for Memory Management[^\\n]*|try "
                    + "setting (?:max_split_size_mb|PYTORCH_CUDA_ALLOC_CONF)[^.]*\\.?");

    public OomNumbers numbers() {
        return trace == null ? OomNumbers.NONE : trace.numbers();
    }

    public Optional<TraceFinding> finding() {
        return trace == null ? Optional.empty() : trace.primary();
    }

    /** Trace text and the user's words, lower-cased, for keyword signals. */
    public String allTextLower() {
        StringBuilder sb = new StringBuilder();
        if (userText != null) sb.append(userText).append('\n');
        if (trace != null) sb.append(trace.log().condensed().text());
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Only the words the user wrote (not allocator boilerplate, which always mentions fragmentation). */
    public String userTextLower() {
        LowerWords l = lastLower;
        if (l != null && l.of().get() == this) return l.lower();
        String lower = userWords().toLowerCase(Locale.ROOT);
        lastLower = new LowerWords(new java.lang.ref.WeakReference<>(this), lower);
        return lower;
    }

    /**
     * The last evidence's lower-cased words: each word row of Signals and several readers ask for them in one
     * diagnosis, and each asking rebuilt them (the allocator's advice cut from every log line). Held by identity
     * (a record's fields are final) and weakly, so a finished diagnosis's evidence is not kept.
     */
    private record LowerWords(java.lang.ref.WeakReference<Evidence> of, String lower) {}

    private static volatile LowerWords lastLower;

    /** The user's words and the log's lines as written, without the allocator's advice. */
    public String userWords() {
        StringBuilder sb = new StringBuilder(userText == null ? "" : userText);
        if (trace != null) {
            // the condensed lines: a repeat that differs only in its digits adds no word the cues could read
            for (var l : trace.log().condensed().lines()) {
                sb.append('\n').append(ALLOCATOR_HINT.matcher(l.text()).replaceAll(" "));
            }
        }
        return sb.toString();
    }
}
