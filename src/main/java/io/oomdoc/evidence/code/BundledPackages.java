package io.oomdoc.evidence.code;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folders below the repository's root that are packages of their own, copied in: a folder with both its own
 * packaging file (setup.py, pyproject.toml, setup.cfg) and its own licence file. Such a copy is someone else's code
 * that the repository calls (princeton-nlp/SimCSE@49fa580 SentEval/: facebookresearch's SentEval with its own
 * setup.py and LICENSE), not evidence about the user's training, whatever the folder is called. A folder with a
 * setup.py and no licence (a CUDA extension built in place: ashawkey/torch-ngp@b6e0804 raymarching/) is the
 * repository's own code; the root itself is never one.
 */
final class BundledPackages {
    private static final String[] PACKAGING = {"setup.py", "pyproject.toml", "setup.cfg"};
    private static final String[] LICENCES = {"LICENSE", "LICENSE.txt", "LICENSE.md", "LICENCE", "COPYING"};

    private final Path root;
    private final Map<Path, Boolean> folders = new ConcurrentHashMap<>();

    BundledPackages(Path root) { this.root = root; }

    /** Whether the file at {@code rel} (relative to the root) lies inside a bundled package. */
    boolean holds(String rel) {
        Path dir = root.resolve(rel).normalize().getParent();
        for (; dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
            if (folders.computeIfAbsent(dir, BundledPackages::ownPackage)) return true;
        }
        return false;
    }

    private static boolean ownPackage(Path dir) {
        return anyFile(dir, PACKAGING) && anyFile(dir, LICENCES);
    }

    private static boolean anyFile(Path dir, String[] names) {
        for (String n : names) if (Files.isRegularFile(dir.resolve(n), LinkOption.NOFOLLOW_LINKS)) return true;
        return false;
    }
}
