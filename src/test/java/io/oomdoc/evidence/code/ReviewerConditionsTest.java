package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The conditions under which two --all rules are right, from scan35's choose half (THUDM/ChatGLM-6B@401bf3a, modelled
 * in scan_patterns, ours): a resumed scheduler, scaler or RNG state holds no CUDA tensor, and training arguments parsed
 * from the command line leave eval_accumulation_steps to the run.
 */
class ReviewerConditionsTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static List<String> findings(String folder) throws Exception {
        return new PythonScanner(Rules.ALL).scan(SET.resolve(folder)).findings().stream()
                .map(f -> f.rule() + " " + f.file() + ":" + f.line()).toList();
    }

    /** Of four loads without map_location on every rank, only the model's weights can land on cuda:0. */
    @Test
    void onlyTheWeightsOfAResumedCheckpointAreReported() throws Exception {
        assertEquals(List.of("torch_load_no_map_location trainer.py:25"), findings("resume_states_on_every_rank"));
    }

    /** A Seq2SeqTrainer with compute_metrics whose arguments come from HfArgumentParser: no finding. */
    @Test
    void trainingArgumentsFromTheCommandLineAreNotReported() throws Exception {
        assertEquals(List.of(), findings("hf_args_from_command_line"));
    }
}
