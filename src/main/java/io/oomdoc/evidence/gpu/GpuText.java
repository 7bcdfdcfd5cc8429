package io.oomdoc.evidence.gpu;

import io.oomdoc.util.MessageTable;

/** Sentences of the GPU and host probes, by key, from gpu/messages.properties. */
final class GpuText {
    private static final MessageTable TABLE = new MessageTable("gpu/messages.properties");

    private GpuText() {}

    static String get(String key, Object... args) { return TABLE.get(key, args); }
}
