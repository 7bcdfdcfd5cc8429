package io.oomdoc.protocol.dialogue;

import io.oomdoc.bench.ConversationBench;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/** The transcript harness judges what an answer says, not which letters it holds; checked on the engine's own text. */
class TranscriptsTest {
    private static final String SETUP = "I train llama-3.1-8b on an RTX 4090 with batch size 4 and seq len 4096";

    private static String say(Conversation c, String turn) {
        return ConversationBench.render(c.respond(turn)).toLowerCase(Locale.ROOT);
    }

    @Test
    void anAnswerThatSaysItDoesNotFitDoesNotMeetExpectFits() {
        Conversation c = new Conversation();
        String answer = say(c, SETUP);
        // The sentence with the verdict (the answer goes on to suggest asking "what batch fits?").
        String noted = java.util.Arrays.stream(answer.split("\\. ")).filter(x -> x.contains("does not fit"))
                .findFirst().orElseThrow(() -> new AssertionError(answer));
        assertFalse(Transcripts.mentions(noted, "fit"), noted);
        assertFalse(Transcripts.mentions(noted, "fits"), noted);
        assertTrue(Transcripts.mentions(noted, "does not fit"), "a phrase that denies is taken as written");
        assertTrue(Transcripts.mentions(noted, "estimated peak"), noted);

        String fit = say(c, "what batch fits?");
        assertTrue(fit.contains("fits"), fit);
        assertFalse(Transcripts.mentions(fit, "fits"), "'not even micro-batch 1 … fits' denies it: " + fit);
        assertTrue(Transcripts.mentions(fit, "rungs"), fit);
        assertTrue(Transcripts.mentions(fit, "grad"), "a stem meets the word it starts: " + fit);
        assertFalse(Transcripts.mentions(fit, "ungs"), "a word's inside is not a mention: " + fit);
    }

    @Test
    void theJudgeReportsAnUnmetExpectation() {
        Conversation c = new Conversation();
        c.respond(SETUP);
        Answer a = c.respond("what batch fits?");
        String text = ConversationBench.render(a);
        var turn = new Transcripts.Turn("what batch fits?", null, List.of(), List.of(), List.of("fits|it fits"), List.of(),
                null);
        assertEquals(List.of("expect fits|it fits"), Transcripts.judge(turn, a, text, c.facts()));
        var met = new Transcripts.Turn("what batch fits?", null, List.of(), List.of(), List.of("fits|not even"),
                List.of(), null);
        assertEquals(List.of(), Transcripts.judge(met, a, text, c.facts()));
    }

    @Test
    void aTopicNamedInANegatedClauseIsStillMentioned() {
        String answer = "without torch.no_grad() every batch's graph stays alive";
        assertTrue(Transcripts.mentions(answer, "no_grad"), answer);
        assertTrue(Transcripts.mentions(answer, "graph"), answer);
    }
}
