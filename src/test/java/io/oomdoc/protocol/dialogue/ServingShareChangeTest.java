package io.oomdoc.protocol.dialogue;

import io.oomdoc.Fixtures;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new share of the card for a serving engine is compared with the share it had, whatever else the turn restates,
 * and a KV-cache format said in the conversation is not the weights' format. The setup is the first turn of
 * conversations/03-vllm-3090-max-model-len.txt (github.com/vllm-project/vllm/issues/10517): Llama-3.1-8B-Instruct
 * under vLLM on an RTX 3090 at --max-model-len 29000, whose log counts 23,648 tokens of KV cache at 0.90.
 */
class ServingShareChangeTest {
    private static final Pattern KV = Pattern.compile("KV cache ([\\d.]+) GiB → ([\\d.]+) GiB");

    private static Conversation afterTheFailure() {
        String turns = Fixtures.text("conversations/03-vllm-3090-max-model-len.txt");
        StringBuilder first = new StringBuilder();
        for (String line : turns.split("\n")) {
            if (line.startsWith("intent:")) break;
            if (line.startsWith("> ")) first.append(line.substring(2)).append('\n');
        }
        Conversation c = new Conversation();
        c.respond(first.toString());
        return c;
    }

    @Test
    void aHigherUtilizationGrowsTheCacheFromTheLoggedPool() {
        // the thread's own follow-up: "what if i set gpu_memory_utilization to 0.95?" (the name reads as vLLM, held)
        String a = afterTheFailure().respond("what if i set gpu_memory_utilization to 0.95?").text();
        Matcher m = KV.matcher(a);
        assertTrue(m.find(), a);
        double before = Double.parseDouble(m.group(1)), after = Double.parseDouble(m.group(2));
        assertEquals(2.89, before, 0.01, "the log's kv_cache_size at 0.90");
        // 0.05 of a 24 GiB card is about 1.2 GiB more for the cache, the weights unchanged
        assertEquals(before + 1.2, after, 0.1, a);
    }

    @Test
    void theShareIsNotScaledAsIfEverythingGrewWithIt() {
        String a = afterTheFailure().respond("what if i set gpu_memory_utilization to 0.95?").text();
        assertFalse(a.contains("×1.06"), a);
    }

    @Test
    void aKvCacheFormatLeavesTheWeightsInTheirOwn() {
        // bytedance/UI-TARS#15 (conversations_heldout29/P01): "w/ fp8 kv cache" is the cache's format; the 72B's
        // weights the maintainers count at 144 GB are bf16
        assertEquals(2.0, Sizes.bytesPerParam("I just barely fit the 7B model on 17gb using vllm w/ fp8 kv cache. "
                + "What would the requirements be for the 72b model?", Facts.EMPTY));
        // vllm-project/vllm#10517's flag spelled out, and a weight format named with it still counts
        assertEquals(2.0, Sizes.bytesPerParam("--kv-cache-dtype fp8_e5m2 for the 8B", Facts.EMPTY));
        assertEquals(0.5, Sizes.bytesPerParam("the 72B in AWQ with --kv-cache-dtype fp8", Facts.EMPTY));
    }
}
