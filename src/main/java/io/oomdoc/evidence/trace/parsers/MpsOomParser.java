package io.oomdoc.evidence.trace.parsers;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.TraceFinding;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.TraceParser;
import io.oomdoc.evidence.trace.TraceText;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Apple silicon: "MPS backend out of memory (MPS allocated: A, other allocations: O, max allowed: M). Tried to "
        + "allocate X". */
public final class MpsOomParser implements TraceParser {
    /** The name its findings carry; the MPS signals look for it. */
    public static final String NAME = "mps";

    private static final Pattern MARKER = Pattern.compile("MPS backend out of memory", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALLOCATED = Messages.sized("MPS allocated:\\s*SIZE");
    private static final Pattern OTHER = Messages.sized("other allocations:\\s*SIZE");
    private static final Pattern MAX = Messages.sized("max allowed:\\s*SIZE");
    private static final Pattern TRIED = Messages.sized("Tried to allocate\\s+SIZE");

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        for (int i : Messages.linesMatching(log, MARKER)) {
            String msg = log.messageAt(i, 4);
            OomNumbers.Builder b = new OomNumbers.Builder();
            b.allocated = Messages.size(msg, ALLOCATED);
            b.total = Messages.size(msg, MAX);
            b.tried = Messages.size(msg, TRIED);
            Long other = Messages.size(msg, OTHER);
            List<String> notes = new ArrayList<>();
            if (other != null) notes.add(TraceText.get("mps.other", Bytes.human(other)));
            notes.add(TraceText.get("mps.unified"));
            if (b.total != null && b.allocated != null && other != null) b.free = Math.max(0,
                    b.total - b.allocated - other);
            out.add(new TraceFinding(NAME, FailureKind.VRAM_OOM, "pytorch", Messages.clip(msg),
                    log.lines().get(i).number(), b.build(), notes));
        }
        return out;
    }

    /** Bytes held outside PyTorch's pool, from a finding's note-independent recomputation. */
    public static Long otherAllocations(String message) {
        return Messages.size(message, OTHER);
    }
}
