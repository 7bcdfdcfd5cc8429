package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The knowledge a how-to or an explanation carries for the user's own stack, on questions from real threads (each
 * cited; none is used by the conversation sets).
 */
class StackKnowledgeTest {
    private final Conversation c = new Conversation();

    /**
     * github.com/vllm-project/vllm/issues/550: 13B in HF takes 26 GB, in vLLM 73 GB; "Any way to limit the GPU memory
     * usage?" names no setting, but the conversation is about vLLM, so vLLM's own knob answers it.
     */
    @Test
    void aServingEngineTalkedAboutAnswersAHowToThatNamesNoTopic() {
        c.respond("when i load 13b llama in HF, GPU usage is about 26G. However, when load 13b llama in vllm, GPU"
                + " usage is about 73G. Is this usual?");
        Answer a = c.respond("Any way to limit the GPU memory usage?");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("--gpu-memory-utilization"), a.text());
    }

    /**
     * github.com/vllm-project/vllm/issues/17891: Qwen2.5-VL-7B in vLLM takes 70 GB; "it seems kv cache used a lot of
     * vram? how can i close it?" No how-to topic's words are in it: vLLM's own settings answer it.
     */
    @Test
    void aQuestionWithoutTopicWordsAboutAServingEngineGetsItsSettings() {
        c.respond("Why does loading a 7b model with VLLM require 70GB of vram?");
        Answer a = c.respond("it seems kv cache used a lot of vram? how can i close it?");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("--gpu-memory-utilization"), a.text());
    }

    /**
     * github.com/Romainpkq/revisit_demon_selection_in_ICL/issues/2: "accelerate launch --multi_gpu --num_processes
     * {num} exp/run.py. Is there a way to run using 1 gpu?", answered by running it without accelerate. A stack said
     * "without" is not the stack to answer for; the launch line does name it.
     */
    @Test
    void aStackNamedToBeLeftOutIsNotTheOneAnsweredFor() {
        assertFalse(KnowledgeAnswers.namedStacks("is there a way to run it on one gpu without accelerate")
                .contains("accelerate"));
        assertTrue(KnowledgeAnswers.namedStacks("accelerate launch --multi_gpu --num_processes 4 exp/run.py")
                .contains("accelerate"));
    }

    /**
     * github.com/bmaltais/kohya_ss/issues/3329: SDXL LoRA on an 8 GB 3070 Ti runs out of memory; the reply was to
     * turn on gradient checkpointing and text encoder output caching. Both flags, in sd-scripts' spelling.
     */
    @Test
    void kohyaGetsSdScriptsFlagsForBothTopicsAsked() {
        c.respond("cuda out of memory. tried to allocate 30.00 mib (gpu 0; 8.00 gib total capacity; 7.04 gib already"
                + " allocated; 0 bytes free; 7.28 gib reserved in total by pytorch) training an SDXL lora in"
                + " Kohya_ss on a 3070ti 8gb");
        Answer a = c.respond("how do I turn on gradient checkpointing and cache text encoder outputs in kohya");
        assertTrue(a.text().contains("--gradient_checkpointing"), a.text());
        assertTrue(a.text().contains("--cache_text_encoder_outputs"), a.text());
        assertFalse(a.text().contains("unet.enable_gradient_checkpointing()"), "diffusers' API, not kohya's: "
                + a.text());
    }

    /**
     * github.com/pytorch/pytorch/issues/5902 ("DataLoader uses 3x more memory when num_workers > 0") and
     * github.com/huggingface/dataset-viewer/issues/239 ("Monitor the RAM used by the workers").
     */
    @Test
    void watchingTheWorkersRamGetsTheirResidentSizes() {
        c.respond("DataLoader uses 3x more memory when num_workers > 0");
        Answer a = c.respond("how do I monitor the RAM used by the workers");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("memory_info().rss"), a.text());
        assertTrue(a.text().contains("children(recursive=True)"), a.text());
    }

    /**
     * github.com/ollama/ollama/issues/7479 (translated): the model is split between CPU and GPU; the user wants it
     * loaded fully onto the GPU by default every time. A Modelfile makes a setting stick.
     */
    @Test
    void anOllamaDefaultIsBakedIntoAModelfile() {
        c.respond("ollama often does not use the GPU 100%: sometimes half CPU and half GPU");
        Answer a = c.respond("how do I make it load the model on the GPU by default every time");
        assertTrue(a.text().contains("PARAMETER num_gpu"), a.text());
        assertTrue(a.text().contains("ollama create"), a.text());
    }

    /**
     * github.com/stackblitz-labs/bolt.diy/issues/249: Ollama says "model requires more system memory (19.5 GiB) than
     * is available (15.4 GiB)" while the model runs from the command line; the answer is about host RAM.
     */
    @Test
    void ollamasSystemMemoryErrorIsExplainedAsHostRam() {
        c.respond("ollama logs say model requires more system memory (19.5 GiB) than is available (15.4 GiB)");
        Answer a = c.respond("but when I run the model just in cmd or powershell, it works just fine. Is this because"
                + " the rest is using memory as well?");
        assertTrue(a.text().contains("free host RAM"), a.text());
    }

    /**
     * A size no machine has (2^64 bytes is 17179869184 GiB) is explained as a size computed wrong; a large but real
     * request is not (github.com/Fannovel16/comfy_controlnet_preprocessors/issues/50: 218.96 GiB for a huge image).
     */
    @Test
    void onlyASizeBeyondAnyMachineIsCalledImpossible() {
        assertTrue(KnowledgeAnswers.impossibleSize("Tried to allocate 17179869184.00 GiB"));
        assertFalse(KnowledgeAnswers.impossibleSize("CUDA out of memory. Tried to allocate 218.96 GiB"));
        Answer a = c.respond("17179869184 GiB? where does that number come from");
        assertTrue(a.text().contains("Impossible allocation size: "), a.text());
    }
}
