package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import io.oomdoc.util.Bytes;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cards the maintainers trained on, or that the author (作者) names in a Chinese turn, are theirs; the card the user
 * says is theirs ("I have a 12 GB 3060", 我只有 24GB 的 3090) is the one held. Turns from burned sets 26 and 29.
 */
class OthersNamedAsMaintainersOrAuthorsTest {
    /** github.com/meituan/YOLOv6/issues/240 (set 26, #2): "the maintainers trained on A100 80/40G or V100 32G". */
    @Test
    void theMaintainersCardsAreNotTheUsers() {
        Facts f = asserted(Path.of("src/test/resources/conversations_heldout26"), "P20-yolov6-batch32-card.txt", 2);
        assertEquals(12 * Bytes.GIB, f.gpuMemBytes());
        assertTrue(String.valueOf(f.gpuName()).contains("3060"), String.valueOf(f.gpuName()));
    }

    /** github.com/AuroraZengfh/Local-Prompt/issues/2 (set 29, #2): 作者 quotes an A6000, 我只有 a 24 GB 3090. */
    @Test
    void theAuthorsCardInAChineseTurnIsNotTheUsers() {
        Facts f = asserted(Path.of("src/test/resources/conversations_heldout29"),
                "P23-local-prompt-batch-256-chinese.txt", 2);
        assertEquals(24 * Bytes.GIB, f.gpuMemBytes());
    }

    private static Facts asserted(Path set, String file, int index) {
        String turn = Transcripts.read(set.resolve(file)).turns().get(index - 1).input();
        return FactExtractor.read(turn).asserted();
    }
}
