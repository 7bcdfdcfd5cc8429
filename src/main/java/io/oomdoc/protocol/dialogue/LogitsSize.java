package io.oomdoc.protocol.dialogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How big are the logits for 1000 eval samples of 512 tokens with a 32000-token vocab in fp32?", "what if the vocab
 * were 151936?", "365,000 examples: what would those logits come to?": sequences × tokens × vocabulary × bytes (fp32
 * unless another type is named, as losses and the Trainer's gathered predictions keep them). The one computation of
 * logits: TensorBytes leaves a question this answers to it. A dimension the turn does
 * not say is the one the conversation said last; a vocabulary changed from the one said before is also a ratio.
 */
final class LogitsSize {
    /** The turn is about the output layer's scores: logits, log-probs, the vocabulary-sized outputs. */
    private static final Pattern ABOUT = Pattern.compile("(?i)\\blogits?\\b|\\blog-?probs?\\b|\\bvocab(?:ulary)?\\b"
            + "|\\bsoftmax outputs?\\b");
    private static final Pattern ASKS = Pattern.compile("(?i)\\bhow (?:big|much|large)\\b|\\bwhat (?:would|do|does|"
            + "will)\\b[^?]{0,40}\\b(?:come to|take|need|be)\\b|\\bwhat if\\b|\\bsize of\\b|\\bhow much bigger\\b");
    private static final String NUM = "(\\d[\\d,]*(?:\\.\\d+)?)\\s?([kKmM])?";
    /** "32000-token vocab", "33k vocab", "vocab_size = 30522", "the vocab were 151936", "128K vocabulary". */
    private static final Pattern VOCAB = Pattern.compile("(?i)(?<![\\w.])" + NUM + "[- ](?:token )?vocab(?:ulary)?\\b"
            + "|\\bvocab(?:ulary)?(?:_size)?\\s*(?:=|:|of|is|were|was|at|to)?\\s*" + NUM + "(?![\\w.]*\\w)");
    /** "512 tokens", "1024-token sequence", "max_length = 512", "sequence 35", "seq_len 2048". */
    private static final Pattern TOKENS = Pattern.compile("(?i)(?<![\\w.])" + NUM + "[- ]tokens?\\b(?![- ]vocab)"
            + "|\\b(?:max_length|max_len|seq_len|seq|sequence(?: length)?|length|context)\\s*(?:=|:|of|is)?\\s*"
            + NUM + "(?![\\w.]*\\w)");
    /** "1000 eval samples", "365,000 examples", "batch 64", "one 4096-token request". */
    private static final Pattern SEQUENCES = Pattern.compile("(?i)(?<![\\w.])" + NUM + "\\s*(?:eval |evaluation "
            + "|validation |test |training )?(?:samples|examples|sequences|requests|prompts|sentences)\\b"
            + "|\\bbatch(?:[-_ ]size)?\\s*(?:=|:|of|is)?\\s*" + NUM + "(?![\\w.]*\\w)");
    private static final Pattern HALF = Pattern.compile("(?i)\\b(?:fp16|bf16|float16|bfloat16|half)\\b");

    private LogitsSize() {}

    static String of(Calculations.Ask a) {
        String t = a.text();
        if (!ABOUT.matcher(t).find() || !ASKS.matcher(t).find()) return null;
        String earlier = a.earlier();
        if (!ABOUT.matcher(t + "\n" + earlier).find()) return null;
        Double vocab = first(VOCAB, t);
        Double vocabBefore = first(VOCAB, earlier);
        Double tokens = first(TOKENS, t);
        Double sequences = first(SEQUENCES, t);
        // the dimensions the turn leaves out are the ones said before; a what-if names only what changes
        if (vocab == null) vocab = vocabBefore;
        if (tokens == null) tokens = first(TOKENS, earlier);
        if (sequences == null) {
            sequences = t.matches("(?is).*\\bone\\b.*") ? Double.valueOf(1) : first(SEQUENCES, earlier);
        }
        if (vocab == null || tokens == null) return null;
        double n = sequences == null ? 1 : sequences;
        // the element type named (TensorBytes' table: fp32, 16-bit, 8-bit, fp64), else fp32
        Integer named = TensorBytes.bytesNamed(t);
        double bytes = named != null ? named : HALF.matcher(t).find() ? 2 : 4;
        double total = n * tokens * vocab * bytes;
        String line = Messages.get("logits.size", n == 1 ? Messages.get("logits.one")
                : Messages.get("logits.many", count(n)), count(tokens), count(vocab), Sizes.trim(bytes),
                Sizes.decimal(total), Sizes.human(total));
        if (vocabBefore != null && first(VOCAB, t) != null && !vocabBefore.equals(vocab)) {
            line += "\n" + Messages.get("logits.vocab.change", count(vocabBefore), count(vocab),
                    Sizes.trim(vocab / vocabBefore));
        }
        return line;
    }

    /** The first value the pattern reads, its k/M suffix applied (a vocabulary's "128K" is 128,000). */
    private static Double first(Pattern p, String text) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            for (int g = 1; g + 1 <= m.groupCount(); g += 2) {
                if (m.group(g) == null) continue;
                double v = Double.parseDouble(m.group(g).replace(",", ""));
                String unit = m.group(g + 1) == null ? "" : m.group(g + 1).toLowerCase(Locale.ROOT);
                v *= unit.equals("k") ? 1_000 : unit.equals("m") ? 1_000_000 : 1;
                if (v > 0) return v;
            }
        }
        return null;
    }

    private static String count(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : Sizes.trim(v);
    }
}
