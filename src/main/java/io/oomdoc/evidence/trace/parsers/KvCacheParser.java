package io.oomdoc.evidence.trace.parsers;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.TraceFinding;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.TraceParser;
import io.oomdoc.evidence.trace.TraceText;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Inference engines (vLLM, SGLang, TGI, TensorRT-LLM) that cannot fit the KV cache they were asked to reserve. */
public final class KvCacheParser implements TraceParser {
    private static final Pattern MARKER = Pattern.compile(
            "No available memory for the cache blocks|maximum number of tokens that can be stored in KV cache"
            + "|Insufficient memory for KV cache|not enough memory for (?:the )?KV cache|KV cache (?:is )?(?:too "
                    + "large|out of memory)"
            + "|num_gpu_blocks.{0,40}(?:<=|is) 0|Not enough memory.*max_total_tokens"
            // TensorRT-LLM's executor names the component it could not create
            + "|component could not be created: KV cache", Pattern.CASE_INSENSITIVE);
    private static final Pattern LENGTHS = Pattern.compile("max seq len \\((\\d+)\\).*?KV cache \\((\\d+)\\)",
            Pattern.CASE_INSENSITIVE);

    /**
     * vLLM's memory profile line states the card: "total_gpu_memory=23.58GiB" (0.6) or "total_gpu_memory (79.22GiB) x
     * gpu_memory_utilization" (0.7 on, vllm/worker/worker.py determine_num_available_blocks).
     */
    private static final Pattern TOTAL = Messages.sized("total_gpu_memory\\s*(?:=|\\()\\s*SIZE");

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        for (int i : Messages.linesMatching(log, MARKER)) {
            String msg = log.messageAt(i, 3);
            List<String> notes = new ArrayList<>();
            Matcher m = LENGTHS.matcher(msg);
            if (m.find()) notes.add(TraceText.get("kv.lengths", m.group(1), m.group(2)));
            String framework = log.text().toLowerCase().contains("sglang") ? "sglang" : "vllm";
            Long total = Messages.size(log.text(), TOTAL);
            OomNumbers numbers = total == null ? OomNumbers.NONE
                    : new OomNumbers(null, total, null, null, null, null, null, null, List.of());
            out.add(new TraceFinding("kv-cache", FailureKind.KV_CACHE, framework, Messages.clip(msg),
                    log.lines().get(i).number(), numbers, notes));
        }
        return out;
    }
}
