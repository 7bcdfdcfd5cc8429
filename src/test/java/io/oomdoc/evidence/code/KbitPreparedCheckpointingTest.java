package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * PEFT's prepare_model_for_kbit_training(model) turns gradient checkpointing on (use_gradient_checkpointing defaults to
 * True), and the Trainer only ever turns it on: a TrainingArguments(gradient_checkpointing=False) beside that call
 * leaves a QLoRA run checkpointed. The LZU HPC 2025 report shows it: its QLoRA rows print 7.24 GiB with and without
 * the script's GC flag (yunyunfanfan/LZU_HPC_AI_2025_solution report.md at 6be9084, finetune.py at d162b88). The
 * fixture is our own script in that shape (scan_patterns/qlora_prepared_trainer_gc_false).
 */
class KbitPreparedCheckpointingTest {
    private static final Path FIXTURE = Path.of("src/test/resources/scan_patterns/qlora_prepared_trainer_gc_false/"
            + "finetune.py");

    private static TrainingSetup scan(String text) {
        return SetupExtractor.extract(List.<String[]>of(new String[]{"finetune.py", text}));
    }

    @Test
    void aFalseBesideTheDefaultKbitPreparationIsLeftUnsaid() throws IOException {
        TrainingSetup s = scan(Files.readString(FIXTURE));
        assertNull(s.gradientCheckpointing());
        assertEquals(4, s.batchSize());
        assertEquals(512, s.seqLen());
    }

    @Test
    void theSameFalseWithoutTheKbitPreparationStaysOff() throws IOException {
        String lora = Files.readString(FIXTURE).replace("model = prepare_model_for_kbit_training(model)", "pass");
        assertEquals(Boolean.FALSE, scan(lora).gradientCheckpointing());
    }

    @Test
    void aKbitPreparationThatTurnsItOffKeepsTheFalse() {
        TrainingSetup s = scan("""
                model = prepare_model_for_kbit_training(model,
                                                        use_gradient_checkpointing=False)
                args = TrainingArguments(output_dir="out", gradient_checkpointing=False)
                """);
        assertEquals(Boolean.FALSE, s.gradientCheckpointing());
    }

    @Test
    void anImportAloneIsNoPreparation() {
        TrainingSetup s = scan("""
                from peft import LoraConfig, prepare_model_for_kbit_training
                args = TrainingArguments(output_dir="out", gradient_checkpointing=False)
                """);
        assertEquals(Boolean.FALSE, s.gradientCheckpointing());
    }
}
