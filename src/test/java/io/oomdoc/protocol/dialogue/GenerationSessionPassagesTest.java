package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a session about a generation front end (JettHu/ComfyUI_TGate#10: SDXL with AnimateDiff on a 16 GB T4,
 * traces/SOURCES.md) the passages quoted are chosen by the regime as well as by words: trial22 quoted a FLUX
 * LoRA-training passage for the setup line, and a SAM2 video-predictor snippet for AnimateDiff's context options.
 */
class GenerationSessionPassagesTest {
    private static final Path PASTE = Path.of("src/test/resources/traces/comfyui-tgate-10-samplercustom-t4.txt");
    private static String setupAnswer;
    private static String howToAnswer;

    @BeforeAll
    static void play() throws IOException {
        Conversation c = new Conversation();
        c.respond(Files.readString(PASTE));
        setupAnswer = c.respond("it's SDXL with AnimateDiff and T-GATE, 16 frames at 1024x1024 on a 16 GB T4").text();
        howToAnswer = c.respond("how do I reduce frames per batch with AnimateDiff context options?").text();
    }

    /** Each quoted passage ends with "[M10: its title]": no title may name training only. */
    @Test
    void theSetupLineQuotesNoPassageAboutTraining() {
        var titles = java.util.regex.Pattern.compile("\\[M\\d+: ([^\\]]+)]").matcher(setupAnswer);
        int quoted = 0;
        while (titles.find()) {
            quoted++;
            assertFalse(Regime.named(titles.group(1)).equals(Optional.of(Regime.Kind.TRAIN)), setupAnswer);
        }
        // conv53: a stated setup answers with what it changes (the weights against the card) before any passage
        assertTrue(quoted > 0 || setupAnswer.contains("of the 16 GiB card"), setupAnswer);
    }

    @Test
    void animateDiffContextOptionsGetTheContextLengthNotAnotherVideoModel() {
        assertTrue(howToAnswer.contains("context_length") && !howToAnswer.contains("sam2"), howToAnswer);
    }

    @Test
    void aPassageThatNamesOnlyTrainingIsTraining() {
        assertTrue(Regime.named("fp16, batch 1, gradient checkpointing and 8-bit Adam took 9.92 GB")
                .equals(Optional.of(Regime.Kind.TRAIN)));
        assertTrue(Regime.named("the weights of sdxl").isEmpty());
    }
}
