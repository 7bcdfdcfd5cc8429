package io.oomdoc.evidence.gpu;

import io.oomdoc.util.Bytes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what nvidia-smi prints: the default table (old and new layouts, MIG devices, processes),
 * `--query-gpu ... --format=csv` and `--query-compute-apps ... --format=csv`. Parses the layout, not
 * particular files: columns are found by their headers.
 */
public final class NvidiaSmiText {
    private static final Pattern DRIVER = Pattern.compile("(?:Driver|KMD) Version:\\s*([\\d.]+)");
    private static final Pattern CUDA = Pattern.compile("CUDA(?: UMD)? Version:\\s*([\\d.]+)");
    private static final Pattern MIB_PAIR = Pattern.compile("(\\d+)\\s*MiB\\s*/\\s*(\\d+)\\s*MiB");
    private static final Pattern GPU_ROW = Pattern.compile("^\\|\\s*(\\d+)\\s+(.+?)\\s*\\|\\s*([0-9A-Fa-f]{4,8}:[0-9"
            + "A-Fa-f]{2}:[0-9A-Fa-f]{2}\\.\\d)");
    private static final Pattern PERCENT = Pattern.compile("(\\d+)%");
    private static final Pattern MIG_ROW = Pattern.compile("^\\|\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\|\\s*"
            + "(\\d+)MiB\\s*/\\s*(\\d+)MiB");
    /** A table's memory cell, "|  12799MiB / 16280MiB |": enough to read a table whose header was not pasted. */
    private static final Pattern TABLE_MEMORY_CELL = Pattern.compile("\\|\\s*\\d+MiB\\s*/\\s*\\d+MiB\\s*\\|");
    private static final Pattern PROC_TYPE = Pattern.compile("^(?:C|G|C\\+G|M|M\\+C|M\\+G)$");

    private NvidiaSmiText() {}

    /** True when the text contains nvidia-smi output of a kind this class reads. */
    public static boolean looksLikeNvidiaSmi(String text) {
        return text.contains("NVIDIA-SMI") || text.contains("Memory-Usage") || text.contains("memory.total")
                || text.contains("used_gpu_memory") || text.contains("used_memory")
                        || TABLE_MEMORY_CELL.matcher(text).find();
    }

    public static GpuState parse(String text, String source) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        List<GpuState.Unknown> unknown = new ArrayList<>();
        if (t.contains("Memory-Usage") || t.contains("NVIDIA-SMI")
                || TABLE_MEMORY_CELL.matcher(t).find()) return table(t, source, unknown);
        GpuState joined = SmiCsvJoin.parse(t, source);
        if (joined != null) return joined;
        for (String line : t.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            if (l.contains("memory.total") || l.contains("memory.used")) return queryGpuCsv(t, source, unknown);
            if (l.contains("used_gpu_memory") || l.contains("used_memory") || l.startsWith("pid")) return appsCsv(t,
                    source, unknown);
            break;
        }
        throw new IllegalArgumentException(GpuText.get("smi.unreadable"));
    }

    // ---- the default table

    private static GpuState table(String t, String source, List<GpuState.Unknown> unknown) {
        String driver = group(DRIVER, t), cuda = group(CUDA, t);
        String[] lines = t.split("\n");
        List<GpuBuilder> gpus = new ArrayList<>();
        List<GpuState.Process> procs = new ArrayList<>();
        Map<Integer, List<GpuState.MigDevice>> mig = new LinkedHashMap<>();
        int naProcesses = 0;
        String section = "gpus";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.contains("MIG devices:")) { section = "mig"; continue; }
            if (line.contains("Processes:")) { section = "processes"; continue; }
            if (section.equals("gpus")) {
                Matcher g = GPU_ROW.matcher(line);
                if (g.find()) gpus.add(gpuRow(g, lines, i));
            } else if (section.equals("mig")) {
                Matcher m = MIG_ROW.matcher(line);
                if (m.find()) {
                    mig.computeIfAbsent(Integer.parseInt(m.group(1)), k
                            -> new ArrayList<>()).add(new GpuState.MigDevice(
                            Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                            Long.parseLong(m.group(5)) * Bytes.MIB, Long.parseLong(m.group(6)) * Bytes.MIB));
                }
            } else {
                GpuState.Process p = processRow(line);
                if (p == null) continue;
                if (p.usedBytes() == null) naProcesses++;
                else procs.add(p);
            }
        }
        if (naProcesses > 0) {
            unknown.add(new GpuState.Unknown(GpuText.get("smi.na.what", naProcesses), GpuText.get("smi.na.why")));
        }
        // nvidia-smi's own failure line is not a cut-off table: the driver was unreachable, so no card was usable.
        if (gpus.isEmpty()) throw new IllegalArgumentException(GpuText.get(t.contains("NVIDIA-SMI has failed")
                ? "smi.no.driver" : "smi.table.no.gpu"));
        List<GpuState.Gpu> built = new ArrayList<>();
        for (GpuBuilder b : gpus) built.add(b.build(procs, mig.get(b.index)));
        return new GpuState(source, driver, cuda, built, List.copyOf(procs), null, List.copyOf(unknown));
    }

    /**
     * A card's three lines in the table: the matched row (index, name, bus id), the next one (used / total MiB,
     * utilisation in its fourth cell), and the one after it, whose fourth cell is the MIG mode when it is not
     * already the next card's row.
     */
    private static GpuBuilder gpuRow(Matcher g, String[] lines, int i) {
        GpuBuilder b = new GpuBuilder();
        b.index = Integer.parseInt(g.group(1));
        b.name = stripPersistence(g.group(2));
        b.busId = g.group(3);
        if (i + 1 < lines.length) {
            Matcher m = MIB_PAIR.matcher(lines[i + 1]);
            if (m.find()) {
                b.used = Long.parseLong(m.group(1)) * Bytes.MIB;
                b.total = Long.parseLong(m.group(2)) * Bytes.MIB;
            }
            String[] cells = lines[i + 1].split("\\|");
            if (cells.length >= 4) {
                Matcher p = PERCENT.matcher(cells[3]);
                if (p.find()) b.util = Integer.valueOf(p.group(1));
            }
        }
        if (i + 2 < lines.length && !GPU_ROW.matcher(lines[i + 2]).find()) {
            String[] cells = lines[i + 2].split("\\|");
            if (cells.length >= 4) {
                String migCell = cells[3].strip();
                if (!migCell.isEmpty()) b.mig = migCell;
            }
        }
        return b;
    }

    private static String stripPersistence(String nameCell) {
        return nameCell.replaceAll("\\s+(On|Off|WDDM|TCC|MCDM)$", "").strip();
    }

    static GpuState.Process processRow(String line) {
        String l = line.strip();
        if (!l.startsWith("|") || l.contains("GPU Memory") || l.contains("PID")
                || l.contains("No running")) return null;
        String body = l.substring(1, l.endsWith("|") ? l.length() - 1 : l.length()).strip();
        if (body.isEmpty() || body.startsWith("=") || body.startsWith("ID")) return null;
        String[] tok = body.split("\\s+");
        if (tok.length < 4 || !tok[0].matches("\\d+")) return null;
        int typeAt = -1;
        for (int k = 1; k < tok.length - 1; k++) if (PROC_TYPE.matcher(tok[k]).matches()
                && tok[k - 1].matches("\\d+")) { typeAt = k; break; }
        if (typeAt < 0) return null;
        long pid = Long.parseLong(tok[typeAt - 1]);
        String usage = tok[tok.length - 1];
        Long used = null;
        int nameEnd = tok.length - 1;
        if (usage.matches("\\d+MiB")) used = Long.parseLong(usage.replace("MiB", "")) * Bytes.MIB;
        else if (usage.equals("MiB") && tok[tok.length - 2].matches("\\d+")) {
            used = Long.parseLong(tok[tok.length - 2]) * Bytes.MIB;
            nameEnd--;
        }
        String name = String.join(" ", java.util.Arrays.copyOfRange(tok, typeAt + 1, nameEnd));
        return new GpuState.Process(Integer.parseInt(tok[0]), pid, name, used, null);
    }

    // ---- CSV

    private static List<List<String>> csv(String t) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : t.split("\n")) {
            if (line.isBlank()) continue;
            List<String> cells = new ArrayList<>();
            for (String c : line.split(",", -1)) cells.add(c.strip());
            rows.add(cells);
        }
        return rows;
    }

    private static Map<String, Integer> header(List<String> h) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < h.size(); i++) m.putIfAbsent(h.get(i).toLowerCase(Locale.ROOT).replaceAll("\\s*\\[.*]$",
                ""), i);
        return m;
    }

    private static String cell(List<String> row, Map<String, Integer> h, String... names) {
        for (String n : names) {
            Integer i = h.get(n);
            if (i != null && i < row.size()) {
                String v = row.get(i);
                if (v.isEmpty() || v.startsWith("[") || v.equalsIgnoreCase("N/A")) return null;
                return v;
            }
        }
        return null;
    }

    static Long mib(String v) {
        if (v == null) return null;
        Matcher m = Pattern.compile("([\\d.]+)\\s*(MiB|GiB|KiB|B)?").matcher(v);
        if (!m.find()) return null;
        String unit = m.group(2) == null ? "MiB" : m.group(2);
        return Bytes.parse(m.group(1), unit);
    }

    private static GpuState queryGpuCsv(String t, String source, List<GpuState.Unknown> unknown) {
        List<List<String>> rows = csv(t);
        Map<String, Integer> h = header(rows.get(0));
        List<GpuState.Gpu> gpus = new ArrayList<>();
        String driver = null;
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() < h.size() / 2) continue;
            GpuBuilder b = new GpuBuilder();
            String idx = cell(r, h, "index");
            b.index = idx == null ? gpus.size() : Integer.parseInt(idx);
            b.name = cell(r, h, "name", "gpu_name");
            b.uuid = cell(r, h, "uuid", "gpu_uuid");
            b.busId = cell(r, h, "pci.bus_id", "gpu_bus_id");
            b.total = mib(cell(r, h, "memory.total"));
            b.used = mib(cell(r, h, "memory.used"));
            b.free = mib(cell(r, h, "memory.free"));
            b.reserved = mib(cell(r, h, "memory.reserved"));
            String u = cell(r, h, "utilization.gpu");
            if (u != null) b.util = Integer.valueOf(u.replaceAll("[^0-9]", ""));
            b.mig = cell(r, h, "mig.mode.current");
            b.cc = cell(r, h, "compute_cap");
            if (driver == null) driver = cell(r, h, "driver_version");
            gpus.add(b.build(List.of(), null));
        }
        if (gpus.isEmpty()) throw new IllegalArgumentException(GpuText.get("smi.csv.no.gpu"));
        return new GpuState(source, driver, null, gpus, List.of(), null, List.copyOf(unknown));
    }

    /**
     * `--query-compute-apps` CSV alone. It has no GPU index column: the cards its rows name (by bus id, else uuid)
     * are numbered in PCI bus order, the order nvidia-smi numbers them in, never in the order the rows come in.
     */
    private static GpuState appsCsv(String t, String source, List<GpuState.Unknown> unknown) {
        List<List<String>> rows = csv(t);
        Map<String, Integer> h = header(rows.get(0));
        List<List<String>> apps = new ArrayList<>();
        java.util.TreeSet<String> cards = new java.util.TreeSet<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            String pid = cell(r, h, "pid");
            if (pid == null || !pid.matches("\\d+")) continue;
            apps.add(r);
            String card = card(r, h);
            if (card != null) cards.add(card);
        }
        List<String> order = new ArrayList<>(cards);
        List<GpuState.Process> procs = new ArrayList<>();
        for (List<String> r : apps) {
            String card = card(r, h);
            procs.add(new GpuState.Process(card == null ? 0 : order.indexOf(card), Long.parseLong(cell(r, h, "pid")),
                    cell(r, h, "process_name", "name"), mib(cell(r, h, "used_gpu_memory", "used_memory")), null));
        }
        unknown.add(new GpuState.Unknown("GPU totals", GpuText.get("smi.apps.only")));
        if (order.size() > 1) unknown.add(new GpuState.Unknown("GPU index", GpuText.get("smi.apps.no.index")));
        return new GpuState(source, null, null, List.of(), List.copyOf(procs), null, List.copyOf(unknown));
    }

    /** The card an apps row names: its bus id (domain zeros dropped, so that it sorts in bus order), else uuid. */
    private static String card(List<String> r, Map<String, Integer> h) {
        String bus = cell(r, h, "gpu_bus_id");
        if (bus != null) return SmiCsvJoin.busKey(bus);
        String uuid = cell(r, h, "gpu_uuid");
        return uuid == null ? null : "~" + uuid; // after every bus id
    }

    private static String group(Pattern p, String t) {
        Matcher m = p.matcher(t);
        return m.find() ? m.group(1) : null;
    }

    private static final class GpuBuilder {
        int index;
        String name, uuid, busId, mig, cc;
        Long total, used, free, reserved;
        Integer util;

        GpuState.Gpu build(List<GpuState.Process> all, List<GpuState.MigDevice> migDevices) {
            List<GpuState.Process> mine = all.stream().filter(p -> p.gpuIndex() == index).toList();
            Long f = free != null ? free : total != null && used != null ? total - used : null;
            return new GpuState.Gpu(index, name, uuid, busId, total, used, f, reserved, util, mig, cc, migDevices,
                    mine);
        }
    }
}
