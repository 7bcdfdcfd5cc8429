package io.oomdoc.protocol;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.TraceAnalyzer;
import io.oomdoc.protocol.dialogue.Answer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Garbled input built from real message fragments, overlong numbers and stray bytes never crashes the engine. */
class NoCrashTest {
    private static final String[] FRAGMENTS = {"CUDA out of memory. Tried to allocate ", "GiB", "MiB", " (GPU ", "; ", " total capacity",
            " already allocated", " free", " reserved in total by PyTorch)", "Process ", " has ", " memory in use", "Killed", "\n",
            "  File \"x.py\", line ", ", in ", "Traceback (most recent call last):", "OOM when allocating tensor with shape[", "]", ",",
            "RESOURCE_EXHAUSTED", "bytes", "MPS backend out of memory (MPS allocated: ", "other allocations: ", "max allowed: ", "|",
            "MiB /", "[rank", "]:", "depth=", "batch size ", "seq len ", "7B", "3090", "\u001B[31m", "\r\n", "\t", "é", "💥",
            "99999999999999999999999", "1,5", "0"};

    @Test
    void randomFragmentsNeverCrashAndNeverDefeatAParser() {
        Random r = new Random(7);
        Diagnoser d = new Diagnoser();
        var chat = new io.oomdoc.protocol.dialogue.Conversation();
        for (int i = 0; i < 1500; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = r.nextInt(40); j > 0; j--) {
                sb.append(FRAGMENTS[r.nextInt(FRAGMENTS.length)]);
                if (r.nextBoolean()) sb.append(r.nextInt(100000));
            }
            String t = sb.toString();
            Answer a = assertDoesNotThrow(() -> chat.respond(t), t);
            // a turn the conversation read as a failure was diagnosed there; the others go to the diagnoser here, so
            // every input is diagnosed once, not twice (a diagnosis is most of this test's time)
            if (a.report() == null) assertDoesNotThrow(() -> d.diagnose(LogText.of(t), t, Facts.EMPTY, null, null), t);
            for (String u : new TraceAnalyzer().analyze(LogText.of(t)).unreadable()) assertFalse(u.contains("could not read"), u + " <- " + t);
        }
    }
}
