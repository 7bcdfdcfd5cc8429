package io.oomdoc.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A job's output bytes written into one of our writers: UTF-8 decoded as it streams (a character split across two
 * chunks is kept until its end arrives), so colours, '\r' and the job's own text pass through unchanged.
 */
public final class WriterSink extends OutputStream {
    private final PrintWriter w;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);

    public WriterSink(PrintWriter w) { this.w = w; }

    @Override
    public void write(int b) { write(new byte[]{(byte) b}, 0, 1); }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + len);
        in.put(pending).put(b, off, len).flip();
        while (true) {
            var r = decoder.decode(in, chars, false);
            chars.flip();
            w.append(chars);
            chars.clear();
            if (!r.isOverflow()) break;
        }
        pending = in.slice(); // an incomplete character waits for the next chunk
    }

    @Override
    public synchronized void flush() { w.flush(); }
}
