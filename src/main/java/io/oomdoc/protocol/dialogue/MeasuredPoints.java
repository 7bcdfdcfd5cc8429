package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory the user measured at one or two settings of a count (batch, seconds or minutes of audio, frames, tokens),
 * turned into what they ask: the cost of each extra unit, or the need at another count. Two measurements give the
 * slope and the part that does not grow; one gives an upper bound, since its figure still holds the fixed part
 * (weights, optimizer state). The measurements are read from the turn first, then from the turns before it.
 */
final class MeasuredPoints {
    /** A count and the memory measured at it, in the user's unit (GB, GiB, MB). */
    record Point(double count, String kind, double memory, String unit) {}

    private static final String NUM = "(\\d+(?:\\.\\d+)?)";
    private static final String MEM_UNIT = "\\s*(GiB|GB|G|MiB|MB)\\b";
    /** "bs", "batch_size", "micro-batch": the word that makes a bare number a batch. */
    private static final String BATCH = "(?:micro[-_ ]?)?(?:batch(?:[-_ ]?size)?|bs)";
    /** A whole count, not the start of a decimal; a sentence may end right after it ("at bs 16."). */
    private static final String WHOLE = "(\\d{1,6})(?!\\d|\\.\\d)";
    private static final String UNITS = "(seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|frames?|tokens?|samples?"
            + "|images?)\\b";
    /** A count with what it counts: "bs 8", "batch_size 256", "180 seconds", "1 hour", "61 frames". */
    private static final Pattern COUNT = Pattern.compile("(?i)\\b(?:" + BATCH + "\\s*(?:=|:|of|is)?\\s*" + WHOLE
            + "|(\\d{1,6}(?:\\.\\d+)?)\\s*" + UNITS + ")");
    /** A memory figure: "9 GB", "26 of 32 GB" (the first number, in the second's unit). */
    private static final Pattern MEMORY = Pattern.compile("(?i)(?<![\\w.])" + NUM + "(?:\\s+of\\s+\\d+(?:\\.\\d+)?)?"
            + MEM_UNIT);
    /** "26 GB at 256", "46.25 at bs 16": a figure measured at a count named after it. */
    private static final Pattern AT_COUNT = Pattern.compile("(?i)(?<![\\w.])" + NUM + "(" + MEM_UNIT + ")?\\s+(?:at"
            + "|with|for)\\s+(?:(" + BATCH + ")\\s*(?:=|of)?\\s*)?" + WHOLE + "(?:\\s*" + UNITS + ")?");
    /** "512 is 40 GB": a bare count and the figure it takes. */
    private static final Pattern BARE_IS = Pattern.compile("(?i)(?<![\\w.])(\\d{1,6})\\s+(?:is|was|uses|used|takes"
            + "|took|needs|needed)\\s+(?:about\\s+|around\\s+|~)?" + NUM + MEM_UNIT);
    /** What lies between a count and the figure measured at it: no other figure, no sentence or clause end. */
    private static final Pattern LINK = Pattern.compile("(?i)[^.;:\\d]{0,45}");

    /** "how much per sample", "each extra second of audio add", "per-minute": the unit asked about. */
    private static final Pattern PER = Pattern.compile("(?i)\\b(?:per|each|every)\\s+(?:extra\\s+|additional\\s+"
            + "|more\\s+)?(sample|image|example|item|second|minute|hour|frame|token|batch element)s?\\b");
    private static final Pattern HOW_MUCH = Pattern.compile("(?i)\\bhow much\\b|\\bwhat\\b");
    /** "what would 512 need", "what would batch 44 take": the need at another count. */
    private static final Pattern TARGET = Pattern.compile("(?i)\\bwhat (?:would|will|does|do)\\s+(?:a\\s+|the\\s+)?"
            + "(?:" + BATCH + "\\s*(?:=|of)?\\s*)?" + WHOLE + "\\s*(?:\\w+\\s+)?"
            + "(?:need|take|use|require|come to|cost)");

    private MeasuredPoints() {}

    static String of(Calculations.Ask a) {
        Matcher per = PER.matcher(a.text());
        Matcher target = TARGET.matcher(a.text());
        boolean asksPer = per.find() && HOW_MUCH.matcher(a.text()).find();
        if (!asksPer && !target.find()) return null;
        String kind = asksPer ? kind(per.group(1)) : null;
        List<Point> points = usable(points(a.text()), kind);
        if (points.size() < 2) {
            List<Point> more = usable(points(a.withContext()), kind);
            if (more.size() > points.size()) points = more;
        }
        if (points.isEmpty()) return null;
        if (asksPer) return perUnit(points, per.group(1).toLowerCase(Locale.ROOT));
        return at(points, Double.parseDouble(target.group(1)));
    }

    /** The cost of one more unit: the slope of two measurements, or the bound one gives. */
    private static String perUnit(List<Point> points, String asked) {
        double scale = toUnit(asked);
        if (points.size() >= 2) {
            Point p = points.get(0), q = points.get(1);
            double slope = (q.memory() - p.memory()) / (q.count() - p.count()) * scale;
            double fixed = p.memory() - p.count() * (slope / scale);
            return Messages.get("measured.slope", mem(p), count(p), mem(q), count(q), asked, size(slope, p.unit()),
                    size(Math.max(0, fixed), p.unit()));
        }
        Point p = points.get(0);
        return Messages.get("measured.bound", mem(p), count(p), size(p.memory() / p.count() * scale, p.unit()),
                asked);
    }

    /** The need at another count: from the nearest measurement plus the slope, or in proportion to one. */
    private static String at(List<Point> points, double target) {
        Point near = points.get(0);
        for (Point p : points) if (Math.abs(p.count() - target) < Math.abs(near.count() - target)) near = p;
        if (points.size() >= 2) {
            Point p = points.get(0), q = points.get(1);
            double slope = (q.memory() - p.memory()) / (q.count() - p.count());
            double need = near.memory() + (target - near.count()) * slope;
            return Messages.get("measured.at", number(target), number(need), near.unit(), mem(near), count(near),
                    size(slope, near.unit()));
        }
        double ratio = target / near.count();
        return Messages.get("measured.scaled", number(target), number(near.memory() * ratio), near.unit(),
                mem(near), count(near), number(ratio));
    }

    /** Every measurement the text states, in order, without repeats. */
    static List<Point> points(String text) {
        List<Point> out = new ArrayList<>();
        String lastUnit = null;
        Matcher at = AT_COUNT.matcher(text);
        while (at.find()) {
            String unit = at.group(3) != null ? at.group(3) : lastUnit;
            if (unit == null && !at.group(1).contains(".")) continue;
            if (at.group(3) != null) lastUnit = unit;
            if (unit == null) unit = earlierUnit(text, at.start());
            if (unit == null) continue;
            double n = Double.parseDouble(at.group(5)) * (at.group(6) == null ? 1 : seconds(at.group(6)));
            String k = at.group(4) != null ? "sample" : kind(at.group(6));
            add(out, new Point(n, k, Double.parseDouble(at.group(1)), unit));
        }
        Matcher bare = BARE_IS.matcher(text);
        while (bare.find()) add(out, new Point(Double.parseDouble(bare.group(1)), null,
                Double.parseDouble(bare.group(2)), bare.group(3)));
        Matcher c = COUNT.matcher(text);
        while (c.find()) {
            Matcher m = MEMORY.matcher(text).region(c.end(), text.length());
            if (!m.find() || !LINK.matcher(text.substring(c.end(), m.start())).matches()) continue;
            if (COUNT.matcher(text.substring(c.end(), m.start())).find()) continue;
            double n = c.group(1) != null ? Double.parseDouble(c.group(1)) : Double.parseDouble(c.group(2))
                    * seconds(c.group(3));
            String k = c.group(1) != null ? "sample" : kind(c.group(3));
            add(out, new Point(n, k, Double.parseDouble(m.group(1)), m.group(2)));
        }
        return out;
    }

    /** The unit of the last figure before {@code end}: "from 36.22 GB at bs 8 to 46.25 at bs 16". */
    private static String earlierUnit(String text, int end) {
        Matcher m = MEMORY.matcher(text.substring(0, end));
        String unit = null;
        while (m.find()) unit = m.group(2);
        return unit;
    }

    private static void add(List<Point> out, Point p) {
        if (p.count() <= 0) return;
        for (Point o : out) if (o.count() == p.count() && o.memory() == p.memory()) return;
        out.add(p);
    }

    /** The measurements of the kind asked (a bare count counts as any), in one unit, at distinct counts. */
    private static List<Point> usable(List<Point> all, String kind) {
        List<Point> out = new ArrayList<>();
        for (Point p : all) {
            if (kind != null && p.kind() != null && !p.kind().equals(kind)) continue;
            if (!out.isEmpty() && (!out.get(0).unit().equalsIgnoreCase(p.unit()) || out.get(0).kind() != null
                    && p.kind() != null && !out.get(0).kind().equals(p.kind()))) continue;
            if (out.stream().anyMatch(o -> o.count() == p.count())) continue;
            out.add(p);
        }
        // a second measurement must grow with the count, or the two are of different runs
        if (out.size() >= 2 && (out.get(1).memory() - out.get(0).memory()) * (out.get(1).count() - out.get(0)
                .count()) <= 0) return out.subList(0, 1);
        return out;
    }

    private static String kind(String word) {
        if (word == null) return null;
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("s") && !w.startsWith("sample") || w.startsWith("m") || w.startsWith("h")) return "time";
        if (w.startsWith("frame")) return "frame";
        if (w.startsWith("token")) return "token";
        return "sample";
    }

    /** Seconds in one of the unit said; 1 for what is not a time. */
    private static double seconds(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("m") && !w.startsWith("ms")) return 60;
        if (w.startsWith("h")) return 3600;
        return 1;
    }

    /** How many counted units make the unit asked about: a minute is 60 of the seconds times are kept in. */
    private static double toUnit(String asked) {
        return asked.startsWith("minute") ? 60 : asked.startsWith("hour") ? 3600 : 1;
    }

    /** A figure the user gave, quoted with the digits they wrote (78.41 GB stays 78.41). */
    private static String mem(Point p) {
        String s = String.format(Locale.ROOT, "%.2f", p.memory()).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + " " + p.unit();
    }

    private static String count(Point p) {
        if ("time".equals(p.kind())) return p.count() % 60 == 0 && p.count() >= 600 ? number(p.count() / 60)
                + " min" : number(p.count()) + " s";
        return ("sample".equals(p.kind()) ? "batch " : "") + number(p.count());
    }

    /** A small figure said in the unit below ("8.6 MB" rather than "0.0086 GB"), a large one as it is. */
    private static String size(double v, String unit) {
        boolean giga = unit.toUpperCase(Locale.ROOT).startsWith("G");
        if (!giga || v >= 1) return number(v) + " " + unit;
        String small = unit.equalsIgnoreCase("GiB") ? "MiB" : "MB";
        double m = v * (unit.equalsIgnoreCase("GiB") ? 1024 : 1000);
        return v >= 0.1 ? number(v) + " " + unit + " (" + number(m) + " " + small + ")" : number(m) + " " + small;
    }

    /** Two significant decimals at most: 1.25, 83.4, 52. */
    private static String number(double v) {
        String s = Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
