package io.oomdoc.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** `--snapshot` puts its hook in a temporary folder outside the repo, only with the flag, and removes it after. */
class RunSnapshotTest {
    @TempDir Path repo;

    private String run(String script, boolean snapshot) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        String[] args = snapshot ? new String[]{"run", "--gpu", "none", "--snapshot", "--", "sh", "-c", script}
                : new String[]{"run", "--gpu", "none", "--", "sh", "-c", script};
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("PATH", System.getenv("PATH"), "PYTHONPATH", "/opt/site"), repo, false, false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theHookLivesInATemporaryFolderFirstOnPythonPathAndIsRemoved() throws Exception {
        String seen = run("echo \"PP=$PYTHONPATH\"; ls \"$(dirname \"$OOMDOC_SNAPSHOT_FILE\")\"", true);
        Matcher m = Pattern.compile("PP=([^:\\n]+):/opt/site").matcher(seen);
        assertTrue(m.find(), seen);
        Path hookDir = Path.of(m.group(1));
        assertFalse(hookDir.startsWith(repo), "never inside the user's repo");
        assertTrue(seen.contains("sitecustomize.py"), seen);
        assertFalse(Files.exists(hookDir), "removed when the job ended");
        try (var s = Files.list(repo)) {
            assertEquals(0, s.count(), "nothing written into the repo");
        }
    }

    @Test
    void withoutTheFlagNothingIsInjected() throws Exception {
        String seen = run("echo \"PP=$PYTHONPATH\"; echo \"SNAP=${OOMDOC_SNAPSHOT_FILE:-none}\"", false);
        assertTrue(seen.contains("PP=/opt/site\n"), seen);
        assertTrue(seen.contains("SNAP=none"), seen);
    }

    /** The hook must not change how Python starts: other imports work, a missing torch fails as usual, and a
     * sitecustomize the environment already had still runs. Skipped where python3 is absent. */
    @Test
    void theHookLeavesPythonAloneAndChainsAnExistingSitecustomize() throws Exception {
        Assumptions.assumeTrue(Executables.find(Map.of("PATH", System.getenv("PATH")), repo, "python3").isPresent(),
                "python3 not installed");
        Path site = Files.createDirectories(repo.resolve("../site-" + System.nanoTime()).normalize());
        Files.writeString(site.resolve("sitecustomize.py"), "print('their sitecustomize ran')\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"run", "--gpu", "none", "--snapshot", "--", "python3", "-c",
                "import json\ntry:\n    import torch\n"
                        + "except ModuleNotFoundError as e:\n    print('as usual:', e.name)"},
                new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("PATH", System.getenv("PATH"), "PYTHONPATH", site.toString()), repo, false, false);
        String all = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, all);
        assertTrue(all.contains("their sitecustomize ran"), all);
        String torch = "as usual: torch";
        assertTrue(all.contains(torch) || !all.contains("as usual"), all); // torch installed: nothing printed
    }
}
