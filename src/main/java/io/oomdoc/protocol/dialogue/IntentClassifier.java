package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Classifies a turn from its words and the conversation's state. The order of the tests is the precedence: a pasted
 * failure is always a new failure; an answer to oomdoc's own question is an answer; a correction replaces a fact; the
 * question words then tell how-to, explain, what-if and fit apart; a question about the failure held is a follow-up.
 */
public final class IntentClassifier {
    /** What the classifier needs to know about the turn and the conversation. */
    public record Signals(String text, boolean pastedFailure, boolean describesFailure, boolean asserts,
            boolean hypothetical,
                          boolean pending, boolean holdsFailure, boolean aboutHeld) {}

    private static final Pattern SMALL_TALK = Pattern.compile("(?i)^\\W*(?:hi|hello|hey|yo|thanks?(?: you)?(?: so "
            + "much| a lot)?|thx"
            + "|ty|cheers|great|ok(?:ay)?|cool|nice|perfect|got it|awesome|bye|good(?:bye| night| morning)?|that "
                    + "(?:worked|fixed it|helped)"
            + "|it works(?: now)?|(?:it )?worked|fixed|solved)\\b[^?]{0,60}$");
    private static final Pattern CORRECTION = Pattern.compile("(?i)^\\W*(?:actually|no[,.!]|nope|sorry|correction|i "
            + "meant|my bad"
            + "|wait[,.]|oops|not \\w+,|it'?s (?:actually|not)|i was wrong|rather|changed (?:it )?to|switched to)");
    private static final Pattern HOW_TO = Pattern.compile("(?i)\\bhow (?:do|can|should|would) (?:i|we|you)\\b|\\bhow "
            + "to\\b"
            + "|where (?:do|can) i (?:set|put|add|change)|what (?:flag|option|setting|argument|parameter|config)"
                    + "|which (?:flag|option"
            + "|setting|argument)|(?:show|give) me (?:the|a) (?:snippet|code|config|flag)|\\bsyntax for\\b|how do "
                    + "you (?:turn|enable)");
    private static final Pattern EXPLAIN = Pattern.compile("(?i)what (?:does|do|is|are|'s) .{0,60}\\b(?:mean|means"
            + "|meaning)\\b"
            + "|\\bwhat(?: is|'s| are) (?:the )?(?:difference|a |an |the )?\\b|\\bexplain\\b|why (?:is|are|does|do) "
                    + ".{0,60}(?:bigger|"
            + "larger|higher|smaller|lower|more|less|so much|differ|than)|\\bmeaning of\\b|what are .{0,40}bytes"
                    + "|where does .{0,40}come from"
            + "|why (?:does|do|is) .{0,40}(?:need|take|use)|\\bwhy so\\b|come from\\b|\\bis that (?:right|correct"
                    + "|the)\\b"
            + "|what(?:'s| is) (?:that|this) .{0,20}(?:chunk|number|figure|block)");
    private static final Pattern WHAT_IF = Pattern.compile("(?i)\\bwhat if\\b|\\bwhat about\\b|\\bhow about\\b"
            + "|^\\W*and (?:with|if|on"
            + "|using)\\b|\\bwould (?:it|that|\\w+ing|using|switching|adding|a|an|the)?\\b.{0,40}\\b(?:help|fit|work"
                    + "|be enough|save|reduce|"
            + "change)|\\b(?:does|do|will|can|could) .{0,40}\\b(?:help|save|be enough|reduce)\\b|\\bif i (?:use"
                    + "|switch|enable|turn on"
            + "|add|go|drop|move|try|set|cut|reduce|lower|increase)|\\bwith (?:\\d+|two|four|eight) gpus\\b.*\\?"
                    + "|\\binstead\\b");
    private static final Pattern FIT = Pattern.compile("(?i)what (?:micro-?|device )?batch|which (?:micro-?|device "
            + ")?batch|batch"
            + " (?:size )?(?:fits|can i|would fit|should i|to use)|max(?:imum)? (?:micro-?)?batch|largest batch|how "
                    + "(?:big|large|long) (?:a |"
            + "the )?(?:batch|context|sequence)|will it fit|does it fit|would it fit|can i (?:train|fine-?tune|run"
                    + "|fit|serve|load)|\\bfit\\?"
            + "|enough (?:memory|vram)|how much (?:memory|vram|gpu)|memory (?:do i need|needed|would|will)|what fits"
                    + "|which model fits"
            + "|--device-batch-size.{0,30}\\?|(?:what|which) (?:--)?device[-_ ]batch"
            + "|(?:max[_ ]model[_ ]len|max[_ ]seq(?:uence)?[_ ]len(?:gth)?|context(?: length| size)?|sequence length"
                    + "|seq)[^?]{0,40}"
            + "(?:fits?\\b|would fit|will fit|can i)"
            + "|(?:longest|largest|max(?:imum)?) [^?]{0,40}(?:fits?\\b|would fit)");
    private static final Pattern THANKS = Pattern.compile("(?i)\\b(?:thanks?|thank you|thx|cheers)\\b|\\b(?:works"
            + "|worked|working) now\\b"
            + "|\\b(?:did|does) it\\b[^?]*$|\\b(?:fixed|solved) it\\b|\\bit'?s gone\\b|\\bthat (?:worked|did it"
                    + "|helped)");
    private static final Pattern CORRECTS = Pattern.compile("(?i)\\bactually\\b|\\b(?:changed|switched|moved|set) "
            + "(?:\\w+ ){0,3}to\\b"
            + "|\\bi meant\\b|\\bcorrection\\b|\\bno wait\\b|\\bnot \\w+, (?:it'?s|but)|\\binstead of\\b.*\\b(?:now"
                    + "|i use|i'm)"
            + "|, not (?:one|1|a single|just one|\\d+)\\b|\\bnot just one\\b|\\boh and\\b");
    private static final Pattern WHY_FIRST = Pattern.compile("(?i)^\\W*(?:so |but |and |ok,? )?(?:why|how come)\\b"
            + "|\\bwhy (?:is|are|does|do|would|did|doesn'?t|isn'?t|only)\\b");
    private static final Pattern CAN_I = Pattern.compile("(?i)\\b(?:can|could) (?:i|we|you) (?:do|use|enable|turn on"
            + "|turn off|stop|disable"
            + "|set|make|give|get|load|run .{0,20} with)\\b|\\bis there a way\\b|\\bhow (?:do|can) i (?:find|check"
                    + "|see|tell|know"
            + "|measure|figure)|\\bway to\\b|\\bequivalent of\\b|\\bthe equivalent\\b|\\bwhere (?:do|should) i "
                    + "(?:set|put)\\b");
    private static final Pattern STILL = Pattern.compile("(?i)\\bstill\\b|same (?:error|oom|problem|thing)|didn'?t "
            + "(?:help|change|work"
            + "|fix)|no difference|nothing changed|doesn'?t (?:help|change|work)");
    private static final Pattern WHAT_IF_LEAD = Pattern.compile("(?i)\\bwhat if\\b|\\bwhat about\\b|\\bhow about\\b"
            + "|\\b(?:does|do|would|will)"
            + " .{0,30}\\bhelp\\b");
    private static final Pattern SCIENCE_Q = Pattern.compile("(?i)make (?:the )?(?:model|results?|training) worse"
            + "|hurt (?:the )?"
            + "(?:model|accuracy|quality|results?)|change (?:the )?(?:total batch|training result|result|science)");
    private static final Pattern QUESTION = Pattern.compile("\\?\\s*$|(?i)^\\W*(?:why|what|how|which|when|where|who"
            + "|is|are|can|could"
            + "|should|would|will|does|do|did|any)\\b");

    public Intent classify(Signals s) {
        String t = s.text().strip();
        boolean question = QUESTION.matcher(t).find();
        if (s.pastedFailure()) return Intent.NEW_FAILURE;
        if (THANKS.matcher(t).find() && !t.contains("?")) return Intent.SMALL_TALK;
        if (s.pending() && t.length() <= 40 && s.asserts() && !question) return Intent.ANSWER;
        if (s.pending() && t.matches("(?i)^\\W*\\d[\\d.,]*\\s*(?:k|gb|gib|g|tokens?)?\\W*$")) return Intent.ANSWER;
        if ((CORRECTION.matcher(t).find() || CORRECTS.matcher(t).find()) && s.asserts()
                && !t.endsWith("?")) return Intent.CORRECTION;
        if (SMALL_TALK.matcher(t).find() && !s.asserts() && !HOW_TO.matcher(t).find()) return Intent.SMALL_TALK;
        if (SCIENCE_Q.matcher(t).find()) return Intent.FOLLOW_UP;
        boolean why = WHY_FIRST.matcher(t).find();
        if (HOW_TO.matcher(t).find() || CAN_I.matcher(t).find() && !why && !FIT.matcher(t).find()) return Intent.HOW_TO;
        if (FIT.matcher(t).find() && !WHAT_IF_LEAD.matcher(t).find() && !why) return Intent.FIT;
        if (s.holdsFailure() && s.aboutHeld() && !WHY_FIRST.matcher(t).find() && !WHAT_IF_LEAD.matcher(t).find())
            return Intent.FOLLOW_UP;
        if (WHY_FIRST.matcher(t).find() || EXPLAIN.matcher(t).find() && !WHAT_IF.matcher(t).find()
                && !FIT.matcher(t).find())
            return Intent.EXPLAIN;
        if (WHAT_IF.matcher(t).find()) return Intent.WHAT_IF;
        if (FIT.matcher(t).find()) return Intent.FIT;
        if (s.hypothetical() && question) return Intent.WHAT_IF;
        if (s.describesFailure() && !s.holdsFailure()) return Intent.NEW_FAILURE;
        if (s.holdsFailure() && (STILL.matcher(t).find() || question)) return Intent.FOLLOW_UP;
        if (s.asserts() && !question) return Intent.STATEMENT;
        if (s.holdsFailure()) return Intent.FOLLOW_UP;
        if (s.describesFailure()) return Intent.NEW_FAILURE;
        if (s.asserts()) return Intent.STATEMENT;
        return t.isBlank() ? Intent.SMALL_TALK : question ? Intent.FOLLOW_UP : Intent.SMALL_TALK;
    }
}
