package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file of another deep-learning framework that never imports torch is not read with the PyTorch rules (scan25's
 * second audit: Paddle's clear_grad() was taken for a loop that never clears its gradients). Fixtures: scan_patterns
 * (ours).
 */
class OtherFrameworkFilesTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    /** A Paddle loop that clears its gradients with clear_grad(): no finding, and the file is skipped with why. */
    @Test
    void aPaddleTrainingFileIsSkippedWithItsReason() throws Exception {
        ScanResult r = new PythonScanner(Rules.ALL).scan(SET.resolve("paddle_loop_clears_grads"));
        assertEquals(List.of(), r.findings());
        assertTrue(r.skipped().stream().anyMatch(s -> s.file().equals("face_train.py") && s.why().contains("paddle")),
                r.skipped().toString());
    }

    /** The same loop in PyTorch with nothing that clears the gradients is still reported. */
    @Test
    void theSameLoopInPyTorchWithoutZeroGradIsReported() throws Exception {
        assertEquals(List.of("missing_zero_grad face_train.py:16"),
                new PythonScanner(Rules.ALL).scan(SET.resolve("torch_loop_never_clears__bug")).findings().stream()
                        .map(f -> f.rule() + " " + f.file() + ":" + f.line()).toList());
    }

    /** A file that imports torch is scanned, whatever else it imports. */
    @Test
    void aFileThatImportsTorchIsNotTakenForAnotherFramework() {
        assertEquals(null, PythonScanner.otherFramework("import tensorflow as tf\nimport torch\n"));
        assertEquals("tensorflow", PythonScanner.otherFramework("import numpy\nimport tensorflow as tf\n"));
    }

    /** A comment that links the torchvision docs does not make a Paddle file PyTorch code (face.evoLVe line 66). */
    @Test
    void aCommentNamingTorchDoesNotMakeAPaddleFilePyTorch() {
        assertEquals("paddle", PythonScanner.otherFramework("import paddle\n# see pytorch.org/docs/torchvision\n"));
    }
}
