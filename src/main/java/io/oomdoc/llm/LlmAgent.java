package io.oomdoc.llm;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import io.oomdoc.protocol.Report;
import io.oomdoc.protocol.ReportLayout;
import io.oomdoc.util.MessageTable;
import io.oomdoc.util.Resources;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * LLM mode: a LangChain4j AI service over oomdoc's read-only tools. The model converses; the engine still
 * computes the evidence, and its Confidence, Risk, Information Gaps and Caveats are always appended.
 * Any failure of the endpoint falls back to the embedded answer with a one-line reason.
 */
public final class LlmAgent {
    public static final int MAX_TOOL_CALLS = 8;
    private static final MessageTable TEXT = new MessageTable("llm/messages.properties");

    interface Assistant { String chat(String message); }

    interface StreamingAssistant { TokenStream chat(String message); }

    /** What one turn produced: the model's text (null on fallback), the reason for a fallback, the tools that ran. */
    public record Answer(String modelText, String failure, java.util.List<String> toolCalls) {}

    private final ProviderConfig config;
    private final OomdocTools tools;
    private final Assistant assistant;
    private final StreamingAssistant streaming;
    private boolean announced;

    public LlmAgent(ProviderConfig config, OomdocTools tools, Duration timeout) {
        this.config = config;
        this.tools = tools;
        String system = systemPrompt();
        var memory = MessageWindowChatMemory.withMaxMessages(30);
        var described = ToolCatalog.of(tools);
        this.assistant = AiServices.builder(Assistant.class).chatModel(chatModel(config, timeout)).tools(described)
                .chatMemory(memory).systemMessageProvider(id
                        -> system).maxToolCallingRoundTrips(MAX_TOOL_CALLS).build();
        this.streaming = AiServices.builder(StreamingAssistant.class).streamingChatModel(streamingModel(config,
                timeout)).tools(described)
                .chatMemory(memory).systemMessageProvider(id
                        -> system).maxToolCallingRoundTrips(MAX_TOOL_CALLS).build();
    }

    public ProviderConfig config() { return config; }

    /**
     * The notice shown before the first remote call of a session; null when nothing leaves the machine or it was shown.
     */
    public String firstCallNotice() {
        if (announced) return null;
        announced = true;
        if (!config.remote()) return null;
        return TEXT.get("notice.remote", config.baseUrl(), config.provider(), config.model());
    }

    /** One turn. With a token consumer the answer streams; without one it arrives whole. */
    public Answer ask(String userText, Consumer<String> onToken) {
        String message = Redactor.redact(userText);
        int before = tools.calls().size();
        try {
            String text;
            if (onToken == null) {
                text = assistant.chat(message);
            } else {
                CompletableFuture<String> done = new CompletableFuture<>();
                StringBuilder sb = new StringBuilder();
                streaming.chat(message)
                        .onPartialResponse(t -> { sb.append(t); onToken.accept(t); })
                        .onCompleteResponse(r -> done.complete(sb.toString()))
                        .onError(done::completeExceptionally)
                        .start();
                text = done.get(10, TimeUnit.MINUTES);
            }
            return new Answer(text, null, tools.calls().subList(before, tools.calls().size()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, TEXT.get("failure.cancelled"), tools.calls().subList(before, tools.calls().size()));
        } catch (ExecutionException e) {
            return new Answer(null, reason(e.getCause()), tools.calls().subList(before, tools.calls().size()));
        } catch (TimeoutException e) {
            return new Answer(null, TEXT.get("failure.slow"), tools.calls().subList(before, tools.calls().size()));
        } catch (RuntimeException e) {
            return new Answer(null, reason(e), tools.calls().subList(before, tools.calls().size()));
        }
    }

    /** The model's answer followed by the engine's computed assessment sections. */
    public static String compose(String modelText, Report engine) {
        String sections = ReportLayout.render(ReportLayout.assessment(engine.sections()), COMPUTED);
        // every list closes with a blank line; the answer ends on the last item's line
        return modelText.strip() + "\n\n" + sections.substring(0, sections.length() - 1);
    }

    /** The assessment as the model's answer ends: each title marked as computed by oomdoc, the text as it is. */
    private static final ReportLayout.Format COMPUTED = new ReportLayout.Format() {
        @Override public String heading(ReportLayout.Section s) {
            return "## " + TEXT.get("section.computed", s.title("llm")) + "\n";
        }

        @Override public String paragraph(String body) { return body + "\n\n"; }

        @Override public String item(String item) { return "- " + item + "\n"; }
    };

    static String reason(Throwable e) {
        String all = String.valueOf(e);
        for (Throwable c = e; c != null; c = c.getCause()) all += " | " + c;
        String l = all.toLowerCase();
        if (l.contains("tool calling round trips") || l.contains("tool executions")) {
            return TEXT.get("failure.loop", MAX_TOOL_CALLS);
        }
        if (l.contains("connect") && (l.contains("refused") || l.contains("connectexception"))) {
            return TEXT.get("failure.unreachable");
        }
        if (l.contains("401") || l.contains("unauthorized") || l.contains("invalid api key")
                || l.contains("authentication")) return TEXT.get("failure.key");
        if (l.contains("429") || l.contains("rate limit")) return TEXT.get("failure.rate");
        if (l.contains("timeout") || l.contains("timed out")) return TEXT.get("failure.timeout");
        if (l.contains("unknownhost") || l.contains("unresolved")) return TEXT.get("failure.host");
        String first = e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        return TEXT.get("failure.other", first.length() > 160 ? first.substring(0, 160) + "…" : first);
    }

    private static String systemPrompt() {
        String t = Resources.text("prompts/system.md");
        int end = t.startsWith("---") ? t.indexOf("\n---", 3) : -1;
        return end > 0 ? t.substring(end + 4).strip() : t;
    }

    static ChatModel chatModel(ProviderConfig c, Duration timeout) {
        return switch (c.provider()) {
            case "anthropic" -> AnthropicChatModel.builder().baseUrl(c.baseUrl()).apiKey(c.apiKey())
                    .modelName(c.model()).timeout(timeout).maxRetries(0).build();
            case "ollama" -> OllamaChatModel.builder().baseUrl(c.baseUrl())
                    .modelName(c.model()).timeout(timeout).maxRetries(0).build();
            default -> OpenAiChatModel.builder().baseUrl(c.baseUrl()).apiKey(c.apiKey())
                    .modelName(c.model()).timeout(timeout).maxRetries(0).build();
        };
    }

    static StreamingChatModel streamingModel(ProviderConfig c, Duration timeout) {
        return switch (c.provider()) {
            case "anthropic" -> AnthropicStreamingChatModel.builder().baseUrl(c.baseUrl()).apiKey(c.apiKey())
                    .modelName(c.model()).timeout(timeout).build();
            case "ollama" -> OllamaStreamingChatModel.builder().baseUrl(c.baseUrl())
                    .modelName(c.model()).timeout(timeout).build();
            default -> OpenAiStreamingChatModel.builder().baseUrl(c.baseUrl()).apiKey(c.apiKey())
                    .modelName(c.model()).timeout(timeout).build();
        };
    }
}
