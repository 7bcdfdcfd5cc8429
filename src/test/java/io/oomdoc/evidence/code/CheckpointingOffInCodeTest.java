package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Checkpointing a script turns off in so many words is read as off: left unsaid, a QLoRA budget now takes it as on
 * (PEFT's prepare_model_for_kbit_training defaults use_gradient_checkpointing=True), so an explicit False must not be
 * lost. The script is our own lines in the shape of PEFT's k-bit examples (peft docs, "quantization" guide:
 * prepare_model_for_kbit_training(model) after a BitsAndBytesConfig load).
 */
class CheckpointingOffInCodeTest {
    private static TrainingSetup scan(String text) {
        return SetupExtractor.extract(List.<String[]>of(new String[]{"train_qlora.py", text}));
    }

    @Test
    void useGradientCheckpointingFalseIsReadAsOff() {
        TrainingSetup s = scan("""
                model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B", quantization_config=bnb)
                model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
                """);
        assertEquals(Boolean.FALSE, s.gradientCheckpointing());
    }

    @Test
    void aYamlThatTurnsItOffIsReadAsOff() {
        assertEquals(Boolean.FALSE, scan("load_in_4bit: true\ngradient_checkpointing: false\n")
                .gradientCheckpointing());
    }

    @Test
    void aScriptThatNeverNamesItLeavesItUnsaid() {
        assertNull(scan("model = prepare_model_for_kbit_training(model)\n").gradientCheckpointing());
    }

    @Test
    void onAnywhereWinsOverOffElsewhere() {
        TrainingSetup s = SetupExtractor.extract(List.of(
                new String[]{"defaults.yaml", "gradient_checkpointing: false\n"},
                new String[]{"run.sh", "python train.py --gradient_checkpointing true\n"}));
        assertEquals(Boolean.TRUE, s.gradientCheckpointing());
    }
}
