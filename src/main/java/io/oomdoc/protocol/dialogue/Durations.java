package io.oomdoc.protocol.dialogue;

import java.util.Locale;

/** Seconds in a time unit as people write it: hours (h, hr, hrs, hours), minutes (min, mins, minutes), seconds. */
final class Durations {
    private static final double HOUR = 3600;
    private static final double MINUTE = 60;

    private Durations() {}

    static double seconds(double value, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        return value * (u.startsWith("h") ? HOUR : u.startsWith("m") ? MINUTE : 1);
    }
}
