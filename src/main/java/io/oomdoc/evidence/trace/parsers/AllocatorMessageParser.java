package io.oomdoc.evidence.trace.parsers;

import io.oomdoc.evidence.trace.LogText;
import io.oomdoc.evidence.trace.OomNumbers;
import io.oomdoc.evidence.trace.TraceFinding;
import io.oomdoc.evidence.trace.TraceFinding.FailureKind;
import io.oomdoc.evidence.trace.TraceParser;
import io.oomdoc.util.Bytes;
import io.oomdoc.util.Num;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-sentence allocation failures of stacks other than PyTorch, CUDA, JAX and TensorFlow (PaddlePaddle,
 * DirectML, Theano, MegEngine, CuPy, CUDA.jl, MIOpen, Ascend's runtime, ...), one row each in
 * trace/allocator-messages.tsv: adding a format is adding a row (the table's header says how).
 */
public final class AllocatorMessageParser implements TraceParser {
    static final String TABLE = "trace/allocator-messages.tsv";
    /** A message's figures may wrap onto the lines after its first ("available memory is only" + the size). */
    private static final int MESSAGE_LINES = 4;

    /** One format: where its message starts, what it states, and which failure it is. */
    record Row(String name, String framework, FailureKind kind, Pattern marker, Pattern message, String note) {}

    private static volatile List<Row> rows;

    static List<Row> rows() {
        if (rows == null) rows = read(AllocatorMessageParser.class.getClassLoader().getResourceAsStream(TABLE));
        return rows;
    }

    static List<Row> read(InputStream in) {
        if (in == null) throw new IllegalStateException("bundled allocator message table missing: " + TABLE);
        List<Row> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] c = line.split("\t");
                if (c.length != 6) throw new IllegalStateException(TABLE + ": six tab-separated columns: " + line);
                out.add(new Row(c[0], c[1], FailureKind.valueOf(c[2]), Pattern.compile(c[3]),
                        Pattern.compile(c[4], Pattern.DOTALL), c[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    /** The table's format names, in order. */
    public static List<String> names() { return rows().stream().map(Row::name).toList(); }

    /** The names of the rows whose message the log holds: what a registry test checks every row against. */
    public static List<String> formatsIn(LogText log) {
        return rows().stream().filter(r -> !Messages.linesMatching(log, r.marker()).isEmpty()).map(Row::name).toList();
    }

    @Override
    public List<TraceFinding> parse(LogText log) {
        List<TraceFinding> out = new ArrayList<>();
        for (Row row : rows()) {
            for (int i : Messages.linesMatching(log, row.marker())) {
                String msg = log.messageAt(i, MESSAGE_LINES);
                Matcher m = row.message().matcher(msg);
                OomNumbers.Builder b = new OomNumbers.Builder();
                if (m.find()) read(m, b);
                out.add(new TraceFinding("allocator-message", row.kind(), row.framework(), Messages.clip(msg),
                        log.lines().get(i).number(), b.build(), List.of(row.note())));
            }
        }
        return out;
    }

    private static void read(Matcher m, OomNumbers.Builder b) {
        b.tried = size(m, "tried");
        b.total = size(m, "total");
        b.free = size(m, "free");
        b.allocated = size(m, "allocated");
        String gpu = group(m, "gpu");
        if (gpu != null) b.gpu = Num.toInt(gpu);
    }

    /** A named figure: in bytes unless the row names its unit in the group "<name>Unit"; thousands commas dropped. */
    private static Long size(Matcher m, String name) {
        String number = group(m, name);
        if (number == null) return null;
        String unit = group(m, name + "Unit");
        if (unit == null) return Num.toLong(number.replace(",", ""));
        return Bytes.parse(number, unit);
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException absent) { // the row's pattern does not state this figure
            return null;
        }
    }
}
