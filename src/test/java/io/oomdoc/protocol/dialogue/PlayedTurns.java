package io.oomdoc.protocol.dialogue;

import java.nio.file.Path;

/** A real conversation played turn by turn, for tests that read one answer in its context. */
final class PlayedTurns {
    private PlayedTurns() {}

    /** The answer to turn {@code upTo} (1-based) of a fixture under src/test/resources, the turns before it first. */
    static String answerTo(String set, String file, int upTo) {
        var t = Transcripts.read(Path.of("src/test/resources", set, file));
        Conversation c = new Conversation();
        String last = null;
        for (int i = 0; i < upTo; i++) last = c.respond(t.turns().get(i).input()).text();
        return last;
    }
}
