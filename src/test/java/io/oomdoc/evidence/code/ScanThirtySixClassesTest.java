package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two false classes of scan36's choose half (bench/scan_wild36.md), each on a fixture that models the real file:
 * a tokenizer loaded with from_pretrained taken for the model (zphang/minimal-llama@22a6bd9), and a toolkit the
 * repository ships as a package of its own scanned as the user's code (princeton-nlp/SimCSE@49fa580 SentEval/).
 */
class ScanThirtySixClassesTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static ScanResult scan(String folder, List<Rule> rules) throws Exception {
        return new PythonScanner(rules).scan(SET.resolve(folder));
    }

    private static List<String> findings(ScanResult r) {
        return r.findings().stream().map(f -> f.rule() + " " + f.file() + ":" + f.line()).toList();
    }

    /** A loop that tokenizes each prompt and calls generate() runs no forward with autograd on. */
    @Test
    void aTokenizerCalledInAnInferenceLoopIsNotTheModel() throws Exception {
        assertEquals(List.of(), findings(scan("tokenizer_in_inference_loop", Rules.ALL)));
    }

    /** The same loop running the model itself is still reported, at the model's call. */
    @Test
    void theModelRunBesideTheTokenizerIsStillReported() throws Exception {
        assertEquals(List.of("eval_without_no_grad score.py:21"),
                findings(scan("tokenizer_then_forward__bug", Rules.DEFAULT)));
    }

    /** A folder with its own setup.py and licence is someone else's package: its findings are not evidence. */
    @Test
    void aBundledPackageIsSkippedAndAnExtensionFolderIsStillRead() throws Exception {
        ScanResult r = scan("bundled_toolkit", Rules.ALL);
        assertEquals(List.of("dataset_on_gpu kernels/fit.py:8"), findings(r));
        assertTrue(r.skipped().stream().anyMatch(s -> s.file().equals("probe/probe/tools/regression.py")
                && s.why().contains("bundled")), r.skipped().toString());
    }
}
