package io.oomdoc.evidence.code;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Lists the files of a repository that are worth reading: inside the root only, never through a symlink,
 * honouring .gitignore, skipping .git, virtual environments, caches, binaries and huge generated files.
 */
public final class RepoFiles {
    public record Listing(List<Path> files, List<ScanResult.Skipped> skipped) {}

    static final Set<String> SKIP_DIRS = Set.of(".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv",
            "venv", ".tox",
            ".mypy_cache", ".pytest_cache", "site-packages", "dist-packages", ".ipynb_checkpoints", ".idea",
                    ".vscode", "wandb", ".oomdoc-cache");
    public static final long MAX_FILE_BYTES = 2_000_000;
    /**
     * A notebook's size is mostly its outputs (plots as base64, logs): its code is bounded after extraction by
     * PythonScanner.MAX_PARSE_BYTES, so the file itself may be far larger than a script.
     */
    public static final long MAX_NOTEBOOK_BYTES = 50_000_000;

    private RepoFiles() {}

    public static Listing list(Path root, Predicate<String> wantName) throws IOException {
        Path realRoot = root.toRealPath();
        Walk walk = new Walk(realRoot, GitIgnore.load(realRoot), wantName);
        Files.walkFileTree(realRoot, walk);
        walk.files.sort(null);
        return new Listing(walk.files, walk.skipped);
    }

    /** One walk of the tree: what it keeps, what it skips and why. */
    private static final class Walk implements FileVisitor<Path> {
        private final Path realRoot;
        private final GitIgnore ignore;
        private final Predicate<String> wantName;
        private final List<Path> files = new ArrayList<>();
        private final List<ScanResult.Skipped> skipped = new ArrayList<>();

        Walk(Path realRoot, GitIgnore ignore, Predicate<String> wantName) {
            this.realRoot = realRoot;
            this.ignore = ignore;
            this.wantName = wantName;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(realRoot)) return FileVisitResult.CONTINUE;
            String name = dir.getFileName().toString();
            String rel = rel(realRoot, dir);
            if (SKIP_DIRS.contains(name) || Files.exists(dir.resolve("pyvenv.cfg")) || ignore.ignored(rel,
                    true)) return FileVisitResult.SKIP_SUBTREE;
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String rel = rel(realRoot, file);
            if (attrs.isSymbolicLink()) {
                if (wantName.test(file.getFileName().toString())) skipped.add(new ScanResult.Skipped(rel,
                        ScanText.get("skip.symlink")));
                return FileVisitResult.CONTINUE;
            }
            if (!attrs.isRegularFile() || !wantName.test(file.getFileName().toString()) || ignore.ignored(rel,
                    false)) return FileVisitResult.CONTINUE;
            long limit = file.getFileName().toString().endsWith(".ipynb") ? MAX_NOTEBOOK_BYTES : MAX_FILE_BYTES;
            if (attrs.size() > limit) {
                skipped.add(new ScanResult.Skipped(rel, ScanText.get("skip.file.too.large", limit / 1_000_000)));
                return FileVisitResult.CONTINUE;
            }
            files.add(file);
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            String why = exc instanceof AccessDeniedException ? ScanText.get("skip.permission")
                    : exc.getClass().getSimpleName() + ": " + exc.getMessage();
            skipped.add(new ScanResult.Skipped(rel(realRoot, file), ScanText.get("skip.file.unreadable", why)));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            if (exc != null) skipped.add(new ScanResult.Skipped(rel(realRoot, dir),
                    ScanText.get("skip.folder.unreadable", exc.getMessage())));
            return FileVisitResult.CONTINUE;
        }
    }

    static String rel(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** True when the first bytes look binary (NUL bytes). */
    public static boolean looksBinary(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(8192);
            for (byte b : head) if (b == 0) return true;
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Resolves a user-given path and refuses anything that leaves the root (also through symlinks). */
    public static Path insideRoot(Path root, String relative) throws IOException {
        Path realRoot = root.toRealPath();
        Path p = realRoot.resolve(relative).normalize();
        if (!p.startsWith(realRoot)) throw new SecurityException(ScanText.get("path.outside", relative));
        if (Files.exists(p) && !p.toRealPath().startsWith(realRoot)) throw new SecurityException(
                ScanText.get("path.points.outside", relative));
        return p;
    }
}
