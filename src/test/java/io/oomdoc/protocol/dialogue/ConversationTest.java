package io.oomdoc.protocol.dialogue;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The conversation engine, one behaviour per test, on sentences from the real threads of the transcript suite. */
class ConversationTest {
    private final Conversation c = new Conversation();

    @Test
    void aPastedTraceGetsTheFullReport() {
        Answer a = c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        assertEquals(Intent.NEW_FAILURE, a.intent());
        assertNotNull(a.report());
    }

    @Test
    void aFollowUpOnTheFailureHeldIsShortAndNotAReport() {
        c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        Answer a = c.respond("what should i try first?");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertNull(a.report());
        assertTrue(a.text().lines().count() <= 12, a.text());
        assertTrue(a.text().startsWith("First fix:"), a.text());
    }

    @Test
    void aNegationIsNotStoredAsTheOpposite() {
        c.respond("full finetune of llama-2-7b on an A100 80GB, gradient checkpointing is off");
        assertNotEquals("full", String.valueOf(c.facts().asMap().get("checkpointing")));
    }

    @Test
    void aWhatIfComputesTheDeltaAndLeavesTheFactsAlone() {
        c.respond("I fine-tune llama-3.1-8b on a 24 GB RTX 3090, batch 4, seq 2048, bf16");
        var before = c.facts();
        Answer a = c.respond("what if I use QLoRA r=16?");
        assertEquals(Intent.WHAT_IF, a.intent());
        assertTrue(a.text().contains("saves"), a.text());
        assertEquals(before, c.facts());
    }

    @Test
    void theAnswerToOomdocsQuestionIsAcknowledgedWithItsValueOnce() {
        // Lightning-AI/litgpt#553: a 7B LoRA on a 3090 with no length; it comes as a bare answer to the question.
        c.respond("getting OOM finetuning Llama-2-7b-hf with litgpt finetune/lora.py on my rtx 3090 24gb,"
                + " micro_batch_size 1, lora_r 8");
        c.respond("what batch size fits on it?");
        Answer filled = c.respond("2048");
        assertEquals("Thanks, noted: seq 2048.", filled.text().lines().findFirst().orElse(""), filled.text());
    }

    @Test
    void aFitQuestionWithoutTheSequenceLengthAsksForItAndTheAnswerFillsIt() {
        c.respond("I have a 24 GB 3090 and train llama-3.1-8b with QLoRA");
        Answer ask = c.respond("what batch fits?");
        assertEquals("seq", c.pendingKey(), ask.text());
        Answer filled = c.respond("2048");
        assertEquals(Intent.ANSWER, filled.intent());
        assertEquals(2048, c.facts().seqLen());
        assertTrue(filled.text().contains("micro-batch") || filled.text().contains("Not even"), filled.text());
    }

    @Test
    void aCorrectionReplacesTheCardAndSaysSo() {
        c.respond("training on an A100 40GB");
        Answer a = c.respond("actually it's the 80 GB A100");
        assertEquals(Intent.CORRECTION, a.intent());
        assertTrue(c.facts().gpuMemBytes() > 70L * (1L << 30), String.valueOf(c.facts().asMap()));
        assertTrue(a.text().startsWith("Updated"), a.text());
    }

    @Test
    void smallTalkGetsOneLine() {
        for (String s : new String[]{"hello", "thanks, that fixed it"}) {
            Answer a = c.respond(s);
            assertEquals(Intent.SMALL_TALK, a.intent(), s);
            assertEquals(1, a.text().lines().count(), a.text());
        }
    }

    /** "makes sense, really helpful" closes a thread with a failure held (starVLA/starVLA#23's trace), asking nothing. */
    @Test
    void aThankYouAfterAReportIsSmallTalkNotAFollowUp() {
        c.respond("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 11.50 GiB. GPU 0 has a total capacity"
                + " of 23.51 GiB of which 9.38 GiB is free. Including non-PyTorch memory, this process has 13.70 GiB"
                + " memory in use. Of the allocated memory 13.03 GiB is allocated by PyTorch...");
        for (String s : new String[]{"makes sense, really helpful", "ok that makes sense", "appreciate it"}) {
            Answer a = c.respond(s);
            assertEquals(Intent.SMALL_TALK, a.intent(), s);
        }
        assertNotEquals(Intent.SMALL_TALK, c.respond("that makes sense, but why is reserved so much bigger?")
                .intent());
    }

    @Test
    void aHowToGivesTheSnippetForTheStackNamed() {
        Answer a = c.respond("How do I turn on gradient checkpointing with HF Trainer?");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("gradient_checkpointing=True"), a.text());
    }

    @Test
    void aNanochatDeviceBatchQuestionGetsTheBatchAndTheAccumulation() {
        Answer a = c.respond("which --device-batch-size should I use for nanochat depth=20 with seq 2048 on one 24GB RTX 4090?");
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().contains("--device-batch-size="), a.text());
        assertTrue(a.text().contains("accumulates"), a.text());
    }

    @Test
    void factsRememberTheTurnThatSetThem() {
        c.respond("I have a 24 GB 3090");
        c.respond("batch 8");
        assertEquals(1, c.setAt().get("gpu"));
        assertEquals(2, c.setAt().get("batch"));
    }

    @Test
    void aWhatIfIsAdoptedOnlyWhenTheUserSaysSo() {
        c.respond("I fine-tune llama-3.1-8b on a 24 GB RTX 3090, batch 4, seq 2048, bf16");
        c.respond("what if I use QLoRA r=16?");
        assertNotEquals("4bit", c.facts().quant());
        Answer a = c.respond("ok I'll use it");
        assertTrue(a.text().startsWith("Adopted"), a.text());
        assertEquals(16, c.facts().loraRank());
    }
    @Test
    void askingWhetherAChangeHelpsTheFailureHeldSaysWhetherItActsOnWhatFails() {
        c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        Answer a = c.respond("would 8-bit adam help?");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertTrue(a.text().startsWith("Not for this failure"), a.text());
        assertTrue(a.text().lines().count() <= 12, a.text());
    }

    @Test
    void aChangeThatActsOnTheFailingTermIsConfirmed() {
        c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        Answer a = c.respond("would gradient checkpointing help?");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertTrue(a.text().startsWith("Yes, it acts on what fails here"), a.text());
    }

    @Test
    void aHowToThatNamesNoKeywordFindsItsTopicByItsWords() {
        Answer a = c.respond("how do i get the trainer to push preds to the cpu as it goes instead of keeping them all"
                + " on the card");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("eval_accumulation_steps"), a.text());
    }

    @Test
    void aQuestionWithoutAFailureIsAnsweredFromTheKnowledgeBase() {
        Answer a = c.respond("so offload only saves the weights / optimizer memory, not the intermediate tensors?");
        assertTrue(a.text().contains("[M10"), a.text());
    }
    @Test
    void aFitQuestionAboutAnImaginedSetupIsAWhatIfAndItsValuesStayHypothetical() {
        c.respond("deepspeed chat step 1 with opt-13b on a 16 GB card, zero stage 2, bf16, batch 1, seq 512");
        Answer a = c.respond("if i got 4 of these gpus and used zero 3, would it fit?");
        assertEquals(Intent.WHAT_IF, a.intent());
        assertEquals(2, c.facts().zeroStage(), c.facts().asMap().toString());
        Answer b = c.respond("and zero 1?");
        assertEquals(Intent.WHAT_IF, b.intent());
        assertEquals(2, c.facts().zeroStage());
    }

    @Test
    void aKeywordIsFoundWhateverItsHyphenation() {
        Answer a = c.respond("trying to use 8 bit adam from bitsandbytes with the hf trainer but can't figure out how");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("adamw_bnb_8bit"), a.text());
    }

    @Test
    void aSentenceThatDoesNotCarryTheValueAskedForIsNotTakenAsTheAnswer() {
        c.respond("what batch fits on my 24 GB 3090?");
        assertEquals("model", c.pendingKey());
        Answer a = c.respond("i'm not using gradient checkpointing btw");
        assertNotEquals(Intent.ANSWER, a.intent());
    }
    @Test
    void aDifferentProblemAfterAFailureIsANewFailure() {
        c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        Answer a = c.respond("different problem on a fresh runtime: the process dies while loading the model, before "
                + "the gpu even fills. the colab instance only has 12.7 GB of RAM");
        assertEquals(Intent.NEW_FAILURE, a.intent());
    }

    @Test
    void aServingFitWithoutTheContextLengthStatesTheWeightsAndAsksForMaxModelLen() {
        c.respond("i serve mistral-7b with vllm on a 24 GB RTX 3090");
        Answer a = c.respond("what's the smallest setup to serve it in bf16 with vllm?");
        assertTrue(a.text().startsWith("Fits, as far as the weights go"), a.text());
        assertFalse(a.text().contains("optimizer"), a.text());
        assertEquals("seq", c.pendingKey());
    }
    @Test
    void aTensorShapeInADumpIsTurnedIntoItsSize() {
        // From google-research/t5x#870: XLA's peak-buffer dump.
        Answer a = c.respond("what is bf16[128,6,256,256] in that buffer");
        assertEquals(Intent.EXPLAIN, a.intent());
        assertTrue(a.text().contains("= 96 MiB"), a.text());
        assertTrue(a.text().contains("attention score"), a.text());
    }
    @Test
    void aBatchChangeWithoutAModelIsAnsweredByProportion() {
        // From google-research/t5x#870.
        Answer a = c.respond("what if the batch goes from 128 to 64");
        assertEquals(Intent.WHAT_IF, a.intent());
        assertTrue(a.text().contains("×0.50"), a.text());
    }

    @Test
    void aHowToForANamedStackPrefersATopicWithItsSnippet() {
        // From vllm-project/vllm#2554: in vLLM the batch is max_num_seqs.
        Answer a = c.respond("I read somewhere to reduce the batch size. does anyone know how to do that in vllm?");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("--max-num-seqs"), a.text());
    }

    @Test
    void anotherPossibleCauseForTheFailureHeldIsAFollowUp() {
        c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        Answer a = c.respond("could it just be one batch with a much longer input instead of a leak?");
        assertEquals(Intent.FOLLOW_UP, a.intent());
    }

    @Test
    void aFixTheUserAlreadyTriedIsNotOfferedAgain() {
        c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        Answer a = c.respond("i already reduced the batch size and it's the same error");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertTrue(a.text().startsWith("Next rung:"), a.text());
        assertFalse(a.text().lines().findFirst().orElse("").toLowerCase().contains("batch"), a.text());
        // the batch changed nothing, so what runs out does not grow with it: the answer says where else to look
        assertTrue(a.text().contains(Messages.get("followup.batch.nochange")), a.text());
        assertTrue(a.text().lines().count() <= 12, a.text());
    }

    @Test
    void aQuestionThatSaysItIsNotTheGpuIsAnsweredWithWhereTheMemoryIs() {
        c.respond("the job dies while loading the model: Killed");
        Answer a = c.respond("so it's not the gpu? the card is barely touched when it dies");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertTrue(a.text().contains("RAM"), a.text());
    }

    @Test
    void aStatementAboutTheFailureHeldGetsKnowledgeNotJustANote() {
        c.respond(Fixtures.text("traces/vllm-10517-max-model-len-kv.txt"));
        Answer a = c.respond("the other processes on the card take about 15G");
        assertTrue(a.text().lines().count() > 1, a.text());
        assertTrue(a.text().lines().count() <= 12, a.text());
    }

    @Test
    void aSizingQuestionWithoutTheCardStatesTheBytesPerParameterBeforeAskingForIt() {
        c.respond("full fine-tune of llama-2-7b with deepspeed zero-3 and the optimizer offloaded");
        Answer a = c.respond("how do i estimate what zero3 offload needs for a 7b");
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().contains("bytes per parameter"), a.text());
        assertTrue(c.pendingKey().startsWith("gpu"), a.text());
    }

    @Test
    void aFirstMessageThatDescribesAFailureAtLengthIsTheFailure() {
        Answer a = c.respond("Seems not able to finetune 3B model with Zero 3 Offload with 64GB RAM when using 4bit "
                + "optimizer");
        assertEquals(Intent.NEW_FAILURE, a.intent());
    }

    @Test
    void askingWhereTheRestOfTheCardWentIsAnExplanation() {
        c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        Answer a = c.respond("7.79 GiB total, 6.17 reserved, 12 MiB free. where did the other 1.6 GiB go?");
        assertEquals(Intent.EXPLAIN, a.intent());
    }

    @Test
    void isThereAWayAsksHowEvenWhenItNamesAFit() {
        Answer a = c.respond("is there a way for yolov5 to pick the largest batch by itself");
        assertEquals(Intent.HOW_TO, a.intent());
    }

    @Test
    void aShortAndAfterAHowToAsksTheSameForTheNewThing() {
        c.respond("how do i turn on gradient checkpointing with the Seq2SeqTrainer");
        Answer a = c.respond("and 8-bit adam with the Seq2SeqTrainer");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("8bit"), a.text());
    }

    /** github.com/marin-community/marin/issues/1903: the failure happened, the question is about it. */
    @Test
    void aFirstMessageSayingTheJobHitOomIsTheFailureEvenAsAQuestion() {
        Answer a = c.respond("When loading a 405B model on a v4-256 which should have ~4TB of HBM, tensor parallel hits"
                + " OOM. something is broken?");
        assertEquals(Intent.NEW_FAILURE, a.intent());
    }

    @Test
    void aFailureFollowedByCanIAsksHow() {
        Answer a = c.respond("training with accelerate on a single gpu and running out of memory. can i do zero-offload"
                + " with accelerate?");
        assertEquals(Intent.HOW_TO, a.intent());
    }

    /** github.com/Stability-AI/StableLM/issues/39: "the 7B" in a reported remark is the model discussed. */
    @Test
    void theModelNamedWithTheIsTheOneDiscussedEvenInReportedSpeech() {
        c.respond("someone said you need at least 27GB of GPU memory for the 7B. why that much?");
        assertEquals(7_000_000_000L, c.facts().params());
        Answer a = c.respond("what if i load it in 8-bit");
        assertTrue(a.text().contains("7 GB"), a.text());
    }

    /** github.com/gemcollector/RL-ViGen/issues/17: growth over steps reads as a leak, whatever was diagnosed. */
    @Test
    void memoryRisingOverStepsIsAnsweredAsALeak() {
        c.respond(Fixtures.text("traces/segtoolbox-backward-1x-cached.txt"));
        Answer a = c.respond("I found the memory usage is increasing during the training");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertTrue(a.text().contains("leak"), a.text());
    }

    @Test
    void aHowToWithNoEngineNamedIsNotAnsweredWithAnotherEnginesTopic() {
        Answer a = c.respond("how do i lower the batch size");
        assertEquals(Intent.HOW_TO, a.intent());
        assertFalse(a.text().contains("nanochat"), a.text());
        assertTrue(a.text().contains("batch_size"), a.text());
    }

    /** github.com/meta-llama/llama-cookbook/issues/309: the model named in a how-to is the user's; "8-bit instead of
     * 4-bit" asks about 8-bit. */
    @Test
    void aModelNamedInAHowToIsTheUsersAndTheFormatNamedFirstIsTheOneAsked() {
        c.respond("How to set QLORA (4-bit NormalFloat (NF4)) configurations for Llama-2-7b-hf?");
        assertNotNull(c.facts().params(), c.facts().toString());
        Answer a = c.respond("what if 8-bit instead of 4-bit for the base weights");
        assertTrue(a.text().contains("× 1 bytes (8-bit)"), a.text());
    }

    /** discuss.pytorch.org DDP threads: an observation about memory, with no question mark, still asks why. */
    @Test
    void anObservationAboutMemoryIsNotSmallTalk() {
        Answer a = c.respond("the first gpu shows much more memory in nvidia-smi than the others after the weights are loaded");
        assertEquals(Intent.EXPLAIN, a.intent());
    }

    /**
     * github.com/huggingface/trl/issues/4100 (its title): a failure told with a question in it still tells the setup
     * it failed on; only a proposal ("what if …") keeps what it names out of the facts.
     */
    @Test
    void aFailureToldAsAQuestionStillTellsTheSetup() {
        Answer a = c.respond("DeepSpeed Zero 3 + LoRA 32B model still OOM on 8*H100 (each GPU load one model?)");
        assertEquals(Intent.NEW_FAILURE, a.intent());
        assertEquals(3, c.facts().zeroStage());
        assertEquals(8, c.facts().worldSize());
        assertEquals("H100 80GB", c.facts().gpuName());
    }

    /**
     * github.com/luca-medeiros/lightning-sam/issues/4: with a failure held, a question that is not phrased as a what-if
     * ("can that leak?") is about that failure, even though it names something the facts could hold.
     */
    @Test
    void aQuestionAboutTheFailureHeldIsAFollowUpUnlessPhrasedAsAWhatIf() {
        c.respond("fine-tuning SAM with lightning-sam on a 4070 ti 12gb, batch_size 2, num_workers 4. memory keeps"
                + " growing while training and after a while it's out of memory");
        assertEquals(Intent.FOLLOW_UP, c.respond("the author thinks it's the AverageMeter where the losses get"
                + " averaged, can that leak?").intent());
        assertEquals(Intent.WHAT_IF, c.respond("what if batch 1?").intent());
    }

    /**
     * github.com/google-deepmind/alphafold/issues/185: what was tried and that it did not solve the failure is a
     * follow-up on it, not a statement of setup, though it names the framework.
     */
    @Test
    void aTriedFixThatDidNotSolveItIsAFollowUp() {
        c.respond("the job failed in the end because of the following error: RuntimeError: Resource exhausted: Out of"
                + " memory while trying to allocate 294970604000 bytes.");
        Answer a = c.respond("I tried lowering \"XLA_PYTHON_CLIENT_MEM_FRACTION\" to \"0.1\" and setting"
                + " \"XLA_PYTHON_CLIENT_PREALLOCATE=false\". However, these didn't solve the problem.");
        assertEquals(Intent.FOLLOW_UP, a.intent());
    }

    /**
     * The trace of github.com/pytorch/examples/issues/621, then the sentence of github.com/NVlabs/LSGM/issues/10
     * typed after a smaller batch: prose that names the error but carries nothing a log line does (no exception
     * name, request or capacity) talks about the failure held; it is not a second paste.
     */
    @Test
    void proseThatNamesTheErrorIsAFollowUpWhenAFailureIsHeld() {
        c.respond("RuntimeError: CUDA out of memory. Tried to allocate 26.00 MiB (GPU 0; 1024.00 MiB total capacity;"
                + " 435.61 MiB already allocated; 24.17 MiB free; 26.39 MiB cached)");
        Answer a = c.respond("However, still I got CUDA out of memory error.");
        assertEquals(Intent.FOLLOW_UP, a.intent());
        assertNull(a.report());
    }

    /** The same sentence with nothing held is the failure itself: it is all the user has told. */
    @Test
    void proseThatNamesTheErrorStartsTheConversationWhenNothingIsHeld() {
        assertEquals(Intent.NEW_FAILURE, c.respond("However, still I got CUDA out of memory error.").intent());
    }

    /**
     * github.com/singhsourabh/Resume-NER/issues/4's trace: a question that quotes its reserved and allocated figures
     * asks what the gap means (explain); "would ... help?" with the same figures asks about a fix (follow-up).
     */
    @Test
    void aQuestionAboutTheReservedAllocatedGapIsExplainedUnlessItAsksForAFix() {
        c.respond("RuntimeError: CUDA out of memory. Tried to allocate 92.00 MiB (GPU 0; 1.96 GiB total capacity;"
                + " 1.46 GiB already allocated; 16.38 MiB free; 1.51 GiB reserved in total by PyTorch");
        Answer a = c.respond("1.51 reserved vs 1.46 allocated, is that fragmentation");
        assertEquals(Intent.EXPLAIN, a.intent());
        assertTrue(a.text().startsWith("Reserved 1.51 GiB minus allocated 1.46 GiB"), a.text());
        assertEquals(Intent.FOLLOW_UP, c.respond("would max_split_size_mb help? reserved 1.51 vs allocated 1.46")
                .intent());
    }

    /** github.com/pytorch/examples/issues/621: 26.00 MiB asked with 24.17 MiB free; "how short" gets the figure. */
    @Test
    void howShortItIsIsTheRequestMinusTheFreeMemoryOfTheFailureHeld() {
        c.respond("RuntimeError: CUDA out of memory. Tried to allocate 26.00 MiB (GPU 0; 1024.00 MiB total capacity;"
                + " 435.61 MiB already allocated; 24.17 MiB free; 26.39 MiB cached)");
        Answer a = c.respond("how short is it?");
        assertEquals(Intent.EXPLAIN, a.intent());
        assertTrue(a.text().startsWith("The request was 26.00 MiB with 24.17 MiB free: short by 1.83 MiB"), a.text());
    }
}
