package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file of another deep-learning framework that never imports torch is not read with the PyTorch rules (scan25's
 * second audit: Paddle's clear_grad() was taken for a loop that never clears its gradients). Fixtures: scan_patterns
 * (ours), each naming the real file it models.
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

    /**
     * A Gluon training script that takes one transform from torchvision and never imports torch is MXNet code: its
     * evaluate() is not a PyTorch eval loop (zhanghang1989/ResNeSt@1dfb3e8 scripts/gluon/train.py:319, modelled).
     */
    @Test
    void aGluonScriptThatOnlyImportsTorchvisionIsSkippedAsMxnet() throws Exception {
        ScanResult r = new PythonScanner(Rules.DEFAULT).scan(SET.resolve("gluon_eval_with_torchvision_transform"));
        assertEquals(List.of(), r.findings());
        assertTrue(r.skipped().stream().anyMatch(s -> s.file().equals("gluon_train.py") && s.why().contains("mxnet")),
                r.skipped().toString());
    }

    /** torch imported as a package path (torch.nn, from torch import nn) still makes a file PyTorch code. */
    @Test
    void anImportOfATorchSubmoduleIsAnImportOfTorch() {
        assertEquals(null, PythonScanner.otherFramework("import mxnet as mx\nimport torch.nn as nn\n"));
        assertEquals(null, PythonScanner.otherFramework("import mxnet as mx\nfrom torch import nn\n"));
        assertEquals("mxnet", PythonScanner.otherFramework("import mxnet as mx\nfrom torchvision import transforms\n"));
    }
}
