package io.oomdoc.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions protocol, plain and streamed
 * (server-sent events), and answers from a script: each turn is a tool call or a text. Every request body
 * is kept so tests can check what left the process.
 */
final class LoopbackOpenAiServer implements AutoCloseable {
    record Turn(String toolName, String toolArgs, String text) {
        static Turn tool(String name, String argsJson) { return new Turn(name, argsJson, null); }
        static Turn text(String t) { return new Turn(null, null, t); }
    }

    private static final ObjectMapper M = new ObjectMapper();
    private final HttpServer server;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    /** Opened by close(): a held answer ends there, since stop() waits for the handler (build22). */
    private final CountDownLatch closed = new CountDownLatch(1);

    LoopbackOpenAiServer(Function<Integer, Turn> script) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n;
            synchronized (requests) { requests.add(body); n = requests.size(); }
            Turn t = script.apply(n);
            if (t.text() != null && t.text().startsWith("SLOW:")) {
                // Held 4 s unless the test is over: the default executor runs this handler on the server's
                // dispatcher thread, which stop() joins, so a plain sleep kept every test that ends early 4 s longer.
                try { closed.await(4, TimeUnit.SECONDS); } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                t = Turn.text(t.text().substring(5));
            }
            if (t.text() != null && t.text().startsWith("STATUS:")) {
                int code = Integer.parseInt(t.text().substring(7, 10));
                byte[] err = ("{\"error\":{\"message\":\"" + t.text().substring(11) + "\",\"type\":\"invalid_request_error\"}}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(code, err.length);
                try (OutputStream os = ex.getResponseBody()) { os.write(err); }
                return;
            }
            boolean stream = M.readTree(body).path("stream").asBoolean(false);
            if (stream) sse(ex, t); else plain(ex, t);
        });
        server.start();
    }

    String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1"; }

    private static void plain(HttpExchange ex, Turn t) throws IOException {
        ObjectNode msg = M.createObjectNode().put("role", "assistant");
        String finish;
        if (t.toolName() != null) {
            msg.putNull("content");
            ArrayNode calls = msg.putArray("tool_calls");
            calls.addObject().put("id", "call_" + System.nanoTime()).put("type", "function")
                    .putObject("function").put("name", t.toolName()).put("arguments", t.toolArgs());
            finish = "tool_calls";
        } else {
            msg.put("content", t.text());
            finish = "stop";
        }
        ObjectNode resp = M.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1).put("model", "test");
        resp.putArray("choices").addObject().put("index", 0).put("finish_reason", finish).set("message", msg);
        resp.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
        send(ex, "application/json", M.writeValueAsBytes(resp));
    }

    private static void sse(HttpExchange ex, Turn t) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (t.toolName() != null) {
            ObjectNode delta = M.createObjectNode().put("role", "assistant");
            delta.putArray("tool_calls").addObject().put("index", 0).put("id", "call_1").put("type", "function")
                    .putObject("function").put("name", t.toolName()).put("arguments", t.toolArgs());
            sb.append(chunk(delta, null)).append(chunk(M.createObjectNode(), "tool_calls"));
        } else {
            String text = t.text();
            for (int i = 0; i < text.length(); i += 7) {
                sb.append(chunk(M.createObjectNode().put("content", text.substring(i, Math.min(text.length(), i + 7))), null));
            }
            sb.append(chunk(M.createObjectNode(), "stop"));
        }
        sb.append("data: [DONE]\n\n");
        send(ex, "text/event-stream", sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String chunk(JsonNode delta, String finish) throws IOException {
        ObjectNode c = M.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("created", 1).put("model", "test");
        ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        if (finish == null) choice.putNull("finish_reason"); else choice.put("finish_reason", finish);
        return "data: " + M.writeValueAsString(c) + "\n\n";
    }

    private static void send(HttpExchange ex, String type, byte[] bytes) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream os = ex.getResponseBody()) { os.write(bytes); }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
