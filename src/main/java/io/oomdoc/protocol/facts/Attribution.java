package io.oomdoc.protocol.facts;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says whether a card, a card's size or a count of cards belongs to someone else's measurement or requirement ("the
 * authors measured 13G on a V100 32G", "the author says a single 3090 needs 5.1GB", "someone trained within 45 GB on
 * one A6000", "they say 40GB of VRAM is needed") rather than to the user. Within a sentence, the party named last
 * before the mention owns it: "the paper used an A100 but I use a 3090" keeps the 3090 as the user's.
 */
final class Attribution {
    /** The keys that describe the user's card; a count of cards is its own group; other keys are read as before. */
    private static final Set<String> CARD = Set.of("gpu", "size.stated", "size.total", "size.capacity");

    /** Settings a paper or README reports with its card ("batch 8 for inference"), each its own group. */
    private static final Set<String> COUNTS = Set.of("gpus", "batch");
    /** A sentence ends at a stop and a space, a line break, or a Chinese full stop, question or exclamation mark. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.?!;:][\"'”)]?)\\s+|\\n+|(?<=[。？！；])");
    /** Someone other than the user, or a measurement/requirement reported by them. */
    private static final Pattern OTHER = Pattern.compile("\\b(?:the\\s+(?:[\\w-]+\\s+)?(?:authors?|maintainers?"
            + "|developers?|devs?)|(?:authors?|maintainers?|developers?)\\s+(?:say"
            + "|said|says|measured|used|report|reported|answered|wrote|claim)|the\\s+paper(?!'s)|paper\\s+(?:used|says"
            // "from the readme example, batch size 1": a recipe the user runs is theirs; what a README claims is not
            + "|reports)|(?:readme|docs|documentation|model\\s+card)\\s+(?:says|said|states|claims|reports|lists"
            + "|mentions|shows)"
            // "people tell me 8 x A100 (40G) trains it" (OpenMOSS/MOSS#272): what others report is theirs
            + "|people\\s+(?:tell|told|say|said|report|reported)|others\\s+(?:say|said|report|reported)"
            + "|someone|somebody|they\\s+(?:say|said|measured|used|trained|tested|ran"
            + "|report|reported|got|recommend)|(?:was|were|is|are)\\s+(?:measured|tested|trained|benchmarked)"
            + "|officially"
            // the person a thread addresses (a maintainer, or the assistant): "you say lower it to 4", "your model runs
            // on an A6000", "in your script you use 16"
            + "|you\\s+(?:say|said|suggest|suggested|recommend|recommended|used?|trained|ran|tested|are\\s+using"
            + "|were\\s+using)|your\\s+(?:paper|experiments?|setup|machine|server|gpus?|cards?|results?|readme|logs?"
            // not "your code OOMs on a 24GB card": the card a user runs someone's code on is the user's
            + "|benchmarks?|environment|hardware|model\\s+(?:is\\s+running|runs|ran|was\\s+trained|is\\s+trained)))\\b"
            // Chinese has no spaces, so no word boundaries: the author (作者), the official release (官方),
            // the paper (论文)
            + "|作者|官方|论文");
    /** The user speaking of their own setup. */
    // "someone told me": the one told is not the one whose hardware follows
    private static final Pattern OWN = Pattern.compile("\\b(?:my|mine|our|ours|i|i'm|i've|im|ive|we|we're"
            + "|(?<!\\b(?:tell|tells|told|telling) )me)\\b"
            + "|我");

    /** A quotation in straight or curly double quotes, or Chinese corner brackets, within one paragraph. */
    private static final Pattern QUOTED = Pattern.compile("\"[^\"\\n]*\"|“[^”\\n]*”|「[^」\\n]*」");

    private final String lower;

    Attribution(String lower) { this.lower = lower; }

    /** The group of hardware keys a mention belongs to, or null when it is not hardware. */
    static String group(Mention m) {
        return CARD.contains(m.key()) ? "card" : COUNTS.contains(m.key()) ? m.key() : null;
    }

    /** True when the mention is hardware and the last party named before it in its sentence is someone else. */
    boolean othersHardware(Mention m) {
        if (group(m) == null) return false;
        if (quotedFromOthers(m.start())) return true;
        String before = lower.substring(sentenceStart(m.start()), m.start());
        int other = last(OTHER, before), own = last(OWN, before);
        return other >= 0 && other > own;
    }

    /**
     * The MARLIN author says: "We use 2 RTX A6000 48GB GPUs ..." (burned set 31): inside a quotation the "we" and
     * "I" are the quoted party's, so a mention there is theirs when, on the line before the quotation opens (other
     * quotations left out), someone else is named after the user last spoke of themselves.
     */
    private boolean quotedFromOthers(int pos) {
        int open = quoteOpening(pos);
        if (open < 0) return false;
        int lineStart = lower.lastIndexOf('\n', open) + 1;
        String before = QUOTED.matcher(lower.substring(lineStart, open)).replaceAll(" ");
        int other = last(OTHER, before), own = last(OWN, before);
        return other >= 0 && other > own;
    }

    /** Where the quotation holding {@code pos} opens, or -1 when {@code pos} is outside every quotation. */
    private int quoteOpening(int pos) {
        Matcher q = QUOTED.matcher(lower);
        while (q.find() && q.start() < pos) if (pos < q.end()) return q.start();
        return -1;
    }

    private int sentenceStart(int pos) {
        int s = 0;
        Matcher e = SENTENCE_END.matcher(lower).region(0, pos);
        while (e.find()) s = e.end();
        return s;
    }

    private static int last(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int at = -1;
        while (m.find()) at = m.start();
        return at;
    }
}
