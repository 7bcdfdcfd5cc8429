package io.oomdoc.evidence.watch;

import java.io.ByteArrayOutputStream;

/**
 * A bounded copy of a job's output: its first bytes (the arguments and setup a run prints) and its last bytes (the
 * failure), whatever the job prints in between. Both streams of the job write here, chunk by chunk.
 */
public final class OutputTail {
    private final byte[] head;
    private final byte[] ring;
    private int headLen;
    private long written;

    public OutputTail(int headBytes, int tailBytes) {
        this.head = new byte[headBytes];
        this.ring = new byte[tailBytes];
    }

    public synchronized void write(byte[] b, int off, int len) {
        int h = Math.min(len, head.length - headLen);
        if (h > 0) { System.arraycopy(b, off, head, headLen, h); headLen += h; }
        // The ring holds the newest bytes; a chunk larger than the ring keeps only its end.
        int skip = Math.max(0, len - ring.length);
        for (int i = skip; i < len; ) {
            int pos = (int) ((written + i) % ring.length);
            int n = Math.min(len - i, ring.length - pos);
            System.arraycopy(b, off + i, ring, pos, n);
            i += n;
        }
        written += len;
    }

    /** The head, a marker line when bytes were dropped between head and tail, then the tail. */
    public synchronized byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(headLen + ring.length + 64);
        out.write(head, 0, headLen);
        long tailStart = Math.max(headLen, written - ring.length);
        if (tailStart > headLen) out.writeBytes(WatchText.get("output.dropped", tailStart - headLen)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (long i = tailStart; i < written; ) {
            int pos = (int) (i % ring.length);
            int n = (int) Math.min(written - i, ring.length - pos);
            out.write(ring, pos, n);
            i += n;
        }
        return out.toByteArray();
    }
}
