package io.oomdoc.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.oomdoc.budget.Setup;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * can-i-finetune-this's RTX 4080 baselines (https://github.com/DaoyuanLi2816/can-i-finetune-this/blob/
 * a06579cf3bcccf5ed8334d32373d886087ce4883/docs/rtx4080_baselines.md, measured_heldout18.json, burned): its runtime
 * loads every QLoRA model through PEFT's prepare_model_for_kbit_training (src/canifinetune/training/runtime.py), which
 * casts the parameters bitsandbytes left unquantized to fp32; the records do not say so. Read as 16-bit, the five
 * QLoRA rows were 24-42% under their reserved peaks.
 */
class CanIFinetuneKbitReadingTest {
    private static final List<JsonNode> RECORDS = load();

    private static List<JsonNode> load() {
        try {
            return MeasuredRecords.of(Path.of("src/test/resources/budget/measured_heldout18.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode record(String id) {
        return RECORDS.stream().filter(r -> r.path("id").asText().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aQloraRunOfTheToolIsReadWithPeftsFp32Preparation() {
        Setup s = BudgetBench.devSetup(record("canifinetune-qwen2.5-7b-qlora-s1024-rtx4080"));
        assertEquals(Setup.Kbit.PEFT_FP32, s.kbit());
    }

    @Test
    void itsLoraRunOverA16BitBaseIsNotPrepared() {
        Setup s = BudgetBench.devSetup(record("canifinetune-qwen2.5-0.5b-lora-s1024-rtx4080"));
        assertEquals(Setup.builder(s.model()).build().kbit(), s.kbit());
    }
}
