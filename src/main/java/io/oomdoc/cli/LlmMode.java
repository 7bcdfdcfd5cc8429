package io.oomdoc.cli;

import io.oomdoc.llm.CommandRunner;
import io.oomdoc.llm.LlmAgent;
import io.oomdoc.llm.OomdocTools;
import io.oomdoc.llm.ProviderConfig;
import io.oomdoc.protocol.Report;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Wires the LLM agent into the REPL and `ask`: configuration, the first-call notice, fallback to the embedded answer.
 */
public final class LlmMode {
    private LlmMode() {}

    /** Builds an agent when a provider is configured (flags, then environment, then config file); empty otherwise. */
    public static Optional<LlmAgent> agent(AppContext ctx, String provider, String baseUrl, String model) {
        Optional<ProviderConfig> cfg;
        try {
            cfg = ProviderConfig.resolve(provider, baseUrl, model, ctx.env, Paths.configDir(ctx.env));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), 2);
        }
        return cfg.map(c -> new LlmAgent(c, new OomdocTools(ctx.workDir, ctx.session::facts,
                msg -> { ctx.out.println(ctx.style.yellow("(" + msg + ")")); ctx.out.flush(); }, commands(ctx)),
                        Duration.ofSeconds(120)));
    }

    /** The tools' way into the command tree: one tree for the agent's life, on a scratch session (ToolCommands). */
    public static CommandRunner commands(AppContext ctx) { return new ToolCommands(ctx); }

    /**
     * One chat turn through the model. The engine's report for the same text is computed too: its assessment
     * sections are appended to the model's answer, and it is the whole answer when the model fails.
     */
    public static Report turn(AppContext ctx, LlmAgent agent, String input, boolean stream) {
        String notice = agent.firstCallNotice();
        if (notice != null) ctx.out.println(ctx.style.dim(notice));
        io.oomdoc.protocol.dialogue.Answer embedded = ctx.session.conversation().respond(input);
        Consumer<String> tokens = stream ? t -> { ctx.out.print(t); ctx.out.flush(); } : null;
        LlmAgent.Answer a = agent.ask(input, tokens);
        if (!a.toolCalls().isEmpty()) ctx.out.println(ctx.style.dim("\n" + CliText.get("llm.tools.used",
                String.join(", ", a.toolCalls()))));
        if (a.modelText() == null) {
            ctx.out.println(CliText.get("llm.fallback", a.failure()));
            Repl.show(ctx, embedded);
            return embedded.report();
        }
        Report engine = embedded.report() != null ? embedded.report()
                : io.oomdoc.protocol.EvidenceGatherer.from(io.oomdoc.evidence.trace.LogText.of(input)).userText(input)
                        .sessionFacts(ctx.session.facts()).gather().diagnose(new io.oomdoc.protocol.Diagnoser());
        String composed = LlmAgent.compose(a.modelText(), engine);
        if (stream) ctx.out.print("\n\n" + composed.substring(a.modelText().strip().length()).strip() + "\n");
        else ctx.out.print(composed);
        ctx.out.flush();
        return engine.withLlmAnswer(a.modelText());
    }
}
