package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.protocol.Facts;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Setup facts a new user's turns stated and oomdoc missed (ux15 rows 18 and 21, bench/results.md). The sentences
 * are the users' own: hiyouga/LlamaFactory#3880 (a count of cards with a Chinese measure word) and ollama/ollama#8825
 * (an Ollama tag whose size is not the family's flagship).
 */
class NewUserFactsTest {
    @Test
    void aCountOfCardsWithAChineseMeasureWordIsTheNumberOfGpus() {
        Facts f = FactExtractor.extract("我在readme发现一张图显示4bit qlora 只需要 微调70b只需要48GB显存，"
                + "我是用了8张T4 bs=1 context len=2k，还是oom。zero3 + qlora + 4bit + double quantize。");
        assertEquals(8, f.worldSize());
    }

    @Test
    void anOllamaTagsSizeWinsOverTheFamilysFlagship() {
        Facts f = FactExtractor.extract("Windows 10, 8GB RAM, two 4060 Ti 16GB, deepseek-r1:32b in ollama");
        assertEquals("deepseek-r1-distill-qwen-32b", f.model());
        assertEquals(32_763_876_352L, f.params());
    }
}
