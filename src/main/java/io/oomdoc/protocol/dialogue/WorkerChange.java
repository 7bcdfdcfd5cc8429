package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Would workers_per_gpu=0 fix it?" after a killed DataLoader worker: a yes or no with the reason, computed from the
 * job's processes (one per rank plus its workers, each with its own copy of what the dataset holds), in the spelling
 * of the stack the user named (mmcv's workers_per_gpu, PyTorch's num_workers); trial21 defect 17, mmrotate#501.
 */
final class WorkerChange {
    /**
     * A worker count the turn proposes in a loader knob's own spelling; "4 workers" alone may be a web server's
     * (gunicorn --workers), whose processes each load the model, not a DataLoader's.
     */
    private static final Pattern SET = Pattern.compile("(?i)\\b(num_workers|workers_per_gpu|n_workers"
            + "|dataloader_num_workers)\\s*[=:]?\\s*(\\d{1,3})\\b");
    /** Asks whether the change would do it ("would ... fix it?", "does ... help", "what if ..."). */
    private static final Pattern ASKS = Pattern.compile("(?i)\\b(?:would|will|does|do|can|could|should|is)\\b.{0,60}"
            + "\\b(?:fix|help|solve|work|enough|stop)|\\bwhat if\\b|\\?\\s*$");

    private WorkerChange() {}

    /**
     * The verdict, or null when no host-RAM failure is held, the turn sets no worker count or the old one is unknown.
     * {@code newestFirst}: the turn, the turns before it and the failure held, newest first.
     */
    static String of(String text, List<String> newestFirst, Facts f, Report report) {
        if (!HostRamNeed.applies(report, f) || !ASKS.matcher(text).find()) return null;
        Matcher m = SET.matcher(text);
        if (!m.find()) return null;
        int now = Integer.parseInt(m.group(2));
        Integer before = HostRamNeed.workers(newestFirst.subList(1, newestFirst.size()));
        if (before == null) return null;
        String knob = m.group(1).toLowerCase(Locale.ROOT);
        int ranks = f.worldSize() == null ? 1 : Math.max(1, f.worldSize());
        int was = ranks * (1 + before);
        int will = ranks * (1 + now);
        String head = now >= before ? Messages.get("workers.no", knob, now, before)
                : now == 0 ? Messages.get("workers.none", knob, will, was, ranks)
                : Messages.get("workers.fewer", knob, now, will, was);
        return head + "\n" + Messages.get("workers.where." + (knob.equals("workers_per_gpu") ? knob : "num_workers"));
    }
}
