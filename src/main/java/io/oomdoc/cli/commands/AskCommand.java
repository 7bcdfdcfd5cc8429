package io.oomdoc.cli.commands;

import io.oomdoc.cli.CliText;
import io.oomdoc.cli.Output;
import io.oomdoc.cli.AppContext;
import io.oomdoc.cli.UserError;
import io.oomdoc.protocol.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ask", mixinStandardHelpOptions = true)
public final class AskCommand implements Callable<Integer> {
    private final AppContext ctx;

    @Parameters(descriptionKey = "ask.text", arity = "1..*", paramLabel = "TEXT")
    List<String> words;

    @Option(names = "--repo", paramLabel = "DIR") String repo;
    @Option(names = "--json") boolean json;
    @Option(names = "--provider", completionCandidates = Choices.Provider.class) String provider;
    @Option(names = "--base-url", paramLabel = "URL") String baseUrl;
    @Option(names = "--model", paramLabel = "NAME") String model;

    public AskCommand(AppContext ctx) { this.ctx = ctx; }

    @Override
    public Integer call() {
        // "-" alone reads the question or the pasted failure from standard input, as `diagnose -` does
        String text = words.equals(List.of("-")) ? io.oomdoc.cli.LogInput.read("-", ctx).text().strip()
                : String.join(" ", words).strip();
        if (text.isEmpty()) throw new UserError(CliText.get("ask.empty"), 2);
        if (repo != null) ctx.session.setCode(io.oomdoc.cli.EvidenceFiles.scan(ctx, repo, false));
        var agent = io.oomdoc.cli.LlmMode.agent(ctx, provider, baseUrl, model);
        if (agent.isPresent()) {
            if (json) { // the JSON document stays the only thing on stdout: notices go to stderr
                AppContext quiet = new AppContext(ctx.err, ctx.err, ctx.in, ctx.env, ctx.workDir, ctx.style,
                        ctx.session, false);
                Report r = io.oomdoc.cli.LlmMode.turn(quiet, agent.get(), text, false);
                Output.json(ctx, r);
            } else {
                io.oomdoc.cli.LlmMode.turn(ctx, agent.get(), text, false);
            }
            ctx.out.flush();
            return 0;
        }
        var a = ctx.session.conversation().respond(text);
        if (a.report() != null) ctx.session.setLastReport(a.report());
        if (json) {
            Output.json(ctx, a.report() != null ? a.report()
                    : new Answer(a.intent().json(), a.text(), a.facts().asMap()));
        } else {
            io.oomdoc.cli.Repl.show(ctx, a);
        }
        ctx.out.flush();
        return 0;
    }

    /**
     * A turn that is not a diagnosis, as --json prints it: how the turn was read, the answer and the session's facts.
     * A record and not a map, so the keys keep this order from one run to the next.
     */
    public record Answer(String intent, String answer, java.util.Map<String, Object> facts) {}
}
