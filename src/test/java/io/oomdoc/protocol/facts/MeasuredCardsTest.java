package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A card, a card's size or a count of cards that someone else measured, used or requires (the authors, a paper, a
 * README, "someone", "they") is not the user's; the user's own card in the same turn wins. The turns are real users'
 * own, from the burned conversation sets (src/test/resources/conversations_heldout11, 14, 17, 18 and 19; the thread of
 * each is named on its test).
 */
class MeasuredCardsTest {
    private static final long GIB = Bytes.GIB;

    /** Both sides of the reading: what the user states and what they only wonder about. */
    private static Stream<Facts> sides(String turn) {
        FactExtractor.Reading r = FactReader.read(turn);
        return Stream.of(r.asserted(), r.hypothetical());
    }

    // conversations_heldout18/P36-gaussiandreamer-v100-13gb-16gb.txt #2 (hustvl/GaussianDreamer#13)
    @Test
    void theAuthorsMeasurementCardIsNotTheUsersCard() {
        String turn = "the authors measured 13G at 512x512 and 16G at 1024x1024 on a V100 32G. will 1024 fit on my "
                + "16 GB card?";
        assertEquals(16 * GIB, FactReader.read(turn).asserted().gpuMemBytes());
        assertFalse(sides(turn).anyMatch(f -> "V100".equals(f.gpuName()) || Long.valueOf(32 * GIB)
                .equals(f.gpuMemBytes())), "the V100 32G is the authors' card");
    }

    // conversations_heldout18/P10-preim3d-2080ti-5gb.txt #1 (mybabyyh/Preim3D#3)
    @Test
    void theCardTheAuthorSaysANeedWasFoundOnGivesWayToTheCardAsked() {
        String turn = "the author says inference on a single 3090 needs at least 5.1GB of memory. is a single 2080ti "
                + "with 11 GB enough?";
        assertEquals("GeForce RTX 2080 Ti", FactReader.read(turn).hypothetical().gpuName());
        assertFalse(sides(turn).anyMatch(f -> String.valueOf(f.gpuName()).contains("3090")));
    }

    // conversations_heldout11/L05-kontext-lora-trainer-128gb-ram-crash-3090.txt #3 (Owen718/Kontext-Lora-Trainer#1)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void theCardSomeoneElseTrainedOnIsNotTheUsersCard() {
        String turn = "someone trained at rank 256 and batch 1 within 45 GB on one A6000. I only have a 3090 with 24G. "
                + "can I train at all?";
        assertEquals("GeForce RTX 3090", FactReader.read(turn).asserted().gpuName());
    }

    // conversations_heldout14/P42-avatarforcing-peak-vram-512-50-frames.txt #2 (TaekyungKi/AvatarForcing#2)
    @Test
    void aRangeTheAuthorAnsweredIsNotTheUsersCard() {
        String turn = "the author answered that 16-24 GB is sufficient. mine is a 16 GB RTX 4060 Ti";
        assertEquals(16 * GIB, FactReader.read(turn).asserted().gpuMemBytes());
    }

    // conversations_heldout17/P29-tinyclip-global-batch-8-a100.txt #1 (microsoft/Cream#214)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void theCountOfCardsAModelWasTrainedOnIsNotTheUsersCount() {
        String turn = "TinyCLIP was trained with a global batch of 1024 per GPU on 32 GPUs. I have 8 A100 80GB. what "
                + "per-GPU batch would I need to match that global batch?";
        assertFalse(sides(turn).anyMatch(f -> Integer.valueOf(32).equals(f.worldSize())));
    }

    // conversations_heldout19/P10-md4-eight-a100-batch-128-fp32.txt #1 (google-deepmind/md4#3)
    @Test
    void aReadmesCardsAreOnlyWonderedAboutWhenTheUserNamesNoneOfTheirOwn() {
        String turn = "The MD4 readme says that for training MD4-S at sequence length 1024, eight A100 GPUs support a "
                + "maximum batch size of 128. Was that on 40GB or 80GB A100s? I want to check my own dataloader gets "
                + "the same numbers.";
        FactExtractor.Reading r = FactReader.read(turn);
        assertNull(r.asserted().worldSize());
        assertEquals(8, r.hypothetical().worldSize());
    }

    // conversations_heldout18/P06-videomv-two-3090s-40gb.txt #1 (alibaba/VideoMV#2)
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aSizeTheAuthorsSayIsNeededIsNotTheUsersCard() {
        String turn = "the VideoMV authors say 40GB of VRAM is needed for inference. I only have two RTX 3090 GPUs. "
                + "can I run it?";
        assertFalse(sides(turn).anyMatch(f -> Long.valueOf(40 * GIB).equals(f.gpuMemBytes())));
        assertEquals(24 * GIB, FactReader.read(turn).asserted().gpuMemBytes());
    }

    // conversations_heldout19/P05-dagr-inference-batch-1-8gb.txt #1 (uzh-rpg/dagr#15)
    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void thePapersCardAndBatchGiveWayToTheUsersOwn() {
        String turn = "Reproducing DAGR: the paper used an 8GB Quadro RTX 4000 laptop GPU, batch 8 for inference and 32"
                + " for training on\nDSEC-Det. When I run the code the memory for inference with bs=1 is about 13-20GB"
                + " on my RTX 4090. Did I set a\nparameter wrong?";
        Facts f = FactReader.read(turn).asserted();
        assertEquals(1, f.batch());
        assertEquals("GeForce RTX 4090", f.gpuName());
    }
}
