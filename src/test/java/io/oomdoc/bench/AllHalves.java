package io.oomdoc.bench;

import java.io.FileOutputStream;
import java.io.PrintStream;

/** Development runner: ConversationBench -v on the dev suite and every readable half, in one JVM, one file each. */
public final class AllHalves {
    public static void main(String[] args) throws Exception {
        String out = args[0];
        new java.io.File(out).mkdirs();
        PrintStream std = System.out;
        run(std, out + "/dev.txt", "-v");
        for (int n = 2; n <= 26; n++) run(std, out + "/h" + n + "-dev.txt", "-v", "--heldout" + n + "-dev");
        System.setOut(std);
    }

    private static void run(PrintStream std, String file, String... args) throws Exception {
        try (PrintStream p = new PrintStream(new FileOutputStream(file), true, "UTF-8")) {
            System.setOut(p);
            ConversationBench.main(args);
        }
        System.setOut(std);
    }
}
