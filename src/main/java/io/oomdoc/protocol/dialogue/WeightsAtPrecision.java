package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "What are the weights themselves in fp32?", "how much do 6e9 resident parameters take by themselves?": the weights
 * of the model talked about at the one precision the question names, parameters × bytes per parameter. The count is
 * the one the question says with "parameters", else any count it says, else the conversation's; a question that names
 * no precision and no count of parameters of its own gets nothing from here.
 */
final class WeightsAtPrecision {
    /** The question asks what the weights or parameters come to. */
    private static final Pattern ASKS = Pattern.compile("(?i)\\b(?:what|how (?:much|big|large|heavy))\\b[^?]{0,80}?"
            + "\\b(?:weights?|param(?:eter)?s)\\b|\\b(?:weights?|param(?:eter)?s)\\b[^?]{0,40}?\\b(?:take|weigh"
            + "|come to|occupy)"
            // Chinese: 权重是多少 / 权重多大 / 参数占多少 (what the weights or parameters take), not
            // 多少参数 (how many)
            + "|(?:权重|参数)[^？?]{0,12}?(?:是|占|有)?(?:多少|多大)(?!参数)");
    /** "about 8.3B parameters", "6e9 resident parameters": a count said as a count of parameters. */
    private static final Pattern SAID = Pattern.compile("(?i)(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*(?:([bm])|e(\\d{1,2}))"
            + "\\s+(?:[a-z]+\\s+)?param");
    /** Precisions by bytes per parameter; the first named wins (ParamsFromBytes reads the same table). */
    static final Object[][] TYPES = {
            {Pattern.compile("(?i)\\b(?:fp32|float32|f32|32[- ]?bit|full precision)\\b"), 4.0, "fp32"},
            {Pattern.compile("(?i)\\b(?:fp16|bf16|float16|bfloat16|f16|16[- ]?bit|half)\\b"), 2.0, "16-bit"},
            {Pattern.compile("(?i)\\b(?:int8|fp8|8[- ]?bit|q8\\w*)\\b"), 1.0, "8-bit"},
            {Pattern.compile("(?i)\\b(?:int4|nf4|fp4|4[- ]?bit|awq|gptq)\\b"), 0.5, "4-bit"}};
    /** Gradients or optimizer states asked too: the training states are TrainingStates' figure, not the weights'. */
    private static final Pattern TRAINING = Pattern.compile("(?i)\\bgradients?\\b|\\badam\\w*|\\boptimi[sz]er");
    private static final Pattern PER_CARD = Pattern.compile("(?i)\\beach\\b|\\bper (?:gpu|card|device|rank|core)\\b"
            + "|\\bshard|\\b(?:over|across) \\d");
    private static final double BILLION = 1e9;
    private static final double MILLION = 1e6;
    private static final double TEN = 10;

    private WeightsAtPrecision() {}

    /** The arithmetic line and the rule line, or null. */
    static String of(Calculations.Ask a) {
        String text = a.text();
        // two precisions, or a share per card, are the weights' table and split (FormatTable, Sizes)
        if (!ASKS.matcher(text).find() || TRAINING.matcher(text).find() || Sizes.formatsNamed(text) > 1
                || PER_CARD.matcher(text).find()) {
            return null;
        }
        Object[] type = Sizes.namedFirst(TYPES, text);
        Double said = said(text);
        if (type == null && said == null) return null;
        Double params = said != null ? said : counted(a.withContext(), a.facts());
        if (params == null) return null;
        double bytes = type == null ? Sizes.bytesPerParam(text, a.facts()) : (Double) type[1];
        String name = type == null ? (bytes == 4 ? "fp32" : "16-bit") : (String) type[2];
        return Messages.get("weights.at", Sizes.count(params), Sizes.trim(bytes), name,
                Sizes.decimal(params * bytes), Sizes.human(params * bytes)) + "\n" + Messages.get("weights.rule");
    }

    private static Double said(String text) {
        Matcher m = SAID.matcher(text);
        if (!m.find()) return null;
        double n = Double.parseDouble(m.group(1));
        if (m.group(3) != null) return n * Math.pow(TEN, Integer.parseInt(m.group(3)));
        return n * (m.group(2).equalsIgnoreCase("b") ? BILLION : MILLION);
    }

    /** The count the turns say (newest first), else the one held. */
    private static Double counted(String withContext, Facts facts) {
        Double said = said(withContext);
        return said != null ? said : Sizes.paramsOf(withContext, facts);
    }
}
