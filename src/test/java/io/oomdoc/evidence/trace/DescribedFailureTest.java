package io.oomdoc.evidence.trace;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Text that describes an out-of-memory failure in words but quotes no allocator message: the reporters' own
 * descriptions in cases/dev_oom_cases.jsonl (each case names its public thread in "source").
 */
class DescribedFailureTest {
    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    private static String context(String id) {
        JsonNode c = Fixtures.devCases().stream().filter(n -> n.path("id").asText().equals(id)).findFirst()
                .orElseThrow();
        return c.path("context").asText();
    }

    @Test
    void aFailureNamedInWordsIsOneFindingWithoutFigures() {
        String said = context("peft-llama2-7b-a100-grad-ckpt");
        TraceAnalysis a = analyzer.analyze(LogText.of(said));
        assertEquals(1, a.findings().size());
        TraceFinding f = a.findings().get(0);
        assertEquals("mention", f.parser());
        assertEquals(FailureKind.VRAM_OOM, f.kind());
        assertEquals(said.strip(), f.message());
        assertTrue(f.numbers().isEmpty());
        assertEquals(List.of("the text describes running out of memory but quotes no allocator message"), f.notes());
    }

    @Test
    void theMentionIsPlacedOnTheLineThatSaysIt() {
        // a line of the Cylinder3D paste's progress bar before the words
        String text = "  0%|          | 1/9565 [00:19<50:33:46, 19.03s/it]\n\n" + context("peft-llama2-7b-a100-grad-ckpt");
        TraceFinding f = analyzer.analyze(LogText.of(text)).findings().get(0);
        assertEquals(3, f.line());
        assertTrue(f.message().startsWith("Fine-tuning LLaMA-2 7B"), f.message());
    }

    @Test
    void theStepNamedInProseIsTheIteration() {
        // "CUDA OOM after ~3200 iterations"
        assertEquals(3200, analyzer.analyze(LogText.of(context("sdl-skeleton-backward-leak"))).iteration());
    }

    @Test
    void aDescriptionWithoutAFrameworkNamesNone() {
        TraceAnalysis a = analyzer.analyze(LogText.of(context("peft-llama2-7b-a100-grad-ckpt")));
        assertEquals("unknown", a.framework());
    }

    @Test
    void aLongMessageIsClippedTo300Characters() {
        String said = context("crosse-ghost-13gb").strip();
        String longer = said + " " + said; // two of the reporter's sentences on one line, 329 characters
        assertTrue(longer.length() > 300);
        TraceFinding f = analyzer.analyze(LogText.of(longer)).findings().get(0);
        assertEquals(longer.substring(0, 300) + " …", f.message());
        assertEquals(said, analyzer.analyze(LogText.of(said)).findings().get(0).message(), "164 characters stay whole");
    }

    @Test
    void theCardsMemoryToldAsUsedUpIsAFailureInWords() {
        // AI-Hypercomputer/torchprime#3 (corpus_heldout7, scored before this rule), verbatim: no "out of memory"
        String said = "It appears optimizer priming uses up too much HBM. Maybe it forces the optimizer state to be "
                + "replicated instead of sharded.";
        TraceAnalysis a = analyzer.analyze(LogText.of(said));
        assertEquals(1, a.findings().size());
        assertEquals("mention", a.findings().get(0).parser());
        assertEquals(FailureKind.VRAM_OOM, a.findings().get(0).kind());
    }

    @Test
    void aMemoryFigureWithoutExhaustionIsNotAFailure() {
        // mlc-ai/mlc-llm#2026's estimate line alone states a usage, not a failure
        assertTrue(analyzer.analyze(LogText.of("Estimated total single GPU memory usage: 14361.14 MB (Parameters: "
                + "3615.13 MB. KVCache: 10689.56 MB.")).findings().isEmpty());
    }
}
