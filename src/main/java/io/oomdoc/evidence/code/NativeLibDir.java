package io.oomdoc.evidence.code;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Chooses the folder where the tree-sitter binding unpacks its native libraries: one folder per build of the
 * library. By default the binding writes every version to the same file under ~/.tree-sitter/lib and rewrites
 * that file in place when its checksum differs; a JVM that has the old file mapped then dies with SIGBUS inside
 * the parser (seen on this machine: two oomdoc builds with different binding versions scanning at once).
 */
final class NativeLibDir {
    /** The binding's system property for that folder. */
    static final String PROPERTY = "tree-sitter-lib";

    private NativeLibDir() { }

    /** Sets the folder unless the user set one; must run before any binding class loads its library. */
    static void configure() {
        if (System.getProperty(PROPERTY) != null) return;
        String resource = resourceName(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (resource == null) return; // a platform the binding has no library for: it reports that itself
        Long crc = crc(resource);
        if (crc == null) return;
        System.setProperty(PROPERTY, folder(System.getProperty("user.home"), crc).toString());
    }

    /** The folder for a library with this checksum. */
    static Path folder(String home, long crc) {
        return Path.of(home, ".tree-sitter", "oomdoc-" + Long.toHexString(crc));
    }

    /** The binding's name for its core library on this platform (lib/ARCH-OS-tree-sitter.EXT), or null. */
    static String resourceName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT), arch = osArch.toLowerCase(Locale.ROOT);
        String sys, ext;
        if (os.contains("windows")) { sys = "windows"; ext = "dll"; }
        else if (os.contains("linux")) { sys = "linux-gnu"; ext = "so"; }
        else if (os.contains("mac")) { sys = "macos"; ext = "dylib"; }
        else return null;
        String cpu = arch.contains("amd64") || arch.contains("x86_64") ? "x86_64"
                : arch.contains("aarch64") ? "aarch64" : null;
        return cpu == null ? null : "lib/" + cpu + "-" + sys + "-tree-sitter." + ext;
    }

    private static Long crc(String resource) {
        try (InputStream in = NativeLibDir.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return null;
            CRC32 c = new CRC32();
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) c.update(buf, 0, n);
            return c.getValue();
        } catch (IOException e) {
            return null;
        }
    }
}
