package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cue nograd: the words name torch.no_grad or inference_mode, the fix for a forward pass that kept its graph. */
class NoGradCueTest {
    private static Set<String> features(String text) { return CueFeatures.of(text); }

    private static String paste(String id) { return CueFeatures.paste(id); }

    @Test
    void aFixThatWrapsThePrintoutInNoGradNamesIt() {
        // znxlwm/UGATIT-pytorch, the pull request that fixed issue #23
        Set<String> x = features(paste("ugatit-74-oom-at-1000th-step-print-without-no-grad"));
        assertTrue(x.contains("cue:nograd") || x.contains("log:nograd"), x.toString());
    }

    @Test
    void aReportThatNeverNamesItHasNoSuchCue() {
        // tensorflow/tensor2tensor#581, the reporter's words
        Set<String> x = features("It runs out of memory after thousands of steps.");
        assertFalse(x.stream().anyMatch(k -> k.endsWith("nograd")), x.toString());
    }
}
