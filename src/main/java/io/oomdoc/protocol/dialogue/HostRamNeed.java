package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import io.oomdoc.protocol.SetupFromFacts;
import io.oomdoc.util.Bytes;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How much RAM do I need?" after a killed DataLoader worker: host memory is sized by the job's processes (one per GPU
 * rank, plus each rank's workers) and what each holds privately, not by a model's weights, so the answer counts the
 * processes from what the conversation said and says how to measure one; it does not ask which model it is.
 */
final class HostRamNeed {
    /** Workers per rank as the loaders spell it: num_workers=2 (PyTorch), workers_per_gpu=2 (mmcv), "2 workers". */
    private static final Pattern WORKERS = Pattern.compile("(?i)\\b(?:num_workers|workers_per_gpu|n_workers"
            + "|dataloader_num_workers)\\s*[=:]?\\s*(\\d{1,3})\\b|\\b(\\d{1,3}) (?:dataloader )?workers\\b");

    private HostRamNeed() {}

    /** A host-RAM failure held with no model to budget: the question is about processes, not weights. */
    static boolean applies(Report report, Facts f) {
        return report != null && "host_ram_oom".equals(report.issueType()) && SetupFromFacts.from(f).isEmpty();
    }

    /** The rule, the process count from the newest turn that names the workers, the share each gets, how to measure. */
    static String answer(List<String> newestFirst, Facts f) {
        Integer workers = workers(newestFirst);
        StringBuilder out = new StringBuilder(Messages.get("hostram.rule"));
        if (workers != null) {
            int ranks = f.worldSize() == null ? 1 : Math.max(1, f.worldSize());
            int processes = ranks * (1 + workers);
            out.append('\n').append(Messages.get("hostram.count", ranks, workers, processes));
            if (f.hostRamBytes() != null) {
                out.append(' ').append(Messages.get("hostram.share", Bytes.human(f.hostRamBytes()),
                        Bytes.human(f.hostRamBytes() / processes)));
            }
        }
        return out.append('\n').append(Messages.get("hostram.measure")).toString();
    }

    static Integer workers(List<String> newestFirst) {
        for (String turn : newestFirst) {
            Matcher m = WORKERS.matcher(turn);
            if (m.find()) return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return null;
    }
}
