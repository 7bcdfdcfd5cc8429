package io.oomdoc.cli;

import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one conversation remembers: facts, the last report, and a JSON-lines transcript on disk. */
public final class Session {
    /**
     * Made on first use: its intent tables cost a one-shot `oomdoc diagnose FILE` a tenth of its start-up, and such
     * a command only reads the (still empty) facts.
     */
    private io.oomdoc.protocol.dialogue.Conversation conversation;
    private Report lastReport;
    private io.oomdoc.evidence.code.ScanResult code;
    private io.oomdoc.llm.LlmAgent agent;
    private final Path transcript;
    private boolean transcriptBroken;

    public Session(Path transcript) { this.transcript = transcript; }

    public static Path transcriptPath(Map<String, String> env) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        return Paths.stateDir(env).resolve("sessions").resolve(stamp + "-" + ProcessHandle.current().pid() + ".jsonl");
    }

    public Facts facts() { return conversation == null ? Facts.EMPTY : conversation.facts(); }

    /** The conversation engine of this session: facts, the failure discussed, a pending question. */
    public io.oomdoc.protocol.dialogue.Conversation conversation() {
        if (conversation == null) conversation = new io.oomdoc.protocol.dialogue.Conversation();
        return conversation;
    }

    public void reset() { conversation().reset(); lastReport = null; }

    private boolean exitRequested;

    /** Set by the exit command; the REPL leaves after the command that set it. */
    public void requestExit() { exitRequested = true; }

    public boolean exitRequested() { return exitRequested; }

    public Report lastReport() { return lastReport; }

    /** The language-model agent of this session, or null in the embedded (offline) mode. */
    public io.oomdoc.llm.LlmAgent agent() { return agent; }

    public void setAgent(io.oomdoc.llm.LlmAgent a) { agent = a; }

    /** The scan of the repository this session runs in, made once when first needed. */
    public io.oomdoc.evidence.code.ScanResult code() { return code; }

    public void setCode(io.oomdoc.evidence.code.ScanResult r) { code = r; conversation().setScan(r); }

    public void setLastReport(Report r) { lastReport = r; }

    /** Appends one event; a transcript that cannot be written is reported once and then skipped. */
    public String record(String kind, Object payload) {
        if (transcript == null || transcriptBroken) return null;
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("time", Instant.now().toString());
        event.put("kind", kind);
        event.put("payload", payload);
        try {
            Files.createDirectories(transcript.getParent());
            try (Writer w = Files.newBufferedWriter(transcript, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                w.write(Json.line(event));
                w.write('\n');
            }
            return null;
        } catch (IOException | RuntimeException e) {
            transcriptBroken = true;
            return CliText.get("transcript.disabled", transcript, e.getMessage());
        }
    }
}
