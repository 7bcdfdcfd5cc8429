package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who tells of the failure decides the first turn's intent: a user who tells their own failure, in any language, opens
 * a new failure; one who asks why someone else's report says it runs out asks for the mechanism (FORMAT.md's
 * explain). The turns are real users' own, from the burned conversation sets 25, 26 and 27 (fixture, turn and thread
 * named on each test).
 */
class ReportedFailureIntentTest {
    // conversations_heldout25/P24-tsp3d-3090-batch7.txt #1 (GWxuan/TSP3D#10): "at batch_size==7 the VRAM blows up"
    @Test
    void anOwnFailureToldInChineseIsANewFailure() {
        assertEquals(Intent.NEW_FAILURE, new Conversation().respond("我的设备是24G的3090，batch_size==7时显存爆炸，"
                + "只有batch_size==4才能正常运行（此时显存使用20G）。这是什么问题？").intent());
    }

    // conversations_heldout26/P19-t5-pegasus-fp16-validation-growth.txt #1 (renmada/t5-pegasus-pytorch#59)
    @Test
    void oomWrittenAgainstChineseWordsIsStillTold() {
        assertEquals(Intent.NEW_FAILURE, new Conversation().respond("T5_copy训练参数precision=16，batch=16，训练时仅占"
                + "18g显存，validation时显存快速增加，最后oom，precision=32时反而不会出现问题？").intent());
    }

    // conversations_heldout26/P05-ogx-l4-vllm-110k-context.txt #1 (ogx-ai/ogx-demos#276)
    @Test
    void aFailureOnlyAReviewerPredictsIsAskedAbout() {
        assertEquals(Intent.EXPLAIN, new Conversation().respond("We want to host llama on an L4 (24GB) with vllm using "
                + "--max-model-len 110000. A reviewer says that is too large for the L4 and will run out of memory. "
                + "Why would context length matter if the model itself fits?").intent());
    }

    // conversations_heldout27/P19-timesfm-200m-18g-vram.txt #1 (google-research/timesfm#25)
    @Test
    void aFailureAnotherUserReportsIsAskedAbout() {
        assertEquals(Intent.EXPLAIN, new Conversation().respond("A user reports this went OOM on a laptop, and on a "
                + "larger server it \"Seems to take around 18G of vram\":\ntfm = timesfm.TimesFm(context_len=128)\n"
                + "Why 18 GB for 200M parameters?").intent());
    }

    // the same reviewer's warning, when the user then says it did fail for them, is their own failure
    @Test
    void anOwnFailureBesideTheReportStaysANewFailure() {
        assertEquals(Intent.NEW_FAILURE, new Conversation().respond("A reviewer says 110000 is too large for the L4. "
                + "I tried it anyway and vllm ran out of memory at startup. Why would context length matter?").intent());
    }
}
