package io.oomdoc.evidence.trace;

import io.oomdoc.evidence.trace.parsers.AllocatorMessageParser;
import io.oomdoc.evidence.trace.parsers.CudaMallocAsyncOomParser;
import io.oomdoc.evidence.trace.parsers.CudaRuntimeErrorParser;
import io.oomdoc.evidence.trace.parsers.DeepSpeedPressureParser;
import io.oomdoc.evidence.trace.parsers.HostRamParser;
import io.oomdoc.evidence.trace.parsers.JaxXlaParser;
import io.oomdoc.evidence.trace.parsers.KvCacheParser;
import io.oomdoc.evidence.trace.parsers.MemoryStatsParser;
import io.oomdoc.evidence.trace.parsers.LibraryWorkspaceParser;
import io.oomdoc.evidence.trace.parsers.MpsOomParser;
import io.oomdoc.evidence.trace.parsers.OnnxRuntimeParser;
import io.oomdoc.evidence.trace.parsers.PyTorchCudaOomParser;
import io.oomdoc.evidence.trace.parsers.TensorFlowOomParser;

import java.util.List;

/** Every message family oomdoc reads. A new format is one parser class and one row here. */
public final class TraceParsers {
    private TraceParsers() {}

    public static final List<TraceParser> ALL = List.of(
            new PyTorchCudaOomParser(),
            new CudaMallocAsyncOomParser(),
            new MpsOomParser(),
            new CudaRuntimeErrorParser(),
            new LibraryWorkspaceParser(),
            new JaxXlaParser(),
            new TensorFlowOomParser(),
            new KvCacheParser(),
            new OnnxRuntimeParser(),
            new AllocatorMessageParser(),
            new HostRamParser(),
            new MemoryStatsParser(),
            new DeepSpeedPressureParser());
}
