package io.oomdoc.evidence.trace.parsers;

import io.oomdoc.util.Num;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.TraceFinding;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.TraceParser;
import io.oomdoc.evidence.trace.TraceText;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PyTorch's caching-allocator message in both generations:
 * 1.x "Tried to allocate X (GPU 0; T total capacity; A already allocated; F free; R reserved in total by PyTorch)"
 * 2.x "Tried to allocate X. GPU 0 has a total capacity of T of which F is free. Process N has P memory in use.
 *      Of the allocated memory A is allocated by PyTorch, and U is reserved by PyTorch but unallocated."
 */
public final class PyTorchCudaOomParser implements TraceParser {
    private static final Pattern MARKER = Pattern.compile(
            "(?:CUDA|HIP|XPU) out of memory|CUDA OOM\\b|Tried to allocate \\d", Pattern.CASE_INSENSITIVE);
    private static final Pattern CPU_ALLOCATOR = Pattern.compile(
            "DefaultCPUAllocator|CPUAllocator\\.cpp|alloc_cpu\\.cpp");
    private static final Pattern TRIED = Messages.sized("Tried to allocate\\s+SIZE");
    /**
     * "GPU 0 has", "(GPU 3;" and, in some ranks' logs, "GPU7 has" with no space (simplescaling/s1#106); Ascend's
     * torch_npu prints the same message with "(NPU 3;" (xingchensong/TouchNet#100).
     */
    private static final Pattern GPU = Pattern.compile("\\b[GN]PU\\s*(\\d+)\\s*(?:;|has)");
    /**
     * A framework's own sentence about an out-of-memory it caught ("CUDA out of memory occurred when warming up
     * sampler", vllm-project/vllm#17939): not PyTorch's message, so neither its generation nor its version is known.
     */
    private static final Pattern FRAMEWORKS_OWN = Pattern.compile("(?i)out of memory occurred (?:when|while|during)");
    /** A line that holds a whole message by itself: the request is stated on the marker's own line. */
    private static final Pattern WHOLE_MESSAGE = Pattern.compile("(?i)out of memory\\.?\\s+Tried to allocate \\d");
    /** The last alternative: the message retold field by field ("GPU has 19.53 GiB total, ... 329.87 MiB free"). */
    private static final Pattern TOTAL = Messages.sized("SIZE\\s+total capacity|total capac\\w*\\s+of\\s+SIZE"
            + "|GPU has SIZE total");
    private static final Pattern ALLOCATED = Messages.sized("SIZE\\s+already allocated|SIZE\\s+is allocated by PyTorch"
            // a paste cut inside the sentence ("Of the allocated memory 37.21 GiB is allo") still states the figure
            + "|Of the allocated memory SIZE\\s+is allo|PyTorch allocated:\\s*SIZE"
            // cut inside the word at the paste's end ("20.68 GiB already allocate", fudan-zvg/4d-gaussian-splatting#16)
            // or split by a stray space ("14.58 GiB already a llocated", clovaai/stargan-v2#29)
            + "|SIZE\\s+already a ?llocat");
    /** A 1.x message cut right after the free figure's first letter ("17.19 MiB f", lopuhin/transformer-lm#21). */
    private static final Pattern FREE = Messages.sized("SIZE\\s+free\\b|of which\\s+SIZE\\s+is\\s+free"
            + "|already allocated;\\s*SIZE\\s+fr?e?e?\\s*$");
    /** A paste cut inside "reserved in total by PyTorch" ("22.70 GiB reserved in tot", DMM#3) still states it. */
    private static final Pattern RESERVED = Messages.sized("SIZE\\s+reserved in tot");
    /** PyTorch ≤ 1.3 printed "Z cached": blocks cached but not in use, so reserved = allocated + Z. */
    private static final Pattern CACHED = Messages.sized("SIZE\\s+cached\\b");
    private static final Pattern UNALLOCATED = Messages.sized("SIZE\\s+is reserved by PyTorch but unallocated"
            + "|Reserved but unallocated:\\s*SIZE");
    private static final Pattern PROCESS = Messages.sized("Process\\s+(\\d+)\\s+has\\s+SIZE\\s+memory in use");
    /**
     * A paste cut right after the figure ("this process has 15.17 GiB" and a line break) still states it; a paste
     * padded to its width and wrapped after "this" (sglang#17070, 176 columns) leaves two spaces before "process".
     */
    private static final Pattern THIS_PROCESS = Messages.sized(
            "this\\s+process has\\s+SIZE(?:\\s+memory in use|[ \\t]*(?:\\r?\\n|$))");
    private static final Pattern PRIVATE_POOLS = Messages.sized("SIZE\\s+allocated in private pools");

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        int lastEnd = -1;
        List<Integer> marked = Messages.linesMatching(log, MARKER);
        for (int k = 0; k < marked.size(); k++) {
            int i = marked.get(k);
            if (i <= lastEnd) continue;
            String msg = log.messageAt(i, Math.min(12, untilNextMessage(log, marked, k)));
            lastEnd = i;
            if (msg.contains("MPS backend out of memory")) continue; // the MPS parser reads that message
            // PyTorch's host allocator words its failure the same way ("you tried to allocate N bytes"): host RAM,
            // which the host parser reads
            if (CPU_ALLOCATOR.matcher(log.lines().get(i).text()).find()) continue;
            out.add(new TraceFinding("pytorch-cuda", FailureKind.VRAM_OOM, "pytorch", Messages.clip(msg),
                    log.lines().get(i).number(), numbers(msg), notes(msg)));
        }
        return out;
    }

    /** The message's figures: the request, the card, the allocator's view and each process's use. */
    private static OomNumbers numbers(String msg) {
        OomNumbers.Builder b = new OomNumbers.Builder();
        b.tried = Messages.size(msg, TRIED);
        Matcher g = GPU.matcher(msg);
        if (g.find()) b.gpu = Num.toInt(g.group(1));
        b.total = Messages.size(msg, TOTAL);
        b.allocated = Messages.size(msg, ALLOCATED);
        b.free = Messages.size(msg, FREE);
        b.reserved = Messages.size(msg, RESERVED);
        b.reservedUnallocated = Messages.size(msg, UNALLOCATED);
        if (b.reserved == null && b.reservedUnallocated == null) b.reservedUnallocated = Messages.size(msg, CACHED);
        Matcher p = PROCESS.matcher(msg);
        while (p.find()) {
            Long pid = Num.toLong(p.group(1));
            if (pid != null) b.processes.add(new OomNumbers.ProcessUse(pid, Bytes.parse(p.group(2), p.group(3)),
                    false));
        }
        Long self = Messages.size(msg, THIS_PROCESS);
        if (self != null) {
            b.processes.add(new OomNumbers.ProcessUse(-1, self, true));
            b.processInUse = self;
        }
        return b.build();
    }

    /** What the message says beside its figures: the pools, the allocator's hint, its generation and its type. */
    private static List<String> notes(String msg) {
        List<String> notes = new ArrayList<>();
        Long pools = Messages.size(msg, PRIVATE_POOLS);
        if (pools != null) notes.add(TraceText.get("cuda.pools", Bytes.human(pools)));
        if (msg.contains("expandable_segments")) notes.add(TraceText.get("cuda.hint.expandable"));
        else if (msg.contains("max_split_size_mb")) notes.add(TraceText.get("cuda.hint.split"));
        String generation = msg.contains("Of the allocated memory") || msg.contains("total capacity of")
                || msg.contains("total capacty of") ? "2.x" : msg.contains("total capacity;") ? "1.x" : "short";
        boolean own = generation.equals("short") && FRAMEWORKS_OWN.matcher(msg).find();
        notes.add(own ? TraceText.get("cuda.own") : TraceText.get("cuda.generation", generation));
        if (msg.contains("OutOfMemoryError")) notes.add(TraceText.get("cuda.raised.oom"));
        else if (msg.contains("RuntimeError")) {
            notes.add(TraceText.get(own ? "cuda.raised.runtime" : "cuda.raised.runtime.old"));
        }
        return notes;
    }

    /**
     * Lines the message at marked[k] may span: up to the next line that states a whole message about another card.
     * Two ranks' messages on consecutive lines (vllm-project/vllm#15105: GPU 1, then GPU 0) were read as one, and
     * the other card's process was listed on this one. Messages about the same card still complete each other: a
     * rank's message cut short is followed by another rank's on the same GPU 0 (NVIDIA/TensorRT-LLM#7818).
     */
    private static int untilNextMessage(LogText log, List<Integer> marked, int k) {
        int i = marked.get(k);
        Integer card = wholeMessageCard(log.lines().get(i).text());
        if (card == null) return Integer.MAX_VALUE;
        for (int j = k + 1; j < marked.size(); j++) {
            Integer next = wholeMessageCard(log.lines().get(marked.get(j)).text());
            if (next != null && !next.equals(card)) return marked.get(j) - i;
        }
        return Integer.MAX_VALUE;
    }

    /** The card a line's whole message names, or null when the line holds no whole message naming one. */
    private static Integer wholeMessageCard(String line) {
        if (!WHOLE_MESSAGE.matcher(line).find()) return null;
        Matcher g = GPU.matcher(line);
        return g.find() ? Num.toInt(g.group(1)) : null;
    }
}
