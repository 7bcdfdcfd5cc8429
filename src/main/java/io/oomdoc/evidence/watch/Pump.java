package io.oomdoc.evidence.watch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies one output stream of the job to ours byte for byte (colours and '\r' redraws pass unchanged), flushing
 * each chunk so a progress bar moves, and hands each chunk to the bounded copy and the cue reader.
 */
final class Pump extends Thread {
    private static final int CHUNK = 1 << 16;
    private final InputStream in;
    private final OutputStream out;
    private final OutputTail tail;
    private final LogCues cues;

    Pump(String name, InputStream in, OutputStream out, OutputTail tail, LogCues cues) {
        super(name);
        setDaemon(true);
        this.in = in;
        this.out = out;
        this.tail = tail;
        this.cues = cues;
    }

    @Override
    public void run() {
        byte[] buf = new byte[CHUNK];
        int n;
        try {
            while ((n = in.read(buf)) > 0) {
                synchronized (out) {
                    try {
                        out.write(buf, 0, n);
                        out.flush();
                    } catch (IOException e) {
                        // our own output is closed (a closed pipe): keep draining so the job is not blocked
                    }
                }
                tail.write(buf, 0, n);
                cues.feed(buf, 0, n);
            }
        } catch (IOException e) {
            // the job ended and its pipe closed
        }
    }
}
