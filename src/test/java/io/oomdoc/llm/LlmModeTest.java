package io.oomdoc.llm;

import io.oomdoc.cli.Main;
import io.oomdoc.cli.Repl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** LLM mode against a real OpenAI-compatible HTTP server on loopback; no LangChain4j class is mocked. */
class LlmModeTest {
    @TempDir Path repo;
    private static final String SECRET = "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

    private String[] ask(String baseUrl, String question) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"ask", "--provider", "openai", "--base-url", baseUrl, "--model", "test", question},
                new ByteArrayInputStream(new byte[0]), out, err, Map.of("XDG_STATE_HOME", repo.resolve(".state").toString(),
                        "XDG_CONFIG_HOME", repo.resolve(".config").toString()), repo, false, false);
        assertEquals(0, code, err.toString());
        return new String[]{out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aToolRoundTripReadsTheRepoAndTheEngineSectionsAreAppended() throws Exception {
        Files.writeString(repo.resolve("train.py"), "HF_TOKEN = \"" + SECRET + "\"\nfor x, y in val_loader:\n    out = model(x)\n");
        try (var server = new LoopbackOpenAiServer(n -> n == 1
                ? LoopbackOpenAiServer.Turn.tool("read_file", "{\"path\":\"train.py\"}")
                : LoopbackOpenAiServer.Turn.text("Your validation loop runs without torch.no_grad()."))) {
            String out = ask(server.baseUrl(), "OOM during validation, my key is " + SECRET)[0];
            assertTrue(out.contains("Your validation loop runs without torch.no_grad()."), out);
            assertTrue(out.contains("Confidence Assessment (computed by oomdoc)"));
            assertTrue(out.contains("Information Gaps (computed by oomdoc)"));
            assertTrue(out.contains("read_file(train.py)"), "the tools that ran are shown: " + out);
            assertEquals(2, server.requests.size());
            assertTrue(server.requests.get(1).contains("val_loader"), "the tool result went back to the model");
            for (String body : server.requests) assertFalse(body.contains(SECRET), "a secret left the machine: " + body);
        }
    }

    @Test
    void aPathOutsideTheRepoIsRefusedAndTheUserIsTold() throws Exception {
        Files.writeString(repo.getParent().resolve("outside-" + repo.getFileName() + ".txt"), "private");
        try (var server = new LoopbackOpenAiServer(n -> n == 1
                ? LoopbackOpenAiServer.Turn.tool("read_file", "{\"path\":\"../outside-" + repo.getFileName() + ".txt\"}")
                : LoopbackOpenAiServer.Turn.text("I could not read that file."))) {
            String out = ask(server.baseUrl(), "what is in the file next to my repo?")[0];
            assertTrue(out.contains("refused read_file"), out);
            assertTrue(server.requests.get(1).contains("REFUSED"));
            assertFalse(server.requests.get(1).contains("private"));
        }
    }

    @Test
    void aDeadEndpointFallsBackToTheEmbeddedAnswer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        String out = ask("http://127.0.0.1:" + port + "/v1", "CUDA out of memory during validation, memory keeps growing")[0];
        assertTrue(out.contains("unreachable"), out);
        assertTrue(out.contains("## Root Cause"), "the embedded report replaces the model's answer");
    }

    @Test
    void aRejectedKeyIsOneClearLineAndTheEmbeddedAnswer() throws Exception {
        try (var server = new LoopbackOpenAiServer(n -> LoopbackOpenAiServer.Turn.text("STATUS:401 Incorrect API key provided"))) {
            String out = ask(server.baseUrl(), "CUDA out of memory in backward")[0];
            assertTrue(out.contains("rejected the API key"), out);
            assertTrue(out.contains("## Root Cause"));
        }
    }

    @Test
    void rateLimitingIsNamed() throws Exception {
        try (var server = new LoopbackOpenAiServer(n -> LoopbackOpenAiServer.Turn.text("STATUS:429 Rate limit reached"))) {
            assertTrue(ask(server.baseUrl(), "OOM at step 2")[0].contains("rate-limiting"));
        }
    }

    @Test
    void aMalformedToolCallFallsBackInsteadOfCrashing() throws Exception {
        try (var server = new LoopbackOpenAiServer(n -> LoopbackOpenAiServer.Turn.tool("read_file", "{not json"))) {
            String[] r = ask(server.baseUrl(), "why OOM?");
            assertTrue(r[0].contains("embedded answer") || r[0].contains("REFUSED") || r[0].contains("## Root Cause"), r[0]);
            assertFalse(r[1].contains("Exception"), r[1]);
        }
    }

    @Test
    void anUnknownToolIsAnsweredWithoutCrashing() throws Exception {
        try (var server = new LoopbackOpenAiServer(n -> n == 1 ? LoopbackOpenAiServer.Turn.tool("run_shell", "{\"cmd\":\"rm -rf /\"}")
                : LoopbackOpenAiServer.Turn.text("done"))) {
            String[] r = ask(server.baseUrl(), "fix it for me");
            assertFalse(r[1].contains("Exception"), r[1]);
            assertTrue(r[0].contains("done") || r[0].contains("embedded answer"), r[0]);
        }
    }

    @Test
    void aToolCallLoopIsCut() throws Exception {
        try (var server = new LoopbackOpenAiServer(n -> LoopbackOpenAiServer.Turn.tool("session_facts", "{}"))) {
            String out = ask(server.baseUrl(), "why OOM?")[0];
            assertTrue(out.contains("kept calling tools"), out);
            assertTrue(server.requests.size() <= LlmAgent.MAX_TOOL_CALLS + 2, "requests: " + server.requests.size());
        }
    }

    @Test
    void theReplStreamsTheAnswerAndSaysWhatLeavesTheMachineOnlyForRemoteEndpoints() throws Exception {
        try (var server = new LoopbackOpenAiServer(n -> LoopbackOpenAiServer.Turn.text("Streaming works: reduce the eval batch."))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Repl.runOnStreams(new ByteArrayInputStream("my eval OOMs\n/model\n/exit\n".getBytes(StandardCharsets.UTF_8)), out,
                    Map.of("XDG_STATE_HOME", repo.resolve(".state").toString(), "OOMDOC_PROVIDER", "openai",
                            "OOMDOC_BASE_URL", server.baseUrl(), "OOMDOC_MODEL", "test"), repo);
            String s = out.toString(StandardCharsets.UTF_8);
            assertTrue(s.contains("Streaming works: reduce the eval batch."), s);
            assertTrue(s.contains("this machine"), "a loopback endpoint is described as local");
            assertFalse(s.contains("go to http"), "no remote notice for a local server");
            assertTrue(server.requests.get(0).contains("\"stream\":true") || server.requests.get(0).contains("\"stream\" : true"));
        }
    }

    @Test
    void ctrlCCancelsTheAnswerInProgressAndKeepsTheSession() throws Exception {
        try (var server = new LoopbackOpenAiServer(n -> LoopbackOpenAiServer.Turn.text("SLOW:too late"))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var raisedAt = new java.util.concurrent.atomic.AtomicLong();
            Repl.runOnStreams(new ByteArrayInputStream("why does my eval OOM?\n/kb M8\n/exit\n".getBytes(StandardCharsets.UTF_8)), out,
                    Map.of("XDG_STATE_HOME", repo.resolve(".state").toString(), "OOMDOC_PROVIDER", "openai",
                            "OOMDOC_BASE_URL", server.baseUrl(), "OOMDOC_MODEL", "test"), repo,
                    terminal -> new Thread(() -> {
                        while (server.requests.isEmpty()) Thread.onSpinWait();
                        try { Thread.sleep(200); } catch (InterruptedException ignored) { }
                        raisedAt.set(System.nanoTime());
                        terminal.raise(org.jline.terminal.Terminal.Signal.INT); // what Ctrl-C does on a real terminal
                    }).start());
            String s = out.toString(StandardCharsets.UTF_8);
            assertTrue(s.contains("(cancelled)"), s);
            assertFalse(s.contains("too late"), s);
            assertTrue(s.contains("expandable_segments"), "the session went on: " + s);
            // The server holds the answer 4 s; timed from the signal, not from start-up, which a loaded machine slows.
            assertTrue((System.nanoTime() - raisedAt.get()) / 1e9 < 3, "did not wait for the slow answer");
        }
    }

    @Test
    void withoutAProviderNoNetworkCallIsMade() {
        assertTrue(ProviderConfig.resolve(null, null, null, Map.of(), repo).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ProviderConfig.resolve("openai", "https://api.example.com/v1", null, Map.of(), repo));
    }

    @Test
    void redactionMasksCommonSecrets() {
        String r = Redactor.redact("token=" + SECRET + " OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuv AKIAABCDEFGHIJKLMNOP ghp_abcdefghijklmnopqrstuvwxyz0123456789 password: hunter22");
        assertFalse(r.contains(SECRET));
        assertFalse(r.contains("sk-proj-abcdefghijklmnopqrstuv"));
        assertFalse(r.contains("AKIAABCDEFGHIJKLMNOP"));
        assertFalse(r.contains("ghp_abcdefghij"));
        assertFalse(r.contains("hunter22"));
        assertEquals("batch_size = 32", Redactor.redact("batch_size = 32"));
    }
}
