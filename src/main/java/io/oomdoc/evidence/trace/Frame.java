package io.oomdoc.evidence.trace;

/** One Python stack frame of a traceback: where, in which function, and the source line if printed. */
public record Frame(String file, int line, String function, String code) {
    /**
     * True for frames in installed libraries, the interpreter or an installed application (trace/app-frames.tsv:
     * ComfyUI's core), false for the user's own files.
     */
    public boolean isLibrary() {
        String f = file.replace('\\', '/');
        return f.contains("site-packages/") || f.contains("dist-packages/") || f.startsWith("<")
                || f.matches(".*/lib/python\\d[.\\d]*/.*") || f.contains("/torch/") || f.contains("/conda/")
                || AppFrames.matches(f);
    }

    public String where() {
        return file + ":" + line + " in " + function;
    }
}
