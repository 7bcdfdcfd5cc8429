package io.oomdoc.corpus;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The eleventh blind split (src/test/resources/corpus_heldout11): the form every blind split keeps, and the brief's
 * rule that it holds only reports from outside plain PyTorch training (serving, inference, other stacks, kills).
 */
class HeldOutElevenTest extends BlindCorpusSplitChecks {
    HeldOutElevenTest() {
        // written in parallel with corpus_heldout10, which takes plain PyTorch training; neither is tuned on
        super(Corpus.HELDOUT11, Corpus.heldout11(), 30, Path.of("src/test/resources/conversations_heldout11"));
    }

    @Test
    void noCaseIsPlainPyTorchTraining() {
        List<String> plain = cases.stream().filter(c -> c.framework().equals("pytorch")).map(Case::id).toList();
        assertEquals(List.of(), plain);
    }
}
