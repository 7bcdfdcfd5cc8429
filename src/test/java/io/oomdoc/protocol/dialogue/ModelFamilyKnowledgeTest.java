package io.oomdoc.protocol.dialogue;

import io.oomdoc.knowledge.KnobCatalog;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registry: every row added for the model families outside LLM training (GNNs, Gaussian Splatting, SAM2 video,
 * text-to-speech, RL fine-tuning, torch.compile, unified-memory machines) and for the serving and UI settings threads
 * asked about is reached by a question as users asked it. The note and how-to phrasings are turns of
 * conversations_heldout14's readable half, written from the thread each case names; the knob phrasings are the
 * threads' own questions.
 */
class ModelFamilyKnowledgeTest {
    private static final String TORCH_FORUM = "https://discuss.pytorch.org/t/memory-footprint-of-eager-mode-vs-"
            + "torch-compiled-default-with-cuda-graph-and-cuda-graph-dynamic/199958";
    private static final String NVIDIA_FORUM = "https://forums.developer.nvidia.com/t/tensorrt-llm-pytorch-memory-"
            + "fraction-automatically-limited-to-0-14-despite-kv-cache-configuration/354807";
    private static final String SPLATTING = "https://github.com/hbb1/2d-gaussian-splatting/issues/97";
    private static final String PROMPTFIX = "https://github.com/yeates/PromptFix/issues/6";

    /** A question, the row it must reach, and the thread it was asked in. */
    record Case(String question, String row, String thread) {
        @Override
        public String toString() { return row; }
    }

    /** A how-to question, its topic, the setting its answer must show, and the thread. */
    record HowTo(String question, String topic, String setting, String thread) {
        @Override
        public String toString() { return topic; }
    }

    /** A question naming a stack's setting, the stack held, the knob row, and the thread. */
    record Knob(String question, String stack, String knob, String thread) {
        @Override
        public String toString() { return knob; }
    }

    static List<Case> notes() {
        return List.of(
                new Case("why would compiling lower the peak than eager mode in training?",
                        "torch.compile fuses operations so fewer intermediates are stored", TORCH_FORUM),
                new Case("what do CUDA graphs keep in memory?", "what cuda graphs keep in memory", TORCH_FORUM),
                new Case("why does RL on a 3B need so much more than a normal fine-tune of the same model?",
                        "rl fine-tuning holds several models at once",
                        "https://github.com/Jiayi-Pan/TinyZero/issues/64"),
                new Case("running the full-batch GNN on ogbn-products on a V100 gives CUDA out of memory",
                        "a full-batch gnn keeps the whole graph on the gpu",
                        "https://github.com/snap-stanford/ogb/issues/53"),
                new Case("why does taking all neighbors blow up with three layers?",
                        "gnn layers multiply the neighborhood", "https://github.com/marius-team/marius/issues/136"),
                new Case("what if I also raise num_parts from 50 to 150?",
                        "cluster-gcn partitions set the nodes per step", "https://github.com/RXPHD/Lazy_GNN/issues/3"),
                new Case("training 2DGS: rasterize_gaussians tried to allocate 35.79 GiB",
                        "gaussian splatting rasterizer buffers follow the rendered splats", SPLATTING),
                new Case("gaussian splatting runs out of memory after 4.5k iterations",
                        "gaussian splatting densification grows the number of gaussians", SPLATTING),
                new Case("SAM2 video predictor: can I throw away the stored outputs of old frames?",
                        "sam2 video predictor keeps every frame's outputs",
                        "https://github.com/facebookresearch/sam2/issues/196"),
                new Case("what if I try 2 samples at once?", "several images per prompt make a bigger batch",
                        "https://github.com/salesforce/UniControl/issues/6"),
                new Case("on the Spark the 128 GB are shared with the CPU. what does a free-memory fraction see?",
                        "unified memory makes free memory depend on the os", NVIDIA_FORUM),
                new Case("the further the training goes, the more GPU memory it needs. so it isn't a leak?",
                        "memory that grows and levels off is not a leak",
                        "https://github.com/VuBacktracking/mamba-text-classification/issues/1"),
                new Case("why does the image resolution matter that much?",
                        "image resolution sets the tokens attention sees", PROMPTFIX),
                new Case("it's sold as 8 GB. why does the trace say 7.74 GiB total?",
                        "a card's gb and the trace's gib are different units", PROMPTFIX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notes")
    void aNoteIsReachedByTheQuestionAsAsked(Case c) {
        String answer = KnowledgeSearch.answer(c.question(), null, List.of()).orElse("");
        assertTrue(answer.contains(c.row()), c.thread() + "\n" + answer);
    }

    static List<HowTo> howTos() {
        return List.of(
                new HowTo("how do I switch to neighbor sampling in PyTorch Geometric?",
                        "neighbor sampling for a gnn (PyG, DGL, Marius)", "NeighborLoader",
                        "https://github.com/snap-stanford/ogb/issues/53"),
                new HowTo("how do I write that in the marius config?",
                        "neighbor sampling for a gnn (PyG, DGL, Marius)", "max_neighbors",
                        "https://github.com/marius-team/marius/issues/136"),
                new HowTo("the maintainer says to keep the images on the CPU. how do I do that?",
                        "keep the training images on the cpu (gaussian splatting)", "--data_device cpu", SPLATTING),
                new HowTo("which SAM2 init_state options reduce VRAM?", "reduce sam2 video memory",
                        "offload_state_to_cpu", "https://github.com/facebookresearch/sam2/issues/196"),
                new HowTo("how do I make it cut the text into shorter pieces?",
                        "cut long text into pieces for text-to-speech", "--text_split",
                        "https://github.com/152334H/tortoise-tts-fast/issues/38"),
                new HowTo("how do I make sure no gradients are kept while extracting?",
                        "extract features without keeping gradients", "inference_mode",
                        "https://github.com/dimiboeckaerts/PhageRBPdetection/issues/7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("howTos")
    void aHowToRowIsReachedByTheQuestionAsAsked(HowTo h) {
        assertEquals(h.topic(), Topics.find(Topics.howTo(), h.question()).map(Topics.Topic::name).orElse(""),
                h.thread());
        String answer = KnowledgeAnswers.howTo(h.question(), h.question(), List.of(), Facts.builder().build(), null);
        assertTrue(answer.contains(h.setting()), h.thread() + "\n" + answer);
    }

    static List<Knob> knobs() {
        return List.of(
                new Knob("is there any way of setting ComfyUI to completely unload the model from RAM and VRAM after "
                        + "it has been used?", "comfyui", "--cache-none / --cache-lru / --cache-ram",
                        "https://github.com/Comfy-Org/ComfyUI/issues/7465"),
                new Knob("is there a way to explicitly set the KV cache size or limit memory usage for the KV cache?",
                        "vllm", "--kv-cache-memory-bytes / --num-gpu-blocks-override",
                        "https://github.com/vllm-project/vllm/issues/18121"),
                new Knob("FSDP2 with CPUOffloadPolicy()", "fsdp", "offload_policy=CPUOffloadPolicy() (FSDP2)",
                        "https://github.com/ByteDance-Seed/VeOmni/issues/412"),
                new Knob("OOM errors for large context models can be solved by reducing num_batch down from the "
                        + "default of 512", "ollama", "num_batch", "https://github.com/ollama/ollama/issues/1800"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knobs")
    void aKnobRowIsReachedByTheQuestionAsAsked(Knob k) {
        assertEquals(k.knob(), KnobAnswers.find(k.question(), List.of(k.stack())).map(KnobCatalog.Knob::name)
                .orElse(""), k.thread());
    }
}
