package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A how-to that asks to observe memory gets the tool that shows it (dialogue/measure-howto.tsv), not the setting its
 * other words name. Turns from readable halves of burned sets 23, 25 and 27; the question alone is routed, so no
 * conversation is replayed.
 */
class MeasureHowToTest {
    private static final Path SET23 = Path.of("src/test/resources/conversations_heldout23");
    private static final Path SET25 = Path.of("src/test/resources/conversations_heldout25");
    private static final Path SET27 = Path.of("src/test/resources/conversations_heldout27");
    private static final String SUMMARY = "memory summary and snapshot";

    /** Every row names a topic of knowledge/dialogue/howto.yaml. */
    @Test
    void everyRowNamesATopicThatExists() {
        for (var r : MeasureHowTo.rows()) assertTrue(MeasureHowTo.topic(r.topic()).isPresent(), r.topic());
    }

    /** github.com/X-niper/UniTalker/pull/7 (#4): "check that memory stays flat" is the allocator's figures. */
    @Test
    void checkingThatMemoryStaysFlatGetsTheAllocatorFigures() {
        assertEquals(SUMMARY, routed(SET27, "P03-unitalker-predictions-kept-on-gpu.txt", 4));
    }

    /** github.com/imgarylai/bert-embedding/issues/15 (#4): whether something is kept between calls is observed. */
    @Test
    void whetherSomethingIsKeptIsObservedNotTuned() {
        assertEquals(SUMMARY, routed(SET25, "P21-bert-embedding-k80-growth.txt", 4));
    }

    /** github.com/NVIDIA/NeMo-Framework-Launcher/pull/301 (#4): "really is sharded" is what each rank holds. */
    @Test
    void checkingShardingIsMeasuredNotConfigured() {
        assertEquals(SUMMARY, routed(SET23, "P40-nemo-launcher-tp-pp-not-passed.txt", 4));
    }

    /** github.com/aiptimizer/TurboOCR/issues/33 (#5): a server's own memory is a process's, from nvidia-smi. */
    @Test
    void aProcesssOwnMemoryIsReadPerProcess() {
        assertEquals("find and kill the process holding the gpu",
                routed(SET27, "P16-turboocr-growth-under-load.txt", 5));
    }

    /** The NeMo turn answered: the setting its words name (ZeRO-3 / FSDP sharding) gives way to the measurement. */
    @Test
    void theAnswerShowsTheMeasurementNotTheSettingNamed() {
        String q = Transcripts.read(SET23.resolve("P40-nemo-launcher-tp-pp-not-passed.txt")).turns().get(3).input();
        String a = KnowledgeAnswers.howTo(q, q, java.util.List.of(), Facts.EMPTY, null);
        assertTrue(a.contains("max_memory_allocated") && !a.contains("stage"), a);
    }

    /** github.com/OedoSoldier/chatglm_webui/issues/3 (set 7, #4): a kernel kill is observed in host RAM. */
    @Test
    void aKernelKillIsTheHostsMemory() {
        assertEquals("check the kernel oom killer", routed(Path.of("src/test/resources/conversations_heldout7"),
                "H33-chatglm-webui-killed-loading-shards-16gb-ram.txt", 4));
    }

    /**
     * github.com/oppo-us-research/NeuRBF/issues/1 (set 28, #5): "how do I print the peak per step" observes memory;
     * it was answered with 8-bit loading, found by the word "print".
     */
    @Test
    void printingThePeakPerStepIsObserving() {
        assertEquals(SUMMARY, routed(Path.of("src/test/resources/conversations_heldout28"),
                "P24-neurbf-3090-batch-size-init.txt", 5));
    }

    /** A how-to that observes nothing about memory is left to the topics its words name. */
    @Test
    void aQuestionThatObservesNoMemoryIsNotRouted() {
        assertTrue(MeasureHowTo.of("how do I check which version of bitsandbytes is installed?").isEmpty());
    }

    private static String routed(Path set, String file, int index) {
        String text = Transcripts.read(set.resolve(file)).turns().get(index - 1).input();
        return MeasureHowTo.of(text).map(Topics.Topic::name).orElse(null);
    }
}
