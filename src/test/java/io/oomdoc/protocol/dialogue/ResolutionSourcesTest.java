package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resolution a what-if changes from, where a setup states it other than as "WxH": an image tensor's shape in a
 * trace, a command's width and height flags. Turns quoted from the burned held-out sets 4 and 5 (scored blind once,
 * development data since).
 */
class ResolutionSourcesTest {
    private static String ratio(String turn, String earlier) {
        return Resolutions.of(new Calculations.Ask(turn, turn + "\n" + earlier, Facts.EMPTY));
    }

    /**
     * F18 (github.com/prs-eth/thera/issues/10) turn 3: XLA's buffer "Shape: f32[1,64,1080,1920]" is a 1920x1080
     * image.
     */
    @Test
    void anImageTensorsShapeEndsInItsHeightAndWidth() {
        String s = ratio("what if the source is 960x540 instead", "Shape: f32[1,64,1080,1920]");
        assertTrue(s.contains("1920×1080 → 960×540") && s.contains("×0.25"), s);
    }

    /**
     * M48 (github.com/leejet/stable-diffusion.cpp/issues/1154) turn 3: "sd-cli.exe ... -W 1024 -H 1024" is a
     * 1024x1024 image.
     */
    @Test
    void widthAndHeightFlagsAreTheSize() {
        String s = ratio("what if I generate 1024x768 instead",
                "sd-cli.exe -m sd_xl_diffusion_base_x1.safetensors -W 1024 -H 1024 -p \"a lovely cat\" --steps 7");
        assertTrue(s.contains("1024×1024 → 1024×768"), s);
    }
}
