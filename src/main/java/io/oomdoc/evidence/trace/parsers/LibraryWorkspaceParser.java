package io.oomdoc.evidence.trace.parsers;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.TraceFinding;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.TraceParser;
import io.oomdoc.evidence.trace.TraceText;
import io.oomdoc.util.Num;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** cuBLAS, cuDNN and NCCL failing to get memory for their handles or workspaces. */
public final class LibraryWorkspaceParser implements TraceParser {
    private static final Pattern MARKER = Pattern.compile(
            "(CUBLAS_STATUS_ALLOC_FAILED|CUBLAS_STATUS_NOT_INITIALIZED|CUDNN_STATUS_NOT_ENOUGH_WORKSPACE"
                    + "|CUDNN_STATUS_ALLOC_FAILED|CUDNN_STATUS_NOT_INITIALIZED"
                    // TensorFlow's own wording, when the status is not printed after it
                    + "|could not create cudnn handle(?!:\\s*CUDNN_STATUS)"
            + "|CUDNN_STATUS_EXECUTION_FAILED|CUDNN_STATUS_INTERNAL_ERROR|CUDNN_STATUS_MAPPING_ERROR"
            + "|NCCL (?:error|WARN).{0,200}?(?:out of memory|Cuda failure 2|cudaMalloc)|ncclSystemError.{0,200}?out "
                    + "of memory"
            + "|cuFFT error: CUFFT_ALLOC_FAILED|CUSOLVER_STATUS_ALLOC_FAILED|CUSPARSE_STATUS_ALLOC_FAILED)",
            Pattern.CASE_INSENSITIVE);
    /** ONNX Runtime's CudaCall names the card: "CUBLAS failure 3: CUBLAS_STATUS_ALLOC_FAILED ; GPU=0 ; hostname=". */
    private static final Pattern GPU = Pattern.compile(";\\s*GPU=(\\d+)\\s*;");

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        for (int i : Messages.linesMatching(log, MARKER)) {
            String msg = log.messageAt(i, 3);
            Matcher m = MARKER.matcher(msg);
            String status = m.find() ? m.group(1) : "library";
            String library = status.toUpperCase().startsWith("CUBLAS") ? "cuBLAS"
                    : status.toUpperCase().contains("CUDNN") ? "cuDNN"
                    : status.toUpperCase().contains("NCCL") ? "NCCL" : status.split("_")[0];
            List<String> notes = new ArrayList<>();
            notes.add(library + " reported " + (status.length() > 60 ? "an out-of-memory error" : status));
            if (status.toUpperCase().contains("EXECUTION_FAILED") || status.toUpperCase().contains("INTERNAL_ERROR")
                    || status.toUpperCase().contains("NOT_INITIALIZED") || status.toUpperCase().startsWith("COULD")) {
                notes.add(TraceText.get("workspace.status"));
            }
            OomNumbers.Builder b = new OomNumbers.Builder();
            Matcher g = GPU.matcher(msg);
            if (g.find()) b.gpu = Num.toInt(g.group(1));
            out.add(new TraceFinding("library-workspace", FailureKind.LIBRARY_WORKSPACE, "unknown", Messages.clip(msg),
                    log.lines().get(i).number(), b.build(), notes));
        }
        return out;
    }
}
