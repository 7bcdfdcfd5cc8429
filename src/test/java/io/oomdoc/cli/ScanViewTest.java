package io.oomdoc.cli;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.Rules;
import io.oomdoc.evidence.code.ScanResult;
import io.oomdoc.evidence.code.TrainingSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The scan's text view fits the terminal. */
class ScanViewTest {
    /**
     * The setup `oomdoc scan` read from karpathy/nanoGPT@3adf61e (trial 21, row 21): on one line it was 150+
     * columns.
     */
    private static final TrainingSetup NANOGPT = new TrainingSetup(12, 1024, "bf16", "adamw", null, 40, null, null,
            "batch 12 from config/train_gpt2.py; seq 1024 from config/train_gpt2.py;"
                    + " grad accumulation 40 from config/train_gpt2.py");

    @Test
    void theSetupReadFromTheCodeIsOneSettingALineWithinTheWidth() {
        String v = ScanView.text(new ScanResult(17, List.of(), List.of(), NANOGPT), Style.plain(), 80);
        assertTrue(v.contains("setup read from the code:\n  batch 12 from config/train_gpt2.py\n"), v);
        assertTrue(v.contains("\n  grad accumulation 40 from config/train_gpt2.py\n  precision bf16\n"), v);
        assertTrue(v.lines().allMatch(l -> l.length() <= 80), v);
    }

    /** The scanner's own fixture (scan_patterns/README.md): its message and its fix ran past 80 columns. */
    @Test
    void aFindingsMessageAndFixFitAnEightyColumnTerminal() throws Exception {
        ScanResult r = new PythonScanner(Rules.ALL)
                .scan(Fixtures.path("scan_patterns/meter_on_the_object__bug"));
        assertFalse(r.findings().isEmpty());
        String v = ScanView.text(r, Style.plain(), 80);
        assertTrue(v.lines().allMatch(l -> l.length() <= 80), v);
        assertTrue(v.contains(".item()"), v);
    }
}
