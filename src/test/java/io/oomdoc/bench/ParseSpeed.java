package io.oomdoc.bench;

import org.treesitter.TSInputEncoding;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TreeSitterPython;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * tree-sitter's own parse speed on one file, apart from the index query and the rules: UTF-8 bytes through the
 * binding's reader (as PySource feeds them) against the same text as a Java String (the binding converts it).
 * Which native library runs depends on the class path: put a folder holding lib/x86_64-linux-gnu-tree-sitter*.so
 * first to time another build. Also times PySource (parse and the index query). Prints the median of RUNS parses in ms of this thread's CPU and MB/s.
 * Run: bench/run.sh ParseSpeed FILE [RUNS]
 */
public final class ParseSpeed {
    private ParseSpeed() { }

    public static void main(String[] args) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(args[0]));
        String text = new String(bytes, StandardCharsets.UTF_8);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        TSParser p = new TSParser();
        p.setLanguage(new TreeSitterPython());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] viaBytes = new double[runs], viaString = new double[runs], withIndex = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            TSTree a = p.parse(new byte[64 * 1024], null, (buf, offset, pos) -> {
                int n = Math.max(0, Math.min(buf.length, bytes.length - offset));
                System.arraycopy(bytes, offset, buf, 0, n);
                return n;
            }, TSInputEncoding.TSInputEncodingUTF8);
            long t1 = mx.getCurrentThreadCpuTime();
            TSTree b = p.parseString(null, text);
            long t2 = mx.getCurrentThreadCpuTime();
            new io.oomdoc.evidence.code.PySource(args[0], text, null); // the scanner's parse and index query
            withIndex[i] = (mx.getCurrentThreadCpuTime() - t2) / 1e6;
            viaBytes[i] = (t1 - t0) / 1e6;
            viaString[i] = (t2 - t1) / 1e6;
            if (a.getRootNode().isNull() || b.getRootNode().isNull()) throw new IllegalStateException("no tree");
        }
        java.util.Arrays.sort(viaBytes);
        java.util.Arrays.sort(viaString);
        java.util.Arrays.sort(withIndex);
        double mb = bytes.length / 1e6;
        System.out.printf("%s, %d bytes, %d runs, median CPU: bytes reader %.1f ms (%.1f MB/s), String %.1f ms "
                + "(%.1f MB/s)%n", args[0], bytes.length, runs, viaBytes[runs / 2], mb / (viaBytes[runs / 2] / 1e3),
                viaString[runs / 2], mb / (viaString[runs / 2] / 1e3));
        System.out.printf("PySource (parse and index query): %.1f ms%n", withIndex[runs / 2]);
    }
}
