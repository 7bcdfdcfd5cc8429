package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A repository's training setup as its launch scripts give it. Modelled on haotian-liu/LLaVA@c121f04 (our own
 * lines, same shape): `scripts/v1_5/finetune.sh` starts the trainer with deepspeed and HF-style flags
 * (`--per_device_train_batch_size 16`, `--model_max_length 2048`, `--bf16 True`), `llava/eval/model_vqa_loader.py`
 * builds a DataLoader with `batch_size=1` to answer questions, and `llava/train/llava_trainer.py` tests whether the
 * chosen optimizer is bitsandbytes' `Adam8bit`. Before, the scan read batch 1 from the eval loader and the 8-bit
 * optimizer from the comparison, and no sequence length at all.
 */
class SetupFromLaunchScriptsTest {
    private static final String FINETUNE_SH = """
            #!/bin/bash
            deepspeed myproj/train/train_mem.py \\
                --deepspeed ./scripts/zero3.json \\
                --model_name_or_path lmsys/vicuna-13b-v1.5 \\
                --bf16 True \\
                --output_dir ./checkpoints/$RUN_NAME \\
                --num_train_epochs 1 \\
                --per_device_train_batch_size 16 \\
                --per_device_eval_batch_size 4 \\
                --gradient_accumulation_steps 1 \\
                --model_max_length 2048 \\
                --gradient_checkpointing True \\
                --dataloader_num_workers 4
            """;
    private static final String EVAL_LOADER = """
            import torch
            from torch.utils.data import DataLoader

            def create_data_loader(questions, tokenizer, batch_size=1, num_workers=4):
                dataset = QuestionDataset(questions, tokenizer)
                return DataLoader(dataset, batch_size=batch_size, num_workers=num_workers, shuffle=False)
            """;
    private static final String TRAINER = """
            import torch
            from transformers import Trainer

            class MyTrainer(Trainer):
                def create_optimizer(self):
                    optimizer_cls, kwargs = Trainer.get_optimizer_cls_and_kwargs(self.args)
                    self.optimizer = optimizer_cls(self.param_groups(), **kwargs)
                    if optimizer_cls.__name__ == "Adam8bit":
                        import bitsandbytes
                        bitsandbytes.optim.GlobalOptimManager.get_instance()
                    return self.optimizer
            """;

    private static TrainingSetup fromScript(String text) {
        return SetupExtractor.extract(List.<String[]>of(new String[]{"scripts/finetune.sh", text}));
    }

    @Test
    void aLaunchScriptsFlagsGiveTheBatchSequenceAndAccumulation() {
        TrainingSetup s = fromScript(FINETUNE_SH);
        assertEquals(16, s.batchSize());
        assertEquals(2048, s.seqLen());
        assertEquals(1, s.gradAccum());
    }

    @Test
    void aLaunchScriptsFlagsGivePrecisionCheckpointingAndTheHubModel() {
        TrainingSetup s = fromScript(FINETUNE_SH);
        assertEquals("bf16", s.precision());
        assertEquals(Boolean.TRUE, s.gradientCheckpointing());
        assertEquals("lmsys/vicuna-13b-v1.5", s.model());
    }

    @Test
    void aFlagTurnedOffIsNotThePrecision() {
        assertNull(fromScript("python train.py --bf16 False --per_device_train_batch_size 8\n").precision());
    }

    @Test
    void aLocalCheckpointPathIsNotAModelName() {
        assertNull(fromScript("python train.py --model_name_or_path ./checkpoints/$NAME --batch_size 8\n").model());
    }

    @Test
    void anOptimizerNamedInAComparisonIsNotTheOneChosen() {
        TrainingSetup s = SetupExtractor.extract(List.<String[]>of(new String[]{"train/my_trainer.py", TRAINER}));
        assertNull(s.optimizer());
    }

    @Test
    void theTrainingScriptOutranksAnEvaluationLoader(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("myproj/eval"));
        Files.createDirectories(repo.resolve("scripts/v1_5"));
        Files.writeString(repo.resolve("myproj/eval/model_vqa_loader.py"), EVAL_LOADER);
        Files.writeString(repo.resolve("scripts/v1_5/finetune.sh"), FINETUNE_SH);
        TrainingSetup s = new PythonScanner(Rules.ALL).scan(repo).setup();
        assertEquals(16, s.batchSize());
        assertTrue(s.sources().contains("scripts/v1_5/finetune.sh"), s.sources());
    }

    @Test
    void trainingCodeOutranksAnEvaluationLoaderThatSortsFirst(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("myproj/eval"));
        Files.createDirectories(repo.resolve("myproj/train"));
        Files.writeString(repo.resolve("myproj/eval/model_vqa_loader.py"), EVAL_LOADER);
        Files.writeString(repo.resolve("myproj/train/train.py"), """
                import argparse
                import torch
                parser = argparse.ArgumentParser()
                parser.add_argument("--batch_size", type=int, default=16)
                """);
        assertEquals(16, new PythonScanner(Rules.ALL).scan(repo).setup().batchSize());
    }

    /** Vision-CAIR/MiniGPT-4@d94738a keeps eval_configs/ beside train_configs/: the evaluation batch came first. */
    @Test
    void aTrainingConfigOutranksAnEvaluationConfig(@TempDir Path repo) throws Exception {
        Files.createDirectories(repo.resolve("eval_configs"));
        Files.createDirectories(repo.resolve("train_configs"));
        Files.writeString(repo.resolve("eval_configs/benchmark_evaluation.yaml"), "run:\n  batch_size: 10\n");
        Files.writeString(repo.resolve("train_configs/stage1_pretrain.yaml"), "run:\n  batch_size: 64\n");
        assertEquals(64, new PythonScanner(Rules.ALL).scan(repo).setup().batchSize());
    }

    @Test
    void evaluationAndServingFilesRankBelowOtherCode() {
        assertTrue(SetupRole.rank("scripts/finetune.sh") < SetupRole.rank("myproj/train/trainer.py"));
        assertTrue(SetupRole.rank("myproj/train/trainer.py") < SetupRole.rank("myproj/model/builder.py"));
        assertTrue(SetupRole.rank("myproj/model/builder.py") < SetupRole.rank("myproj/eval/model_vqa_loader.py"));
        assertEquals(3, SetupRole.rank("myproj/serve/cli.py"));
        assertEquals(3, SetupRole.rank("scripts/v1_5/eval/gqa.sh"));
    }
}
