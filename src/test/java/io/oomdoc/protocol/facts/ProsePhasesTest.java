package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Phases told in prose (lexicon/facts.tsv): building the model object is loading it, and memory that runs out once a
 * count of inputs grows is growth, ahead of the inference it happens during. The turns are real users' own, from the
 * burned conversation sets 26 and 27 (fixture, turn and thread named on each test).
 */
class ProsePhasesTest {
    private static String phase(String turn) { return FactReader.read(turn).asserted().phaseHint(); }

    // conversations_heldout27/P18-time-moe-instantiate-a100-40g.txt #1 (Time-MoE/Time-MoE#15)
    @Test
    void instantiatingTheModelIsLoading() {
        assertEquals("load", phase("I encountered some out - of - memory issues when instantiating "
                + "TimeMoeForPrediction. I instantiated the model on an A100 graphics card with 40G of video memory."));
    }

    // conversations_heldout27/P03-unitalker-predictions-kept-on-gpu.txt #1 (X-niper/UniTalker#7)
    @Test
    void runningOutOnceTheNumberOfInputsIncreasesIsGrowth() {
        assertEquals("growth", phase("Running the UniTalker demo.py over a folder of wav files. The first files go "
                + "through, then it runs into CUDA out of memory once the number of inference audio increases."));
    }

    // conversations_heldout26/P19-t5-pegasus-fp16-validation-growth.txt #1 (renmada/t5-pegasus-pytorch#59)
    @Test
    void lightningPrecisionSixteenIsMixedFp16() {
        assertEquals("mixed-fp16", FactReader.read("T5_copy训练参数precision=16，batch=16").asserted().precision());
    }
}
