package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Report defects a new user met on real threads (ux15, bench/results.md). Fixtures (traces/SOURCES.md):
 * llamacpp-20431-weights-144817-mib-on-device-0.txt (ggml-org/llama.cpp#20431),
 * notoom-qwenvl-ft-83-illegal-access-nonzero.txt (2U1/Qwen-VL-Series-Finetune#83),
 * vllm-ruler-14-max-seq-len-1048576-engine-log.txt (NVIDIA/RULER#14), ruler-66-hf-128k-request-62-54-gib.txt
 * (NVIDIA/RULER#66), sglang-393-prefill-out-of-memory-token-pool.txt (sgl-project/sglang#393).
 */
class NewUserReportTest {
    private static final Path RES = Path.of("src/test/resources/traces");

    private static Report diagnose(String name) throws Exception {
        LogText log = LogText.of(Files.readString(RES.resolve(name)));
        return EvidenceGatherer.from(log).gather().diagnose(new Diagnoser());
    }

    private static List<String> evidence(Report r) {
        return r.hypotheses().stream().flatMap(h -> h.evidence().stream()).toList();
    }

    @Test
    void aPhraseSpanningALineBreakIsQuotedOnOneLineAsTheUserWroteIt() throws Exception {
        Report r = diagnose("llamacpp-20431-weights-144817-mib-on-device-0.txt");
        List<String> quotes = evidence(r).stream().filter(s -> s.startsWith("the text says")).toList();
        assertFalse(quotes.isEmpty(), evidence(r).toString());
        assertTrue(quotes.stream().noneMatch(s -> s.contains("\n")), quotes.toString());
        assertTrue(quotes.stream().anyMatch(s -> s.contains("144817.04 MiB on device 0: cudaMalloc failed")),
                quotes.toString());
    }

    @Test
    void aServingEnginesLoadFailureAsksForNoTracebackTrainingStepOrTrainingCode() throws Exception {
        Report r = diagnose("llamacpp-20431-weights-144817-mib-on-device-0.txt");
        List<String> gaps = r.sections().informationGaps();
        for (String key : List.of("gap.traceback", "gap.step", "gap.code", "gap.setup")) {
            assertFalse(gaps.contains(ReportText.TABLE.get(key)), key + " in " + gaps);
        }
        assertTrue(gaps.contains(ReportText.TABLE.get("gap.setup.serving")), gaps.toString());
    }

    @Test
    void aFailureThatIsNotOutOfMemoryAsksForNoneOfAnOutOfMemorysGaps() throws Exception {
        Report r = diagnose("notoom-qwenvl-ft-83-illegal-access-nonzero.txt");
        assertTrue(r.issueType().equals("not_oom"), r.issueType());
        assertTrue(r.sections().informationGaps().isEmpty(), r.sections().informationGaps().toString());
        assertTrue(r.question() == null, r.question());
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aRunnerUpWithNoWeightIsNotShown() throws Exception {
        Report r = diagnose("notoom-qwenvl-ft-83-illegal-access-nonzero.txt");
        assertFalse(r.sections().confidenceAssessment().contains("(0.00)"), r.sections().confidenceAssessment());
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aSevenDigitContextLengthIsReadWhole() throws Exception {
        Report r = diagnose("vllm-ruler-14-max-seq-len-1048576-engine-log.txt");
        assertTrue(evidence(r).stream().anyMatch(s -> s.contains("sequences of 1048576 tokens")),
                evidence(r).toString());
        assertTrue(evidence(r).stream().noneMatch(s -> s.contains("104857 ")), evidence(r).toString());
    }

    @Test
    void theCardSizeTheMessageStatesIsNotRepeatedAsAFactFromTheConversation() throws Exception {
        String summary = diagnose("ruler-66-hf-128k-request-62-54-gib.txt").sections().memoryStateSummary();
        assertTrue(summary.startsWith("GPU 1: 79.26 GiB total"), summary);
        assertFalse(summary.contains("Facts from the conversation"), summary);
    }

    @Test
    void vllmsEngineLogWithoutTheWordVllmIsBudgetedAsServingNotTraining() throws Exception {
        Report r = diagnose("vllm-ruler-14-max-seq-len-1048576-engine-log.txt");
        String summary = r.sections().memoryStateSummary();
        assertTrue(summary.contains("gradients 0 B, optimizer 0 B"), summary);
        assertTrue(r.framework().equals("vllm"), r.framework());
    }

    @Test
    void sglangsTokenPoolMessageNamesSglangAndAsksForTheServingSetup() throws Exception {
        Report r = diagnose("sglang-393-prefill-out-of-memory-token-pool.txt");
        assertTrue(r.framework().equals("sglang"), r.framework());
        assertFalse(r.sections().informationGaps().contains(ReportText.TABLE.get("gap.step")),
                r.sections().informationGaps().toString());
    }
}
