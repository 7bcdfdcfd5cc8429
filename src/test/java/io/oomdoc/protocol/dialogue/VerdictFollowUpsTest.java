package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follow-ups that ask about what the turn before was about, played on the real turns of conversations_heldout14's
 * readable half (each file records its source thread).
 */
class VerdictFollowUpsTest {
    private static final Path SET = Path.of("src/test/resources/conversations_heldout14");

    /**
     * github.com/ZHO-ZHO-ZHO/ComfyUI-PhotoMaker-ZHO/issues/37: after asking what the sysmem fallback setting does,
     * "so is that a real fix?" is about that setting (it trades the error for a crawl over PCIe), not a request for
     * the report's first fix.
     */
    @Test
    void isThatARealFixJudgesTheSettingOfTheTurnBefore() {
        var v = CaseFiguresTest.turn(SET, "P21-comfyui-photomaker-12gb-sysmem-fallback.txt", 3);
        assertFalse(v.output().startsWith(Messages.get("followup.first")), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }

    /**
     * github.com/yeates/PromptFix/issues/6: "why does resolution matter that much?" asks why, not for a fix;
     * "resolution" holds the letters of "solution".
     */
    @Test
    void aWhyAboutResolutionIsNotARequestForTheFirstFix() {
        var v = CaseFiguresTest.turn(SET, "P05-promptfix-inference-einsum-oom-rtx4060.txt", 4);
        assertFalse(v.output().startsWith(Messages.get("followup.first")), v.output());
        assertTrue(v.holds(), v.problems() + "\n" + v.output());
    }
}
