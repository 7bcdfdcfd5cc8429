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
 * A serving engine or an inference application is offered its own knobs, never a training rung (ux15 rows 13, 17,
 * 19 in bench/results.md). Fixtures (traces/SOURCES.md): comfyui-iclight-4-vaedecode-12gib.txt
 * (huchenlei/ComfyUI-IC-Light-Native#4), comfyui-2431-vaedecode-tiled-2gib-device-limit.txt (Comfy-Org/ComfyUI#2431),
 * sglang-393-prefill-out-of-memory-token-pool.txt (sgl-project/sglang#393),
 * ollama-8825-two-4060ti-8gb-ram-fit-log.txt (ollama/ollama#8825); and a job alone on its card is told of no
 * other holder to stop (ux15 row 11): ruler-66-hf-128k-request-62-54-gib.txt (NVIDIA/RULER#66); a Lightning job
 * is not given Hugging Face Trainer flags (ux15 row 23: the user's turn, Lightning-AI/pytorch-lightning#14270); a
 * CTranslate2 failure its compute type and model size (SYSTRAN/faster-whisper#809, corpus_heldout5).
 */
class StackOwnFixesTest {
    private static final Path RES = Path.of("src/test/resources/traces");

    private static List<Report.Fix> fixes(String name) throws Exception {
        LogText log = LogText.of(Files.readString(RES.resolve(name)));
        return EvidenceGatherer.from(log).gather().diagnose(new Diagnoser()).fixes();
    }

    private static String code(List<Report.Fix> fixes) {
        return String.join("\n", fixes.stream().map(f -> f.title() + "\n" + f.before() + "\n" + f.after()).toList());
    }

    /** The marks of a training rung: a training loop, Trainer flags, checkpointing a training model. */
    private static boolean training(String code) {
        return code.contains("optimizer") || code.contains("TrainingArguments") || code.contains("loss")
                || code.contains("gradient_checkpointing");
    }

    @Test
    void comfyuisVaeDecodeIsOfferedComfyuisOwnFlagsAndNodes() throws Exception {
        for (String fixture : List.of("comfyui-iclight-4-vaedecode-12gib.txt",
                "comfyui-2431-vaedecode-tiled-2gib-device-limit.txt")) {
            String code = code(fixes(fixture));
            assertFalse(training(code), fixture + ": " + code);
            assertTrue(code.contains("--lowvram") && code.contains("VAEDecodeTiled"), fixture + ": " + code);
        }
    }

    @Test
    void cTranslate2sOwnOutOfMemoryIsOfferedItsComputeTypeAndModelSize() throws Exception {
        // SYSTRAN/faster-whisper#809 (corpus_heldout5): Whisper large on a 4 GB GTX 1650, the one line quoted is
        // CTranslate2's "CUDA failed with error out of memory"; before diag41 it was handed the training ladder
        String paste = io.oomdoc.corpus.Corpus.heldout5().stream()
                .filter(c -> c.id().equals("faster-whisper-809-large-gtx1650-docker")).findFirst().orElseThrow()
                .paste();
        String code = code(EvidenceGatherer.from(LogText.of(paste)).gather().diagnose(new Diagnoser()).fixes());
        assertFalse(training(code) || code.contains("DataLoader"), code);
        assertTrue(code.contains("compute_type='int8_float16'") && code.contains("WhisperModel('medium'"), code);
    }

    @Test
    void sglangsTokenPoolFailureIsOfferedSglangsLaunchFlags() throws Exception {
        String code = code(fixes("sglang-393-prefill-out-of-memory-token-pool.txt"));
        assertFalse(training(code), code);
        assertFalse(code.contains("vllm serve") || code.contains("--max-num-seqs"), code);
        assertTrue(code.contains("--max-running-requests") && code.contains("--chunked-prefill-size")
                && code.contains("--mem-fraction-static"), code);
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void ollamasHostRamFailureIsOfferedOllamasSlotsAndContextNotDataLoaderWorkers() throws Exception {
        List<Report.Fix> fixes = fixes("ollama-8825-two-4060ti-8gb-ram-fit-log.txt");
        String code = code(fixes);
        assertFalse(code.contains("DataLoader") || code.contains("num_workers"), code);
        assertTrue(fixes.get(0).after().contains("OLLAMA_NUM_PARALLEL"), code);
    }

    // replay: never the first killer of a mutant under PIT, left to surefire (bench/results.md "build19")
    @Test
    @Tag("replay")
    void aJobAloneOnItsCardIsNotToldToStopAnotherHolder() throws Exception {
        String code = code(fixes("ruler-66-hf-128k-request-62-54-gib.txt"));
        assertFalse(code.contains("other holder") || code.contains("set_per_process_memory_fraction")
                || code.contains("set_device(local_rank)"), code);
    }

    @Test
    void aLightningJobIsNotGivenHuggingFaceTrainerFlags() {
        String turn = "PyTorch Lightning: memory usage and training time increase a lot after epoch 0, with a heap at"
                + " every switch from training to validation and back; I set reload_dataloaders_every_n_epochs=1."
                + " With 50 sampled images it is normal, with the whole dataset it grows.";
        String code = code(EvidenceGatherer.from(LogText.of(turn)).gather().diagnose(new Diagnoser()).fixes());
        assertFalse(code.contains("TrainingArguments"), code);
    }
}
