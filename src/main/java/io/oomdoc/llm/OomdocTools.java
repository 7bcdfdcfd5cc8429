package io.oomdoc.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import io.oomdoc.evidence.code.RepoFiles;
import io.oomdoc.evidence.code.RepoSearch;
import io.oomdoc.evidence.gpu.HostProbe;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.TraceAnalysis;
import io.oomdoc.evidence.trace.TraceAnalyzer;
import io.oomdoc.protocol.Facts;
import io.oomdoc.util.MessageTable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The engine's components as read-only tools for the model (what the model reads about each is in
 * llm/tools.properties, see ToolCatalog). Every answer is redacted and size-capped
 * before it leaves; a path outside the repository root is refused and the refusal is shown to the user.
 */
public final class OomdocTools {
    private static final int MAX_CHARS = 12_000;
    private static final MessageTable TEXT = new MessageTable("llm/messages.properties");
    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final Path repo;
    private final Supplier<Facts> facts;
    private final Consumer<String> notices;
    private final CommandRunner commands;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    public OomdocTools(Path repo, Supplier<Facts> facts, Consumer<String> notices,
                       CommandRunner commands) {
        this.repo = repo;
        this.facts = facts;
        this.notices = notices;
        this.commands = commands;
    }

    /** The tools that ran, in order ("read_file(train.py)"), for the user and for tests. */
    public List<String> calls() { return List.copyOf(calls); }

    @Tool(name = "parse_trace")
    public String parseTrace(String text) {
        calls.add("parse_trace");
        TraceAnalysis a = new TraceAnalyzer().analyze(LogText.of(text == null ? "" : text));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("findings", a.findings().stream().map(f -> Map.of("kind", f.kind().name(), "message", f.message(),
                "notes", f.notes())).toList());
        m.put("numbers", a.numbers());
        m.put("phase", a.phase().json());
        m.put("phase_evidence", a.phaseEvidence());
        m.put("framework", a.framework());
        a.userFrame().ifPresent(f -> m.put("user_frame", f.where() + " " + f.code()));
        if (a.iteration() != null) m.put("iteration", a.iteration());
        if (!a.failedRanks().isEmpty()) m.put("failed_ranks", a.failedRanks());
        return out(m);
    }

    @Tool(name = "gpu_state")
    public String gpuState() {
        calls.add("gpu_state");
        return command(List.of("gpu", "--json"), "");
    }

    @Tool(name = "host_state")
    public String hostState() {
        calls.add("host_state");
        return out(new HostProbe().read());
    }

    @Tool(name = "search_repo")
    public String searchRepo(String regex, @P(required = false) String glob) {
        calls.add("search_repo(" + regex + ")");
        try {
            return out(RepoSearch.search(repo, regex, glob == null || glob.isBlank() ? null : glob, 40, 2));
        } catch (IllegalArgumentException e) {
            return TEXT.get("tool.error", e.getMessage());
        } catch (Exception e) {
            return TEXT.get("tool.searchFailed", e.getMessage());
        }
    }

    @Tool(name = "read_file")
    public String readFile(String path, @P(required = false) Integer startLine) {
        calls.add("read_file(" + path + ")");
        Path p;
        try {
            p = RepoFiles.insideRoot(repo, path);
        } catch (SecurityException e) {
            notices.accept(TEXT.get("tool.refusedNotice", "read_file", path, e.getMessage()));
            return TEXT.get("tool.refused", e.getMessage());
        } catch (Exception e) {
            return TEXT.get("tool.error", e.getMessage());
        }
        try {
            if (!Files.isRegularFile(p)) return TEXT.get("tool.noFile", path);
            if (Files.size(p) > 5_000_000 || RepoFiles.looksBinary(p)) return TEXT.get("tool.unreadable", path);
            String[] lines = Files.readString(p, StandardCharsets.UTF_8).split("\n", -1);
            int from = Math.max(1, startLine == null ? 1 : startLine);
            StringBuilder sb = new StringBuilder();
            for (int i = from; i <= lines.length && i < from
                    + 400; i++) sb.append(i).append(": ").append(lines[i - 1]).append('\n');
            return cap(Redactor.redact(sb.toString()));
        } catch (Exception e) {
            return TEXT.get("tool.cannotRead", path, e.getMessage());
        }
    }

    @Tool(name = "scan_code")
    public String scanCode() {
        calls.add("scan_code");
        return command(List.of("scan", "--json"), "");
    }

    @Tool(name = "diagnose")
    public String diagnose(String text) {
        calls.add("diagnose");
        return command(List.of("diagnose", "--json", "--gpu", "none", "-"), text == null ? "" : text);
    }

    @Tool(name = "budget")
    public String budget(@P(required = false) String model,
                         @P(required = false) Long params,
                         @P(required = false) Integer seq,
                         @P(required = false) Integer batch,
                         @P(required = false) String precision,
                         @P(required = false) String optimizer,
                         @P(required = false) String gpu,
                         @P(required = false) Double gpuGib) {
        calls.add("budget");
        List<String> args = setupFlags("budget", model, params, seq, batch, precision, gpu, gpuGib);
        if (optimizer != null && !optimizer.isBlank()) args.addAll(List.of("--optimizer", optimizer));
        return command(args, "");
    }

    @Tool(name = "max_batch")
    public String maxBatch(@P(required = false) String model,
                           @P(required = false) Long params,
                           Integer seq,
                           @P(required = false) Integer effectiveBatch,
                           @P(required = false) String precision,
                           @P(required = false) String gpu,
                           @P(required = false) Double gpuGib) {
        calls.add("max_batch");
        return command(setupFlags("batch", model, params, seq, effectiveBatch, precision, gpu, gpuGib), "");
    }

    @Tool(name = "knowledge")
    public String knowledge(String query) {
        calls.add("knowledge(" + query + ")");
        List<String> args = new ArrayList<>(List.of("kb", "--json"));
        if (query != null && !query.isBlank()) args.addAll(List.of(query.strip().split("\\s+")));
        return command(args, "");
    }

    @Tool(name = "read_snapshot")
    public String readSnapshot(String path) {
        calls.add("read_snapshot(" + path + ")");
        try {
            Path p = RepoFiles.insideRoot(repo, path); // the command reads any path: the root is checked here
            return command(List.of("snapshot", "--json", p.toString()), "");
        } catch (SecurityException e) {
            notices.accept(TEXT.get("tool.refusedNotice", "read_snapshot", path, e.getMessage()));
            return TEXT.get("tool.refused", e.getMessage());
        } catch (Exception e) {
            return TEXT.get("tool.error", e.getMessage());
        }
    }

    @Tool(name = "session_facts")
    public String sessionFacts() {
        calls.add("session_facts");
        return out(facts.get().asMap());
    }

    /** The command's flags for what the model gave; what it left out keeps the command's own default. */
    private static List<String> setupFlags(String command, String model, Long params, Integer seq, Integer batch,
                                           String precision, String gpu, Double gpuGib) {
        List<String> args = new ArrayList<>(List.of(command, "--json"));
        if (model != null && !model.isBlank()) args.addAll(List.of("--model", model));
        if (params != null) args.addAll(List.of("--params", String.valueOf(params)));
        if (seq != null) args.addAll(List.of("--seq", String.valueOf(seq)));
        if (batch != null) args.addAll(List.of("--batch", String.valueOf(batch)));
        if (precision != null && !precision.isBlank()) args.addAll(List.of("--precision", precision));
        if (gpuGib != null) args.addAll(List.of("--gpu-mem", gpuGib + "GiB"));
        else if (gpu != null && !gpu.isBlank()) args.addAll(List.of("--gpu", gpu));
        return args;
    }

    /** The command's JSON, redacted and capped; its error line when it refused (the model can correct itself). */
    private String command(List<String> args, String stdin) {
        CommandRunner.Outcome o = commands.run(args, stdin);
        if (o.exitCode() != 0) return TEXT.get("tool.error", o.err().strip().replaceFirst("^oomdoc: ", ""));
        return cap(Redactor.redact(o.out().strip()));
    }

    private static String out(Object o) {
        try {
            return cap(Redactor.redact(JSON.writeValueAsString(o)));
        } catch (Exception e) {
            return TEXT.get("tool.error", e.getMessage());
        }
    }

    private static String cap(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + TEXT.get("tool.cut", MAX_CHARS);
    }
}
