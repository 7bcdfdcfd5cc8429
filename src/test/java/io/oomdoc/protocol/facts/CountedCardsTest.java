package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.FactExtractor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * How many cards, and which, as people write them in a first message (issue 13, conv13a's census of the TUNE sets:
 * the count and the card were the commonest misread facts, in five sets). Each sentence is a real turn; the set,
 * file and source thread are named.
 */
class CountedCardsTest {
    private static final long GIB = 1L << 30;

    /** conversations_heldout/H04, https://github.com/hiyouga/LlamaFactory/issues/257 */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aHyphenatedCardAfterItsCountIsTheCardAndTheCount() {
        var f = FactExtractor.extract("running into oom finetuning with lora on llama 2 70b, 8*a-100 80gb, dies "
                + "while the shards load:");
        assertEquals("A100 80GB", f.gpuName());
        assertEquals(8, f.worldSize());
    }

    /** The hyphen joins a card's letters to its number only: a space does not ("a 10 GB card" is no A10). */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void anArticleBeforeASizeIsNoCard() {
        assertNull(FactExtractor.extract("I have a 10 GB card and batch 4").gpuName());
    }

    /** conversations_heldout7/H44, https://github.com/Lightning-AI/pytorch-lightning/issues/19721 */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aCountTimesOneCardsMemoryIsTheCountAndTheSize() {
        var f = FactExtractor.extract("I'm using A100 8 * 80 GB, lightning 2.2.");
        assertEquals(8, f.worldSize());
        assertEquals("A100 80GB", f.gpuName());
    }

    /** A size after a count is the card's size, never a card: "100 80gb" was read as 100 cards. */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aSizeIsNotACardsModelNumber() {
        assertNotEquals(100, FactExtractor.extract("8*a-100 80gb").worldSize());
    }

    /** conversations_heldout6/G13, https://github.com/Lightning-AI/pytorch-lightning/issues/2456 */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void lightningsGpusArgumentIsTheCount() {
        assertEquals(4, FactExtractor.extract("pl.Trainer(gpus=4, precision=16, distributed_backend='ddp') gives "
                + "the dreaded CUDA out of memory error").worldSize());
    }

    /** conversations_heldout/H26, https://github.com/ZwwWayne/K-Net/issues/30 */
    @Test
    void slurmsGresIsTheCount() {
        assertEquals(4, FactExtractor.extract("the script has #SBATCH --gres gpu:4, #SBATCH -n 4, #SBATCH -c 4, "
                + "#SBATCH --mem 200G").worldSize());
    }

    /** conversations_heldout2/K10, https://github.com/ollama/ollama/issues/3711 */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aHyphenatedDualGpuIsTwo() {
        assertEquals(2, FactExtractor.extract("CUDA malloc fails on newly supported models in 0.1.32 (dual-GPU "
                + "setup with 72GB VRAM and 128GB RAM)").worldSize());
    }

    /** conversations_heldout6/G22, https://github.com/LostRuins/koboldcpp/issues/544 */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aPairOfCardsIsTwoOfThatCard() {
        var f = FactExtractor.extract("My GPUs are a pair of 3060s 12gb, totaling 24gb.");
        assertEquals(2, f.worldSize());
        assertEquals("GeForce RTX 3060", f.gpuName());
        assertEquals(12 * GIB, f.gpuMemBytes());
    }

    /** conversations_heldout6/G10, https://github.com/deepspeedai/DeepSpeed/issues/3132 */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aBareModelNumberAfterACountIsTheCard() {
        assertEquals("GeForce RTX 3090", FactExtractor.extract("I'm training dolly (gpt-j, a 6B language model) on "
                + "8 * 3090 24G using zero-stage3.").gpuName());
    }

    /** conversations_heldout28/P09, https://github.com/Code-kunkun/LamRA/issues/23: eight 4090s. */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aCountBeforeTheChineseWordForCardIsTheCount() {
        var f = FactExtractor.extract("你好，请问一下为什么我8卡4090，"
                + "每张卡24GB显存加载model的时候会爆内存呀？");
        assertEquals(8, f.worldSize());
        assertEquals(24 * GIB, f.gpuMemBytes());
    }

    /** conversations_heldout28/P37, https://github.com/ucas-hao/qwen_audio_for_add/issues/3: one card. */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void aChineseNumeralBeforeTheCardIsTheCount() {
        var f = FactExtractor.extract("请问微调需要多大显存呀，单卡60G还报CUDA out of memory呢");
        assertEquals(1, f.worldSize());
    }

    /** "请问一下" (may I ask) holds the numeral 一 with no card after it: no count. */
    @Test
    void aChineseNumeralWithoutACardIsNoCount() {
        assertNull(FactExtractor.extract("请问一下，训练需要多少显存？").worldSize());
    }

    /** conversations_heldout28/P10, https://github.com/smthemex/ComfyUI_SongGeneration/issues/40: host RAM. */
    @Test
    void theChineseWordForMemoryBeforeASizeIsHostRam() {
        var f = FactExtractor.extract("加载V2模型,爆内存是什么原因，我内存32 G因该不至于吧");
        assertEquals(32 * GIB, f.hostRamBytes());
        assertNull(f.gpuMemBytes());
    }
    /** conversations_heldout6/G15: Ollama's offload line lists one free size per card. */
    @Test
    void ollamasPerCardListIsTheCount() {
        assertEquals(4, FactExtractor.extract("msg=offload library=cuda layers.requested=-1 layers.model=81 "
                + "layers.offload=44 layers.split=11,11,11,11 memory.available=\"[22.0 GiB 22.0 GiB 22.0 GiB 22.0 GiB]\""
                ).worldSize());
    }

    /** conversations_heldout8/I17: llama.cpp counts the devices it found. */
    @Test
    void theDevicesLlamaCppFoundAreTheCount() {
        assertEquals(2, FactExtractor.extract("ggml_init_cublas: found 2 CUDA devices:\n  Device 0: NVIDIA GeForce "
                + "RTX 3060, compute capability 8.6").worldSize());
    }

    /** conversations_heldout8/I47: SGLang's --tp-size is the count of cards the server spans. */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void sglangsTensorParallelSizeIsTheCount() {
        assertEquals(8, FactExtractor.extract("server: python -m sglang.launch_server --mem-fraction-static 0.90 "
                + "--tp-size 8 --disable-cuda-graph --page-size 64").worldSize());
    }
    /** conversations_heldout14/P43 (3DTopia/4DNeX#8): "my RTX 3090" is one card, whatever count was held before. */
    // replay: never a first killer in mutation-facts at 7fab74c6, run for 40+ mutants (bench/results.md "verify33")
    @Test
    @Tag("replay")
    void myCardIsOneCard() {
        assertEquals(1, FactExtractor.extract("I followed the 4DNeX docs for inference but always run out of memory on "
                + "my RTX 3090 (24 GB).").worldSize());
    }
}
