package io.oomdoc.cli;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 14 item 6, as a user meets it: a catalog model and a card, no sequence length. The REPL's /budget and the
 * report's budget line say "unknown" for the activations and never "fits"; ask asks for the length instead.
 */
class UnknownBudgetTermsTest {
    private static final String SETUP = "I fine-tune llama-3.1-8b with LoRA on a 24 GB RTX 3090";
    private static final Pattern ZERO_ACTIVATIONS = Pattern.compile("activations\\s+0 B");

    @TempDir Path tmp;

    private String session(String... lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Repl.runOnStreams(new ByteArrayInputStream((String.join("\n", lines) + "\n")
                .getBytes(StandardCharsets.UTF_8)), out, Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()),
                tmp);
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void slashBudgetShowsActivationsUnknownAndNoFit() throws Exception {
        String out = session(SETUP, "/budget", "/exit");
        assertTrue(out.contains("params 8,030,261,248"), out);
        assertTrue(Pattern.compile("activations\\s+unknown").matcher(out).find(), out);
        assertFalse(ZERO_ACTIVATIONS.matcher(out).find(), out);
        assertTrue(out.contains("fit unknown"), out);
        assertFalse(out.contains("fits, headroom"), out);
    }

    @Test
    void theReportsBudgetLineSaysActivationsUnknown() throws Exception {
        String trace = Fixtures.text("traces/segtoolbox-backward-1x-cached.txt").strip();
        String out = session(SETUP, trace, "/exit");
        assertTrue(out.contains("Budget estimate per GPU"), out);
        assertTrue(out.contains("activations unknown"), out);
        assertFalse(ZERO_ACTIVATIONS.matcher(out).find(), out);
        assertFalse(out.contains("(fits)"), out);
    }

    @Test
    void askWithoutSequenceLengthAsksForItInsteadOfAVerdict() throws Exception {
        String out = session("can I fine-tune llama-3.1-8b with LoRA on a 24 GB card?", "/exit");
        assertTrue(out.contains("What sequence length"), out);
        assertFalse(ZERO_ACTIVATIONS.matcher(out).find(), out);
        assertFalse(out.contains("fits, headroom"), out);
    }
}
