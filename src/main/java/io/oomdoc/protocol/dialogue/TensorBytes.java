package io.oomdoc.protocol.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How big are fp32 logits for batch 8, 1024 tokens, GPT-2's 50257-token vocab?", "how big is a dense 15000 x 15000
 * float32 adjacency?": one tensor whose dimensions and element type the question names, counted as an expert does
 * it, elements times bytes per element. Without a type named there is no byte count to give, and a question about a
 * model's KV cache or parameters is another calculation's (KvCache, ModelSizes).
 */
final class TensorBytes {
    private static final String NUM = "(\\d[\\d,]*(?:\\.\\d+)?k?)";
    /** "1.17M", "100M": a count said in millions. */
    private static final String MILLIONS = "(\\d[\\d,]*(?:\\.\\d+)?m)";
    /** A number ends at a space or a sentence's full stop, not inside a word or a decimal. */
    private static final String END = "(?!\\w|\\.\\d)";
    /** The dimensions a question names, each with the words that make a number one: most specific first. */
    private static final List<Pattern> DIMENSIONS = List.of(
            // "151,936-token vocabulary", "vocabulary is 250,880", "vocab of 32k"
            Pattern.compile("(?i)(?<![\\w.,])" + NUM + "[- ](?:token|word|entry)[- ]vocab\\w*"),
            Pattern.compile("(?i)\\bvocab\\w*(?:[- ]size)?(?:\\s+(?:is|of|=))?\\s*" + NUM + END),
            Pattern.compile("(?i)\\bhidden(?:[-_ ](?:size|dim\\w*))?(?:\\s+(?:is|of|=))?\\s*" + NUM + END),
            Pattern.compile("(?i)\\bd_model\\s*=?\\s*" + NUM + END),
            Pattern.compile("(?i)\\bbatch(?:[-_ ]size)?(?:\\s+(?:is|of|=))?\\s*" + NUM + END),
            // "a 1000-frame video", "1024 tokens", "one 4096-token sequence", "150 patches of 224x224x3"
            Pattern.compile("(?i)(?<![\\w.,])" + NUM + "[- ](?:tokens?|frames?|patch(?:es)?|images?|crops?|tiles?"
                    + "|samples?|sequences?|nodes?|items?|users?|classes|channels?|labels?|rays?|pixels?)\\b"),
            // "1.17M edges", "100M of them": a count in millions of what each element belongs to
            Pattern.compile("(?i)(?<![\\w.,])" + MILLIONS + "\\s*(?:of (?:them|those|these)\\b|(?:edges?|embeddings?"
                    + "|vectors?|rows?|sentences?|documents?|points?|messages?|entries|records?|voxels?)\\b)"),
            // "1000 by 1000", "90K by 90K": a product said in words, before "1000 float" reads its last factor alone
            Pattern.compile("(?i)(?<![\\w.,])\\d[\\d,]*k?(?:\\s+by\\s+\\d[\\d,]*k?)+" + END),
            // "256 floats", "a 256-wide message", "768-dimensional": the width of each of them
            // "64 fp32 features": the element type may stand between the width and what it counts
            Pattern.compile("(?i)(?<![\\w.,])" + NUM + "[- ](?:(?:fp32|fp16|bf16|float32|float16|float|half) )?"
                    + "(?:wide|dim(?:ensional|s)?|floats?|values?|elements?"
                    + "|features?)\\b"),
            // "D=256", "dim=768": a width given as an assignment
            Pattern.compile("(?i)\\b(?:d|dim|width|channels)\\s*=\\s*" + NUM + END),
            // "at dimension 15", "embedding size 64": the width named before its number
            Pattern.compile("(?i)\\b(?:dimension|dim|embedding (?:size|dim\\w*))(?:\\s+(?:of|is))?\\s+" + NUM + END),
            // "15000 x 15000", "224x224x3" (and a shape "[8, 3, 128, 128]", its commas read as x): every factor
            Pattern.compile("(?i)(?<![\\w.,])\\d[\\d,]*(?:\\s*[x×*]\\s*\\d[\\d,]*)+" + END));
    /** "a 256^3 volume": the side as many times as the power says. */
    private static final Pattern POWER = Pattern.compile("(?<![\\w.,])(\\d{1,6})\\s*\\^\\s*([2-4])(?![\\w.])");
    /** "length 2^20": a power of two is one dimension, 1,048,576. */
    private static final Pattern TWO_TO = Pattern.compile("(?<![\\w.,])2\\s*\\^\\s*(\\d{1,2})(?![\\w.])");
    /** "[8, 3, 10, 128, 128]", "torch.Size([4, 512, 768])": a shape as Python prints it. */
    private static final Pattern SHAPE = Pattern.compile("(?<=[\\[(])\\s*\\d+(?:\\s*,\\s*\\d+)+\\s*(?=[\\])])");
    /** "a million sentences", "2 million rows", "1 billion users": a count in millions or billions said in words. */
    private static final Pattern MILLION_WORDS = Pattern.compile("(?i)\\b(a|one|\\d+(?:\\.\\d+)?)\\s+"
            + "(million|billion)\\s+"
            + "(?:edges?|embeddings?|vectors?|rows?|sentences?|documents?|points?|messages?|entries|records?"
            + "|voxels?|images?|samples?|tokens?|nodes?|items?|users?|pixels?|rays?)\\b");
    private static final Pattern FACTOR = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?(?:k|m(?![a-z]))?",
            Pattern.CASE_INSENSITIVE);
    /** A video or image resolution by name is two dimensions, and its colour channels a third. */
    private static final Pattern NAMED_SIZE = Pattern.compile("(?i)\\b(4k|8k|1080p|720p|uhd|full[- ]hd)\\b");
    /**
     * "a dense item-item matrix", "the pairwise distance matrix": one entry for every pair of the things counted, so
     * a single count said is both of its sides.
     */
    private static final Pattern SQUARE = Pattern.compile("(?i)\\b(\\w+)-\\1\\b|\\b(?:pairwise|all[- ]pairs|adjacency"
            + "|similarity|affinity|distance|co-?occurrence) (?:matri|table)");
    /** "44.1 kHz", "16000 Hz": an audio sampling rate, the samples per second of each channel. */
    private static final Pattern SAMPLE_RATE = Pattern.compile("(?i)(?<![\\w.,])(\\d+(?:\\.\\d+)?)\\s*(k?)hz\\b");
    /** "a 2 hour file", "10 minutes of audio", "30 s": how long the recording lasts, in seconds. */
    private static final Pattern DURATION = Pattern.compile("(?i)(?<![\\w.,])(\\d+(?:\\.\\d+)?)[- ]?(hours?|h|minutes?"
            + "|mins?|seconds?|secs?|s)\\b");
    private static final Pattern STEREO = Pattern.compile("(?i)\\bstereo\\b");
    private static final int SECONDS_PER_MINUTE = 60;
    private static final int STEREO_CHANNELS = 2;
    // an image said by its size holds three colour channels, as an RGB one
    private static final Pattern RGB = Pattern.compile("(?i)\\brgb\\b|\\b(?:input|output) image\\b");
    private static final int RGB_CHANNELS = 3;
    /** Element types by bytes per element; the first named wins. */
    private static final Object[][] TYPES = {
            {Pattern.compile("(?i)\\b(?:fp32|float32|f32|float)\\b"), 4, "fp32"},
            {Pattern.compile("(?i)\\b(?:fp16|bf16|float16|bfloat16|f16|half)\\b"), 2, "16-bit"},
            {Pattern.compile("(?i)\\b(?:int8|uint8|fp8|8[- ]bit)\\b"), 1, "8-bit"},
            {Pattern.compile("(?i)\\b(?:fp64|float64|double)\\b"), 8, "fp64"}};
    private static final Pattern ASKS = Pattern.compile("(?i)\\bhow (?:big|large|much (?:memory|vram|ram|space)"
            + "|many (?:gb|gib|mb|mib|bytes)|much is (?:one|a|an|that|this|the))\\b|\\bsize of\\b"
            + "|\\bwhat does (?:it|that|this|one|a|the)\\b.{0,60}\\bcost\\b");
    /**
     * Another calculation's subject: the cache per token and layer, a model's parameters, or an attention score
     * matrix (its dimensions are the tokens twice, which AttentionScores counts from the grid said).
     */
    private static final Pattern OTHER = Pattern.compile("(?i)kv[-_ ]?cache|\\blayers?\\b|\\bparam\\w*|\\d\\s*[bm]\\b"
            + "|\\battention (?:maps?|matri\\w*|scores?)\\b|\\bscore matri");
    /**
     * "100M of them", "1.17M edges", "in one layer": a count in millions of things that are not parameters, and a
     * single layer named, are this calculation's, not a model size's or a cache's (which count layers).
     */
    private static final Pattern NOT_OTHER = Pattern.compile("(?i)" + MILLIONS + "\\s*(?:of (?:them|those|these)\\b"
            + "|(?:edges?|embeddings?|vectors?|rows?|sentences?|documents?|points?|messages?|entries|records?"
            + "|voxels?)\\b)|\\b(?:one|a single|a|each|every|per) (?:\\S+ )?layer\\b");
    /** "the 4x output of a 1440x960 image": each side of the image said, times the upscaling factor. */
    // "a 1920x1080 input at 4x, how big is the output?": the factor said after "at" when the output is asked
    private static final Pattern UPSCALED = Pattern.compile("(?i)(?<![\\w.])(\\d{1,2})\\s*[x×]\\s+(?:output|upscal\\w*"
            + "|upsampl\\w*|larger|bigger|super[- ]?resolution)|\\bat (\\d{1,2})\\s*[x×](?=\\W).*\\boutput\\b");
    private static final Pattern IMAGE_SIZE = Pattern.compile("(?<![\\w.])(\\d{2,5})\\s*[x×]\\s*(\\d{2,5})(?![\\w.]"
            + "|\\s*[x×*])");
    private static final Pattern TYPE_WORD = Pattern.compile("(?i)\\b(?:fp|bf|float)\\d+\\b");
    /** "per point", "per node": the width of each of things counted elsewhere, in a turn before. */
    private static final Pattern PER_THING = Pattern.compile("(?i)\\bper (?:point|node|pixel|token|ray|sample|item"
            + "|voxel|vertex|gaussian)\\b");
    private static final int MIN_FACTORS = 2;
    private static final double MIN_ELEMENTS = 1e4;

    private TensorBytes() {}

    /** "8 × 1,024 × 50,257 = 411.7M values × 4 B (fp32) = 1.65 GB (1.53 GiB)", or null. */
    static String of(Calculations.Ask a) {
        // a shape's commas are its product's signs: the offsets stay, and "8,3" cannot read as 83
        String text = SHAPE.matcher(a.text()).replaceAll(m -> m.group().replace(',', 'x'));
        if (!ASKS.matcher(text).find() || OTHER.matcher(NOT_OTHER.matcher(text).replaceAll(" ")).find()) return null;
        // logits over a vocabulary are LogitsSize's one computation (sequences × tokens × vocabulary × bytes)
        if (LogitsSize.of(a) != null) return null;
        Object[] type = type(text);
        if (type == null) return null;
        List<Double> factors = factors(text);
        // "64 fp32 features per point" after "check the arithmetic: 32*64*640*480": the points are that product
        if (factors.size() == 1 && PER_THING.matcher(text).find()) {
            Double count = KnowledgeAnswers.product(a.withContext().replace(text, ""));
            if (count != null) factors = List.of(count, factors.get(0));
        }
        if (factors.size() < MIN_FACTORS) return null;
        double elements = factors.stream().reduce(1.0, (x, y) -> x * y);
        if (elements < MIN_ELEMENTS) return null;
        int bytes = (Integer) type[1];
        List<String> shown = factors.stream().map(TensorBytes::fmt).toList();
        double total = elements * bytes;
        return Messages.get("tensor.size", String.join(" × ", shown), values(elements), bytes, type[2],
                Sizes.decimal(total), Sizes.human(total));
    }

    /** The dimensions in the order the question names them, each number counted once. */
    private static List<Double> factors(String text) {
        Found found = new Found(text.length());
        dimensions(text, found);
        image(text, found);
        powers(text, found);
        millions(text, found);
        namedSize(text, found);
        audio(text, found);
        // "200,000 items, a dense item-item matrix": the count said once is the matrix's two sides
        if (found.values.size() == 1 && SQUARE.matcher(text).find()) {
            found.add(found.at.get(0)[0], found.values.get(0));
        }
        return found.inOrder();
    }

    /**
     * The numbers found so far, each with where the question says it (the order they are shown in) and the
     * characters already read as one (a number is counted once, whichever pattern meets it first).
     */
    private static final class Found {
        private final boolean[] used;
        private final List<int[]> at = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        Found(int length) { used = new boolean[length]; }

        void add(int position, double value) {
            at.add(new int[] {position, values.size()});
            values.add(value);
        }

        /** Claims the span, false when part of it was read already. */
        boolean claim(int from, int to) {
            for (int i = from; i < to; i++) if (used[i]) return false;
            for (int i = from; i < to; i++) used[i] = true;
            return true;
        }

        List<Double> inOrder() {
            at.sort(java.util.Comparator.comparingInt(x -> x[0]));
            return at.stream().map(x -> values.get(x[1])).toList();
        }
    }

    /** Sizes said as dimensions ("32x64", "batch 8", "seq 4096"), in the order of {@link #DIMENSIONS}. */
    private static void dimensions(String text, Found found) {
        for (Pattern p : DIMENSIONS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (!found.claim(m.start(), m.end())) continue;
                // "64 fp32 features": the type's digits are no dimension (blanked, so the offsets stay)
                String said = TYPE_WORD.matcher(m.group()).replaceAll(r -> " ".repeat(r.group().length()));
                Matcher f = FACTOR.matcher(said);
                while (f.find()) found.add(m.start() + f.start(), value(f.group()));
            }
        }
    }

    /** "the 4x output of a 1440x960 RGB image": the sides times the factor, and its three colour channels. */
    private static void image(String text, Found found) {
        Matcher image = IMAGE_SIZE.matcher(text);
        if (!image.find()) return;
        Matcher up = UPSCALED.matcher(text);
        double times = !up.find() ? 1 : Double.parseDouble(up.group(1) != null ? up.group(1) : up.group(2));
        for (int[] a : found.at) {
            if (a[0] >= image.start() && a[0] < image.end()) found.values.set(a[1], found.values.get(a[1]) * times);
        }
        if (RGB.matcher(text).find()) found.add(image.end(), RGB_CHANNELS);
    }

    /** "2^20" once, "1024^3" as three factors of 1024. */
    private static void powers(String text, Found found) {
        Matcher two = TWO_TO.matcher(text);
        while (two.find()) {
            if (!found.claim(two.start(), two.end())) continue;
            found.add(two.start(), Math.pow(2, Integer.parseInt(two.group(1))));
        }
        Matcher power = POWER.matcher(text);
        while (power.find()) {
            if (!found.claim(power.start(), power.end())) continue;
            for (int k = 0; k < Integer.parseInt(power.group(2)); k++) {
                found.add(power.start() + k, Double.parseDouble(power.group(1)));
            }
        }
    }

    /** "a million rows", "3 million points". */
    private static void millions(String text, Found found) {
        Matcher millions = MILLION_WORDS.matcher(text);
        while (millions.find()) {
            String n = millions.group(1).toLowerCase(Locale.ROOT);
            double scale = millions.group(2).equalsIgnoreCase("billion") ? 1e9 : 1e6;
            found.add(millions.start(), (n.equals("a") || n.equals("one") ? 1 : Double.parseDouble(n)) * scale);
        }
    }

    /** A size by its name ("a 4K frame"): its width and height, and three channels when RGB is said. */
    private static void namedSize(String text, Found found) {
        Matcher named = NAMED_SIZE.matcher(text);
        if (!named.find()) return;
        long[] wh = NamedResolutions.sizeOf(named.group(1));
        if (wh == null) return;
        found.add(named.start(), wh[0]);
        found.add(named.start() + 1, wh[1]);
        if (RGB.matcher(text).find()) found.add(named.end(), RGB_CHANNELS);
    }

    /**
     * "a 2 hour file at 44.1 kHz stereo": a waveform holds duration x sampling rate x channels samples; a duration
     * alone is no dimension, only with the rate that turns it into samples.
     */
    private static void audio(String text, Found found) {
        Matcher rate = SAMPLE_RATE.matcher(text);
        Matcher length = DURATION.matcher(text);
        if (!rate.find() || !length.find()) return;
        double seconds = Double.parseDouble(length.group(1));
        String unit = length.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("h")) seconds *= SECONDS_PER_MINUTE * SECONDS_PER_MINUTE;
        else if (unit.startsWith("m")) seconds *= SECONDS_PER_MINUTE;
        found.add(length.start(), seconds);
        found.add(rate.start(), Double.parseDouble(rate.group(1)) * (rate.group(2).isEmpty() ? 1 : 1000));
        if (STEREO.matcher(text).find()) found.add(rate.end(), STEREO_CHANNELS);
    }

    private static Object[] type(String text) { return Sizes.namedFirst(TYPES, text); }

    /** Bytes per element of the type the text names (the first named wins), or null when it names none. */
    static Integer bytesNamed(String text) {
        Object[] t = type(text);
        return t == null ? null : (Integer) t[1];
    }

    /** "128k" is 128,000: a vocabulary or a length said in thousands, as the question rounds it. */
    private static double value(String s) {
        String l = s.toLowerCase(Locale.ROOT).replace(",", "");
        if (l.endsWith("m")) return Double.parseDouble(l.substring(0, l.length() - 1)) * 1e6;
        return l.endsWith("k") ? Double.parseDouble(l.substring(0, l.length() - 1)) * 1000 : Double.parseDouble(l);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : Sizes.trim(v);
    }

    private static String values(double n) {
        return n >= 1e9 ? Sizes.trim(n / 1e9) + "B" : n >= 1e6 ? Sizes.trim(n / 1e6) + "M" : fmt(n);
    }
}
