package io.oomdoc.budget;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.code.SetupExtractor;
import io.oomdoc.evidence.code.TrainingSetup;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Flags of a real training command the budget used to skip (issue 14, item 3), on the command of
 * kohya-ss/sd-scripts#1152 (traces/prose-sd-scripts-1152-sdxl-dreambooth-24gb.txt: sdxl_train.py with
 * --mixed_precision=bf16 --full_bf16 --optimizer_type=Prodigy). Prodigy's states are read from prodigyopt's
 * Prodigy.step (konstmish/prodigy@3efb213, prodigyopt/prodigy.py: s, p0, exp_avg, exp_avg_sq, each the parameter's
 * size and dtype).
 */
class BudgetOptimizerStatesTest {
    private static final String COMMAND = Fixtures.text("traces/prose-sd-scripts-1152-sdxl-dreambooth-24gb.txt");
    private final BudgetEngine engine = new BudgetEngine();

    private static TrainingSetup read() {
        return SetupExtractor.extract(List.<String[]>of(new String[]{"train.sh", COMMAND}));
    }

    @Test
    void fullBf16IsPureBf16TrainingNotMixedPrecision() {
        assertEquals("bf16-true", read().precision(), "--full_bf16 wins over --mixed_precision=bf16");
    }

    @Test
    void prodigyIsReadFromTheCommand() {
        assertEquals("prodigy", read().optimizer());
        assertEquals(Setup.Optimizer.PRODIGY, Setup.parse(Setup.Optimizer.class, read().optimizer()));
    }

    @Test
    void prodigyKeepsFourParameterSizedStatesInTheParametersDtype() {
        ModelSpec m = ModelSpec.ofParams("sdxl-unet", 2_567_463_684L); // SDXL base U-Net's parameter count
        Setup pure = Setup.builder(m).precision(Setup.Precision.BF16).optimizer(Setup.Optimizer.PRODIGY).build();
        assertEquals(4 * 2 * m.params(), engine.estimate(pure, null).perGpuBytes().optimizer(), 1e6);
        Setup mixed = pure.withPrecision(Setup.Precision.MIXED_BF16);
        assertEquals(4 * 4 * m.params(), engine.estimate(mixed, null).perGpuBytes().optimizer(), 1e6);
    }

    @Test
    void lionKeepsOneMomentum() {
        ModelSpec m = ModelSpec.ofParams("sdxl-unet", 2_567_463_684L);
        Setup s = Setup.builder(m).optimizer(Setup.Optimizer.LION).build();
        assertEquals(4 * m.params(), engine.estimate(s, null).perGpuBytes().optimizer(), 1e6);
    }
}
