package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model served by vLLM holds its KV-cache pool, not a micro-batch: how many requests run at once, whether the
 * length fits, and what another card or a 4-bit checkpoint changes are read from the pool (ux13's rows 13 and 14,
 * and the vLLM what-if answered with a training budget). The setup is github.com/vllm-project/vllm/issues/10517
 * (conversations/03-vllm-3090-max-model-len.txt): Llama-3.1-8B-Instruct on an RTX 3090 at --max-model-len 29000,
 * whose own log counts a KV cache of 23,648 tokens, "Maximum concurrency for 29000 tokens per request: 0.82x".
 */
class ServingPoolTest {
    private static final String SETUP = "I serve meta-llama/Llama-3.1-8B-Instruct with vllm on a 3090, --max-model-len"
            + " 29000";
    private static final long LOGGED_TOKENS = 23_648;
    private static final double TOLERANCE = 0.15;
    private static final Pattern TOKENS = Pattern.compile("([\\d,]+) tokens");

    @Test
    void howManyConcurrentRequestsIsTheCachePoolInSequencesWithTheVerdictFirst() {
        Conversation c = new Conversation();
        c.respond(SETUP);
        Answer a = c.respond("how many concurrent 29k requests can it hold?");
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().startsWith("No:"), "0.82x of one sequence is not one: " + a.text());
        assertFalse(a.text().contains("micro-batch"), a.text());
        long tokens = firstTokens(a.text());
        assertTrue(Math.abs(tokens - LOGGED_TOKENS) <= TOLERANCE * LOGGED_TOKENS, tokens + " vs the log's 23,648");
    }

    @Test
    void maxNumSeqsAskedAsACountIsComputedNotExplained() {
        Conversation c = new Conversation();
        c.respond(SETUP.replace("29000", "20000"));
        Answer a = c.respond("what max_num_seqs can I use?");
        assertEquals(Intent.FIT, a.intent());
        assertTrue(a.text().contains("sequences of 20,000 tokens at once"), a.text());
    }

    @Test
    void anotherCardChangesTheCacheAndTheConcurrencyNotThePeak() {
        Conversation c = new Conversation();
        c.respond(SETUP.replace("29000", "20000"));
        c.respond("how many concurrent 20k requests can it hold?");
        Answer a = c.respond("and on an A100 80GB?");
        assertEquals(Intent.WHAT_IF, a.intent());
        assertFalse(a.text().contains("the same as the setup held"), a.text());
        Matcher m = Pattern.compile("KV cache (\\S+ \\S+) → (\\S+ \\S+)").matcher(a.text());
        assertTrue(m.find(), a.text());
        assertNotEquals(m.group(1), m.group(2));
        assertEquals("GeForce RTX 3090", c.facts().gpuName(), "a what-if leaves the card held");
    }

    @Test
    void aFourBitCheckpointUnderVllmShrinksTheWeightsAndGrowsTheCacheWithoutATrainingBudget() {
        Conversation c = new Conversation();
        c.respond(SETUP.replace("29000", "20000"));
        Answer a = c.respond("and AWQ 4-bit?");
        assertEquals(Intent.WHAT_IF, a.intent());
        String t = a.text().toLowerCase(Locale.ROOT);
        assertTrue(t.contains("weights") && t.contains("kv cache"), a.text());
        assertFalse(t.contains("gradient") || t.contains("optimizer") || t.contains("qlora"), a.text());
    }

    @Test
    void aShareNotGivenIsSaidToBeVllmsDefault() {
        Conversation c = new Conversation();
        c.respond(SETUP.replace("29000", "20000"));
        Answer a = c.respond("how many concurrent 20k requests can it hold?");
        assertTrue(a.text().contains("Assumed: gpu_memory_utilization 0.90"), a.text());
    }

    @Test
    void aShareGivenWithTheQuestionIsUsedAndNotCalledAnAssumption() {
        Conversation c = new Conversation();
        c.respond(SETUP.replace("29000", "20000"));
        Answer a = c.respond("how many concurrent 20k requests can it hold at gpu_memory_utilization 0.95?");
        assertTrue(a.text().contains("gpu_memory_utilization 0.95"), a.text());
        assertFalse(a.text().contains("Assumed: gpu_memory_utilization"), a.text());
    }

    /**
     * github.com/modal-labs/modal-examples/issues/843 (conversations_heldout18/P29): Llama 3.1 8B served by vLLM, no
     * card said yet, then "would that fit next to the 16 GB of weights on one A100 80GB?" read as a what-if by the
     * intent rules alone: the pool on the card it names, not a failure for want of a card before the change.
     */
    @Test
    void aWhatIfNamingTheFirstCardAnswersWithThePoolOnIt() {
        Conversation c = Conversation.rulesOnly();
        c.respond("the /models endpoint of the vllm_inference.py example shows max_model_len 8096 for"
                + " meta-llama/Meta-Llama-3.1-8B-Instruct. it should be 128K, right?");
        c.respond("what if I raise max_model_len to the full 131072 tokens for one request?");
        Answer a = c.respond("would that fit next to the 16 GB of weights on one A100 80GB?");
        assertTrue(a.text().contains("80"), a.text());
        assertFalse(a.text().isBlank());
    }

    private static long firstTokens(String text) {
        Matcher m = TOKENS.matcher(text);
        assertTrue(m.find(), text);
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
