package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.util.MessageTable;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ReportWriter's rules that the section tests' fixtures leave on one side, each on a real report (traces/SOURCES.md):
 * rocm-blogs-mamba-gpt-neo-hip-oom-mi210.txt (ROCm/rocm-blogs, GPT-Neo 2.7B on an MI210: a low-confidence
 * ranking), qwen3coder-rank3-2x.txt (QwenLM/Qwen3-Coder#174: no traceback, rank 3), s1-106-rank7-cross-entropy-h200.txt
 * (simplescaling/s1#106), thc-model-cuda-legacy.txt (pytorch/pytorch#465: a confident model-too-large whose first fix
 * changes the experiment), vllm-15105-two-ranks-sampler-1-74gib.txt (vllm-project/vllm#15105: a server),
 * jax-bufferassignment.txt (jax-ml/jax#13428) and visfly-backward-2x.txt (SJTU-ViSYS-team/VisFly#9).
 */
class ReportWriterRulesTest {
    private static final MessageTable TEXT = ReportText.TABLE;

    private static Report diagnose(String trace) throws Exception {
        LogText log = LogText.of(Files.readString(Path.of("src/test/resources/traces", trace)));
        return EvidenceGatherer.from(log).gather().diagnose(new Diagnoser());
    }

    @Test
    void aLowConfidenceReportAsksTheQuestionOfItsFirstGap() throws Exception {
        Report r = diagnose("rocm-blogs-mamba-gpt-neo-hip-oom-mi210.txt");
        assertTrue(r.hypotheses().get(0).confidence() < 0.6, r.hypotheses().toString());
        assertEquals(TEXT.get("gap.gpu"), r.sections().informationGaps().get(0));
        assertEquals(TEXT.get("question.gpu"), r.question());
    }

    @Test
    void aReportWithoutATracebackAsksForItFirst() throws Exception {
        Report r = diagnose("qwen3coder-rank3-2x.txt");
        assertEquals(TEXT.get("question.traceback"), r.question());
    }

    @Test
    void aConfidentReportAsksNothing() throws Exception {
        assertNull(diagnose("thc-model-cuda-legacy.txt").question());
    }

    @Test
    void hipsMessageIsReadAsPyTorchsOwnAllocatorOnRocm() throws Exception {
        assertTrue(diagnose("rocm-blogs-mamba-gpt-neo-hip-oom-mi210.txt").sections().memoryStateSummary()
                .contains(TEXT.get("summary.rocm")));
        assertFalse(diagnose("visfly-backward-2x.txt").sections().memoryStateSummary()
                .contains(TEXT.get("summary.rocm")));
    }

    @Test
    void theSummaryNamesTheFailedRankAndTheFirstToFail() throws Exception {
        assertTrue(diagnose("s1-106-rank7-cross-entropy-h200.txt").sections().memoryStateSummary()
                .endsWith("Failed ranks: [7], first rank 7."));
    }

    /** High from 0.75, Medium from 0.5, else Low, at the bands' edges. */
    @Test
    void theLevelBandsStartAtThreeQuartersAndAHalf() {
        assertEquals("confidence.high", ReportWriter.levelKey(0.75));
        assertEquals("confidence.medium", ReportWriter.levelKey(0.7499));
        assertEquals("confidence.medium", ReportWriter.levelKey(0.5));
        assertEquals("confidence.low", ReportWriter.levelKey(0.4999));
    }

    /**
     * The level a real report prints is the one its printed score falls in. The scores move with every refit of the
     * weights (the three reports spanned the three bands at one refit and two at the next), so each line is checked
     * against its own score, and the bands themselves by the test above.
     */
    @Test
    void theConfidenceLevelFollowsTheTopScore() throws Exception {
        for (String f : List.of("visfly-backward-2x.txt", "s1-106-rank7-cross-entropy-h200.txt",
                "rocm-blogs-mamba-gpt-neo-hip-oom-mi210.txt")) {
            String line = diagnose(f).sections().confidenceAssessment();
            var m = java.util.regex.Pattern.compile("^(\\w+) \\((\\d\\.\\d+)\\)").matcher(line);
            assertTrue(m.find(), line);
            double score = Double.parseDouble(m.group(2));
            String expected = score >= 0.75 ? "High" : score >= 0.5 ? "Medium" : "Low";
            assertEquals(expected, m.group(1), line);
        }
    }

    @Test
    void anUncertainDiagnosisSaysSoInTheRisk() throws Exception {
        assertTrue(diagnose("rocm-blogs-mamba-gpt-neo-hip-oom-mi210.txt").sections().riskAssessment()
                .endsWith(TEXT.get("risk.uncertain")));
        assertFalse(diagnose("visfly-backward-2x.txt").sections().riskAssessment()
                .contains(TEXT.get("risk.uncertain")));
    }

    @Test
    void aFirstFixThatChangesTheExperimentMakesTheRiskMedium() throws Exception {
        Report r = diagnose("thc-model-cuda-legacy.txt");
        assertTrue(r.fixes().get(0).changesScience(), r.fixes().get(0).title());
        assertEquals(TEXT.get("risk.science", r.fixes().get(0).title()), r.sections().riskAssessment());
    }

    @Test
    void aServerIsAskedForItsServingSetupAndNotForATrainingLoop() throws Exception {
        Report r = diagnose("vllm-15105-two-ranks-sampler-1-74gib.txt");
        assertEquals("vllm", r.framework());
        assertEquals(List.of(TEXT.get("gap.gpu"), TEXT.get("gap.setup.serving")), r.sections().informationGaps());
    }

    @Test
    void gradientAccumulationIsACaveatOfTrainingOnly() throws Exception {
        assertTrue(diagnose("visfly-backward-2x.txt").sections().caveats().contains(TEXT.get("caveat.accumulation")));
        Report served = diagnose("vllm-15105-two-ranks-sampler-1-74gib.txt");
        assertEquals("activations_batch", served.category());
        assertFalse(served.sections().caveats().contains(TEXT.get("caveat.accumulation")));
    }

    @Test
    void aJaxTraceIsReportedUnderJax() throws Exception {
        assertEquals("jax", diagnose("jax-bufferassignment.txt").framework());
    }

    @Test
    void aParagraphEndingOnAColonKeepsItsCompleteSentences() {
        assertEquals("Training holds far more than the weights.",
                ReportWriter.whole("Training holds far more than the weights. Every parameter costs roughly:"));
        assertEquals("Every parameter costs roughly:", ReportWriter.whole("Every parameter costs roughly:"));
        String two = "Training holds far more than the weights. Activations grow with the batch.";
        assertEquals(two, ReportWriter.whole(two), "a paragraph that ends on a stop is kept whole");
    }
}
