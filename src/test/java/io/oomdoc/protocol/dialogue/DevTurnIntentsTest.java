package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The intent of the development conversations' own turns: each row of src/test/resources/intents/dev-turns.tsv
 * (the rules) and dev-states.tsv (the learned model) is a user's line from a fixture (source in the row), what the
 * conversation read on it, and the intent the fixture labels it with. Every turn read as labelled stays read so, one
 * row one turn, without playing the conversation again (what was read is the row's).
 */
class DevTurnIntentsTest {
    private static final Path TABLE = Path.of("src/test/resources/intents/dev-turns.tsv");
    private static final Path STATES = Path.of("src/test/resources/intents/dev-states.tsv");
    private static final String FLAGS = "PDAHQFBWT";
    private final IntentClassifier rules = new IntentClassifier();

    static Stream<Arguments> turns() throws IOException {
        return Files.readAllLines(TABLE).stream().filter(l -> !l.startsWith("#")).map(l -> l.split("\t", 6))
                .map(f -> Arguments.of(f[0] + " turn " + f[1], f[3], f[4], f[5].replace("\\n", "\n")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("turns")
    void theRulesReadTheTurnAsTheFixtureLabelsIt(String turn, String flags, String label, String text) {
        assertEquals(label, rules.classify(signals(text, flags)).json(), turn + ": " + text);
    }

    static Stream<Arguments> states() throws IOException {
        return Files.readAllLines(STATES).stream().filter(l -> !l.startsWith("#")).map(l -> l.split("\t", 8))
                .map(f -> Arguments.of(f[0] + " turn " + f[1], f[3], f[4], f[5], f[6], f[7].replace("\\n", "\n")));
    }

    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("states")
    void theLearnedModelReadsTheTurnAsTheFixtureLabelsIt(String turn, String flags, String rule, String previous,
            String label, String text) {
        var state = new IntentFeatures.State(signals(text, flags), intent(rule), intent(previous));
        assertEquals(label, IntentModel.bundled().classify(state).json(), turn + ": " + text);
    }

    private static Intent intent(String json) {
        return json.equals("-") ? null : Intent.valueOf(json.toUpperCase(Locale.ROOT));
    }

    /** The row's signal letters, in the order of FLAGS, as the record the conversation builds. */
    private static IntentClassifier.Signals signals(String text, String flags) {
        boolean[] on = new boolean[FLAGS.length()];
        for (int i = 0; i < on.length; i++) on[i] = flags.charAt(i) == FLAGS.charAt(i);
        return new IntentClassifier.Signals(text, on[0], on[1], on[2], on[3], on[4], on[5], on[6], on[7], on[8]);
    }
}
