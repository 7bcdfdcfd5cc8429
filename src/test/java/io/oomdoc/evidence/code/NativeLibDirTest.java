package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The binding's native library is unpacked to a folder of its own build, not to the one file every version shares
 * (rewritten in place there, it crashed a concurrently running scan with SIGBUS).
 */
class NativeLibDirTest {
    @Test
    void theLibraryNameFollowsTheBindingsNamingForEachPlatform() {
        assertEquals("lib/x86_64-linux-gnu-tree-sitter.so", NativeLibDir.resourceName("Linux", "amd64"));
        assertEquals("lib/aarch64-macos-tree-sitter.dylib", NativeLibDir.resourceName("Mac OS X", "aarch64"));
        assertEquals("lib/x86_64-windows-tree-sitter.dll", NativeLibDir.resourceName("Windows 11", "amd64"));
        assertNull(NativeLibDir.resourceName("FreeBSD", "amd64"));
    }

    @Test
    void afterTheFirstParseTheLibraryLivesInAFolderNamedByItsChecksum() {
        new PySource("t.py", "x = 1\n", null);
        String dir = System.getProperty(NativeLibDir.PROPERTY);
        assertNotNull(dir);
        assertTrue(Path.of(dir).getFileName().toString().startsWith("oomdoc-"), dir);
        String lib = NativeLibDir.resourceName(System.getProperty("os.name"), System.getProperty("os.arch"));
        assertTrue(Files.isRegularFile(Path.of(dir).resolve(lib)), dir);
    }
}
