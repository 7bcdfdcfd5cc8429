package io.oomdoc.bench;

import io.oomdoc.protocol.dialogue.Conversation;
import io.oomdoc.protocol.dialogue.IntentFeatures;
import io.oomdoc.protocol.dialogue.IntentModel;
import io.oomdoc.protocol.dialogue.Transcripts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites src/test/resources/intents/dev-states.tsv (read by DevTurnIntentsTest) after a refit: every turn of the
 * development conversations, played with the bundled weights, that the learned model reads as labelled, with the
 * signals, the rules' intent and the intent before that the conversation read; pastes over 300 characters left out.
 * The file's comment lines are kept. Run: bench/run.sh DevStates
 */
public final class DevStates {
    private static final Path FILE = Path.of("src/test/resources/intents/dev-states.tsv");
    private static final String FLAGS = "PDAHQFBWT";
    private static final int LONGEST = 300;

    public static void main(String[] args) throws Exception {
        List<String> out = new ArrayList<>(Files.readAllLines(FILE).stream().filter(l -> l.startsWith("#")).toList());
        Path dir = Path.of("src/test/resources/conversations");
        for (var t : Transcripts.all(dir)) {
            String source = Files.readAllLines(dir.resolve(t.file())).stream().filter(l -> l.startsWith("source:"))
                    .map(l -> l.substring("source:".length()).strip()).findFirst().orElse("-");
            Conversation c = new Conversation();
            for (int i = 0; i < t.turns().size(); i++) {
                var turn = t.turns().get(i);
                c.respond(turn.input());
                var s = c.lastState();
                if (turn.intent() == null || turn.input().length() > LONGEST) continue;
                if (!IntentModel.bundled().classify(s).json().equals(turn.intent())) continue;
                out.add(String.join("\t", "conversations/" + t.file(), String.valueOf(i + 1), source, flags(s),
                        IntentFeatures.name(s.rule()), s.previous() == null ? "-" : s.previous().json(),
                        turn.intent(), turn.input().replace("\n", "\\n")));
            }
        }
        Files.write(FILE, out);
        System.out.println((out.size()) + " lines written to " + FILE);
    }

    private static String flags(IntentFeatures.State s) {
        var g = s.signals();
        boolean[] on = {g.pastedFailure(), g.describesFailure(), g.asserts(), g.hypothetical(), g.pending(),
            g.holdsFailure(), g.aboutHeld(), g.afterWhatIf(), g.afterHowTo()};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < on.length; i++) b.append(on[i] ? FLAGS.charAt(i) : '-');
        return b.toString();
    }
}
