package io.oomdoc.protocol.dialogue;

import io.oomdoc.util.Bytes;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * "How short is it?" about the failure held: the failing request minus what the device still had free, the amount
 * that has to go before the same step fits (PyTorch's "Tried to allocate … free", XLA's "Attempting to allocate …
 * There are … free").
 */
final class Shortfall {
    private static final Pattern ASKS = Pattern.compile("(?i)\\bhow (?:far |much )?short\\b|\\bshort by how much\\b"
            + "|\\bby how much\\b.{0,30}\\b(?:short|miss|over|fail)|\\bhow much (?:is )?missing\\b");

    private Shortfall() {}

    /** The computed line, or null unless the turn asks it and the report held quotes the request and free memory. */
    static String of(String text, Map<String, Object> numbers) {
        if (!ASKS.matcher(text).find()) return null;
        if (!(numbers.get("tried_bytes") instanceof Number t) || !(numbers.get("free_bytes") instanceof Number f)) {
            return null;
        }
        long missing = t.longValue() - f.longValue();
        if (missing <= 0) return Messages.get("short.none", Bytes.human(t.longValue()), Bytes.human(f.longValue()));
        return Messages.get("short.by", Bytes.human(t.longValue()), Bytes.human(f.longValue()), Bytes.human(missing),
                missing >> 20);
    }
}
