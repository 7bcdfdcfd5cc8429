package io.oomdoc.evidence.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A saved file that holds both `--query-gpu` and `--query-compute-apps` CSV (one command after the other, as people
 * save a node's state). The apps CSV has no GPU index column: each process is placed on its GPU by uuid, or by PCI
 * bus id where uuids do not tell the cards apart (masked or missing), never by the order rows happen to appear in.
 */
final class SmiCsvJoin {
    private SmiCsvJoin() {}

    /** The CSV blocks of the text, split where a new header line starts; null when it is not two kinds of CSV. */
    static GpuState parse(String t, String source) {
        List<StringBuilder> blocks = new ArrayList<>();
        for (String line : t.split("\n")) {
            if (line.isBlank()) continue;
            if (isHeader(line) || blocks.isEmpty()) blocks.add(new StringBuilder());
            blocks.get(blocks.size() - 1).append(line).append('\n');
        }
        String gpus = null;
        List<String> apps = new ArrayList<>();
        for (StringBuilder b : blocks) {
            String first = b.substring(0, b.indexOf("\n"));
            if (isGpuHeader(first) && gpus == null) gpus = b.toString();
            else if (isAppHeader(first)) apps.add(b.toString()); // captures appended one after another
        }
        if (gpus == null || apps.isEmpty()) return null;
        GpuState g = NvidiaSmiText.parse(gpus, source);
        List<GpuState.Process> placed = new ArrayList<>();
        List<GpuState.Unknown> unknown = new ArrayList<>();
        for (String block : apps) place(g, block, source, placed, unknown);
        return GpuStates.withProcesses(g, placed, unknown);
    }

    private static void place(GpuState g, String block, String source, List<GpuState.Process> placed,
                              List<GpuState.Unknown> unknown) {
        GpuState a = NvidiaSmiText.parse(block, source);
        List<String[]> keys = appKeys(block);
        for (int i = 0; i < a.processes().size(); i++) {
            GpuState.Process p = a.processes().get(i);
            Integer index = i < keys.size() ? locate(g, keys.get(i)[0], keys.get(i)[1]) : null;
            if (index == null) unknown.add(new GpuState.Unknown("GPU of PID " + p.pid(),
                    GpuText.get("smi.join.no.gpu")));
            else placed.add(new GpuState.Process(index, p.pid(), p.name(), p.usedBytes(), p.note()));
        }
    }

    static Integer locate(GpuState g, String uuid, String bus) {
        if (uuid != null) {
            List<GpuState.Gpu> byUuid = g.gpus().stream().filter(x -> uuid.equalsIgnoreCase(x.uuid())).toList();
            if (byUuid.size() == 1) return byUuid.get(0).index();
        }
        if (bus != null) {
            for (GpuState.Gpu x : g.gpus()) if (x.busId() != null && busKey(x.busId()).equals(busKey(bus)))
                return x.index();
        }
        return null;
    }

    /** "00000000:83:00.0" and "0000:83:00.0" name the same slot: compare without the domain's leading zeros. */
    static String busKey(String bus) {
        String b = bus.strip().toLowerCase(Locale.ROOT);
        int colon = b.indexOf(':');
        if (colon < 0) return b;
        String domain = b.substring(0, colon).replaceFirst("^0+", "");
        return domain + b.substring(colon);
    }

    /** Per data row of the apps CSV, its gpu_uuid and gpu_bus_id cells (either may be null). */
    private static List<String[]> appKeys(String apps) {
        String[] lines = apps.split("\n");
        List<String> header = cells(lines[0]);
        int u = indexOf(header, "gpu_uuid"), b = indexOf(header, "gpu_bus_id"), pid = indexOf(header, "pid");
        List<String[]> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            List<String> r = cells(lines[i]);
            if (pid < 0 || pid >= r.size() || !r.get(pid).matches("\\d+")) continue;
            out.add(new String[]{u >= 0 && u < r.size() ? r.get(u) : null, b >= 0 && b < r.size() ? r.get(b) : null});
        }
        return out;
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) if (header.get(i).toLowerCase(Locale.ROOT).startsWith(name)) return i;
        return -1;
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String c : line.split(",", -1)) out.add(c.strip());
        return out;
    }

    private static boolean isHeader(String line) { return isGpuHeader(line) || isAppHeader(line); }

    private static boolean isGpuHeader(String line) {
        return line.contains("memory.total") || line.contains("memory.used");
    }

    private static boolean isAppHeader(String line) {
        return (line.contains("used_gpu_memory") || line.contains("used_memory") || line.strip().startsWith("pid"))
                && !line.matches(".*\\d+\\s*,\\s*\\d+.*MiB.*");
    }
}
