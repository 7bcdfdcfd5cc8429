package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arithmetic the user asks to have done on their own numbers: the accumulation steps that reach a target batch, and a
 * product written as code writes it. Each turn's own words are computed (burned set 28, readable half); replaying the
 * conversation would cost seconds for the same behaviour.
 */
class WrittenArithmeticTest {
    private static final Path SET28 = Path.of("src/test/resources/conversations_heldout28");

    /** github.com/czczup/ViT-Adapter/issues/165 (#2): samples_per_gpu=2, the cumulative_iters that give 16. */
    @Test
    void accumulationStepsAreTheTargetOverTheMicroBatch() {
        String line = BatchArithmetic.of(ask("P35-vit-adapter-4090-accumulation.txt", 2));
        assertTrue(line != null && line.contains("16 / 2 = 8."), String.valueOf(line));
    }

    /** github.com/wei-tim/YOWO/issues/71 (#2): batch 10 towards 128 is no whole number of steps. */
    @Test
    void aTargetThatDoesNotDivideGetsTheTwoStepCountsAroundIt() {
        String line = BatchArithmetic.of(ask("P33-yowo-3060-accumulation-128.txt", 2));
        assertTrue(line != null && line.contains("128 / 10 = 12.8") && line.contains("13 give 130"),
                String.valueOf(line));
    }

    /** github.com/YudongGuo/AD-NeRF/issues/50 (#2): "chunk=1024*32 is how many rays". */
    @Test
    void aWrittenProductAskedAsACountIsWorkedOut() {
        String line = KnowledgeAnswers.count(text("P26-ad-nerf-2070-head-nerf.txt", 2));
        assertTrue(line != null && line.startsWith("1024 × 32 = 32,768."), String.valueOf(line));
    }

    /**
     * github.com/jingsenzhu/IndoorInverseRendering/issues/6 (#2): "check the arithmetic: 32*64*640*480" is one product
     * of four factors, not two image sizes.
     */
    @Test
    void aChainOfFactorsIsOneProductNotTwoImageSizes() {
        // the line the "product" family gives (one per family), without paying for the other families' catalogs
        var ask = ask("P27-indoor-inverse-rendering-s-n-h-w.txt", 2);
        String line = Calculations.ALL.stream().filter(r -> r.family().equals("product"))
                .map(r -> r.compute().apply(ask)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        assertTrue(line != null && line.startsWith("32 × 64 × 640 × 480 = 629,145,600.")
                && !line.contains("pixels"), String.valueOf(line));
    }

    private static String text(String file, int index) {
        return Transcripts.read(SET28.resolve(file)).turns().get(index - 1).input();
    }

    private static Calculations.Ask ask(String file, int index) {
        String text = text(file, index);
        return new Calculations.Ask(text, text, Facts.EMPTY);
    }
}
