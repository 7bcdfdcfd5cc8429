package io.oomdoc.protocol;

import io.oomdoc.budget.Budget;
import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import io.oomdoc.util.Resources;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A pasted or said device_map="auto" (transformers' from_pretrained, accelerate's big-model inference) is a layer
 * split: the setup the dialogue and diagnose build holds one copy of the model spread over the cards, not one copy
 * per card (issue 14; the budget side is LayerSplitRecordsTest). Fixture: traces/aria-29-v100-device-map-auto.txt (SOURCES.md).
 */
class DeviceMapFactTest {
    /** rhymes-ai/Aria#29: the reporter's from_pretrained call, Aria with device_map="auto". */
    private static final String ARIA_29 = Resources.text("traces/aria-29-v100-device-map-auto.txt");
    /** Aria's model card: 25.3B parameters in all (3.9B active per token). */
    private static final long ARIA_PARAMS = 25_300_000_000L;
    /** discuss.huggingface.co/t/device-map-auto/49610, first turn as conversations_heldout13 N13 (burned) has it. */
    private static final String FORUM_49610 = "what does device_map=\"auto\" actually do? the docs say big model "
            + "inference only supports inference, not training, but someone says they train with it. I have two 24 GB"
            + " cards and a 13B model.";

    @Test
    void thePastedFromPretrainedCallStatesTheDeviceMap() {
        assertEquals("auto", FactExtractor.extract(ARIA_29).deviceMap());
    }

    @Test
    void aDeviceMapPastedWithEightCardsIsALayerSplitOverThem() {
        // the card count is said in another turn (the paste has none): eight here
        Facts f = FactExtractor.extract(ARIA_29);
        Setup s = SetupFromFacts.from(f.with(b -> b.params(ARIA_PARAMS).worldSize(8))).orElseThrow();
        assertTrue(s.layerSplit());
        assertEquals(1, s.dataParallel(), "one copy of the model over the eight cards");
    }

    @Test
    void eachOfTheEightCardsHoldsAnEighthOfTheWeights() {
        Facts f = FactExtractor.extract(ARIA_29).with(b -> b.params(ARIA_PARAMS).worldSize(8));
        BudgetEngine engine = new BudgetEngine();
        Budget split = engine.estimate(SetupFromFacts.from(f).orElseThrow(), null);
        Budget replicas = engine.estimate(SetupFromFacts.from(f.without("device_map")).orElseThrow(), null);
        assertEquals(replicas.perGpuBytes().weights() / 8.0, split.perGpuBytes().weights(),
                replicas.perGpuBytes().weights() * 0.01);
    }

    @Test
    void aQuestionAboutWhatDeviceMapDoesStatesNoSetup() {
        // the forum thread asks what device_map="auto" does; the user has not said they use it
        assertNull(FactExtractor.extract(FORUM_49610).deviceMap());
    }

    @Test
    void underZeroTheShardingRulesAndTheDeviceMapIsNotASplit() {
        Facts f = FactExtractor.extract(ARIA_29).with(b -> b.params(ARIA_PARAMS).worldSize(8).zeroStage(3));
        assertFalse(SetupFromFacts.from(f).orElseThrow().layerSplit());
    }

    @Test
    void aSingleCardMapIsNoSplit() {
        // device_map={"": 0} and "cuda:0" put the whole model on one card
        assertNull(FactExtractor.extract("model = AutoModelForCausalLM.from_pretrained(name, device_map={\"\": 0})")
                .deviceMap());
        assertNull(FactExtractor.extract("from_pretrained(name, device_map=\"cuda:0\")").deviceMap());
    }
}
