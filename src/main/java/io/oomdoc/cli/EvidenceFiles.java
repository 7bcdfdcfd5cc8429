package io.oomdoc.cli;

import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.Rules;
import io.oomdoc.evidence.code.ScanResult;
import io.oomdoc.evidence.gpu.GpuState;
import io.oomdoc.evidence.gpu.NvidiaSmiText;
import io.oomdoc.evidence.snapshot.SnapshotReader;
import io.oomdoc.evidence.snapshot.SnapshotReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The evidence a user names on the command line (a repository, saved nvidia-smi output, a snapshot pickle), read into
 * its record with the user's mistakes as one-line errors. Here and not in the commands that show each one: diagnose,
 * ask and probe read the same files, and a command that calls another command's helpers hides what it depends on.
 */
public final class EvidenceFiles {
    private EvidenceFiles() {}

    /** The scanner's findings on a folder (null: where oomdoc runs); {@code all}: the less precise rules too. */
    public static ScanResult scan(AppContext ctx, String dir, boolean all) {
        Path root = dir == null ? ctx.workDir : ctx.workDir.resolve(dir);
        if (!Files.exists(root)) throw new UserError(CliText.get("scan.no.folder", dir == null ? root : dir));
        if (!Files.isDirectory(root)) throw new UserError(CliText.get("scan.not.folder",
                dir == null ? root : dir));
        try {
            return new PythonScanner(all ? Rules.ALL : Rules.DEFAULT).scan(root);
        } catch (IOException e) {
            throw new UserError(CliText.get("scan.failed", root, e.getMessage()));
        }
    }

    /** Saved nvidia-smi output: the way to diagnose a cluster node's state from a login node. */
    public static GpuState gpuFromFile(AppContext ctx, String file) {
        Path p = UserFiles.regularFile(ctx, file, CliText.get("gpu.from.what"));
        try {
            if (Files.size(p) > 20_000_000) throw new UserError(CliText.get("gpu.from.too.large", file));
            String text = Files.readString(p);
            return NvidiaSmiText.parse(text, "file");
        } catch (IOException e) {
            throw new UserError(CliText.get("file.unreadable", file, e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }

    /** A torch.cuda.memory snapshot pickle. */
    public static SnapshotReport snapshot(AppContext ctx, String file) {
        Path p = UserFiles.regularFile(ctx, file, CliText.get("snapshot.what"));
        try {
            return new SnapshotReader().read(p);
        } catch (IOException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }
}
