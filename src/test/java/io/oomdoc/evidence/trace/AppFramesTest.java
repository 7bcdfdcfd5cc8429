package io.oomdoc.evidence.trace;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An installed application's own files are not the user's code (trace/app-frames.tsv). Fixtures:
 * traces/comfyui-2431-vaedecode-tiled-2gib-device-limit.txt (Comfy-Org/ComfyUI#2431) and
 * traces/comfyui-iclight-4-vaedecode-12gib.txt (huchenlei/ComfyUI-IC-Light-Native#4), traces/SOURCES.md.
 */
class AppFramesTest {
    private final TraceAnalyzer analyzer = new TraceAnalyzer();

    @Test
    void comfyUisCoreUnderAPortableInstallIsNotTheUsersCode() {
        TraceAnalysis a = analyzer.analyze(Fixtures.log("traces/comfyui-2431-vaedecode-tiled-2gib-device-limit.txt"));
        assertTrue(a.frames().stream().anyMatch(f -> f.file().endsWith("comfy\\sd.py")), a.frames().toString());
        assertTrue(a.userFrame().isEmpty(), a.userFrame().toString());
    }

    @Test
    void comfyUisCoreAtTheDriveRootIsNotTheUsersCode() {
        TraceAnalysis a = analyzer.analyze(Fixtures.log("traces/comfyui-iclight-4-vaedecode-12gib.txt"));
        assertTrue(a.frames().stream().anyMatch(f -> f.file().equals("D:\\ComfyUI\\nodes.py")), a.frames().toString());
        assertTrue(a.userFrame().isEmpty(), a.userFrame().toString());
    }

    @Test
    void aCustomNodeStaysTheUsersCode() {
        // Comfy-Org/ComfyUI#7006: the LTX-Video node the user added is where they can change something
        Frame node = new Frame("F:\\ComfyUI_windows_portable\\ComfyUI\\custom_nodes\\ComfyUI-LTXVideo\\vae.py", 71,
                "decode", "result = vae_decode(");
        assertFalse(node.isLibrary());
    }
}
