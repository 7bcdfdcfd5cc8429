package io.oomdoc.protocol.reasoning;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process killed for memory, named by the kernel, a launcher or the user, on real reports of the corpus's
 * development part (sources in src/test/resources/corpus/host.jsonl; a case of the final split is refused).
 */
class KillsTest {
    private static String paste(String id) {
        Case c = Corpus.inDevelopment(id).orElseThrow();
        return c.paste();
    }

    private static boolean named(String text) { return Kills.named(text.toLowerCase(Locale.ROOT)); }

    @Test
    void aBareKilledLineAtTheEndOfTheLogIsAKill() {
        assertTrue(named(paste("wan21-132-killed-after-sampling-progress")));
    }

    @Test
    void aLauncherExitCodeOfMinusNineIsAKill() {
        assertTrue(named(paste("llama-608-colab-torchrun-exitcode-9")));
    }

    @Test
    void theKernelOomKillerLineIsAKill() {
        assertTrue(named(paste("onmt-tutorial-6-colab-dataloader-cgroup-kill")));
    }

    @Test
    void killedInTheMiddleOfASentenceIsOnlyMentioned() {
        String text = paste("gptq-llama-160-wsl-killed-after-load");
        assertFalse(named(text), text);
        assertTrue(Kills.mentioned(text), text);
    }

    @Test
    void aKillSaidInChineseIsMentioned() {
        assertTrue(Kills.mentioned(paste("cpm-bee-92-killed-loading-10b")));
    }

    @Test
    void aCudaOutOfMemoryTraceNamesNoKill() {
        String trace = Fixtures.text("traces/segtoolbox-backward-1x-cached.txt");
        assertFalse(named(trace));
        assertFalse(Kills.mentioned(trace));
    }

    /** The dev conversation 35 (discuss.pytorch.org): the kernel named as the killer in the user's prose. */
    @Test
    void theOsNamedAsTheKillerInProseIsAKill() {
        assertTrue(named("ram usage slowly goes up during training and then the os kills the process"));
        assertFalse(named("the process gets slower over time"));
    }

    /** mozilla/bugbug#3906: a container's "status code 137" is the kernel's kill. */
    @Test
    void aStatusCodeOf137IsAKill() {
        assertTrue(named(paste("bugbug-3906-training-task-exit-137")));
    }

    /**
     * Exit 137 said with the verb's other forms: deepqa#72 and scalellm#38 ("exits with code 137"), whisperx-asr-
     * service#12 ("exiting with code 137"), cosmos#39 ("exit with code 137"); each a burned split's description.
     */
    @Test
    void exitCode137SaidWithAnyFormOfTheVerbIsAKill() {
        for (String id : java.util.List.of("deepqa-72-docker-train-exit-137", "scalellm-38-exit-137-cpu-docker",
                "whisperx-asr-service-12-exit-137-cpu-long-audio", "cosmos-39-docker-137-build-model-phase")) {
            Case c = Corpus.inTrainable(id).orElseThrow();
            assertTrue(named(c.context() + "\n" + c.paste()), id);
        }
        assertTrue(named("my training job on the cluster exits with code 137 after about an hour"));
    }

    @Test
    void outOfRamWithTheCardsSizeNextToItsNameIsTheCardsMemory() {
        // kohya-ss/sd-scripts#1152 (traces/SOURCES.md): "runs out of RAM ... 24GB (7900 XTX) should be enough"
        assertFalse(named(Fixtures.text("traces/prose-sd-scripts-1152-sdxl-dreambooth-24gb.txt")));
    }

    @Test
    void outOfRamWithNoCardNamedIsStillAHostKill() {
        // ashkamath/mdetr#6 (corpus_heldout13): the Colab session crashes, "colab out of ram"
        assertTrue(named(RealEvidence.ofId("mdetr-6-colab-ram-repeated-inference").withDescription()));
    }

    @Test
    void aWorkerStoppedBySigtermIsNoKill() {
        assertFalse(named(Fixtures.text("traces/mmseg-2085-worker-sigterm.txt")));
    }
}
