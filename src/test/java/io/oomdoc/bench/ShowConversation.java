package io.oomdoc.bench;

import io.oomdoc.protocol.dialogue.Conversation;
import io.oomdoc.protocol.dialogue.Transcripts;

import java.nio.file.Path;

/**
 * Plays one transcript file and prints every turn (held or not) with the facts after it, to read a whole conversation
 * around a failing turn. Run: bench/run.sh ShowConversation src/test/resources/conversations_heldoutN/FILE. Only for
 * sets that may be read: never a blind set's file.
 */
public final class ShowConversation {
    public static void main(String[] args) {
        for (String arg : args) {
            Path p = Path.of(arg);
            var t = Transcripts.all(p.getParent()).stream().filter(x -> x.file().equals(p.getFileName().toString()))
                    .findFirst().orElseThrow();
            Conversation c = new Conversation();
            var held = new java.util.ArrayList<String>();
            var verdicts = Transcripts.play(t, in -> {
                var a = c.respond(in);
                held.add(String.valueOf(c.facts()));
                return a;
            }, c::facts, ConversationBench::render);
            for (var v : verdicts) {
                System.out.printf("#%d [%s -> %s] %s%n> %s%n%s%n    facts: %s%n%n", v.index(), v.turn().intent(),
                        v.gotIntent(), v.holds() ? "HOLDS" : v.problems(), v.turn().input(), v.output().indent(4),
                        held.get(v.index() - 1));
            }
        }
    }
}
