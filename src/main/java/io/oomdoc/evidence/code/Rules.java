package io.oomdoc.evidence.code;

import io.oomdoc.evidence.code.rules.CheckpointingUseCache;
import io.oomdoc.evidence.code.rules.DatasetOnGpu;
import io.oomdoc.evidence.code.rules.DdpNoSetDevice;
import io.oomdoc.evidence.code.rules.EagerAttentionLongSeq;
import io.oomdoc.evidence.code.rules.EmptyCacheInLoop;
import io.oomdoc.evidence.code.rules.EvalWithoutNoGrad;
import io.oomdoc.evidence.code.rules.Fp32Training;
import io.oomdoc.evidence.code.rules.HfEvalAccumulation;
import io.oomdoc.evidence.code.rules.MissingZeroGrad;
import io.oomdoc.evidence.code.rules.PinMemoryManyWorkers;
import io.oomdoc.evidence.code.rules.RetainGraph;
import io.oomdoc.evidence.code.rules.TensorAccumulated;
import io.oomdoc.evidence.code.rules.TorchLoadNoMapLocation;

import java.util.List;

/**
 * Every scanner rule. A new rule is one class in rules/ and one row here. Only rules that reached 0.90 precision
 * in the audit of real repositories (bench/results.md, "## Scanner") run by default; `oomdoc scan --all` runs
 * the others too.
 */
public final class Rules {
    private Rules() {}

    public static final List<Rule> ALL = List.of(
            new TensorAccumulated(),
            new MissingZeroGrad(),
            new EvalWithoutNoGrad(),
            new EmptyCacheInLoop(),
            new RetainGraph(),
            new TorchLoadNoMapLocation(),
            new DdpNoSetDevice(),
            new HfEvalAccumulation(),
            new CheckpointingUseCache(),
            new DatasetOnGpu(),
            new EagerAttentionLongSeq(),
            new PinMemoryManyWorkers(),
            new Fp32Training());

    /** Rules measured precise in the wild: tensor_accumulated, missing_zero_grad, eval_without_no_grad. */
    public static final List<Rule> DEFAULT = ALL.stream().filter(r -> java.util.Set.of(TensorAccumulated.ID,
            MissingZeroGrad.ID, EvalWithoutNoGrad.ID).contains(r.id())).toList();
}
