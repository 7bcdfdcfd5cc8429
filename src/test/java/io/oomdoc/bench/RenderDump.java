package io.oomdoc.bench;

import io.oomdoc.cli.ReportView;
import io.oomdoc.cli.Style;
import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.llm.LlmAgent;
import io.oomdoc.protocol.Diagnoser;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;

import java.util.List;

/**
 * Prints every view of the report (terminal in colour and plain, /save's markdown, the LLM answer's appended
 * sections) for each case of the trainable pool, so a change to how reports are rendered can be diffed byte for
 * byte before and after. Run: bench/run.sh RenderDump [LIMIT] &gt; out.txt
 */
public final class RenderDump {
    private RenderDump() {}

    public static void main(String[] args) {
        List<Case> cases = Corpus.trainable();
        int limit = args.length > 0 ? Integer.parseInt(args[0]) : cases.size();
        Diagnoser d = new Diagnoser();
        for (Case c : cases.subList(0, Math.min(limit, cases.size()))) {
            Report r = d.diagnose(LogText.of(c.withDescription()), null, Facts.EMPTY, null, null);
            System.out.println("==== " + c.id());
            System.out.print(ReportView.text(r, Style.plain()));
            System.out.print(ReportView.text(r, new Style(true), 72, "A lead from the conversation."));
            System.out.print(ReportView.markdown(r));
            System.out.print(LlmAgent.compose("  The model's answer.  ", r));
        }
    }
}
