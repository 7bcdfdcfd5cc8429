package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Which configs are the job's setup: a YAML training config is; code quoted in YAML and test fixtures are not. */
class SetupFromConfigsTest {
    /** axolotl-ai-cloud/axolotl@ba1be71 examples/llama-3/qlora.yml, lines 37-47. */
    private static final String AXOLOTL_QLORA = """
            gradient_accumulation_steps: 4
            micro_batch_size: 2
            num_epochs: 4
            optimizer: paged_adamw_32bit
            lr_scheduler: cosine
            learning_rate: 0.0002

            bf16: auto
            tf32: false

            gradient_checkpointing: true
            """;

    /**
     * oomdoc's own knowledge/dialogue/howto.yaml@086a88b, lines 9-11, 16, 81-84 and 360: run inside oomdoc's
     * checkout, these quoted examples and this note were read as the user's setup (batch 4, accumulation 8, then 1,
     * gradient checkpointing on).
     */
    private static final String HOWTO_EXCERPT = """
            - topic: gradient checkpointing
              fixes:
                hf-trainer: "TrainingArguments(..., gradient_checkpointing=True,\\n                  \
            gradient_checkpointing_kwargs={'use_reentrant': False})"
                axolotl: "gradient_checkpointing: true\\ngradient_checkpointing_kwargs:\\n  use_reentrant: false"
            - topic: gradient accumulation
              fixes:
                hf-trainer: "TrainingArguments(..., per_device_train_batch_size=4, gradient_accumulation_steps=8)"
              note: torchtune recipes take memory flags as config overrides; offloading goes with checkpointing, \
            and optimizer_in_bwd needs gradient_accumulation_steps=1.
            """;

    /** karpathy/nanoGPT@3adf61e config/train_gpt2.py, lines 9-13: the accumulation is a product of two numbers. */
    private static final String NANOGPT_GPT2 = """
            # these make the total batch size be ~0.5M
            # 12 batch size * 1024 block size * 5 gradaccum * 8 GPUs = 491,520
            batch_size = 12
            block_size = 1024
            gradient_accumulation_steps = 5 * 8
            """;

    @Test
    void aConstantProductIsReadAsItsValue() {
        TrainingSetup s = SetupExtractor.extract(List.<String[]>of(new String[]{"train_gpt2.py", NANOGPT_GPT2}));
        assertEquals(40, s.gradAccum());
        assertTrue(s.sources().contains("grad accumulation 40 from train_gpt2.py"), s.sources());
    }

    /** Written for this test: a product with a name in it is known only at run time, so no value is read. */
    @Test
    void aProductWithANameGivesNoValueRatherThanItsFirstNumber() {
        String code = "gradient_accumulation_steps = 5 * world_size\nbatch_size = 64 // 8\n";
        TrainingSetup s = SetupExtractor.extract(List.<String[]>of(new String[]{"train.py", code}));
        assertNull(s.gradAccum());
        assertNull(s.batchSize());
    }

    @Test
    void aYamlTrainingConfigGivesItsSetup() {
        TrainingSetup s = SetupExtractor.extract(List.<String[]>of(new String[]{"qlora.yml", AXOLOTL_QLORA}));
        assertEquals(2, s.batchSize());
        assertEquals(4, s.gradAccum());
        assertEquals(Boolean.TRUE, s.gradientCheckpointing());
    }

    @Test
    void codeQuotedInAYamlHowToIsNotTheSetup() {
        TrainingSetup s = SetupExtractor.extract(List.<String[]>of(new String[]{"howto.yaml", HOWTO_EXCERPT}));
        assertEquals(TrainingSetup.EMPTY, s);
    }

    @Test
    void aConfigInATestFolderIsNotTheSetup(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("tests/fixtures"));
        Files.writeString(repo.resolve("tests/fixtures/qlora.yml"), AXOLOTL_QLORA);
        assertEquals(TrainingSetup.EMPTY, new PythonScanner(Rules.ALL).scan(repo).setup());
    }
}
