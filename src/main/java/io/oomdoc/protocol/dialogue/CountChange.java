package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "With 4 workers?" after "--workers 2 takes at least 3GB", "cap each request at 5 minutes" after a 30-minute file,
 * "16k instead" after a 32k context: a count of something said with its unit, compared with the same unit's value
 * the conversation gave first (the setup's; a later what-if is not the base). What each unit holds is paid that many
 * times, so the ratio is the answer, and a figure the setup said for its own count ("takes 3GB") scales with it.
 */
final class CountChange {
    /** "4 workers", "30+ minutes", "2 hours", "8 beams"; "--workers 2", "parallel_workers=4"; "16k" of a context. */
    // "16 frames per clip", "30,000 points": what a model consumes item by item is counted like a worker
    private static final Pattern COUNT = Pattern.compile("(?i)(?<![\\w.,])(\\d{1,3}(?:,\\d{3})+|\\d{1,5}"
            + "(?:\\.\\d+)?)\\s*\\+?\\s*"
            + "(workers?|processes|instances|replicas|sessions|streams|beams|minutes?|mins?|hours?|hrs?|seconds?|secs?"
            + "|frames?|points?|patches|rays|views?|crops?|tiles?|clips?)"
            + "\\b|(?<![\\w-])--?(?:num[-_]|parallel[-_])?(workers|replicas|instances)\\s*[= ]\\s*(\\d{1,4})\\b"
            + "|(?<![\\w.])(\\d{1,4})k\\b(?!\\s*(?:hz|tokens? per|steps|iter))"
            + "|(?<![\\w.,])(\\d{3,7})\\s+tokens\\b(?!\\s*(?:per|/))");
    /** The turn proposes the count ("what if", "with 4 workers?", "instead", "cap ... at"). */
    private static final Pattern PROPOSES = Pattern.compile("(?i)\\bwhat if\\b|\\binstead\\b|^\\s*(?:and )?with\\b"
            + "|\\b(?:use|set|cap|limit|try|switch|go (?:up|down) to|drop to|raise to|run)\\b");
    private static final Pattern INSTEAD_OF = Pattern.compile("(?i)\\binstead of\\b");
    private static final Pattern FROM = Pattern.compile("(?i)\\bfrom\\b");
    /** "16k" is a context length only where the conversation speaks of one. */
    private static final Pattern CONTEXT = Pattern.compile("(?i)context|\\bctx\\b|n_ctx|max_model_len|tokens?\\b"
            + "|\\bkv\\b");
    /** "takes at least 3GB", "uses 11 GB": a figure said for the count, in the same sentence after it. */
    // a sentence ends at a full stop before a space, not at the dots of "app.main" or "uvicorn.workers"
    private static final Pattern FIGURE = Pattern.compile("(?i)^(?:[^.\\n]|\\.(?!\\s)){0,120}?\\b(?:takes?|uses?"
            + "|needs?|consumes?|occupies|holds?|eats?|costs?)\\b(?:[^.\\n]|\\.(?!\\s)){0,30}?(\\d+(?:\\.\\d+)?)\\s*"
            + "(gib|gb|mib|mb|g)\\b");
    private static final Map<String, String> UNIT = Map.ofEntries(Map.entry("worker", "workers"),
            Map.entry("processe", "workers"), Map.entry("min", "seconds"), Map.entry("minute", "seconds"),
            Map.entry("hour", "seconds"), Map.entry("hr", "seconds"), Map.entry("sec", "seconds"),
            Map.entry("second", "seconds"), Map.entry("instance", "instances"), Map.entry("replica", "instances"),
            Map.entry("session", "sessions"), Map.entry("stream", "streams"), Map.entry("beam", "beams"),
            Map.entry("k", "tokens"), Map.entry("token", "tokens"), Map.entry("frame", "frames"),
            Map.entry("point", "points"), Map.entry("patche", "patches"), Map.entry("ray", "rays"),
            Map.entry("view", "views"), Map.entry("crop", "crops"), Map.entry("tile", "tiles"),
            Map.entry("clip", "clips"));
    /**
     * "16 frames per clip instead of 32", "from 32 to 16 frames": the old count said bare, in the unit of the new.
     */
    private static final Pattern BARE_BEFORE = Pattern.compile("(?i)\\binstead of\\s+(\\d[\\d,]*)"
            + "(?![\\w.,%]|\\s*(?:[kmgt]i?b|bits?|bpw)\\b)"
            + "|\\bfrom\\s+(\\d[\\d,]*)\\s+to\\s+\\d");

    private CountChange() {}

    /** One count said in a text: its dimension, value in that dimension's base unit, the words said, and where. */
    record Said(String unit, double value, String words, int end) {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!PROPOSES.matcher(t).find()) return null;
        String earlier = a.earlier();
        boolean context = CONTEXT.matcher(t + "\n" + earlier).find();
        List<Said> now = counts(t, context);
        if (now.isEmpty()) return null;
        Said to = now.get(0);
        Said from = null;
        // "4 workers instead of 2 workers" names the new one first; "from 2 workers to 4 workers" the old one
        if (now.size() > 1 && now.get(1).unit().equals(to.unit())) {
            if (INSTEAD_OF.matcher(t).find()) from = now.get(1);
            else if (FROM.matcher(t).find()) { from = to; to = now.get(1); }
        }
        Matcher bare = BARE_BEFORE.matcher(t);
        if (from == null && now.size() == 1 && bare.find()) {
            String n = bare.group(1) != null ? bare.group(1) : bare.group(2);
            String word = to.words().substring(to.words().indexOf(' ') + 1);
            double v = Double.parseDouble(n.replace(",", "")) * to.value() / number(to.words());
            if (to.words().indexOf(' ') > 0) from = new Said(to.unit(), v, n + " " + word, bare.end());
        }
        for (Said s : from != null ? List.<Said>of() : counts(earlier, context)) {
            // the earliest said (the setup's, last in the newest-first context) of the same dimension
            if (s.unit().equals(to.unit()) && s.value() != to.value()) from = s;
        }
        if (from == null || from.value() <= 0) return null;
        double r = to.value() / from.value();
        String line = Messages.get("count.change", from.words(), to.words(), Scaling.ratio(r));
        String base = from.end() <= t.length() && now.contains(from) ? t : earlier;
        Matcher fig = FIGURE.matcher(base.substring(Math.min(from.end(), base.length())));
        if (fig.find()) {
            double v = Double.parseDouble(fig.group(1));
            line += " " + Messages.get("count.change.figure", fig.group(1) + " " + fig.group(2), from.words(),
                    Sizes.trim(v * r) + " " + fig.group(2), to.words());
        }
        return line;
    }

    /** The number a count was said with ("16" of "16 frames"), to scale a bare one into the same unit. */
    private static double number(String words) {
        int space = words.indexOf(' ');
        return Double.parseDouble(space < 0 ? words.replaceAll("\\D+$", "") : words.substring(0, space));
    }

    private static List<Said> counts(String text, boolean context) {
        List<Said> out = new ArrayList<>();
        Matcher m = COUNT.matcher(text);
        while (m.find()) {
            String number;
            String word;
            if (m.group(1) != null) { number = m.group(1); word = m.group(2); }
            else if (m.group(3) != null) { number = m.group(4); word = m.group(3); }
            else if (m.group(5) != null && context) { number = m.group(5); word = "k"; }
            else if (m.group(6) != null) { number = m.group(6); word = "tokens"; }
            else continue;
            String stem = word.toLowerCase(Locale.ROOT).replaceAll("s$", "");
            String unit = UNIT.get(stem);
            if (unit == null) continue;
            // a length in thousands is said in thousands ("128k" after "256000 tokens" is half of it)
            number = number.replace(",", "");
            double v = unit.equals("seconds") ? Durations.seconds(Double.parseDouble(number), stem)
                    : Double.parseDouble(number) * (stem.equals("k") ? 1000 : 1);
            String said = word.equals("k") ? number + "k" : number + " " + word.toLowerCase(Locale.ROOT);
            out.add(new Said(unit, v, said, m.end()));
        }
        return out;
    }
}
