package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What opens the answer to a new failure before its report: the user's own words around the paste ("why would 0.7
 * be too much on 80 GB cards?", "with 2 beams and 128 candidates on one 3090") are a question the trace alone does
 * not answer, and what the knowledge says about them (the engine's own lever, the library's behaviour) is what an
 * expert would say first. A bare paste gets no lead: the report is the answer.
 */
final class FailureLead {
    /** A line of a log rather than of prose: an exception name, a frame, a time stamp, an allocator figure. */
    private static final Pattern LOG_LINE = Pattern.compile("(?i)\\w(?:error|exception)\\b|traceback|tried to "
            + "allocate|total capacity|\\bfile \"|\\d{2}:\\d{2}:\\d{2}|^\\W*\\[|\\bline \\d+|error:|^\\s+at |^\\s*\\|"
            + "|when allocating|shape\\[|^\\W*killed\\b|^\\s*[\\w.]+\\s*[=:(]|[{}<>]|^\\s*(?:--|\\$ |python\\b)");
    /**
     * PyTorch's out-of-memory message from "Tried to allocate" to its pointer to the Memory Management docs (or its
     * advice, when the pointer is cut off): a terminal or a forum wraps it at 80 columns, and its tail lines ("setting
     * max_split_size_mb to avoid fragmentation. See documentation for Memory") carry no log mark of their own.
     */
    private static final Pattern ALLOCATOR_MESSAGE = Pattern.compile("(?is)tried\\s+to\\s+allocate\\b.{0,1500}?"
            + "(?:memory\\s+management(?:\\s+and\\s+pytorch_\\w+)?(?:\\s*\\(\\s*https?://[^\\s)]+\\s*\\))?"
            + "|to\\s+avoid\\s+fragmentation\\b(?!\\.?\\s+see\\b)\\.?)");
    /** Fewer words than this are a caption ("the header:"), not a description to search the knowledge with. */
    private static final int MIN_WORDS = 6;

    private FailureLead() {}

    /** The lead, or empty when the turn has no prose of its own or the knowledge holds nothing close to it. */
    static Optional<String> of(String text, Facts facts, Report report) {
        String prose = prose(text);
        if (prose.split("\\s+").length < MIN_WORDS) return Optional.empty();
        // A setting the user's words name ("why would 0.7 for gpu_memory_utilization be too much") opens the lead.
        String found = KnowledgeSearch.answer(prose, report, KnowledgeAnswers.engines(facts, report)).orElse(null);
        return Optional.ofNullable(KnobAnswers.lead(prose, KnowledgeAnswers.conversationStacks(prose, List.of(), facts,
                report), found, false));
    }

    /** The lines of the turn a person wrote, not those copied from a log or a config. */
    static String prose(String text) {
        List<String> out = new ArrayList<>();
        for (String line : ALLOCATOR_MESSAGE.matcher(text).replaceAll("").split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !LOG_LINE.matcher(line).find()) out.add(l);
        }
        return String.join(" ", out);
    }
}
