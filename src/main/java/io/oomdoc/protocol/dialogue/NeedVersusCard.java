package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.FactExtractor;
import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "the example takes about 33 GB. mine is the 32 GB V100", "the authors measured 13G at 512x512 and 16G at 1024x1024.
 * will 1024 fit on my 16 GB card?": needs the user quotes, set against the memory the question asks about (the card
 * or host RAM it names, else the one held); over, tight or within, and by how much. Several needs quoted with what
 * they were measured at ("at 1024x1024", "with the base segmenter") are told apart by the words the question repeats.
 */
final class NeedVersusCard {
    /** A figure in gigabytes as people write it: "33 GB", "13G", "~17GB", "11.7G". */
    private static final Pattern FIGURE = Pattern.compile("(?i)(?<![\\w.,])((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)"
            + "\\s*(gb|gib|g|mib|mb)\\b");
    /** A clause that quotes what something takes, not what a card has. */
    private static final Pattern NEED_WORD = Pattern.compile("(?i)\\b(?:takes?|taking|took|needs?|needed|requires?"
            + "|required|uses?|used|using|peak(?:ed|s)?|consumes?|consumed|measured|occupies|occupied|p\\d{2})\\b");
    /** "V100 32G", "A100 80GB", "H20-NVLink 96G", "Ada 6000 with 48GB": the size is the card's, named just before. */
    private static final Pattern GPU_TOKEN = Pattern.compile("(?i)^(?:[a-z]+-?\\d{2,4}[a-z0-9-]*|\\d{4}(?:ti)?)$");
    /** "my 16 GB card", "on my 24GB", "a 12G graphics card": a size the user has, even in a clause about a need. */
    private static final Pattern MINE = Pattern.compile("(?i)\\b(?:my|mine|have|has)\\s+(?:only\\s+|a\\s+|an\\s+)?$");
    private static final Pattern CARD_AFTER = Pattern.compile("(?i)^\\s*(?:of\\s+)?(?:\\w+\\s+)?(?:card|gpu|graphics)");
    /** What the need was measured at follows the figure when it opens with one of these ("16G at 1024x1024"). */
    private static final Pattern QUALIFIER_AFTER = Pattern.compile("(?i)^\\s*(?:at|for|with|on|in)\\b");
    private static final Pattern RAM = Pattern.compile("(?i)(?<!gpu |video )\\bram\\b");
    /** Words a question repeats that say nothing about which need it means. */
    private static final java.util.Set<String> PLAIN = java.util.Set.of("will", "would", "does", "that", "this",
            "with", "card", "have", "enough", "should", "which", "there", "room", "what", "about", "then", "just",
            "fit", "fits", "mine", "only", "memory", "vram", "run", "one", "and", "the", "for", "can");
    private static final Pattern WORD = Pattern.compile("(?i)[a-z0-9]+");
    /** The question asks for the verdict on such a need: "so 12 GB is out?", "won't do?", "is there room for". */
    private static final Pattern VERDICT = Pattern.compile("(?i)\\b(?:is|are)\\s+(?:\\w+\\s+){0,6}?(?:out|enough"
            + "|too small|sufficient)\\b|\\bwon'?t\\s+(?:do|work|fit|be enough|cut it)\\b|\\bcan'?t\\b|\\broom for\\b"
            + "|\\bwhich\\s+(?:one|\\w+)?\\s*(?:should|can|could|would)\\s+(?:i|we)\\s+(?:run|use|pick|choose)\\b"
            + "|\\bcan\\s+(?:i|we)\\s+run\\b|\\bfits?\\b|\\bheadroom\\b");
    private static final Pattern HOW_MANY = Pattern.compile("(?i)\\bhow many\\b");
    private static final Pattern LEFT = Pattern.compile("(?i)\\bhow much\\b[^?]{0,30}\\b(?:left|remains?|spare"
            + "|headroom)\\b");
    private static final Pattern WHY = Pattern.compile("(?i)\\bwhy\\b|\\bhow come\\b");
    /**
     * "needs about 13 GB", "took about 90G": a need word a few words before the figure, none between; "memory it
     * doesn't use, so the 929 MB buffer fits?" denies it.
     */
    private static final Pattern NEED_BEFORE = Pattern.compile("(?i)(?<!n't |not |never )\\b(?:takes?|taking|took"
            + "|needs?|needed|requires?|required|uses?|used|using|peak(?:ed|s)?|consumes?|consumed|measured|occupies"
            + "|occupied|p\\d{2}|total (?:is|was|comes to|came to|to))\\b"
            + "[:,]?(?:\\s+[^\\s\\d]\\S*){0,5}\\s*[~≈]?$");
    /**
     * "17GB peak", "16G is needed": the need word right after the figure; "does 280 GB fit there?" (RewardBench#96,
     * burned set 34) makes the figure the thing put on the card.
     */
    private static final Pattern NEED_AFTER = Pattern.compile("(?i)^\\s*(?:of\\s+(?:vram|memory|gpu memory|ram)\\s+)?"
            + "(?:peak|is needed|are needed|is required|needed|required"
            + "|(?:still\\s+)?fits?\\b(?!\\s+(?:card|gpu)))\\b");
    /** "8 x 48 = 384 GB", "4 x 24 is 96 GB": the cards' sum the user worked out, the memory the need is put in. */
    private static final Pattern PRODUCT = Pattern.compile("(?i)\\b\\d+\\s*[x×*]\\s*\\d+\\s*(?:gb|g)?\\s*(?:=|is|are"
            + "|makes|gives)\\s*$");
    /** "fit on 24GB", "in 10?", "run in 13 GB": the size the question puts the need into. */
    private static final Pattern INTO = Pattern.compile("(?i)\\b(?:on|in|into)\\s+"
            + "(?:a\\s+|one\\s+|the\\s+|single\\s+)?$");
    /** A figure this few words after a need belongs to the same list ("13G at 512x512 and 16G"). */
    private static final int LIST_GAP = 6;
    /** How far after a size "RAM" says it is the host's ("256 GB of RAM"). */
    private static final int HOST_WORDS = 20;
    /** Four needs at most are listed; more is a table, not an answer. */
    private static final int MAX_LISTED = 4;
    /** Below this share of the card left, what remains is the CUDA context's and the allocator's: tight. */
    private static final double TIGHT = 0.10;
    /** Parts add up to a whole when their sum is within this share of it (figures are rounded when quoted). */
    private static final double PARTS_SLACK = 0.10;

    private NeedVersusCard() {}

    /** One quoted need: its bytes, as written, and the words that say what it was measured at. */
    private record Need(long bytes, String said, String at) {}

    /** The needs and the memory sizes one turn states. */
    private record Read(List<Need> needs, Long have, boolean host) {}

    /** The verdict on the needs this turn quotes, or null when it quotes none. */
    static String of(Calculations.Ask a) {
        Read now = read(a.text());
        return now.needs().isEmpty() ? null : against(a, now, now, false);
    }

    /**
     * "and at 512?" right after the measurements were quoted: the needs said in the turns before, the one meant
     * named by a word the turn repeats ("512" of "13G at 512x512"); null when it repeats none.
     */
    static String continued(Calculations.Ask a) {
        Read now = read(a.text());
        if (!now.needs().isEmpty()) return null;
        for (String earlier : a.withContext().split("\n")) {
            if (earlier.equals(a.text())) continue;
            Read r = read(earlier);
            if (!r.needs().isEmpty()) return against(a, now, r, true);
        }
        return null;
    }

    /**
     * "what if I rent one 48 GB A6000 instead?" after "the authors say inference needs 40GB": the one need quoted in
     * the turns before, set against the card this turn names; null when the turn names no card size, quotes a need
     * itself, or the turns before quote none or several (which of them would be a guess).
     */
    static String onOtherCard(Calculations.Ask a) {
        Read now = read(a.text());
        if (!now.needs().isEmpty() || now.have() == null || now.host() || !namesCard(a.text())) return null;
        for (String earlier : a.withContext().split("\n")) {
            if (earlier.equals(a.text())) continue;
            Read r = read(earlier);
            if (r.needs().size() == 1) {
                String resized = resized(r.needs().get(0), a.text(), earlier, now.have());
                return resized != null ? resized : verdict(r.needs().get(0), Messages.get("need.card"), now.have());
            }
            if (!r.needs().isEmpty()) return null;
        }
        return null;
    }

    /**
     * "what if I run 4K on the 80 GB card?" after "peaks at about 34 GB at 1024x1024": the need was measured at
     * another input size, so it is no verdict for this one; a larger input grows what scales with its pixels (the
     * activations, not the weights) by their ratio. Null when the turn and the need name no two different sizes, or
     * the new input is the smaller (the measured need then bounds it, and the plain verdict stands).
     */
    private static String resized(Need need, String text, String earlier, long have) {
        List<InputSizes.Size> to = InputSizes.sizes(text);
        if (to.size() != 1) return null;
        InputSizes.Size at = InputSizes.sizes(earlier).stream()
                .filter(s -> s.dims().length == to.get(0).dims().length).findFirst().orElse(null);
        if (at == null || to.get(0).elements() <= at.elements()) return null;
        double r = to.get(0).elements() / at.elements();
        return Messages.get("need.resized", Sizes.human(need.bytes()), at.said(), to.get(0).said(),
                SpatialRatio.factor(r), Messages.get(to.get(0).volume() ? "spatial.voxels" : "spatial.pixels"),
                Sizes.human(have));
    }

    /** "a 48 GB A6000", "the 48GB card": the turn names a card, not only a size ("those 40 GB" is the need). */
    private static boolean namesCard(String text) {
        Facts f = FactExtractor.read(text).named();
        return f.gpuName() != null || CARD_WORD.matcher(text).find();
    }

    private static final Pattern CARD_WORD = Pattern.compile("(?i)\\b(?:card|gpu|graphics)s?\\b");

    private static String against(Calculations.Ask a, Read now, Read with, boolean named) {
        boolean host = RAM.matcher(a.text()).find() && a.facts().hostRamBytes() != null || now.host();
        Long have = now.have() != null ? now.have() : with.have() != null ? with.have()
                : host ? a.facts().hostRamBytes() : a.facts().gpuMemBytes();
        if (have == null || have <= 0) return null;
        String what = Messages.get(host ? "need.host" : "need.card");
        List<Need> meant = meant(with.needs(), question(a.text()));
        // a continuation names the value it changes ("512"), not a word ("the medium model"), which no need measured
        if (named && meant.stream().noneMatch(n -> sharesWord(n.at(), question(a.text()).replaceAll("[^\\d\\s]",
                " ")))) return null;
        if (meant.size() == 1 && HOW_MANY.matcher(question(a.text())).find()) return count(meant.get(0), what, have);
        if (meant.size() == 1) return verdict(meant.get(0), what, have);
        List<String> each = new ArrayList<>();
        String staged = staged(meant, what, have);
        if (staged != null) each.add(staged);
        for (Need n : meant.subList(0, Math.min(MAX_LISTED, meant.size()))) each.add(verdict(n, what, have));
        return String.join("\n", each);
    }

    /**
     * "the pipeline peaks at 27 GB ... the geometry model alone needs 18 GB and the texture model 9 GB": parts that
     * add up to a whole quoted over the card, each within it, run one after the other (the first freed before the
     * next loads) instead of together; that is the verdict an expert gives first.
     */
    private static String staged(List<Need> needs, String what, long have) {
        List<Need> within = needs.stream().filter(n -> n.bytes() <= have).toList();
        if (within.size() < 2) return null;
        long sum = within.stream().mapToLong(Need::bytes).sum();
        long largest = within.stream().mapToLong(Need::bytes).max().orElse(0);
        for (Need whole : needs) {
            if (whole.bytes() > have && Math.abs(whole.bytes() - sum) <= PARTS_SLACK * whole.bytes()) {
                return Messages.get("need.stages", Sizes.human(whole.bytes()), what, Sizes.human(have),
                        Sizes.human(largest));
            }
        }
        return null;
    }

    /** "so 12 GB is out?" after quoting what the model needs: the fit verdict on a quoted need, asked for. */
    static boolean asksVerdict(String text) {
        String q = question(text);
        // the sentence checks first: read() runs on every turn's text and reads facts sentence by sentence
        return q.contains("?") && VERDICT.matcher(q).find() && !WHY.matcher(q).find()
                && !read(text).needs().isEmpty();
    }

    /** "how many parallel instances fit on 12 GB?": copies of the need the memory holds, and with headroom. */
    private static String count(Need n, String what, long have) {
        long all = have / n.bytes();
        long kept = (long) (have * (1 - TIGHT)) / n.bytes();
        return Messages.get("need.count", what, Sizes.human(have), all, Sizes.human(n.bytes()), kept);
    }

    private static String verdict(Need n, String what, long have) {
        String need = Sizes.human(n.bytes());
        if (n.bytes() > have) return Messages.get("need.over", need, what, Sizes.human(have),
                Sizes.human(n.bytes() - have));
        if (have - n.bytes() < TIGHT * have) return Messages.get("need.tight", need, what, Sizes.human(have),
                Sizes.human(have - n.bytes()));
        return Messages.get("need.within", need, what, Sizes.human(have), Sizes.human(have - n.bytes()));
    }

    /** The needs whose measuring words the question repeats ("will 1024 fit"), else all of them. */
    private static List<Need> meant(List<Need> needs, String question) {
        if (needs.size() == 1) return needs;
        List<Need> hit = new ArrayList<>();
        for (Need n : needs) if (sharesWord(n.at(), question)) hit.add(n);
        return hit.isEmpty() ? needs : hit;
    }

    private static boolean sharesWord(String at, String question) {
        java.util.Set<String> words = new java.util.HashSet<>();
        Matcher w = WORD.matcher(sides(at));
        while (w.find()) words.add(w.group());
        Matcher q = WORD.matcher(sides(question));
        while (q.find()) {
            String t = q.group();
            boolean telling = t.chars().anyMatch(Character::isDigit) ? t.length() >= 3 : t.length() >= 4;
            if (telling && !PLAIN.contains(t) && words.contains(t)) return true;
        }
        return false;
    }

    /** "512x512" is two words, "512" and "512", so that "and at 512?" names it. */
    private static String sides(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("(\\d)\\s*[x×*]\\s*(\\d)", "$1 $2");
    }

    /** The last sentence: where the question is asked. */
    private static String question(String text) {
        String[] s = text.strip().split("(?<=[.!?])\\s+");
        return s[s.length - 1];
    }

    private static Read read(String text) {
        String asked = question(text);
        // "the author says about 17 GB with batch 128. so how much headroom is left?": asking what is left makes
        // the figure quoted before it a need, with or without a need word
        Reading r = new Reading(asked, LEFT.matcher(asked).find());
        for (String sentence : text.split("(?<=[.!?;])\\s+|\\n")) r.sentence(sentence);
        // "I only have two RTX 3090 GPUs. can I run it?": the card named where no need is quoted, the question first
        List<String> told = new ArrayList<>(List.of(text.split("(?<=[.!?;])\\s+|\\n")));
        java.util.Collections.reverse(told);
        for (String sentence : told) {
            if (r.have != null) break;
            if (NEED_WORD.matcher(sentence).find() && !sentence.equals(asked)) continue;
            Facts named = FactExtractor.read(sentence).asserted();
            if (named.gpuMemBytes() != null && named.gpuName() != null) r.have = named.gpuMemBytes();
        }
        return new Read(r.needs, r.have, r.host);
    }

    /** The needs and the card read so far, sentence by sentence. */
    private static final class Reading {
        private final String asked;
        private final boolean asksLeft;
        private final List<Need> needs = new ArrayList<>();
        private Long have;
        private boolean host;

        Reading(String asked, boolean asksLeft) {
            this.asked = asked;
            this.asksLeft = asksLeft;
        }

        void sentence(String sentence) {
            Matcher m = FIGURE.matcher(sentence);
            List<int[]> spans = new ArrayList<>();
            while (m.find()) spans.add(new int[] {m.start(), m.end()});
            boolean listing = false;
            for (int i = 0; i < spans.size(); i++) {
                m = FIGURE.matcher(sentence);
                if (!m.find(spans.get(i)[0])) continue;
                listing = figure(sentence, spans, i, m, listing);
            }
        }

        /** One figure of a sentence, a need or the card; whether it is a need (a list goes on after it). */
        private boolean figure(String sentence, List<int[]> spans, int i, Matcher m, boolean listing) {
            String before = sentence.substring(0, spans.get(i)[0]);
            String after = sentence.substring(spans.get(i)[1]);
            int from = i == 0 ? 0 : spans.get(i - 1)[1];
            String between = sentence.substring(from, spans.get(i)[0]);
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            long bytes = Bytes.parse(m.group(1).replace(",", ""), unit.equals("g") ? "gib" : unit);
            // "13G at 512x512 and 16G at 1024x1024", "15GB and 512x512 needs ~17GB, 1024x1024 ~37GB": a list
            boolean need = NEED_BEFORE.matcher(between).find() || NEED_AFTER.matcher(after).find()
                    || listing && between.strip().split("\\s+").length <= LIST_GAP && !cardSize(before, after)
                    || asksLeft && !sentence.equals(asked) && !cardSize(before, after);
            if (need && !MINE.matcher(before).find() && !INTO.matcher(before).find()) {
                int to = i + 1 < spans.size() ? spans.get(i + 1)[0] : sentence.length();
                String next = sentence.substring(spans.get(i)[1], to);
                needs.add(new Need(bytes, m.group(), QUALIFIER_AFTER.matcher(next).find() ? next : between));
            } else if (cardSize(before, after) || INTO.matcher(before).find()
                    || sentence.equals(asked) && !NEED_WORD.matcher(sentence).find()) {
                // "a V100 32G" inside a measurement is the authors' card; the user's is the one asked about
                if (NEED_WORD.matcher(sentence).find() && !MINE.matcher(before).find()
                        && !INTO.matcher(before).find() && !sentence.equals(asked)) return need;
                have = bytes;
                host = RAM.matcher(after.length() > HOST_WORDS ? after.substring(0, HOST_WORDS) : after).find();
            }
            return need;
        }
    }

    /** A size that belongs to a card: after a GPU's name ("V100 32G"), after "my", or before "card". */
    private static boolean cardSize(String before, String after) {
        if (MINE.matcher(before).find() || CARD_AFTER.matcher(after).find() || PRODUCT.matcher(before).find()) {
            return true;
        }
        String[] words = before.strip().split("\\s+");
        for (int k = words.length - 1; k >= Math.max(0, words.length - 2); k--) {
            if (GPU_TOKEN.matcher(words[k].replaceAll("[^\\w-]", "")).matches()) return true;
        }
        return false;
    }
}
