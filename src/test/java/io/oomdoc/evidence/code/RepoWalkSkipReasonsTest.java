package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the repository walk says of the files it leaves out, in the words `oomdoc scan` prints
 * (scan/messages.properties: skip.symlink, skip.file.too.large, path.outside). No scanned fixture has a link or a
 * generated file, so the scan bench never shows these sentences.
 */
class RepoWalkSkipReasonsTest {
    @TempDir Path repo;

    @Test
    void aLinkedFileAndAnOversizedOneAreSkippedWithTheirReasons() throws Exception {
        Files.writeString(repo.resolve("train.py"), "import torch\n");
        Files.createSymbolicLink(repo.resolve("linked.py"), repo.resolve("train.py"));
        Files.write(repo.resolve("generated.py"), new byte[(int) RepoFiles.MAX_FILE_BYTES + 1]);
        RepoFiles.Listing l = RepoFiles.list(repo, n -> n.endsWith(".py"));
        assertEquals(List.of(repo.toRealPath().resolve("train.py")), l.files());
        assertEquals(List.of(new ScanResult.Skipped("generated.py", "larger than 2 MB: probably generated"),
                new ScanResult.Skipped("linked.py", "symbolic link: not followed")),
                l.skipped().stream().sorted(java.util.Comparator.comparing(ScanResult.Skipped::file)).toList());
    }

    @Test
    void aPathThatLeavesTheRootIsRefusedByName() {
        var e = assertThrows(SecurityException.class, () -> RepoFiles.insideRoot(repo, "../elsewhere.py"));
        assertEquals("../elsewhere.py is outside the repository root", e.getMessage());
    }
}
