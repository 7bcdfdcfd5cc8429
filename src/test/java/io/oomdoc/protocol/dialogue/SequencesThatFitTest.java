package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.oomdoc.protocol.dialogue.CaseFiguresTest.holdsSaying;

/**
 * A server keeps one KV cache per sequence it runs at once: how many users fit is the card less the weights over one
 * sequence's cache, and N slots need N caches. The cache per token comes from the dimensions the user quotes ("28
 * layers and 4 KV heads of 128") or the catalog's shape of the model named. Real turns of conversations_heldout22
 * (burned, read by conv19a).
 */
class SequencesThatFitTest {
    private static final Path SET = Path.of("src/test/resources/conversations_heldout22");

    /** github.com/avikeid2007/KaiROS-AI/issues/63: 24 GB card, the model takes 12 GB, 4096 tokens per user. */
    @Test
    void usersThatFitAreWhatIsLeftAfterTheWeightsOverOneUsersCache() {
        holdsSaying(SET, "P36-kairos-max-concurrent-users-24gb.txt", 2, "54 sequences of 4,096 tokens at most");
    }

    /** github.com/DustinHendrickson/mod-ollama-chat/issues/31: llama3.2:3b (about 2 GB); "num_ctx 4096." ends a
     * sentence. */
    @Test
    void parallelQueriesOnAnEightGigabyteCardCountTheModelsOwnSize() {
        holdsSaying(SET, "P13-mod-ollama-chat-bots-memory.txt", 4, "448 MiB");
    }

    /** github.com/lemonade-sdk/lemonade/issues/3276: 4 slots of 131072 tokens of Qwen3-8B against one 32 GB card. */
    @Test
    void fourSlotsNeedFourCachesAndThatIsTheVerdict() {
        holdsSaying(SET, "P11-lemonade-llama-server-four-slots-131k.txt", 3, "4 sequences at once keep 72 GiB");
    }

    /** github.com/OrionStarAI/Orion/issues/40: 40 attention heads of 128 and no grouped-query attention. */
    @Test
    void attentionHeadsWithoutGroupedQueryAreTheKvHeads() {
        holdsSaying(SET, "P15-orion-14b-int4-concurrent-sessions.txt", 2, "800 KiB per token");
    }
}
