package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The ladder offers no rung for a setting the user already runs (ux14 rows 22, 26), read from their words or from the
 * pasted text. Fixtures under traces/ (SOURCES.md): prose-deepspeed-5507-llama2-7b-zero3-per-device-batch-4
 * (deepspeedai/DeepSpeed#5507), prose-qwen-502-qlora-int4-t4-step0 (QwenLM/Qwen#502).
 */
class FixLadderAlreadyOnTest {
    private static final Path TRACES = Path.of("src/test/resources/traces");

    private static Report diagnose(String file, String userText) throws Exception {
        LogText log = LogText.of(Files.readString(TRACES.resolve(file)));
        return EvidenceGatherer.from(log).userText(userText).gather().diagnose(new Diagnoser());
    }

    private static List<String> titles(Report r) { return r.fixes().stream().map(Report.Fix::title).toList(); }

    @Test
    void aJobUnderZeroThreeIsNotToldToShardItsOptimizerStatesOrEverything() throws Exception {
        Report r = diagnose("prose-deepspeed-5507-llama2-7b-zero3-per-device-batch-4.txt", null);
        assertFalse(r.fixes().isEmpty());
        for (Report.Fix f : r.fixes()) {
            assertFalse(f.after().contains("\"stage\": 1}") || f.after().contains("fully_shard"), titles(r).toString());
        }
    }

    @Test
    void aQloraRunIsNotOfferedLoraOrQlora() throws Exception {
        Report r = diagnose("prose-qwen-502-qlora-int4-t4-step0.txt", null);
        assertFalse(r.fixes().isEmpty());
        for (Report.Fix f : r.fixes()) {
            assertFalse(f.after().contains("load_in_4bit") || f.after().contains("get_peft_model"),
                    titles(r).toString());
        }
    }
}
