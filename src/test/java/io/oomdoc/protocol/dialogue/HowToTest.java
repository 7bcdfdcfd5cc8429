package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** How-to questions: which topic a question is about, and which stack's snippet answers it. */
class HowToTest {
    private final Conversation c = new Conversation();

    /** vllm-project/vllm discussions: a model too big for one card, then the setting for what was just discussed. */
    @Test
    void aQuestionForTheFlagOfThatIsAboutTheTopicTalkedAbout() {
        c.respond("serving mixtral-8x7b with vllm on one A100 80GB runs out of memory");
        c.respond("what if i split it across 2 gpus with tensor parallel");
        Answer a = c.respond("what's the flag for that");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("--tensor-parallel-size"), a.text());
    }

    @Test
    void aPronounPointsBackOnlyWhenTheQuestionNamesNothingElse() {
        assertTrue(KnowledgeAnswers.pointsBack("which setting caps that"));
        assertTrue(KnowledgeAnswers.pointsBack("how do I set it when I launch vllm serve?"));
        assertFalse(KnowledgeAnswers.pointsBack("how do i load it in 16-bit with from_pretrained"));
        assertFalse(KnowledgeAnswers.pointsBack("how do i avoid it"));
    }

    /** huggingface/text-generation-inference: the launcher's prefill cap. */
    @Test
    void aServingEnginesTokenCapsHaveTheirFlags() {
        Answer a = c.respond("how do I cap the prefill tokens on the tgi launcher");
        assertTrue(a.text().contains("--max-batch-prefill-tokens"), a.text());
        assertTrue(a.text().contains("--max-batch-total-tokens"), a.text());
    }

    /**
     * simonw/llm-llama-cpp#19 (only one layer offloaded): the Python binding is the llama.cpp stack, so the question
     * keeps the llama.cpp topic and gets the binding's keyword instead of a training topic for the general stacks.
     */
    @Test
    void theLlamaCppPythonBindingIsTheLlamaCppStack() {
        Answer a = c.respond("how do I set it from python with llama-cpp-python? n_gpu_layers stays at 1");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("Llama(model_path=\"model.gguf\", n_gpu_layers="), a.text());
        assertFalse(a.text().contains("TrainingArguments"), a.text());
    }

    /**
     * The same thread's setting asked with no engine named: n_gpu_layers is llama.cpp's own keyword, so its topic
     * stays, not a general topic found by the question's other words (it was ZeRO-3 sharding).
     */
    @Test
    void anEnginesOwnSettingNamedByItsKeywordKeepsItsTopic() {
        Answer a = c.respond("how do I set n_gpu_layers?");
        assertTrue(a.text().contains("-ngl 20"), a.text());
        assertFalse(a.text().contains("zero_optimization"), a.text());
    }

    /** A stack named in the question beats the one held: PEFT's models are Hugging Face models. */
    @Test
    void peftIsTheHuggingFaceStack() {
        c.respond("fine-tuning mistral-7b in my own pytorch training loop, CUDA out of memory at batch 1");
        Answer a = c.respond("gradient checkpointing with peft, how do i switch it on");
        assertTrue(a.text().startsWith("gradient checkpointing with HF Trainer"), a.text());
    }

    /** discuss.pytorch.org, "DDP: one GPU gets more memory when loading a pretrained model": torch.load's device. */
    @Test
    void loadingACheckpointOnEachRankNamesMapLocation() {
        Answer a = c.respond("how do I load the checkpoint so each rank keeps it on its own GPU");
        assertTrue(a.text().contains("map_location"), a.text());
    }

    /** A DreamBooth run two turns back: the diffusers snippet comes first although this question names no stack. */
    @Test
    void aStackNamedEarlierInTheConversationChoosesTheSnippet() {
        c.respond("my dreambooth training runs out of memory on a 12 GB card");
        Answer a = c.respond("how do I turn on gradient checkpointing");
        assertTrue(a.text().startsWith("gradient checkpointing with diffusers"), a.text());
    }

    /** An SDXL user of a web UI: the low-VRAM setting is the answer, not a general topic about loading. */
    @Test
    void aTopicForOneInterfaceStaysWhenItsKeywordIsAsked() {
        c.respond("CUDA out of memory with an SDXL model on a 3060 ti 8gb, SD 1.5 works at any size");
        Answer a = c.respond("where do I set the vram usage to low");
        assertTrue(a.text().contains("VRAM usage level"), a.text());
    }

    /** Registry: a snippet is shown only for a stack the conversation can name; a misspelt key would be dead text. */
    @Test
    void everySnippetIsKeyedByAStackThatCanBeNamed() {
        var names = KnowledgeAnswers.stackNames();
        for (Topics.Topic t : Topics.howTo()) {
            for (String stack : t.texts().keySet()) {
                assertTrue(names.contains(stack), t.name() + " has a snippet for unknown stack " + stack);
            }
        }
    }

    /**
     * github.com/tloen/llama-int8/issues/5: the 7B does not fit 8 GB in 16-bit; "where do I turn on 8-bit loading"
     * names no flag but asks for the quantized load, which bitsandbytes does through from_pretrained.
     */
    @Test
    void eightBitLoadingGetsTheQuantizationConfig() {
        c.respond("llama 7B in fp16 runs out of memory on my 8GB card");
        Answer a = c.respond("where do I turn on 8-bit loading for the model");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("BitsAndBytesConfig(load_in_8bit=True)"), a.text());
    }

    /**
     * github.com/CosmiQ/solaris/issues/361 (2048x2048 images) and github.com/va1shn9v/PromptIR/issues/2 (a tile
     * option asked for): a large input processed in pieces gets the tiled loop, short enough for a terminal.
     */
    @Test
    void aLargeInputInPiecesGetsTheTiledLoop() {
        c.respond("RuntimeError: CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 11.93 GiB total capacity;"
                + " 8.75 GiB already allocated; 763.06 MiB free; 10.74 GiB reserved in total by PyTorch)");
        Answer a = c.respond("can I feed the 2048x2048 image to the model in pieces");
        assertEquals(Intent.HOW_TO, a.intent());
        assertTrue(a.text().contains("for x in range(0, W, 512)"), a.text());
        assertTrue(a.text().lines().count() <= 12, a.text());
    }

    /**
     * github.com/myungsub/meta-interpolation/issues/4 (conversations_heldout16, a burned set): "check whether memory
     * really grows per iteration" names the topic "memory grows" with an adverb between its words; it was answered
     * with the kernel OOM killer's commands.
     */
    @Test
    void anAdverbBetweenAKeywordsWordsStillNamesTheTopic() {
        var topic = Topics.find(Topics.howTo(), "and how do I check whether memory really grows per iteration?");
        assertTrue(topic.isPresent());
        assertEquals("memory summary and snapshot", topic.get().name());
    }
}
