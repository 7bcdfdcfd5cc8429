package io.oomdoc.protocol;

import io.oomdoc.evidence.code.PythonScanner;
import io.oomdoc.evidence.code.Rules;
import io.oomdoc.evidence.code.ScanResult;
import io.oomdoc.evidence.trace.Frame;
import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.Tracebacks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The user's own Python files that a traceback names, inside one folder, scanned for the code evidence. */
final class TracebackFiles {
    /** A traceback names a handful of user files; more would be a listing, not the failing stack. */
    static final int MAX_FILES = 8;

    private TracebackFiles() {}

    /** Null when there is no folder, no traceback, or none of its user files lies inside the folder. */
    static ScanResult scan(Path root, LogText log) {
        if (root == null || log == null || !log.text().contains("File \"")) return null; // no Python traceback
        try {
            List<Path> files = inside(root.toRealPath(), Tracebacks.frames(log)); // the frames only, not a diagnosis
            return files.isEmpty() ? null : new PythonScanner(Rules.ON_THE_FAILING_STACK).scanFiles(root, files);
        } catch (IOException | RuntimeException e) { // the scan only adds evidence: the diagnosis goes on without it
            return null;
        }
    }

    static List<Path> inside(Path realRoot, List<Frame> frames) {
        Set<Path> out = new LinkedHashSet<>();
        for (Frame f : frames) {
            if (f.isLibrary() || !f.file().endsWith(".py") || out.size() == MAX_FILES) continue;
            try {
                Path p = realRoot.resolve(f.file());
                if (!Files.isRegularFile(p)) continue;
                Path real = p.toRealPath();
                if (real.startsWith(realRoot)) out.add(real); // never a file outside the folder, links included
            } catch (IOException | InvalidPathException e) {
                // a path from another machine: not here
            }
        }
        return new ArrayList<>(out);
    }
}
