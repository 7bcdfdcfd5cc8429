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
    private final long windowSize;
    private final long size;
    private long position;
    private long windowStart;
    private MappedByteBuffer window;

    MappedInput(FileChannel channel) throws IOException { this(channel, WINDOW); }

    MappedInput(FileChannel channel, long windowSize) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        this.windowSize = windowSize;
    }

    /** Whether the file can be mapped at all; where it cannot, a helper's copy fails and the reader searches. */
    static boolean canMap(FileChannel channel) {
        try {
            channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(1, channel.size()));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Bytes [start, start + len) of the file into {@code a} from 0; fewer when the file is shorter. */
    static int copy(FileChannel channel, long start, byte[] a, int len) throws IOException {
        long n = Math.max(0, Math.min(len, channel.size() - start));
        if (n > 0) {
            MappedByteBuffer m = channel.map(FileChannel.MapMode.READ_ONLY, start, n);
            if (channel.size() < start + n) throw cutShort();
            m.get(0, a, 0, (int) n);
        }
        return (int) n;
    }

    /** The file was truncated while it was read (a log rotated by copytruncate): a read error, said plainly. */
    private static IOException cutShort() {
        return new IOException(LogReader.CUT_SHORT);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (position >= size) return -1;
        if (window == null || position < windowStart || position >= windowStart + window.capacity()) {
            windowStart = position;
            window = channel.map(FileChannel.MapMode.READ_ONLY, position, Math.min(windowSize, size - position));
        }
        int n = (int) Math.min(len, windowStart + window.capacity() - position);
        // a mapped page past the file's end faults, and the JVM reports that later, wherever it happens to be: so
        // the size is checked before every read (one fstat a megabyte), not the copy's failure caught
        if (channel.size() < position + n) throw cutShort();
        window.get((int) (position - windowStart), b, off, n);
        position += n;
        return n;
    }

    /** Jumps without reading: the reader passes over stretches that only the helpers' counts need. */
    @Override
    public long skip(long n) {
        long k = Math.max(0, Math.min(n, size - position));
        position += k;
        return k;
    }
}
