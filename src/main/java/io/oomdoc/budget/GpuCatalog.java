package io.oomdoc.budget;

import io.oomdoc.util.Bytes;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Known accelerators and their memory (catalog/gpus.csv). A new card is one row there. */
public final class GpuCatalog {
    /**
     * A card: memoryBytes is what the driver reports (nvidia-smi's total; in-band ECC taken off where a row says so),
     * marketedBytes the size it is sold as ("Tesla T4 16 GB" for 15360 MiB), the figure people name it by.
     */
    public record Gpu(String name, long memoryBytes, boolean bf16, boolean fp8, long marketedBytes, long torchBytes) {
        /**
         * What PyTorch can allocate on this card: the total capacity it reports where the row gives it (an H100 80GB
         * shows 79.11 GiB), otherwise usableBytes of the driver's total.
         */
        public long usableBytes() { return torchBytes > 0 ? torchBytes : GpuCatalog.usableBytes(memoryBytes); }

        /** The size a budget is set against: PyTorch's total where the row gives it, else the driver's total. */
        public long budgetBytes() { return torchBytes > 0 ? torchBytes : memoryBytes; }
    }

    private static volatile List<Catalog.Row> rows;

    private GpuCatalog() {}

    private static List<Catalog.Row> rows() {
        if (rows == null) rows = Catalog.load("catalog/gpus.csv");
        return rows;
    }

    /** A card named with its size ("8*A30-24G" in text-generation-inference#1769, "L40S 48GB"). */
    private static final Pattern SIZED = Pattern.compile("(?i)^(.*?\\S)[\\s-]*(\\d+)\\s*(?:gb|gib|g)$");

    public static Optional<Gpu> find(String name) {
        Optional<Gpu> gpu = Catalog.find(rows(), name).map(GpuCatalog::toGpu);
        Matcher m = SIZED.matcher(name.strip());
        if (gpu.isPresent() || !m.matches()) return gpu;
        // the size must be the card's own: "A100 24GB" stays unknown rather than becoming an A100 40GB
        long said = Long.parseLong(m.group(2));
        return Catalog.find(rows(), m.group(1)).filter(r -> marketedGib(r) == said).map(GpuCatalog::toGpu);
    }

    /**
     * The size a card is sold as: its row's memory, or for a row that gives nvidia-smi's total after in-band ECC (a
     * note naming ECC) the size before ECC took its 1/16 ("L40S 48GB" for 46068 MiB).
     */
    private static long marketedGib(Catalog.Row r) {
        double gib = Double.parseDouble(r.cells()[2]);
        return Math.round(ecc(r) ? gib * 16 / 15 : gib);
    }

    private static boolean ecc(Catalog.Row r) { return r.cells().length > 5 && r.cells()[5].contains("ECC"); }

    public static List<Gpu> all() {
        return rows().stream().map(GpuCatalog::toGpu).toList();
    }

    public static List<String> nearest(String name) {
        return Catalog.nearest(rows(), name, 3);
    }

    /** Every alias, longest first, so "rtx 3090" is tried before "3090" when scanning text. */
    public static List<String[]> aliases() {
        return rows().stream().flatMap(r -> r.aliases().stream().map(a -> new String[]{a, r.name()}))
                .sorted((x, y) -> y[0].length() - x[0].length()).toList();
    }

    /**
     * Memory PyTorch can use on a card of this size: the driver keeps about 1.5% (a 24 GiB RTX 3090 shows
     * torch.cuda.get_device_properties().total_memory ≈ 23.7 GiB), at least 256 MiB.
     */
    public static long usableBytes(long gpuBytes) {
        // a size that is a row's PyTorch total already is what the job can allocate: nothing more is kept back
        if (isTorchTotal(gpuBytes)) return gpuBytes;
        return gpuBytes - Math.max(256L << 20, Math.round(gpuBytes * 0.015));
    }

    /** Whether this size is a card's total as PyTorch reports it (a row's torch_total_gib), not the driver's. */
    public static boolean isTorchTotal(long gpuBytes) {
        return TorchTotals.ALL.contains(gpuBytes);
    }

    /**
     * Every row's PyTorch total (0 for a row whose note gives none), read once: each budget asks about its card's
     * size, and reading the totals out of the notes' text each time was a regex over every row.
     */
    private static final class TorchTotals {
        static final Set<Long> ALL = rows().stream().map(GpuCatalog::torchBytes)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether this size is the total PyTorch reports for an AMD card under ROCm (a note's "PyTorch (ROCm) reports"):
     * the same caching allocator and counters, read through HIP.
     */
    public static boolean isRocmTorchTotal(long gpuBytes) {
        return rows().stream().anyMatch(r -> torchBytes(r) == gpuBytes && r.cells()[5].contains("(ROCm)"));
    }

    /** A note's "total capacity of N GiB": what PyTorch reports for the card. */
    private static final Pattern TORCH_TOTAL = Pattern.compile("total capacity of (\\d+(?:\\.\\d+)?) GiB");

    /** The total PyTorch reports for the row's card in bytes, 0 where its note gives none. */
    private static long torchBytes(Catalog.Row r) {
        if (r.cells().length < 6) return 0;
        Matcher m = TORCH_TOTAL.matcher(String.join(",", List.of(r.cells()).subList(5, r.cells().length)));
        return m.find() ? Math.round(Double.parseDouble(m.group(1)) * Bytes.GIB) : 0;
    }

    private static Gpu toGpu(Catalog.Row r) {
        long bytes = Math.round(Double.parseDouble(r.cells()[2]) * Bytes.GIB);
        return new Gpu(r.name(), bytes, Boolean.parseBoolean(r.cells()[3]), Boolean.parseBoolean(r.cells()[4]),
                ecc(r) ? marketedGib(r) * Bytes.GIB : bytes, torchBytes(r));
    }
}
