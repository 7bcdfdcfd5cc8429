package io.oomdoc.protocol;

import io.oomdoc.Fixtures;
import io.oomdoc.evidence.trace.LogText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The real eval leak recorded on an H200 (h200/leak_eval.log) and the script that made it (bench/gpu/leak_eval.py),
 * placed where the traceback says it ran: the user's file on the failing stack is scanned, and nothing outside the
 * folder oomdoc runs in is ever read.
 */
class TracebackFilesTest {
    private static final String RECORDED = "/work/main/.dev/leak_eval.py";

    @Test
    void theUsersFileOnTheFailingStackIsScanned(@TempDir Path repo) throws Exception {
        Path script = Files.copy(Path.of("bench/gpu/leak_eval.py"), repo.resolve("leak_eval.py"));
        Evidence.CodeFindings code = EvidenceGatherer.from(logNaming(script)).codeNamedIn(repo).gather().code();
        assertEquals(1, code.filesScanned());
    }

    /** The loss tensors kept over the eval loop (line 17) are the leak; a whole-repository scan needs --all for it. */
    @Test
    void theLeakRuleIsReadOnTheFailingStack(@TempDir Path repo) throws Exception {
        Path script = Files.copy(Path.of("bench/gpu/leak_eval.py"), repo.resolve("leak_eval.py"));
        Evidence.CodeFindings code = EvidenceGatherer.from(logNaming(script)).codeNamedIn(repo).gather().code();
        assertEquals(java.util.List.of("tensor_accumulated"), code.ruleIds());
    }

    @Test
    void aFileTheTracebackNamesOutsideTheFolderIsNotRead(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectory(tmp.resolve("repo"));
        Path elsewhere = Files.copy(Path.of("bench/gpu/leak_eval.py"), tmp.resolve("leak_eval.py"));
        assertNull(EvidenceGatherer.from(logNaming(elsewhere)).codeNamedIn(repo).gather().code());
    }

    @Test
    void aLinkInsideTheFolderToAFileOutsideItIsNotFollowed(@TempDir Path tmp) throws Exception {
        Path repo = Files.createDirectory(tmp.resolve("repo"));
        Path outside = Files.copy(Path.of("bench/gpu/leak_eval.py"), tmp.resolve("leak_eval.py"));
        Path link = Files.createSymbolicLink(repo.resolve("leak_eval.py"), outside);
        assertNull(EvidenceGatherer.from(logNaming(link)).codeNamedIn(repo).gather().code());
    }

    @Test
    void withoutAFolderNothingIsScanned() throws Exception {
        assertNull(EvidenceGatherer.from(logNaming(Path.of(RECORDED))).gather().code());
    }

    private static LogText logNaming(Path script) throws Exception {
        String text = Files.readString(Fixtures.path("h200/leak_eval.log"));
        return LogText.of(text.replace(RECORDED, script.toString()));
    }
}
