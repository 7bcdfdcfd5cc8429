package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * eval_without_no_grad on scan22's four classes of misses (issue 17): a forward two calls below the loop, a forward in
 * a file the loop's file imports, a loop over phases with backward in one phase only, a step applied per batch through
 * a function argument; and one finding for one loop. Fixtures: scan_patterns (written by us; labels.json names the
 * repository each models).
 */
class EvalFollowsCallsTest {
    private static final Path SET = Path.of("src/test/resources/scan_patterns");

    private static List<Finding> found(String caseDir) throws Exception {
        return new PythonScanner(Rules.ALL).scan(SET.resolve(caseDir)).findings().stream()
                .filter(f -> f.rule().equals("eval_without_no_grad")).toList();
    }

    private static List<String> where(List<Finding> f) {
        return f.stream().map(x -> x.file() + ":" + x.line()).toList();
    }

    /** evaluate() -> prediction_loss() -> predict_batch() -> self.model(states): reported at the loop's call. */
    @Test
    void aForwardTwoCallsBelowTheLoopIsFollowed() throws Exception {
        assertEquals(List.of("dynamics_experiment.py:26"), where(found("eval_forward_two_calls_below__bug")));
        assertTrue(found("eval_forward_two_calls_below__fixed").isEmpty());
    }

    /** detect_image comes from face_val.py beside the loop's file; decorated with no_grad there, nothing is said. */
    @Test
    void aFunctionImportedFromAFileBesideIsReadThere() throws Exception {
        var f = found("eval_forward_in_sibling_file__bug");
        assertEquals(List.of("fold_eval.py:15"), where(f));
        assertTrue(f.get(0).message().contains("detect_image()"), f.get(0).message());
        assertTrue(found("eval_forward_in_sibling_file__fixed").isEmpty());
    }

    /**
     * The same two files, the imported one replaced by a link to a copy outside the scanned tree: oomdoc never reads
     * outside the repository, so the link is not followed and no finding rests on what lies behind it.
     */
    @Test
    void anImportedFileThatIsALinkIsNotFollowed(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path tree = java.nio.file.Files.createDirectories(tmp.resolve("repo"));
        Path outside = java.nio.file.Files.createDirectories(tmp.resolve("elsewhere"));
        Path from = SET.resolve("eval_forward_in_sibling_file__bug");
        java.nio.file.Files.copy(from.resolve("fold_eval.py"), tree.resolve("fold_eval.py"));
        java.nio.file.Files.copy(from.resolve("face_val.py"), outside.resolve("face_val.py"));
        java.nio.file.Files.createSymbolicLink(tree.resolve("face_val.py"), outside.resolve("face_val.py"));
        assertTrue(new PythonScanner(Rules.ALL).scan(tree).findings().stream()
                .noneMatch(f -> f.rule().equals("eval_without_no_grad")));
    }

    /** Backward only under if phase == "train": the forward is reported and the fix switches autograd per phase. */
    @Test
    void aPhaseLoopWhoseBackwardRunsInOnePhaseIsReported() throws Exception {
        var f = found("eval_phase_loop__bug");
        assertEquals(List.of("cifar_model.py:14"), where(f));
        assertTrue(f.get(0).fix().after().startsWith("with torch.set_grad_enabled(phase == \"train\"):"),
                f.get(0).fix().after());
        assertTrue(found("eval_phase_loop__fixed").isEmpty());
    }

    /** The phase picks no_grad or enable_grad into a variable entered per batch: not reported. */
    @Test
    void aPhaseLoopThatChoosesItsAutogradContextIsNotReported() throws Exception {
        assertTrue(found("eval_phase_loop_context_per_phase").isEmpty());
    }

    /** correct() is passed to loader_apply, which calls it per batch; a step only run under no_grad is not. */
    @Test
    void aStepPassedToAPerBatchHelperIsReported() throws Exception {
        assertEquals(List.of("step_trainer.py:26"), where(found("eval_step_through_argument__bug")));
        assertTrue(found("eval_step_through_argument__fixed").isEmpty());
        assertTrue(found("eval_step_through_variable_under_no_grad").isEmpty());
    }

    /** eval() is both an eval loop and a step called from training: one finding, not the same line twice. */
    @Test
    void oneLoopIsOneFinding() throws Exception {
        assertEquals(List.of("inpaint_runner.py:23"), where(found("eval_loop_and_step_once")));
    }

    /**
     * model.extract(batch) in a loop, the model built from a class imported from mtl/model.py, whose extract() switches
     * to eval and runs the encoder with autograd on: reported at the loop; under torch.no_grad() it is not.
     */
    @Test
    void aMethodOfAClassImportedFromTheTreeIsReadInItsFile() throws Exception {
        var f = found("eval_method_of_imported_class__bug");
        assertEquals(List.of("dump_features.py:15"), where(f));
        assertTrue(f.get(0).message().contains("MultiTaskModel.extract()"), f.get(0).message());
        assertTrue(found("eval_method_of_imported_class__fixed").isEmpty());
    }

    /** self.eval_batch(batch) defined by the imported base class: read there; decorated with no_grad, not reported. */
    @Test
    void aMethodOfAnImportedBaseClassIsReadInItsFile() throws Exception {
        assertEquals(List.of("seg_trainer.py:12"), where(found("eval_method_of_imported_base__bug")));
        assertTrue(found("eval_method_of_imported_base__fixed").isEmpty());
    }

    /** fold_test.py imports no test framework and asserts nothing: an evaluation script, read and reported. */
    @Test
    void anEvaluationScriptNamedLikeATestIsRead() throws Exception {
        assertEquals(List.of("fold_test.py:12"), where(found("eval_script_named_test__bug")));
    }

    /** model_test.py imports pytest and asserts: a unit test, skipped with its reason, nothing reported. */
    @Test
    void aUnitTestNamedLikeOneStaysSkipped() throws Exception {
        var r = new PythonScanner(Rules.ALL).scan(SET.resolve("unit_test_named_test"));
        assertTrue(r.findings().isEmpty());
        assertTrue(r.skipped().stream().anyMatch(s -> s.file().equals("model_test.py")), r.skipped().toString());
    }
}
