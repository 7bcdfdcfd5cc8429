package io.oomdoc.protocol.facts;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What Quantities reads from one user turn, key by key. Every sentence is a user turn of the dev conversations
 * (src/test/resources/conversations, file named on each test; each file records its source thread).
 */
class QuantitiesTest {
    private static List<String> values(String text, String key) {
        return Quantities.find(text.toLowerCase(Locale.ROOT)).stream().filter(m -> m.key().equals(key))
                .map(Mention::value).toList();
    }

    private static String gib(long n) { return String.valueOf(n * Bytes.GIB); }

    // 15-litgpt-llama2-7b-lora-3090.txt: the smallest batch, and a LoRA rank beside it
    @Test
    void microBatchOfOneIsABatchAndLoraRIsTheRank() {
        String turn = "getting OOM finetuning Llama-2-7b-hf with litgpt finetune/lora.py on my rtx 3090 24gb, "
                + "micro_batch_size 1, lora_r 8";
        assertEquals(List.of("1"), values(turn, "batch"));
        assertEquals(List.of("8"), values(turn, "lora_rank"));
        assertEquals(List.of(gib(24)), values(turn, "size.stated"), "\"3090 24gb\" names the card's memory");
    }

    // 48-unsloth-llama3-8b-t4-18k-context.txt
    @Test
    void unslothBannerGivesPerDeviceBatchAccumulationAndTotal() {
        String banner = "O^O/ \\_/ \\    Batch size per device = 2 | Gradient Accumulation steps = 4\n"
                + "\\        /    Total batch size = 8 | Total steps = 60";
        assertEquals(List.of("2"), values(banner, "batch"));
        assertEquals(List.of("4"), values(banner, "grad_accum"));
        assertEquals(List.of("8"), values(banner, "total_batch"), "the total is not the per-device batch");
    }

    // 48-unsloth-llama3-8b-t4-18k-context.txt
    @Test
    void batchOneAndAccumulationEightInAQuestion() {
        String turn = "what if batch 1 and gradient accumulation 8 instead";
        assertEquals(List.of("1"), values(turn, "batch"));
        assertEquals(List.of("8"), values(turn, "grad_accum"));
    }

    // 48-unsloth-llama3-8b-t4-18k-context.txt
    @Test
    void tokensOfContextAreTheSequenceLength() {
        String turn = "finetuning unsloth/llama-3-8b-bnb-4bit in the colab notebook on a t4, my data goes up to "
                + "18000 tokens context. always oom as soon as training starts.";
        List<String> seq = values(turn, "seq");
        assertFalse(seq.isEmpty());
        assertTrue(seq.stream().allMatch("18000"::equals), seq.toString());
    }

    // 06-llamacpp-deepseek-v2-n-ctx.txt, 50-tgi-codellama34b-oom-after-warmup.txt
    @Test
    void aRequestsTokensAreNotTheSequenceLength() {
        assertEquals(List.of(), values("the kv buffer it tries to allocate is about 43G. i'm only asking for 32 tokens",
                "seq"));
        assertEquals(List.of(), values("server comes up fine but a request with 4000 tokens and max_new_tokens=40 "
                + "fails", "seq"));
    }

    // 05-llamacpp-65b-two-3090s-ram.txt
    @Test
    void aContextFlagOfLlamaCppIsTheSequenceLength() {
        String turn = "2x rtx 3090 (48gb vram total), only 32gb system ram, windows. loading a 65B ggml 4bit model "
                + "with -ngl 80 -c 2048 and ram fills up";
        assertEquals(List.of("2048"), values(turn, "seq"));
        assertEquals(List.of("2"), values(turn, "gpus"));
        assertEquals(List.of(String.valueOf(32 * Bytes.GIB)), values(turn, "host_ram"));
    }

    // 06-llamacpp-deepseek-v2-n-ctx.txt
    @Test
    void aSizeAboutABufferIsNotTheCard() {
        String turn = "runs out of memory, the kv buffer it tries to allocate is about 43G.";
        assertTrue(values(turn, "size.stated").isEmpty());
        assertTrue(values(turn, "size.capacity").isEmpty());
    }

    // 08-pytorch-reserved-in-total.txt
    @Test
    void theTotalCapacityOfAnOomMessageIsTheCard() {
        String line = "RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 10.76 GiB total capacity; "
                + "9.76 GiB already allocated; 21.12 MiB free; 9.88 GiB reserved in total by PyTorch)";
        assertEquals(List.of(String.valueOf(Bytes.parse("10.76", "GiB"))), values(line, "size.capacity"));
        assertTrue(values(line, "size.stated").isEmpty(), "allocated, free and reserved are not the card");
    }

    // 10-deepseek-coder-33b-zero3.txt
    @Test
    void eightCardsAndTheirSizeAndTheHostRam() {
        String turn = "full fine-tune deepseek-coder-33b-instruct on 8 x A800 80G, deepspeed zero3, 1.2T host ram, "
                + "micro batch 1. still:";
        assertEquals(List.of("8"), values(turn, "gpus"));
        assertEquals(List.of(gib(80)), values(turn, "size.stated"));
        assertEquals(List.of("1"), values(turn, "batch"));
        assertEquals(List.of(String.valueOf(Bytes.parse("1.2", "TiB"))), values(turn, "host_ram"));
    }

    // 02-nanochat-one-4090.txt
    @Test
    void nprocPerNodeIsTheGpuCount() {
        String turn = "i have one 4090 in my pc and want to run nanochat base_train at depth 20 with torchrun "
                + "--nproc_per_node=1";
        assertEquals(List.of("1", "1"), values(turn, "gpus"), "\"one 4090\" and the flag both say one");
        assertEquals(List.of("20"), values(turn, "depth"));
    }

    // 01-nanochat-speedrun-8xh100.txt
    @Test
    void nanochatDepthShorthandAndDeviceBatch() {
        String turn = "ran speedrun.sh on 8x h100 80gb (d20, defaults) and base_train dies in the compiled graph:\n"
                + "that 65536 is device batch 32 x seq 2048, and the vocab is 65536 too";
        assertEquals(List.of("20"), values(turn, "depth"));
        assertEquals(List.of("32"), values(turn, "batch"));
        assertEquals(List.of("2048"), values(turn, "seq"));
        assertEquals(List.of("8"), values(turn, "gpus"));
    }

    // 42-vllm-illegal-memory-access-not-oom.txt
    @Test
    void notJustOneCardIsNotACountOfOne() {
        String turn = "actually it's not just one card, i also ran it across both 4060 ti's with -tp 2 and got "
                + "the same crash";
        assertEquals(List.of("2", "2"), values(turn, "gpus"), "both 4060 ti's, and -tp 2; not one");
    }

    // 40-vllm-kv-cache-3664-vs-4096.txt: vLLM's engine line
    @Test
    void vllmsTensorParallelSizeIsTheGpuCount() {
        String line = "Initializing an LLM engine with config: model='/home/***/***/models/alpaca-2', "
                + "tensor_parallel_size=1, quantization=None";
        assertEquals(List.of("1"), values(line, "gpus"));
    }

    @Test
    void aNumberWithThousandsSeparatorsIsRead() {
        assertEquals(2048, Quantities.toInt("2,048"));
        assertNull(Quantities.toInt("2.5"));
    }
}
