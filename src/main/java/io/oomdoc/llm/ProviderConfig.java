package io.oomdoc.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oomdoc.util.MessageTable;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which language model to talk to, if any: flags, then OOMDOC_* environment variables, then
 * $XDG_CONFIG_HOME/oomdoc/config.json. With none of these oomdoc stays embedded and makes no network call.
 */
public record ProviderConfig(String provider, String baseUrl, String model, String apiKey) {
    private static final MessageTable TEXT = new MessageTable("llm/messages.properties");

    public static Optional<ProviderConfig> resolve(String flagProvider, String flagBaseUrl, String flagModel,
                                                   Map<String, String> env, Path configDir) {
        Stated stated = stated(flagProvider, flagBaseUrl, flagModel, env, configDir);
        String provider = stated.provider();
        if (provider == null || provider.isBlank() || provider.equalsIgnoreCase("none")) return Optional.empty();
        provider = provider.toLowerCase(Locale.ROOT);
        String key = switch (provider) {
            case "openai" -> env.get(stated.keyEnv() != null ? stated.keyEnv() : "OPENAI_API_KEY");
            case "anthropic" -> env.get(stated.keyEnv() != null ? stated.keyEnv() : "ANTHROPIC_API_KEY");
            case "ollama" -> null;
            default -> throw new IllegalArgumentException(TEXT.get("provider.unknown", provider));
        };
        String baseUrl = stated.baseUrl() != null ? stated.baseUrl() : switch (provider) {
            case "openai" -> "https://api.openai.com/v1";
            case "anthropic" -> "https://api.anthropic.com/v1";
            default -> "http://localhost:11434";
        };
        String model = stated.model() != null ? stated.model() : switch (provider) {
            case "openai" -> "gpt-4o-mini";
            case "anthropic" -> "claude-3-5-haiku-latest";
            default -> "llama3.1";
        };
        // A self-hosted OpenAI-compatible server on this machine or the local network (vLLM, llama.cpp) usually has no
        // auth.
        if (provider.equals("openai") && key == null && !isLocal(baseUrl) && !isPrivateNetwork(baseUrl)) {
            throw new IllegalArgumentException(TEXT.get("provider.openai.no.key", baseUrl));
        }
        if (provider.equals("anthropic") && key == null) {
            throw new IllegalArgumentException(TEXT.get("provider.anthropic.no.key"));
        }
        return Optional.of(new ProviderConfig(provider, baseUrl, model, key == null ? "not-needed" : key));
    }

    /** What the user stated, each setting from the first of: the flag, the environment, the config file. */
    private record Stated(String provider, String baseUrl, String model, String keyEnv) {}

    /** The config file is read only when neither a flag nor the environment names the provider. */
    private static Stated stated(String flagProvider, String flagBaseUrl, String flagModel, Map<String, String> env,
                                 Path configDir) {
        String provider = flagProvider, baseUrl = flagBaseUrl, model = flagModel, keyEnv = null;
        if (provider == null) provider = env.get("OOMDOC_PROVIDER");
        if (baseUrl == null) baseUrl = env.get("OOMDOC_BASE_URL");
        if (model == null) model = env.get("OOMDOC_MODEL");
        Path file = configDir.resolve("config.json");
        if (provider == null && Files.isRegularFile(file)) {
            try {
                JsonNode c = new ObjectMapper().readTree(file.toFile());
                provider = text(c, "provider");
                if (baseUrl == null) baseUrl = text(c, "base_url");
                if (model == null) model = text(c, "model");
                keyEnv = text(c, "api_key_env");
            } catch (IOException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage().lines().findFirst().orElse("");
                throw new IllegalArgumentException(TEXT.get("provider.unreadable", file, why));
            }
        }
        return new Stated(provider, baseUrl, model, keyEnv);
    }

    private static String text(JsonNode c, String f) {
        return c.hasNonNull(f) ? c.get(f).asText() : null;
    }

    /** True for loopback servers (a local Ollama, vLLM, llama.cpp or LM Studio): nothing leaves the machine. */
    public static boolean isLocal(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
                    || host.equals("::1"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A host on a private network (RFC 1918 addresses, .local or .lan names, a bare host name). */
    static boolean isPrivateNetwork(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host == null) return false;
            return host.matches("10\\..*|192\\.168\\..*|172\\.(1[6-9]|2\\d|3[01])\\..*") || host.endsWith(".local")
                    || host.endsWith(".lan") || host.endsWith(".internal") || !host.contains(".");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean remote() { return !isLocal(baseUrl); }

    public String describe() { return TEXT.get(remote() ? "provider.remote" : "provider.local", provider, model,
            baseUrl); }
}
