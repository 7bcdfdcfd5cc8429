package io.oomdoc.protocol.dialogue;

import io.oomdoc.Fixtures;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.Report;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * FollowUps answers one question about the failure already diagnosed, each kind of question from its own part of the
 * report. Traces are the fixtures of src/test/resources/traces (sources in its SOURCES.md): segtoolbox is
 * speedinghzl/pytorch-segmentation-toolbox#54 (activations, 588.65 MiB cached over an 86 MiB request), cylinder3d is
 * xinge008/Cylinder3D#109 (460.80 MiB cached under an 844 MiB request), gauhuman is skhu101/GauHuman#21 (an illegal
 * address, not an OOM), vllm-10517 is vllm-project/vllm#10517 (KV cache), qwen3coder is QwenLM/Qwen3-Coder#174.
 */
class FollowUpsOnHeldFailureTest {
    private final Conversation c = new Conversation();

    /** modelscope/ms-swift#411: `swift sft --sft_type full` of a 7B on one 80 GB A100, OOM in AdamW's first step. */
    private static final String FULL_FINE_TUNE = "swift-411-mistral-7b-full-adamw-step.txt";

    private Report held(String trace) {
        Report r = c.respond(Fixtures.text("traces/" + trace)).report();
        assertNotNull(r, trace);
        return r;
    }

    private String ask(String trace, String question) {
        Report r = held(trace);
        return FollowUps.answer(question, false, r, c.facts());
    }

    @Test
    void isItMemoryOnAGpuOomSaysYesAndNamesTheCauseInWords() {
        Report r = held("segtoolbox-backward-1x-cached.txt");
        assertEquals("Yes: GPU memory ran out; the likeliest cause: " + label(r) + ".",
                FollowUps.answer("is it a memory problem?", false, r, c.facts()));
    }

    @Test
    void isItMemoryOnAnIllegalAddressSaysNoWithTheRootCause() {
        String a = ask("notoom-gauhuman-illegal-access.txt", "is it a memory problem?");
        assertTrue(a.startsWith("No. The error is \"cudaErrorIllegalAddress\""), a);
        assertTrue(a.endsWith("memory settings will not change it."), a);
    }

    @Test
    void anotherProcessIsCheapToRuleOutWhenTheFiguresDoNotPointAtIt() {
        String a = ask("segtoolbox-backward-1x-cached.txt", "is someone else using the gpu?");
        assertTrue(a.startsWith("Another process on the card is not what these figures point at"), a);
        assertTrue(a.contains("\n    nvidia-smi --query-compute-apps=pid,used_memory,process_name --format=csv"), a);
    }

    @Test
    void aSmallerMicroBatchDoesNotChangeTheScienceWithoutTheNanochatNoteForOtherJobs() {
        String a = ask("segtoolbox-backward-1x-cached.txt", "will that change the training dynamics?");
        assertEquals(Messages.get("followup.science"), a);
    }

    @Test
    void theScienceQuestionBeforeAnyFailureGetsNanochatsOwnNote() {
        // karpathy/nanochat#157 (conversations/02-nanochat-one-4090.txt): the job is described, nothing failed yet.
        c.respond("i have one 4090 in my pc and want to run nanochat base_train at depth 20 with torchrun "
                + "--nproc_per_node=1");
        String a = FollowUps.answer("will that change the training dynamics?", false, null, c.facts());
        assertEquals(Messages.get("followup.science") + "\n" + Messages.get("followup.science.nanochat"), a);
    }

    @Test
    void aQuestionWithNothingHeldAndNothingKnownAsksForTheError() {
        assertEquals(Messages.get("followup.noreport"), FollowUps.answer("blorp zingle", false, null, c.facts()));
    }

    @Test
    void expandableSegmentsHelpWhenTheCachedBytesExceedTheRequest() {
        String a = ask("segtoolbox-backward-1x-cached.txt", "would expandable_segments help?");
        assertTrue(a.contains("Likely: 588.65 MiB is reserved but unallocated, more than the 86.00 MiB request"), a);
    }

    @Test
    void expandableSegmentsDoNotHelpWhenTheCachedBytesAreBelowTheRequest() {
        String a = ask("cylinder3d-backward-tqdm-1x.txt", "would expandable_segments help?");
        assertTrue(a.contains("Probably not: only 460.80 MiB is reserved but unallocated, less than the 844.00 MiB"),
                a);
    }

    @Test
    void aReducedBatchThatChangedNothingSkipsTheBatchRungAndSaysWhy() {
        Report r = held("segtoolbox-backward-1x-cached.txt");
        String a = FollowUps.answer("I already reduced the batch size, same error", false, r, c.facts());
        Report.Fix next = r.fixes().stream().filter(f -> !(f.title() + " " + f.after()).toLowerCase().contains("batch"))
                .findFirst().orElseThrow();
        assertTrue(a.startsWith("Next rung: " + next.title() + " [" + next.kb() + "]\n    before: "), a);
        assertTrue(a.contains(Messages.get("followup.batch.nochange")), a);
    }

    @Test
    void aKnobOfTheLadderNamedInTheQuestionGetsThatRungWithItsCode() {
        String a = ask("vllm-10517-max-model-len-kv.txt", "would max_model_len 3000 fit?");
        assertTrue(a.contains("On the ladder for this failure: Cap the context at what the KV cache holds [M11]\n"
                + "    vllm serve MODEL --max-model-len 23648"), a);
    }

    @Test
    void theLadderKnobMakesTheQuestionOneAboutTheFailureHeld() {
        Report kv = held("vllm-10517-max-model-len-kv.txt");
        assertTrue(FollowUps.aboutHeld("would max_model_len 3000 fit?", kv));
        assertEquals("Cap the context at what the KV cache holds",
                FollowUps.heldFix("would max_model_len 3000 fit?", kv).title());
        assertFalse(FollowUps.aboutHeld("would max_model_len 3000 fit?", null));
        assertNull(FollowUps.heldFix("what batch fits?", kv));
    }

    @Test
    void stillFailingGivesTheSecondRungWithBeforeAndAfter() {
        Report r = held("segtoolbox-backward-1x-cached.txt");
        String a = FollowUps.answer("still fails, what else?", false, r, c.facts());
        Report.Fix second = r.fixes().get(1);
        assertTrue(a.startsWith("Next rung: " + second.title() + " [" + second.kb() + "]\n"
                + "    before: " + second.before().lines().findFirst().orElseThrow() + "\n"), a);
        assertTrue(a.contains("    after:  " + second.after().lines().findFirst().orElseThrow()), a);
    }

    @Test
    void aRungThatChangesTheScienceIsMarked() {
        // ms-swift#411: a full fine-tune whose weights, gradients and AdamW state alone exceed the card, so the
        // cause is the fixed cost whatever the weights' close calls (the 70-of-79 GiB Qwen paste is one either way)
        String a = ask(FULL_FINE_TUNE, "still fails, what else?");
        assertTrue(a.startsWith("Next rung: LoRA adapters (base frozen in bf16)"), a);
        assertTrue(a.lines().findFirst().orElseThrow().endsWith("(changes the science) [M13]"), a);
    }

    /** A properties value starts at its first non-blank character, so the mark's leading space must be escaped. */
    @Test
    void theScienceMarkIsSeparatedFromTheTitle() {
        String a = ask(FULL_FINE_TUNE, "still fails, what else?");
        assertTrue(a.startsWith("Next rung: LoRA adapters (base frozen in bf16) (changes the science) [M13]"), a);
    }

    @Test
    void howToVerifyIsTheReportsVerificationSection() {
        Report r = held("segtoolbox-backward-1x-cached.txt");
        assertEquals(r.sections().verification(), FollowUps.answer("how do I verify that?", false, r, c.facts()));
    }

    @Test
    void howSureIsTheReportsConfidenceAssessment() {
        Report r = held("segtoolbox-backward-1x-cached.txt");
        assertEquals(r.sections().confidenceAssessment(), FollowUps.answer("how sure are you?", false, r, c.facts()));
    }

    @Test
    void whatToDoFirstIsTheFirstRung() {
        Report r = held("segtoolbox-backward-1x-cached.txt");
        String a = FollowUps.answer("what should i do?", false, r, c.facts());
        Report.Fix first = r.fixes().get(0);
        assertTrue(a.startsWith("First fix: " + first.title() + " [" + first.kb() + "]\n"
                + "    before: " + first.before().lines().findFirst().orElseThrow() + "\n"), a);
    }

    @Test
    void aLadderWithNoRungSaysToMeasure() {
        assertEquals(Messages.get("followup.nofix"), ask("notoom-gauhuman-illegal-access.txt", "what should i do?"));
    }

    @Test
    void whyIsTheRootCausesOpeningSentence() {
        Report r = held(FULL_FINE_TUNE);
        String a = FollowUps.answer("why?", false, r, c.facts());
        assertTrue(a.startsWith("The model's fixed cost does not fit the card. Evidence: live tensors hold 76.61 GiB"),
                a);
        assertTrue(r.sections().rootCause().startsWith(a.lines().findFirst().orElseThrow()), a);
    }

    @Test
    void aQuestionWithNoKindGetsTheReadingTheFirstRungAndWhatElseToAsk() {
        Report r = held("segtoolbox-backward-1x-cached.txt");
        String a = FollowUps.answer("hello there", false, r, c.facts());
        assertTrue(a.startsWith("The likeliest cause held: " + label(r) + ".\nFirst fix: " + r.fixes().get(0).title()),
                a);
        assertTrue(a.endsWith(Messages.get("followup.more")), a);
    }

    @Test
    void memoryThatGrowsTurnsAnActivationReadingToALeak() {
        Report r = held("segtoolbox-backward-1x-cached.txt");
        String a = FollowUps.answer("the memory keeps increasing every step", false, r, c.facts());
        assertTrue(a.startsWith("Memory that rises step after step is something kept across iterations, not one batch"
                + " that is too big: that changes the reading (it was: " + label(r) + ") to a leak"), a);
    }

    /** The first user turn of a conversation fixture: its "> " lines up to the first line without the mark. */
    private static String firstTurn(String fixture) {
        StringBuilder sb = new StringBuilder();
        for (String line : Fixtures.text("conversations/" + fixture).split("\n")) {
            if (line.startsWith("> ")) sb.append(sb.length() == 0 ? "" : "\n").append(line.substring(2));
            else if (sb.length() > 0) break;
        }
        return sb.toString();
    }

    @Test
    void isItMemoryOnAKilledDataLoaderSaysHostRam() {
        // hezhangsprinter/DCPDN#12 (conversations/34): a DataLoader worker killed by a signal.
        Report r = c.respond(firstTurn("34-dataloader-worker-killed-16g-ram.txt")).report();
        assertEquals("host_ram_oom", r.issueType());
        assertEquals(Messages.get("followup.hostmemory"), FollowUps.answer("is it a memory problem?", false, r,
                c.facts()));
    }

    @Test
    void aTermAskedAboutIsExplainedFromTheGlossary() {
        String a = ask("segtoolbox-backward-1x-cached.txt", "what is the effective batch?");
        assertTrue(a.startsWith("Effective batch: Effective batch = micro-batch × accumulation steps × GPUs."), a);
    }

    @Test
    void whetherItIsMemoryTheScienceOrAnotherProcessIsAlwaysAboutTheFailureHeld() {
        Report r = held("segtoolbox-backward-1x-cached.txt");
        assertTrue(FollowUps.aboutHeld("is it a memory problem?", r));
        assertTrue(FollowUps.aboutHeld("will that change the training dynamics?", r));
        assertTrue(FollowUps.aboutHeld("is someone else using the gpu?", r));
        assertFalse(FollowUps.aboutHeld("what batch fits?", r));
    }

    @Test
    void growingMemoryIsFollowedByTheClosestLeakPassage() {
        String a = ask("segtoolbox-backward-1x-cached.txt", "the memory keeps increasing every step");
        assertTrue(a.lines().skip(1).anyMatch(l -> l.matches(".*\\[M\\d+[^\\]]*\\]$")), a);
    }

    @Test
    void stillFailingIsFollowedByTheClosestPassageAfterTheRung() {
        String a = ask("segtoolbox-backward-1x-cached.txt", "still fails, what else?");
        // the rung's own line ends with its KB id; a passage after its code ends with one too
        assertTrue(a.lines().skip(1).anyMatch(l -> l.matches(".*\\[M\\d+[^\\]]*\\]$")), a);
    }

    /** The cause as the answers name it: the category's words ("activations batch"). */
    private static String label(Report r) { return CauseWords.of(r.category()); }
}
