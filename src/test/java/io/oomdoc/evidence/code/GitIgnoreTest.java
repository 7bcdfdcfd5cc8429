package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** The .gitignore subset, on diffusers' real .gitignore (src/test/resources/gitignore/README.md). */
class GitIgnoreTest {
    private static List<String> lines() throws Exception {
        return Files.readAllLines(Path.of("src/test/resources/gitignore/diffusers.gitignore"));
    }

    private static GitIgnore diffusers() throws Exception {
        GitIgnore g = new GitIgnore();
        for (String l : lines()) g.add(l);
        return g;
    }

    /** The former reading (before h5/scan): every pattern as one regex over the whole path. */
    private static boolean ignoredByWholePath(List<String> lines, String relative, boolean dir) {
        boolean ignored = false;
        for (String raw : lines) {
            String l = raw.strip();
            if (l.isEmpty() || l.startsWith("#")) continue;
            boolean negate = l.startsWith("!");
            if (negate) l = l.substring(1);
            boolean dirOnly = l.endsWith("/");
            if (dirOnly) l = l.substring(0, l.length() - 1);
            boolean anchored = l.startsWith("/") || l.contains("/");
            if (l.startsWith("/")) l = l.substring(1);
            StringBuilder re = new StringBuilder(anchored ? "^" : "(^|.*/)");
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (c == '*' && i + 1 < l.length() && l.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                    if (i + 1 < l.length() && l.charAt(i + 1) == '/') i++;
                } else if (c == '*') re.append("[^/]*");
                else if (c == '?') re.append("[^/]");
                else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) re.append('\\').append(c);
                else re.append(c);
            }
            re.append("(/.*)?$");
            if (dirOnly && !dir && !relative.contains("/")) continue;
            if (Pattern.compile(re.toString()).matcher(relative).matches()) ignored = !negate;
        }
        return ignored;
    }

    @Test
    void foldersAndGlobsOfARealGitignoreAreIgnoredAtAnyDepth() throws Exception {
        GitIgnore g = diffusers();
        assertTrue(g.ignored("src/diffusers/__pycache__", true));
        assertTrue(g.ignored("src/diffusers/__pycache__/utils.cpython-310.pyc", false));
        assertTrue(g.ignored("examples/dreambooth/wandb", true));
        assertFalse(g.ignored("examples/dreambooth/train_dreambooth.py", false));
        assertFalse(g.ignored("src/diffusers/models/unets/unet_2d.py", false));
    }

    @Test
    void componentMatchingAgreesWithTheWholePathRegexOnEveryFixturePath() throws Exception {
        List<String> lines = lines();
        GitIgnore g = diffusers();
        List<String> paths = new ArrayList<>();
        try (var s = Files.walk(Path.of("src/test/resources"))) {
            s.forEach(p -> paths.add(Path.of("src/test/resources").relativize(p).toString()));
        }
        paths.addAll(List.of("build", "a/build/x.py", "dist/x", "x.egg-info/PKG-INFO", "logs/run.log",
                "tests/fixtures/cached_1_text.txt", "docs/source/_build/x.html", ".venv/bin/python", "wandb",
                // a pattern's fixed part inside a name but not at the end or start the glob asks for
                "a/run.log.1", "a/x.so.txt", "a/old.coverage", "a/x.egg-info.bak/y", "b/my.pre-commit.yaml",
                "b/wandb_old/x.py", "b/prebuild/x.py", "b/.coverage.x", "b/x.mp4", "src/y.sage.py"));
        int ignored = 0;
        for (String p : paths) {
            for (boolean dir : new boolean[]{false, true}) {
                boolean expected = ignoredByWholePath(lines, p, dir);
                assertEquals(expected, g.ignored(p, dir), p + (dir ? "/" : ""));
                if (expected) ignored++;
            }
        }
        assertTrue(paths.size() > 300 && ignored > 10, paths.size() + " paths, " + ignored + " ignored");
    }
}
