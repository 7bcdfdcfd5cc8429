package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

/** One behaviour per test, on sentences from the conversation transcripts (src/test/resources/conversations). */
class FactExtractorTest {
    private static final long GIB = Bytes.GIB;

    private static FactExtractor.Reading read(String text) { return FactExtractor.read(text); }

    // --- asserted, negated, hypothetical ---

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void checkpointingOffIsAssertedOffAndNothingElse() {
        var r = read("gradient checkpointing is off right now, would it help on top of zero3?");
        assertEquals(Boolean.FALSE, r.asserted().checkpointing());
        assertTrue(r.negated().isEmpty(), r.negated().toString());
        assertNull(r.asserted().zeroStage(), "zero3 is named in the question, not asserted");
        assertEquals(3, r.hypothetical().zeroStage());
    }

    @Test
    void checkpointingFalseInCodeIsOff() {
        assertEquals(Boolean.FALSE, FactExtractor.extract("model = Trainer(args, gradient_checkpointing=False)").checkpointing());
        assertEquals(Boolean.TRUE, FactExtractor.extract("TrainingArguments(gradient_checkpointing=True)").checkpointing());
    }

    @Test
    void notWantingCheckpointingIsOff() {
        var r = read("i don't want to use gradient checkpointing or gradient accumulation. how do i set PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True?");
        assertEquals(Boolean.FALSE, r.asserted().checkpointing());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void notUsingDeepspeedDeniesZero() {
        var r = read("for the record i'm not using deepspeed or anything, just the one gpu");
        assertTrue(r.negated().contains("zero"), r.toString());
        assertNull(r.asserted().framework(), "a denied framework is not asserted");
        assertEquals(1, r.asserted().worldSize());
    }

    @Test
    void noDeepspeedWithPlainTrainer() {
        var r = read("btw no deepspeed here, plain Trainer on a single gpu");
        assertTrue(r.negated().contains("zero"));
        assertEquals("hf-trainer", r.asserted().framework());
        assertEquals(1, r.asserted().worldSize());
    }

    @Test
    void notFp16DeniesPrecision() {
        var r = read("torch.cuda.empty_cache() didn't change anything. i'm not using fp16 btw");
        assertTrue(r.negated().contains("precision"));
        assertNull(r.asserted().precision());
    }

    @Test
    void aDenialNextToAStatementKeepsTheStatement() {
        var r = read("I use bf16 and not fp16");
        assertEquals("bf16", r.asserted().precision());
        assertFalse(r.negated().contains("precision"));
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void whatIfQloraIsHypothetical() {
        var r = read("what if i use qlora r=16?");
        assertTrue(r.asserted().isEmpty(), r.asserted().toString());
        assertEquals(Boolean.TRUE, r.hypothetical().qlora());
        assertEquals(16, r.hypothetical().loraRank());
        assertEquals("4bit", r.hypothetical().quant());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void doesEightBitAdamHelpIsHypothetical() {
        var r = read("does 8-bit adam help on top?");
        assertNull(r.asserted().optimizer());
        assertEquals("adamw-8bit", r.hypothetical().optimizer());
    }

    @Test
    void andWithTwoGpusIsHypothetical() {
        var r = read("and with two gpus instead of eight?");
        assertNull(r.asserted().worldSize());
        assertEquals(2, r.hypothetical().worldSize());
    }

    @Test
    void whatAboutSeqIsHypothetical() {
        var r = read("what about seq 4096");
        assertNull(r.asserted().seqLen());
        assertEquals(4096, r.hypothetical().seqLen());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void ifIGotFourGpusIsHypothetical() {
        var r = read("if i got 4 of these gpus and used zero 2, would it fit?");
        assertTrue(r.asserted().isEmpty(), r.asserted().toString());
        assertEquals(4, r.hypothetical().worldSize());
        assertEquals(2, r.hypothetical().zeroStage());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aStatementClauseInsideAQuestionIsAsserted() {
        assertEquals("bf16", FactExtractor.extract("I'm using bf16, what batch fits?").precision());
        assertEquals(10.76 * GIB, FactExtractor.extract("the card has 10.76 gb, why is pytorch only reserving 9.88? can i make it use the rest").gpuMemBytes(), GIB * 0.01);
    }

    @Test
    void theDefaultInsideAQuestionIsTheCurrentSetup() {
        assertEquals(2048, FactExtractor.extract("what device batch size fits on it at the default seq 2048?").seqLen());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void adviceFromSomeoneElseIsHypothetical() {
        var r = read("someone in the thread said 8 bit adam fixed it for them. would that help here?");
        assertNull(r.asserted().optimizer());
        assertEquals("adamw-8bit", r.hypothetical().optimizer());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void theJobBeingAttemptedIsTheCurrentSetup() {
        // DeepSpeed #3448: "try to finetune a llama 33b on 8*A100 40G, 600G RAM. But always OOM on RAM."
        var r = read("try to finetune a llama 33b on 8*A100 40G, 600G RAM. But always OOM on RAM.");
        assertEquals(8, r.asserted().worldSize());
        assertEquals("A100 40GB", r.asserted().asMap().get("gpu"));
        assertTrue(r.hypothetical().isEmpty(), String.valueOf(r.hypothetical().asMap()));
    }

    @Test
    void aGpuEquippedWithRamIsTheCardsMemory() {
        // meta-llama/llama-cookbook #309
        var r = read("Each GPU in my configuration is equipped with 16GB of RAM");
        assertEquals(16L << 30, r.asserted().gpuMemBytes());
        assertNull(r.asserted().hostRamBytes());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void tensorFlowIsNamedByItsErrorClass() {
        var r = read("ResourceExhaustedError (see above for traceback): OOM when allocating tensor with shape[256,112,112,64]");
        assertEquals("tensorflow", r.asserted().framework());
    }

    @Test
    void anIntentionIsNotTheCurrentSetup() {
        var r = read("fine-tuning llama 7b with alpaca-lora (hf trainer + peft lora) and trying to use 8 bit adam from bitsandbytes but can't figure out how");
        assertEquals("hf-trainer", r.asserted().framework());
        assertEquals(Boolean.TRUE, r.asserted().lora());
        assertNull(r.asserted().optimizer());
        assertEquals("adamw-8bit", r.hypothetical().optimizer());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void twoOptimizersInOneTurnAssertNeither() {
        Facts f = FactExtractor.extract("vgg16 pretrained from torchvision. sgd with momentum trains fine at batch 8, switching to adam it dies after the first iteration (batch 4 works with adam)");
        assertNull(f.optimizer());
        assertEquals(8, f.batch());
        assertEquals("optimizer_step", f.phaseHint());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aQuestionWithoutAQuestionMarkIsStillAQuestion() {
        var r = read("why does adam need so much more than sgd with momentum");
        assertNull(r.asserted().optimizer());
        assertTrue(read("how do i enable zero-3 in accelerate?").asserted().isEmpty());
    }

    // --- sizes: what is the card and what is not ---

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void totalCapacityIsTheCard() {
        Facts f = FactExtractor.extract("torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 90.00 MiB. GPU 0 has a total capacity of 8.00 GiB of which 0 bytes is free.");
        assertEquals(8 * GIB, f.gpuMemBytes());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void ofWhichFreeIsNotTheCard() {
        Facts f = FactExtractor.extract("GPU 0 has a total capacity of 23.64 GiB of which 1.02 GiB is free. Of the allocated memory 20.1 GiB is allocated by PyTorch");
        assertEquals(Math.round(23.64 * GIB), f.gpuMemBytes());
    }

    @Test
    void allocatedReservedAndFreeInTheOldMessageAreNotTheCard() {
        Facts f = FactExtractor.extract("RuntimeError: CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 10.76 GiB total capacity; 9.76 GiB already allocated; 21.12 MiB free; 9.88 GiB reserved in total by PyTorch)");
        assertEquals(Math.round(10.76 * GIB), f.gpuMemBytes());
        assertEquals("pytorch", f.framework());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void deepspeedMemoryLineIsNotTheCard() {
        assertNull(FactExtractor.extract("[Rank 0] MA 25.14 GB         Max_MA 27.3 GB         CA 28.1 GB         Max_CA 29 GB").gpuMemBytes());
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void vllmWeightsAndProfileAreNotTheCard() {
        Facts f = FactExtractor.extract("vllm on a 3090 with meta-llama/Llama-3.1-8B-Instruct, --max-model-len 29000 fails:\n"
                + "Loading model weights took 14.9888 GB\n"
                + "Memory profiling results: total_gpu_memory=23.58GiB initial_memory_usage=15.34GiB peak_torch_memory=17.98GiB kv_cache_size=2.89GiB gpu_memory_utilization=0.90");
        assertEquals("GeForce RTX 3090", f.gpuName());
        assertEquals(24 * GIB, f.gpuMemBytes());
        assertEquals("vllm", f.framework());
        assertEquals(29000, f.seqLen());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void usedMemoryIsNotTheCard() {
        assertNull(FactExtractor.extract("nvidia-smi shows like 70gb used for a 7b model").gpuMemBytes());
        assertEquals(24 * GIB, FactExtractor.extract("RTX 4090, 20 GB used").gpuMemBytes(), "a named GPU wins over a bare number");
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void aSizeGivenForTheCardPicksTheCatalogVariant() {
        assertEquals("Tesla V100 32GB", FactExtractor.extract("full finetune llama-7b on 8x v100 32g, deepspeed zero stage 2").gpuName());
        assertEquals("A100 40GB", FactExtractor.extract("the cards are a100 40gb").gpuName());
        assertEquals("A100 80GB", FactExtractor.extract("no wait, the trace says 79 GiB total. actually it's the 80 GB A100").gpuName());
        assertEquals("A100 80GB", FactExtractor.extract("A100 80G").gpuName());
    }

    @Test
    void aPrintedCapacityPicksTheVariantOfABareName() {
        Facts f = FactExtractor.extract("finetuning galactica 30b with hf trainer + deepspeed zero-3 and cpu offload, 4 nodes of 4 a100.\n"
                + "torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 896.00 MiB (GPU 2; 79.17 GiB total capacity; 76.68 GiB already allocated; 381.31 MiB free; 77.24 GiB reserved in total by PyTorch)");
        assertEquals("A100 80GB", f.gpuName());
        assertEquals(80 * GIB, f.gpuMemBytes());
        assertEquals("deepspeed", f.framework());
        assertEquals(3, f.zeroStage());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aLaptopSizeTheUserGivesBeatsTheDesktopCatalogSize() {
        Facts f = FactExtractor.extract("following the lora blog post, train_text_to_image_lora.py on my 3080 16 gb laptop card. batch 1, fp16, 4 validation images.");
        assertEquals("GeForce RTX 3080", f.gpuName());
        assertEquals(16 * GIB, f.gpuMemBytes());
        assertEquals(1, f.batch());
        assertEquals("fp16", f.precision());
    }

    @Test
    void vramTotalAcrossCardsIsPerCardAndSystemRamIsTheHost() {
        Facts f = FactExtractor.extract("2x rtx 3090 (48gb vram total), only 32gb system ram, windows. loading a 65B ggml 4bit model with -ngl 80 -c 2048 and ram fills up, then cuda out of memory, with ~12gb vram still free");
        assertEquals(24 * GIB, f.gpuMemBytes());
        assertEquals(32 * GIB, f.hostRamBytes());
        assertEquals(2, f.worldSize());
        assertEquals("4bit", f.quant());
        assertEquals("llamacpp", f.framework());
        assertEquals(2048, f.seqLen());
        assertEquals(65_000_000_000L, f.params());
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void anUnknownCardWithItsSize() {
        assertEquals(80 * GIB, FactExtractor.extract("full fine-tune deepseek-coder-33b-instruct on 8 x A800 80G, deepspeed zero3, 1.2T host ram, micro batch 1. still:").gpuMemBytes());
        assertEquals(12 * GIB, FactExtractor.extract("tensorflow grabs the whole 12gb on our titan x even for a tiny two layer net").gpuMemBytes());
        assertEquals(16 * GIB, FactExtractor.extract("python train.py --batch_size=32 --compile=False on a single node, one gpu with 16gb.").gpuMemBytes());
    }

    // --- names ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8x B200|B200", "2x RTX 3090|GeForce RTX 3090", "NVIDIA GeForce RTX 4090|GeForce RTX 4090", "rtx4090|GeForce RTX 4090",
            "i have one 4090 in my pc|GeForce RTX 4090", "A100-SXM4-80GB|A100 80GB", "H100 80GB HBM3|H100 80GB", "on a Tesla T4|Tesla T4",
            "V100-SXM2-16GB|Tesla V100 16GB", "GPUs 0-15: Tesla V100-SXM3-32GB, driver 470.103.01|Tesla V100 32GB",
            "L40S|L40S", "A10G|A10G", "qlora on mistral 7b instruct, a10 24gb|A10",
            "both 4060 ti's with -tp 2|GeForce RTX 4060 Ti", "training on a 2080 ti and nvidia-smi shows 9.6gb|GeForce RTX 2080 Ti"})
    void gpuNamesInEveryVendorSpelling(String text, String gpu) {
        assertEquals(gpu, FactExtractor.extract(text).gpuName());
    }

    @Test
    void numbersThatAreNotGpus() {
        assertNull(FactExtractor.extract("max_model_len=4090 and line 3090 of train.py").gpuName());
    }

    @Test
    void aCoordinatedPairCommentedOutIsNegatedBoth() {
        // From unslothai/unsloth#944: both precision flags commented out means the run is in fp32.
        var r = FactExtractor.read("fp16 and bf16 are both commented out in my TrainingArguments");
        assertNull(r.asserted().precision(), r.asserted().asMap().toString());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aTiIsNotTheCardWithoutTheSuffix() {
        assertEquals("GeForce RTX 4070 Ti",
                FactExtractor.extract("fine-tuning SAM with lightning-sam on a 4070 ti 12gb").gpuName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ran speedrun.sh on 8x h100 80gb (d20, defaults)|8", "2x rtx 3090|2",
            "i have one 4090 in my pc and want to run nanochat base_train at depth 20 with torchrun --nproc_per_node=1|1",
            "on 1 gpu it runs, with 8 gpus and batch 2 on each it OOMs|8", "sorry, it's 2 rtx 3090s, not one|2",
            "actually it's not just one card, i also ran it across both 4060 ti's with -tp 2 and got the same crash|2",
            "Unsloth - 2x faster free finetuning, Num GPUs = 1|1", "world size 4|4", "on 4 A100s|4", "--nproc_per_node 8|8",
            "oh and it's 4 of them, not one. tried 1, 2 and 4 and all oom|4", "two GPUs|2",
            "trainer.evaluate() runs out of cuda memory. bert-base-uncased classifier with 9997 classes, 469530 validation rows. titan rtx 24gb, single gpu|1"})
    void gpuCounts(String text, int gpus) {
        assertEquals(gpus, FactExtractor.extract(text).worldSize());
    }

    // replay: never a mutant's first killer under PIT, left to surefire (bench/results.md "build24")
    @Test
    @Tag("replay")
    void modelsFromHuggingFaceIdsAndTheCatalog() {
        Facts llama = FactExtractor.extract("vllm on a 3090 with meta-llama/Llama-3.1-8B-Instruct");
        assertEquals("llama-3.1-8b", llama.model());
        assertEquals(8_030_261_248L, llama.params());
        assertEquals("mistral-7b", FactExtractor.extract("mistralai/Mistral-7B-v0.1").model());
        assertEquals("qwen2.5-7b", FactExtractor.extract("Qwen/Qwen2.5-7B-Instruct").model());
        assertEquals("llama-3-8b", FactExtractor.extract("finetuning unsloth/llama-3-8b-bnb-4bit in the colab notebook on a t4").model());
        assertEquals("bert-base", FactExtractor.extract("bert-base-uncased classifier with 9997 classes").model());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void paramsFromTheNameWhenTheCatalogLacksIt() {
        Facts vl = FactExtractor.extract("loading Qwen/Qwen2.5-VL-7B-Instruct with LLM(..., limit_mm_per_prompt={\"image\": 20})");
        assertEquals("Qwen2.5-VL-7B-Instruct", vl.model());
        assertEquals(7_000_000_000L, vl.params());
        assertEquals("vllm", vl.framework());
        Facts glm = FactExtractor.extract("6b model (chatglm-6b), lora with ~0.5% of params trainable, deepspeed zero 3, fp16, micro batch 1, adam.");
        assertEquals(6_000_000_000L, glm.params());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aSizedNameTheCatalogKnowsTakesTheCountedParameters() {
        Facts opt = FactExtractor.extract("deepspeed chat step 1 with opt-1.3b on one gpu");
        assertEquals("opt-1.3b", opt.model());
        assertEquals(1_315_758_080L, opt.params(), "counted from facebook/opt-1.3b's config, not the 1.3 in its name");
    }

    @Test
    void bareModelSizes() {
        assertEquals(7_000_000_000L, FactExtractor.extract("a 7B model").params());
        assertEquals(13_000_000_000L, FactExtractor.extract("13b").params());
        assertEquals(138_000_000L, FactExtractor.extract("vgg16 is ~138M params").params());
    }

    // --- batch, sequence, rank ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"batch 8|8", "batch size 8|8", "bs=8|8", "per_device_train_batch_size=8|8",
            "--device-batch-size 32|32", "micro batch 4|4", "full fine-tune on 8 x A800 80G, deepspeed zero3, micro batch 1. still:|1",
            "that 65536 is device batch 32 x seq 2048, and the vocab is 65536 too|32", "i already reduced the batch size to 8 and it's the same error|8",
            "Batch size per device = 2, Gradient Accumulation steps = 4|2", "python train.py --batch_size=32 --compile=False|32",
            "getting OOM with micro_batch_size 1, lora_r 8|1"})
    void batchForms(String text, int batch) {
        assertEquals(batch, FactExtractor.extract(text).batch());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void progressCountersAreNotTheBatch() {
        Facts f = FactExtractor.extract("iteration 8, epoch 8, step 8, batch 8/100, Total batch size = 8");
        assertNull(f.batch());
        assertEquals(8, f.totalBatch());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"seq 2048|2048", "seq len 2048|2048", "sequence length of 4096|4096", "max_length=1024|1024",
            "context 8k|8192", "8k context|8192", "max_model_len 32768|32768", "block_size 1024|1024", "2048 tokens|2048",
            "batch size 2, max sequence length 1024.|1024", "max seq length 2048, a10 24gb|2048",
            "my data goes up to 18000 tokens context|18000", "The model's max seq len (131072) is larger than the maximum number of tokens|131072",
            "loading a 65B ggml 4bit model with -ngl 80 -c 2048|2048"})
    void sequenceForms(String text, int seq) {
        assertEquals(seq, FactExtractor.extract(text).seqLen());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void generatedTokensAreNotTheSequenceLength() {
        assertNull(FactExtractor.extract("runs out of memory, the kv buffer it tries to allocate is about 43G. i'm only asking for 32 tokens").seqLen());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"qlora with r=16|16", "lora rank 16|16", "lora_r 16|16", "--lora_r 8 --lora_alpha 16|8"})
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Tag("replay")
    void loraRankForms(String text, int rank) {
        assertEquals(rank, FactExtractor.extract(text).loraRank());
    }

    // --- the lexicon ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"bf16|bf16", "bfloat16|bf16", "fp16|fp16", "half precision|fp16", "fp32|fp32",
            "full precision|fp32", "tf32|fp32", "mixed precision on a V100|mixed-fp16", "amp with bf16|mixed-bf16",
            "i pass --precision \"bf16-true\"|bf16", "dtype=torch.float16, max_seq_len=4096|fp16"})
    void precisionWords(String text, String precision) {
        assertEquals(precision, FactExtractor.extract(text).precision());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"adamw|adamw", "adam|adamw", "8-bit adam|adamw-8bit", "adamw_bnb_8bit|adamw-8bit",
            "paged_adamw_8bit|paged-adamw-8bit", "paged_adamw_32bit|paged-adamw", "paged adamw|paged-adamw",
            "adafactor|adafactor", "sgd|sgd", "sgd with momentum|sgd-momentum",
            "lion|sgd-momentum", "bnb.optim.Adam8bit|adamw-8bit"})
    void optimizerWords(String text, String optimizer) {
        assertEquals(optimizer, FactExtractor.extract(text).optimizer());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"4-bit|4bit", "nf4|4bit", "qlora|4bit", "load_in_4bit=True|4bit", "8-bit|8bit",
            "load_in_8bit|8bit", "--quantization gptq|4bit", "awq|4bit", "deepseek-v2-lite-chat-q4_0.gguf|4bit", "--quantize eetq|8bit"})
    void quantizationWords(String text, String quant) {
        assertEquals(quant, FactExtractor.extract(text).quant());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"zero-2|2", "zero stage 3|3", "ZeRO-3|3", "deepspeed zero3|3", "accelerate with deepspeed stage 2|2",
            "fsdp|3", "\"stage\": 1|1"})
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Tag("replay")
    void zeroStages(String text, int stage) {
        assertEquals(stage, FactExtractor.extract(text).zeroStage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"using the hf Trainer|hf-trainer", "accelerate 0.18 with deepspeed stage 2|accelerate",
            "hf trainer + deepspeed zero-3|deepspeed", "pytorch-lightning 1.3.0, torch 1.7.1|lightning",
            "./build/bin/llama-cli -m deepseek-v2-lite-chat-q4_0.gguf|llamacpp", "tgi 1.3.3 docker on an a100 40gb|tgi",
            "jax on gpu keeps failing|jax", "tensorflow grabs the whole 12gb|tensorflow", "ran speedrun.sh on 8x h100|nanochat",
            "RuntimeError: DataLoader worker is killed by signal: Killed.|pytorch", "qlora with SFTTrainer|hf-trainer"})
    void frameworks(String text, String framework) {
        assertEquals(framework, FactExtractor.extract(text).framework());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void attentionWords() {
        assertEquals("flash", FactExtractor.extract("VLLM_ATTENTION_BACKEND=FLASH_ATTN CUDA_VISIBLE_DEVICES=0").attention());
        assertEquals("sdpa", FactExtractor.extract("attn_implementation=\"sdpa\"").attention());
        assertEquals("eager", FactExtractor.extract("eager attention").attention());
        assertNull(FactExtractor.extract("revision=None, enforce_eager=False, seed=0").attention(), "vLLM's enforce_eager is CUDA graphs, not attention");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"6b model, deepspeed zero 3, fp16. cuda oom during back-propagation every time|backward",
            "RuntimeError: DataLoader worker (pid 19597) is killed by signal: Killed.|dataloader",
            "denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps)|optimizer_step",
            "trained the network fine but got this during validation:|eval",
            "text_generation.errors.GenerationError: Request failed during generation: Server error: CUDA out of memory.|generation",
            "DiffusionPipeline.from_pretrained(\"CompVis/ldm-text2im-large-256\") just prints Killed|load"})
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Tag("replay")
    void phases(String text, String phase) {
        assertEquals(phase, FactExtractor.extract(text).phaseHint());
    }

    // --- a bare answer to a pending question ---

    @Test
    void aBareNumberAnswersTheSequenceQuestion() {
        assertEquals(2048, FactExtractor.answer("2048", "seq").seqLen());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aBareSizeAnswersTheMemoryQuestion() {
        assertEquals(24 * GIB, FactExtractor.answer("24", "gpu_mem").gpuMemBytes());
        assertEquals(24 * GIB, FactExtractor.answer("24gb", "gpu_mem").gpuMemBytes());
        assertEquals(80 * GIB, FactExtractor.answer("it's an 80gb card", "gpu_mem").gpuMemBytes());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aGpuNameAnswersTheGpuQuestion() {
        Facts f = FactExtractor.answer("a 3090", "gpu");
        assertEquals("GeForce RTX 3090", f.gpuName());
        assertEquals(24 * GIB, f.gpuMemBytes());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aBareNumberAnswersTheBatchQuestion() {
        assertEquals(8, FactExtractor.answer("8", "batch").batch());
        assertNull(FactExtractor.answer("8", "batch").seqLen());
    }

    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void anAnswerWithMoreSaysMore() {
        Facts f = FactExtractor.answer("3090, 24gb", "gpu_mem");
        assertEquals("GeForce RTX 3090", f.gpuName());
        assertEquals(24 * GIB, f.gpuMemBytes());
    }

    /** DDP threads: "one card" compared with the others is one of several, not the count. */
    @Test
    void oneCardComparedWithTheOthersIsNotTheGpuCount() {
        assertNull(FactExtractor.extract("one card uses much more memory than the others with DDP").worldSize());
        assertEquals(1, FactExtractor.extract("I have one card, a 3090").worldSize());
    }

    // --- a count written next to the card, the way vendors and clouds write it ---

    /** github.com/kohya-ss/musubi-tuner/issues/38: the size between the count and the name is each card's. */
    @Test
    void aSizeBetweenTheCountAndTheNameIsEachCardsMemory() {
        Facts f = FactExtractor.extract("I run in `8*80GB A100` but it is OOM");
        assertEquals("A100 80GB", f.gpuName());
        assertEquals(80 * GIB, f.gpuMemBytes());
        assertEquals(8, f.worldSize());
    }

    /** github.com/vllm-project/vllm/issues/20581: "8xA100 80GB" names the card although the count is glued to it. */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aCountGluedToTheNameStillNamesTheCard() {
        Facts f = FactExtractor.extract("vllm==0.9.1, python==3.10,8xA100 80GB, Ubuntu 22.04.5 LTS");
        assertEquals("A100 80GB", f.gpuName());
        assertEquals(8, f.worldSize());
    }

    /** github.com/MIC-DKFZ/MedNeXt/issues/35 (a how-to, so its facts are the question's): the count can follow. */
    @Test
    void aCountAfterTheCardIsTheGpuCount() {
        assertEquals(2, read("How to use RTX 4090 *2 running train").hypothetical().worldSize());
    }

    /** An image size is not a count of cards, even written like one. */
    @Test
    void anImageSizeIsNotAGpuCount() {
        assertNull(FactExtractor.extract("I used 32x32 size images").worldSize());
    }

    /** github.com/ollama/ollama/issues/2835: "RAM 16G" puts the word before the size; it is the host's. */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void ramBeforeItsSizeIsHostMemory() {
        Facts f = FactExtractor.extract("I'm using CPU i7-4700HQ with RAM 16G.");
        assertEquals(16 * GIB, f.hostRamBytes());
        assertNull(f.gpuMemBytes());
    }

    /** github.com/herbert-chen/tianchi_lvcai/issues/9: a batch "reduced to 2" is a batch of 2. */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aBatchReducedToANumberIsThatBatch() {
        assertEquals(2, FactExtractor.extract("Cuda out of memory even batch size is reduced to 2").batch());
    }
}
