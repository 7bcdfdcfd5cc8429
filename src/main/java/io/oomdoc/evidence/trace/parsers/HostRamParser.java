package io.oomdoc.evidence.trace.parsers;

import io.oomdoc.util.Num;
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

/**
 * Host memory failures: a bare "Killed", exit code 137 / -9 / SIGKILL, DataLoader workers killed,
 * shared-memory bus errors, the kernel's "Out of memory: Killed process" and cgroup oom-kill lines,
 * Python's MemoryError, Windows' commit limit (WinError 1455).
 */
public final class HostRamParser implements TraceParser {
    /**
     * Windows' commit limit (ERROR_COMMITMENT_LIMIT, 1455): RAM plus page file are spoken for, so loading a DLL or
     * starting a worker fails. The code, and the English and Simplified Chinese system text for reports without it.
     */
    private static final String COMMIT_LIMIT_TEXT = "WinError 1455|paging file is too small|页面文件太小";
    /** The error text of PyTorch's shared-memory files for tensors passed between processes ("</torch_1394_27>"). */
    private static final String SHM_FILE = "unable to (?:mmap \\d+ bytes from|write to) file </torch_";
    private static final Pattern MARKER = Pattern.compile(
            "^\\s*(?:\\*\\*)?Killed(?:\\*\\*)?\\s*$|exit(?:ed|ing)?(?: with)?\\s*(?:code|status)[:= ]*\\s*(?:137|-9)\\b"
            + "|exitcode\\s*:\\s*-9\\b|status code[:= ]*137\\b"
            // the shell's job line for a child it saw die of SIGKILL ("script.sh: line 8: 34475 Killed  python ...")
            + "|line \\d+:\\s+\\d+ Killed\\b"
                    + "|Signals?\\.SIGKILL|signal 9\\b|SIGKILL"
            // a worker stopped by SIGTERM ("signal: Terminated") was sent it by a parent or a scheduler, not the kernel
            + "|DataLoader worker \\(pid[^)]*\\) is killed by signal(?!: Terminated)"
            + "|worker .{0,40}killed by signal(?!: Terminated)"
            // what a DataLoader worker itself prints when /dev/shm fills (torch's worker signal handler)
            + "|Unexpected bus error encountered in worker"
            // a process's own SIGBUS, "Bus error (core dumped)": in these jobs, shared memory (/dev/shm) that ran out
            + "|\\bBus error\\b"
            // the kernel refused memory to fork or map (ENOMEM): host RAM, not a device
            + "|\\[Errno 12\\] Cannot allocate memory"
            // PyTorch's shared-memory allocator (libshm) could not map or fill a /torch_* segment in /dev/shm
            + "|" + SHM_FILE
            + "|" + COMMIT_LIMIT_TEXT
            + "|Out of memory: Killed? process|oom-kill:|Memory cgroup out of memory|oom_reaper|invoked oom-killer"
            // SLURM's words for its memory cgroup's kill: srun's task line and slurmstepd's oom-kill count
            + "|srun: error: (?:.{0,60}task \\d+: )?Out Of Memory|Detected \\d+ oom[-_]kill events?"
            + "|slurmstepd: error: .{0,40}exceeded (?:job )?memory limit"
            // SLURM's job state for a job its memory cgroup killed, as sacct, seff and scontrol print it (sacct's
            // default column cuts it to "OUT_OF_ME+"); upper case only, for the kernel's out_of_memory() frames and
            // CUDA_ERROR_OUT_OF_MEMORY are other things (reframe-hpc/reframe#833, squeue's JOB STATE CODES)
            + "|(?-i:(?<![\\w])OUT_OF_ME(?:MORY\\b|\\+))"
            // the schedulers' and runtimes' own kill lines: Kubernetes, Ray's memory monitor, YARN
            + "|OOMKilled|OOM-killed|killed by (?:the )?OOM[- ]killer|killed due to memory pressure \\(OOM\\)"
            + "|killed due to the node running low on memory|RayOutOfMemoryError|Actors died: CPU Out of Memory"
            + "|Container killed by YARN for exceeding memory limits"
            // NCCL's segment for intra-node transfers lives in /dev/shm (WangRongsheng/XrayGLM#83)
            + "|Error while creating shared memory segment"
            + "|(?<![\\w.])MemoryError\\b|Unable to allocate [\\d.]+ [KMGT]i?B for an array|std::bad_alloc"
                    + "|DefaultCPUAllocator: (?:can't|not enough memory)"
            + "|(?:Loading checkpoint shards|load).{0,80}\\bkilled\\b(?! by signal: Terminated)",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    /** A worker process killed by a signal; "worker" alone also names hosts ("node-3-worker") and Ray workers. */
    private static final Pattern WORKER_KILLED = Pattern.compile("worker .{0,40}killed by signal");
    private static final Pattern SCHEDULER_KILL = Pattern.compile("OOMKilled|OOM-killed|memory pressure|running low "
            + "on memory|RayOutOfMemoryError|Actors died|by YARN|slurmstepd|srun: error|OUT_OF_ME",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMIT_LIMIT = Pattern.compile(COMMIT_LIMIT_TEXT, Pattern.CASE_INSENSITIVE);
    private static final Pattern KERNEL_KILL = Pattern.compile("Killed process (\\d+) "
            + "\\(([^)]+)\\).*?anon-rss:(\\d+)kB", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALLOC_REQ = Messages.sized("(?:Unable to allocate|DefaultCPUAllocator: (?:can't|not "
            + "enough memory).{0,40}?allocate)\\s+SIZE");

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        for (int i : Messages.linesMatching(log, MARKER)) {
            String msg = log.messageAt(i, 2);
            List<String> notes = new ArrayList<>();
            OomNumbers.Builder b = new OomNumbers.Builder();
            String lower = msg.toLowerCase();
            if (lower.contains("nccl") && lower.contains("shared memory")) {
                notes.add(TraceText.get("host.nccl.shm"));
            } else if (lower.contains("bus error") || lower.contains("shared memory") || lower.contains("</torch_")) {
                notes.add(TraceText.get("host.worker.shm"));
            } else if (lower.contains("dataloader worker") || WORKER_KILLED.matcher(lower).find()) {
                notes.add(TraceText.get("host.worker.killed"));
            } else if (lower.contains("killed process") || lower.contains("oom-kill") || lower.contains("oom killer")
                    || lower.contains("cgroup")) { // "killed by OOM killer" (DagnyT/hardnet#19) is the kernel's too
                notes.add(TraceText.get("host.oom.killer"));
                Matcher k = KERNEL_KILL.matcher(msg);
                if (k.find()) {
                    Long rss = Num.toLong(k.group(3));
                    if (rss != null) b.processInUse = rss * 1024;
                    notes.add(TraceText.get("host.killed", k.group(2), k.group(1)));
                }
            } else if (COMMIT_LIMIT.matcher(msg).find()) {
                notes.add(TraceText.get("host.commit.limit"));
            } else if (SCHEDULER_KILL.matcher(msg).find()) {
                notes.add(TraceText.get("host.scheduler"));
            } else if (lower.contains("memoryerror") || lower.contains("unable to allocate")
                    || lower.contains("bad_alloc") || lower.contains("[errno 12]")
                    || lower.contains("defaultcpuallocator")) {
                notes.add(TraceText.get("host.alloc"));
                b.tried = Messages.size(msg, ALLOC_REQ);
            } else {
                notes.add(TraceText.get("host.sigkill"));
            }
            out.add(new TraceFinding("host-ram", FailureKind.HOST_RAM_OOM, "unknown", Messages.clip(msg),
                    log.lines().get(i).number(), b.build(), notes));
        }
        return out;
    }
}
