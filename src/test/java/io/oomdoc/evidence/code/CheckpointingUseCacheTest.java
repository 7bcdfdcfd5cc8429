package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * checkpointing_use_cache on code written by us after huggingface/parler-tts@d108732c (round 7, tune split; the
 * shapes are theirs, the lines ours since scan17): the rule needs checkpointing switched on and a cache switched on,
 * not words that look so.
 */
class CheckpointingUseCacheTest {
    @TempDir Path repo;

    private List<Finding> scan(String file, String code) throws Exception {
        Path p = repo.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, code);
        return new PythonScanner(Rules.ALL).scan(repo).findings().stream()
                .filter(f -> f.rule().equals("checkpointing_use_cache")).toList();
    }

    /**
     * parler_tts/modeling_parler_tts.py:1079-1086 (a model class declaring that it supports checkpointing) followed
     * by helpers/model_init_scripts/init_dummy_model.py:27-34 (a config built with use_cache=True). Nothing here
     * turns checkpointing on.
     */
    @Test
    void aClassDeclaringSupportForCheckpointingDoesNotTurnItOn() throws Exception {
        List<Finding> f = scan("parler_tts/modeling_parler_tts.py", """
                class SpeechPreTrainedModel(PreTrainedModel):
                    \"\"\"
                    Base class: weight initialisation and loading.
                    \"\"\"

                    config_class = SpeechDecoderConfig
                    base_model_prefix = "model"
                    supports_gradient_checkpointing = True

                decoder_config = SpeechDecoderConfig(
                    vocab_size=codebook_size + 1,
                    max_position_embeddings=1024,
                    num_hidden_layers=2,
                    num_attention_heads=4,
                    use_cache=True,
                )
                """);
        assertEquals(List.of(), f);
    }

    /**
     * training/run_parler_tts_training.py:342-344 (checkpointing enabled) joined with
     * parler_tts/modeling_parler_tts.py:1976-1991 (use_cache=True is the default of a generation helper's parameter):
     * the default sets nothing for the run.
     */
    @Test
    void aParametersDefaultIsNotASetting() throws Exception {
        List<Finding> f = scan("training/run_parler_tts_training.py", """
                def main():
                    # checkpointing only when the run asks for it
                    if run_args.gradient_checkpointing:
                        model.gradient_checkpointing_enable()

                class SpeechForCausalLM(SpeechPreTrainedModel):
                    def prepare_inputs_for_generation(
                        self,
                        input_ids,
                        attention_mask=None,
                        encoder_hidden_states=None,
                        past_key_values=None,
                        use_cache=True,
                        inputs_embeds=None,
                        **kwargs,
                    ):
                        pass
                """);
        assertEquals(List.of(), f);
    }

    /** The same enabling with a config built with use_cache=True (init_dummy_model.py:27-34): reported. */
    @Test
    void aConfigBuiltWithTheCacheOnWhileCheckpointingIsReported() throws Exception {
        List<Finding> f = scan("train.py", """
                if run_args.gradient_checkpointing:
                    model.gradient_checkpointing_enable()
                decoder_config = SpeechDecoderConfig(
                    vocab_size=codebook_size + 1,
                    use_cache=True,
                )
                """);
        assertEquals(1, f.size(), f.toString());
        assertEquals(5, f.get(0).line());
    }
}
