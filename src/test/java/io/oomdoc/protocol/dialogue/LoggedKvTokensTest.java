package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * vLLM's own start-up count of the tokens its KV cache holds is a measurement: a length question written as the flag
 * is spelled on the command line ("--max-model-len", with hyphens) is answered from it, and a what-if that frees
 * weights starts from it rather than from the engine's guess of its profile (which read 0 tokens for a 70B on two
 * A100s that vLLM itself sized at 38,000). The failure is Graph-COM/SubgraphRAG#19 (conversations/41, quoted in
 * ConversationTurnsTest): llama3.1-8b-instruct under vLLM on a 3090, 131072 tokens asked, 39024 held.
 */
class LoggedKvTokensTest {
    private static final String SUBGRAPH_RAG_19 = "running the reasoning step with llama3.1-8b-instruct through vllm on"
            + " a 3090 and it fails right at startup:\n\"ValueError: The model's max seq len (131072) is larger than"
            + " the maximum number of tokens that can be stored in KV cache (39024). Try increasing"
            + " `gpu_memory_utilization` or decreasing `max_model_len` when initializing the engine.\"";
    private static final Pattern TOKENS = Pattern.compile("\\(([\\d,]+) → ([\\d,]+) tokens\\)");

    @Test
    void theFlagSpelledWithHyphensIsALengthQuestion() {
        Conversation c = new Conversation();
        c.respond(SUBGRAPH_RAG_19);
        String s = c.respond("what --max-model-len fits?").text();
        assertTrue(s.contains("holds 39024 tokens"), s);
    }

    @Test
    void aFourBitWhatIfStartsFromTheLoggedCount() {
        Conversation c = new Conversation();
        c.respond(SUBGRAPH_RAG_19);
        String s = c.respond("what if I use an AWQ 4-bit checkpoint instead?").text();
        Matcher m = TOKENS.matcher(s.replace("\n", " "));
        assertTrue(m.find(), s);
        assertTrue(m.group(1).equals("39,024"), s);
        assertTrue(Long.parseLong(m.group(2).replace(",", "")) > 39_024 * 2, s);
    }

    /**
     * Told in words, without the engine's count, the cap fix's length is a guess (half the context): a 4-bit what-if
     * must not start from it, or it credits the cache with the weights' whole saving on top of a cache that never
     * existed (a Qwen2.5-14B on a 24 GB 4090 read 16,384 → 111,550 tokens, more than the card).
     */
    @Test
    void aFourBitWhatIfDoesNotStartFromAGuessedLength() {
        Conversation c = new Conversation();
        c.respond("my vllm server with Qwen2.5-14B-Instruct on a 24GB 4090 fails at startup: the model's max seq len"
                + " 32768 is larger than what the KV cache can hold");
        String s = c.respond("what if I use the AWQ version?").text();
        Matcher m = TOKENS.matcher(s.replace("\n", " "));
        assertTrue(m.find(), s);
        assertTrue(!m.group(1).equals("16,384"), s);
        assertTrue(Long.parseLong(m.group(2).replace(",", "")) < 60_000, s);
    }

    /** "max seq len" is vLLM's own error wording as well as TensorRT-LLM's build flag: the named stack's row leads. */
    @Test
    void theNamedEnginesRowLeadsWhereAnotherStackSpellsTheSameWords() {
        var knob = KnobAnswers.find("my vllm server fails at startup: max seq len 32768 larger than what the KV"
                + " cache can hold", java.util.List.of());
        assertTrue(knob.isPresent() && knob.get().stack().equals("vllm"), knob.toString());
    }
}
