package io.oomdoc.bench;

import io.oomdoc.protocol.dialogue.Conversation;

/**
 * Plays the given turns through one conversation and prints each answer with the facts held after it, to try a
 * behaviour by hand. Run: bench/run.sh Chat "first turn" "second turn" ...
 */
public final class Chat {
    public static void main(String[] args) {
        Conversation c = new Conversation();
        for (String turn : args) {
            System.out.println("> " + turn.replace("\n", "\n> "));
            var a = c.respond(turn);
            System.out.println("    [" + a.intent() + "]");
            System.out.println(ConversationBench.render(a).indent(4));
            System.out.println("    facts: " + c.facts());
        }
    }
}
