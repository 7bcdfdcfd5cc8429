package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whether an evaluation function runs without autograd is read from its call sites, not from its name: another
 * file's function of the same name called under torch.no_grad() says nothing about this one, and one call with
 * autograd on keeps the finding however many callers turn it off.
 */
class NoGradPerCallSiteTest {
    @TempDir Path repo;

    /**
     * scan_patterns/eval_called_twice_at_module_level (ours, after LiyuanLucasLiu/RAdam@d9fd30a
     * language-model/train_1bw.py): evaluate() runs the model per batch; module-level code calls it twice.
     */
    private static final Path RADAM = Path.of("src/test/resources/scan_patterns/eval_called_twice_at_module_level"
            + "/train_lm.py");
    /** scan_patterns/qa_notebook (ours, after pai4451/ML2021 hw7): its own evaluate(), called under no_grad. */
    private static final Path NOTEBOOK = Path.of("src/test/resources/scan_patterns/qa_notebook/qa_finetune.ipynb");

    private java.util.List<Finding> evalFindingsIn(String file) throws Exception {
        return new PythonScanner().scan(repo).findings().stream()
                .filter(f -> f.rule().equals("eval_without_no_grad") && f.file().equals(file)).toList();
    }

    @Test
    void anotherFilesFunctionOfTheSameNameUnderNoGradDoesNotHideTheFinding() throws Exception {
        Files.copy(RADAM, repo.resolve("train_lm.py"));
        Files.copy(NOTEBOOK, repo.resolve("qa_finetune.ipynb"));
        var found = evalFindingsIn("train_lm.py");
        assertEquals(1, found.size(), found.toString());
        assertEquals("evaluate", found.get(0).function());
        assertTrue(!found.get(0).message().contains("also called"), "no call of it runs without grad here");
    }

    /**
     * The same file with one of its two calls of evaluate() (lines 35 and 40) wrapped in no_grad: the other still
     * runs it with autograd on, so the loop is still reported.
     */
    @Test
    void oneCallWithAutogradOnKeepsTheFinding() throws Exception {
        String text = Files.readString(RADAM);
        String call = "\n        test_ppl = evaluate(test_loader, lang_model, crit, -1)\n";
        assertEquals(1, text.split(java.util.regex.Pattern.quote(call), -1).length - 1, "line 35 moved");
        String edited = text.replace(call, "\n        with torch.no_grad():\n    " + call.substring(1));
        Files.writeString(repo.resolve("train_lm.py"), edited);
        var found = evalFindingsIn("train_lm.py");
        assertEquals(1, found.size());
        // the finding names the call that keeps the graph: line 40 (39 before the edit), in module-level code
        assertTrue(found.get(0).message().endsWith("also called with autograd on from module-level code, line 40"),
                found.get(0).message());
    }

    /** Both calls wrapped in no_grad: every call reaching evaluate() runs without autograd, nothing is reported. */
    @Test
    void everyCallUnderNoGradMakesTheFunctionGraphFree() throws Exception {
        String edited = Files.readString(RADAM).replaceAll("(?m)^( +)(test_ppl = evaluate\\()",
                "$1with torch.no_grad():\n$1    $2");
        assertEquals(2, edited.split("with torch.no_grad\\(\\):\n +test_ppl = evaluate", -1).length - 1);
        Files.writeString(repo.resolve("train_lm.py"), edited);
        assertTrue(evalFindingsIn("train_lm.py").isEmpty());
    }
}
