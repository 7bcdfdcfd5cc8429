package io.oomdoc.protocol.reasoning;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reporter's own words about the allocator's fragmentation are read wherever they stand, in a pasted issue as in
 * a description; the advice every PyTorch message prints ("try setting max_split_size_mb to avoid fragmentation") is
 * not the reporter's. Real pastes of the corpus, with their threads.
 */
class FragmentationWordsTest {
    private static final String RULE = "rule:fragmentation words";

    @Test
    void aPastedIssueThatNamesFragmentationFiresTheRowWithoutADescription() {
        // PicoCreator/RWKV-LM-LoRA#32 (corpus/allocator.jsonl), the paste alone: "a single GPU facing high memory
        // fragmentation. Causing OOM issues despite clearly having sufficient space."
        var paste = RealEvidence.ofPasteAlone("rwkv-lora-32-native-allocator-fragmentation");
        assertTrue(RealEvidence.features(paste).values().containsKey(RULE));
    }

    @Test
    void theAllocatorsOwnAdviceIsNotTheReportersWords() {
        // Edresson/Wav2Vec-Wrapper#4 (corpus_heldout16), the paste alone: its message ends "If reserved memory is >>
        // allocated memory try setting max_split_size_mb to avoid fragmentation", and the reporter never says it
        var paste = RealEvidence.gather(io.oomdoc.evidence.trace.LogText.of(
                RealEvidence.ofId("wav2vec-wrapper-4-4gb-train-only").paste()), null);
        assertFalse(RealEvidence.features(paste).values().containsKey(RULE));
    }
}
