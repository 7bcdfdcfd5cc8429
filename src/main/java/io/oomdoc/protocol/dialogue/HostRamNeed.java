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

    /** The GPU named in a question: its memory words, in English and Chinese. */
    private static final Pattern CARD_WORDS = Pattern.compile("(?i)\\b(?:vram|gpu|card)s?\\b|显存|显卡");
    /** A memory size as users write it in a question: "12G", "12 GB", "11.7GiB". */
    private static final Pattern SIZE = Pattern.compile("(?i)(?<![\\d.])(\\d{1,4}(?:\\.\\d)?) ?g(?:i?b)?(?![a-z])");
    private static final double GIB = 1024.0 * 1024 * 1024;

    /**
     * "how much RAM do I need?", "how much memory will the job require": the need of the job held, not of a model
     * named in the question (the labelled turns read "how much memory does X need" as an explanation of X).
     */
    private static final Pattern ASKS_THE_NEED = Pattern.compile("(?i)\\bhow much (?:host |system |cpu )?(?:ram|memory)"
            + " (?:do|would|will|does) (?:i|we|it|the job|this job|the training|my job) (?:need|require)\\b");

    private HostRamNeed() {}

    /** The turn asks what the held job needs in memory, as an explanation would be asked. */
    static boolean asksTheNeed(String text) {
        return ASKS_THE_NEED.matcher(text).find();
    }

    /**
     * "which one should I run on my 12G?" after a host-RAM failure, the card held being 12 GB: the question is about
     * the GPU (its words, or a size that is the card's and not the host's), so the host answer does not apply.
     */
    static boolean asksOfTheCard(String text, Facts f) {
        if (CARD_WORDS.matcher(text).find()) return true;
        if (f.gpuMemBytes() == null) return false;
        Matcher m = SIZE.matcher(text);
        while (m.find()) {
            double gib = Double.parseDouble(m.group(1));
            if (same(gib, f.gpuMemBytes()) && (f.hostRamBytes() == null || !same(gib, f.hostRamBytes()))) return true;
        }
        return false;
    }

    /** A stated size and a held one agree to within rounding (a "12G" card reads as 12 GiB or as 12 GB). */
    private static boolean same(double gib, long bytes) {
        return Math.abs(bytes / GIB - gib) < 0.75;
    }

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
