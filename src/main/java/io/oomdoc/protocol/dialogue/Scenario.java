package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

import java.util.regex.Pattern;

/**
 * The change of the last what-if, kept while the user asks how to make it or what it means: "would batch 8 then
 * fit?" after "what if I turn on gradient checkpointing?" asks about both changes together, as an expert hears it,
 * not about batch 8 on the setup that already failed. A new failure, a correction, a stated fact or an adopted change
 * ends it; a turn that does not refer back ("then", "also", "with that") leaves it out.
 */
final class Scenario {
    /** Words by which a what-if or fit question builds on the change discussed just before. */
    private static final Pattern BUILDS_ON = Pattern.compile("(?i)\\b(?:then|with (?:that|it|this|those)|on top"
            + "|as well|too|also|additionally|in addition|combined|together|plus|both)\\b");

    private Facts change;

    /** A what-if asked: its change is the scenario the next turns may build on. */
    void asked(Facts hypothetical) {
        if (hypothetical != null && !hypothetical.isEmpty()) change = hypothetical;
    }

    /** The facts moved on (a new failure, a correction, a statement, an adopted change): nothing to build on. */
    void clear() { change = null; }

    /** The change held when the turn refers back to it, else null. */
    Facts under(String text, Facts own) {
        if (change == null || !BUILDS_ON.matcher(text).find()) return null;
        // "and batch 2 then?" after batch 8: the turn's own value of the same fact replaces the scenario's.
        Facts kept = change;
        for (String key : own.asMap().keySet()) kept = kept.without(key);
        return kept.isEmpty() ? null : kept;
    }

    /** The turn's change on top of the scenario it builds on. */
    static Facts stacked(Facts under, Facts own) { return under == null ? own : under.merge(own); }

    /** The answer, opened by the line that says which earlier change it keeps. */
    static String said(Facts under, String answer) {
        return under == null ? answer : Messages.get("scenario.kept", Conversation.describe(under)) + "\n" + answer;
    }
}
