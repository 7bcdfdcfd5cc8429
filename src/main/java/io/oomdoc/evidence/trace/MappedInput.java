package io.oomdoc.evidence.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A big log read through the page cache's own pages: a read() through a channel copies every byte twice (the kernel
 * into a temporary direct buffer, that buffer into the array), a mapped window once. The file's size is taken when
 * the stream opens; bytes written after that are not read, as a read of the file at that moment would not see them.
 */
final class MappedInput extends InputStream {
    /** Windows of this size are mapped one after another: a 300 MB log never needs 300 MB of address space at once. */
    private static final long WINDOW = 64L << 20;

    private final FileChannel channel;
    private final long size;
    private long windowStart;
    private MappedByteBuffer window;

    MappedInput(FileChannel channel) throws IOException {
        this.channel = channel;
        this.size = channel.size();
    }

    /** Bytes [start, start + len) of the file into {@code a} from 0; fewer when the file is shorter. */
    static int copy(FileChannel channel, long start, byte[] a, int len) throws IOException {
        long n = Math.max(0, Math.min(len, channel.size() - start));
        if (n > 0) channel.map(FileChannel.MapMode.READ_ONLY, start, n).get(a, 0, (int) n);
        return (int) n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (window == null || !window.hasRemaining()) {
            long next = window == null ? 0 : windowStart + window.capacity();
            if (next >= size) return -1;
            window = channel.map(FileChannel.MapMode.READ_ONLY, next, Math.min(WINDOW, size - next));
            windowStart = next;
        }
        int n = Math.min(len, window.remaining());
        window.get(b, off, n);
        return n;
    }
}
