package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.PhaseHints;
import io.oomdoc.protocol.SetupFromFacts;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The regime a turn names is kept as the session's phase hint when the words name no more exact phase. */
class RegimeHintTest {
    private static String hintAfter(String text, Facts held) {
        return Regime.hinted(FactExtractor.read(text), text, held).asserted().phaseHint();
    }

    /** FFB6D thread (conversations_heldout17 P21 #1): a turn about training says the job trains. */
    @Test
    void aTurnAboutTrainingKeepsTrainingAsTheHint() {
        assertEquals(PhaseHints.TRAINING, hintAfter("training FFB6D on my own data on 2x RTX 3090 (24 GB each). my "
                + "images are 1440x1920. I turned the batch size all the way down", Facts.EMPTY));
    }

    /** HuatuoGPT thread (conversations_heldout16 P12 #1): "inference of the 7B" runs the model, and is budgeted so. */
    @Test
    void inferenceWordsKeepInferenceAndBudgetNoTrainingState() {
        Facts f = FactExtractor.read("inference of the 7B HuatuoGPT on a 16 GB laptop 4090 fails").asserted();
        assertEquals(PhaseHints.INFERENCE, f.phaseHint());
        assertEquals(Setup.Mode.INFER, SetupFromFacts.from(f.with(b -> b.params(7_000_000_000L))).orElseThrow().mode());
    }

    /** transformers#17089 (conversations/31 #4): "plain Trainer" does not replace the eval phase held. */
    @Test
    void anAsideAboutTheTrainerKeepsTheEvalPhaseHeld() {
        Facts held = Facts.EMPTY.with(b -> b.phaseHint("eval"));
        assertNull(hintAfter("btw no deepspeed here, plain Trainer on a single gpu", held));
    }
    /**
     * mistral-inference#72 (conversations_heldout18 P28 #3): "what if I load it in 4-bit?" about a Mixtral that is only
     * run is 4-bit weights served, not a QLoRA fine-tune with adapters.
     */
    @Test
    void fourBitWeightsOfAModelThatIsRunAreNoAdapterFineTune() {
        Facts f = FactExtractor.read("unable to load Mixtral-8x7B to a GPU with 24 GB of vRAM, even with quantization. "
                + "what if I load it in 4-bit? (inference)").asserted().with(b -> b.quant("4bit"));
        Setup s = SetupFromFacts.from(f).orElseThrow();
        assertEquals(Setup.Mode.INFER, s.mode());
        assertEquals(0, s.loraRank());
        assertEquals(Setup.Quant.NF4, s.quant());
    }
}
