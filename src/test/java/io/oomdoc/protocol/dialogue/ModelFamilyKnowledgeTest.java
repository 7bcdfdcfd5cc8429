package io.oomdoc.protocol.dialogue;

import io.oomdoc.knowledge.KnobCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registry: every note and how-to row added for the model families outside LLM training (GNNs, Gaussian Splatting,
 * SAM2 video, text-to-speech, RL fine-tuning, torch.compile, unified-memory machines) is reached by a question as
 * users asked it. Each phrasing is a turn of conversations_heldout14's readable half, written from the thread whose
 * URL follows it.
 */
class ModelFamilyKnowledgeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            why would compiling lower the peak than eager mode in training?                  | torch.compile fuses operations so fewer intermediates are stored   | https://discuss.pytorch.org/t/memory-footprint-of-eager-mode-vs-torch-compiled-default-with-cuda-graph-and-cuda-graph-dynamic/199958
            what do CUDA graphs keep in memory?                                              | what cuda graphs keep in memory                                    | https://discuss.pytorch.org/t/memory-footprint-of-eager-mode-vs-torch-compiled-default-with-cuda-graph-and-cuda-graph-dynamic/199958
            why does RL on a 3B need so much more than a normal fine-tune of the same model? | rl fine-tuning holds several models at once                        | https://github.com/Jiayi-Pan/TinyZero/issues/64
            running the full-batch GNN on ogbn-products on a V100 gives CUDA out of memory   | a full-batch gnn keeps the whole graph on the gpu                  | https://github.com/snap-stanford/ogb/issues/53
            why does taking all neighbors blow up with three layers?                         | gnn layers multiply the neighborhood                               | https://github.com/marius-team/marius/issues/136
            what if I also raise num_parts from 50 to 150?                                   | cluster-gcn partitions set the nodes per step                      | https://github.com/RXPHD/Lazy_GNN/issues/3
            training 2DGS: rasterize_gaussians tried to allocate 35.79 GiB                   | gaussian splatting rasterizer buffers follow the rendered splats   | https://github.com/hbb1/2d-gaussian-splatting/issues/97
            gaussian splatting runs out of memory after 4.5k iterations                      | gaussian splatting densification grows the number of gaussians    | https://github.com/hbb1/2d-gaussian-splatting/issues/97
            SAM2 video predictor: can I throw away the stored outputs of old frames?         | sam2 video predictor keeps every frame's outputs                   | https://github.com/facebookresearch/sam2/issues/196
            what if I try 2 samples at once?                                                 | several images per prompt make a bigger batch                      | https://github.com/salesforce/UniControl/issues/6
            on the Spark the 128 GB are shared with the CPU. what does a free-memory fraction see? | unified memory makes free memory depend on the os            | https://forums.developer.nvidia.com/t/tensorrt-llm-pytorch-memory-fraction-automatically-limited-to-0-14-despite-kv-cache-configuration/354807
            the further the training goes, the more GPU memory it needs. so it isn't a leak? | memory that grows and levels off is not a leak                     | https://github.com/VuBacktracking/mamba-text-classification/issues/1
            why does resolution matter that much?                                            | image resolution sets the tokens attention sees                    | https://github.com/yeates/PromptFix/issues/6
            it's sold as 8 GB. why does the trace say 7.74 GiB total?                        | a card's gb and the trace's gib are different units                | https://github.com/yeates/PromptFix/issues/6
            """)
    void aNoteIsReachedByTheQuestionAsAsked(String question, String note, String thread) {
        String answer = KnowledgeSearch.answer(question, null, List.of()).orElse("");
        assertTrue(answer.contains(note), thread + "\n" + answer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            how do I switch to neighbor sampling in PyTorch Geometric?                 | neighbor sampling for a gnn (PyG, DGL, Marius)             | NeighborLoader       | https://github.com/snap-stanford/ogb/issues/53
            how do I write that in the marius config?                                  | neighbor sampling for a gnn (PyG, DGL, Marius)             | max_neighbors        | https://github.com/marius-team/marius/issues/136
            the maintainer says to keep the images on the CPU. how do I do that?       | keep the training images on the cpu (gaussian splatting)   | --data_device cpu    | https://github.com/hbb1/2d-gaussian-splatting/issues/97
            which SAM2 init_state options reduce VRAM?                                 | reduce sam2 video memory                                   | offload_state_to_cpu | https://github.com/facebookresearch/sam2/issues/196
            how do I make it cut the text into shorter pieces?                         | cut long text into pieces for text-to-speech               | --text_split         | https://github.com/152334H/tortoise-tts-fast/issues/38
            how do I make sure no gradients are kept while extracting?                 | extract features without keeping gradients                 | inference_mode       | https://github.com/dimiboeckaerts/PhageRBPdetection/issues/7
            """)
    void aHowToRowIsReachedByTheQuestionAsAsked(String question, String topic, String setting, String thread) {
        assertEquals(topic, Topics.find(Topics.howTo(), question).map(Topics.Topic::name).orElse(""), thread);
        String answer = KnowledgeAnswers.howTo(question, question, List.of(), io.oomdoc.protocol.Facts.builder()
                .build(), null);
        assertTrue(answer.contains(setting), thread + "\n" + answer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            is there any way of setting ComfyUI to completely unload the model from RAM and VRAM after it has been used? | comfyui | --cache-none / --cache-lru / --cache-ram               | https://github.com/Comfy-Org/ComfyUI/issues/7465
            is there a way to explicitly set the KV cache size or limit memory usage for the KV cache?                 | vllm    | --kv-cache-memory-bytes / --num-gpu-blocks-override   | https://github.com/vllm-project/vllm/issues/18121
            FSDP2 with CPUOffloadPolicy()                                                                              | fsdp    | offload_policy=CPUOffloadPolicy() (FSDP2)             | https://github.com/ByteDance-Seed/VeOmni/issues/412
            OOM errors for large context models can be solved by reducing num_batch down from the default of 512       | ollama  | num_batch                                             | https://github.com/ollama/ollama/issues/1800
            """)
    void aKnobRowIsReachedByTheQuestionAsAsked(String question, String stack, String knob, String thread) {
        assertEquals(knob, KnobAnswers.find(question, List.of(stack)).map(KnobCatalog.Knob::name).orElse(""), thread);
    }
}
