package io.oomdoc.protocol.facts;

import io.oomdoc.budget.GpuCatalog;
import io.oomdoc.budget.ModelCatalog;
import io.oomdoc.protocol.Facts;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns the mentions of one mode (asserted or hypothetical) into facts. Most keys take their first mention; a
 * framework or phase takes the lexicon's most specific row; the GPU count takes the largest count; the card's
 * memory comes from a named GPU (its size variant chosen by any size given for it), then from a size the user
 * gave for the card, then from a total capacity printed by a tool.
 */
final class Resolver {
    /** Relative distance within which a stated size picks a catalog variant ("A100 80G" → A100 80GB). */
    private static final double VARIANT_TOLERANCE = 0.12;
    /** Relative distance within which a named model and a printed count are the same model (summaries round). */
    private static final double NAME_TOLERANCE = 0.15;
    /**
     * How much larger than the named model a size stated alone must be to be the job's instead: a factor of 2 keeps
     * a rounded size of the same model ("7B" beside llama-2-7b's 6.7e9) and a sibling a step up out of it.
     */
    private static final double STATED_OVER_NAMED = 2.0;

    /** The offload values, most moved first: one turn naming two keeps the one that moves more. */
    private static final List<String> OFFLOADS = List.of("params", "optimizer", "none");

    private Resolver() {}

    static Facts resolve(List<Mention> ms) {
        Facts.Builder b = Facts.builder();
        // two different optimizers in one turn ("sgd trains fine, switching to adam it dies", "Adam8bit vs Adam") say
        // nothing certain about the one in use
        if (ms.stream().filter(m -> m.key().equals("optimizer")).map(Mention::value).distinct().count() == 1) {
            first(ms, "optimizer").ifPresent(b::optimizer);
        }
        for (String key : List.of("batch", "seq", "lora_rank", "depth", "grad_accum", "total_batch", "quant",
                "zero", "attention", "host_ram", "device_map", "gguf", "fsdp")) {
            first(ms, key).ifPresent(v -> b.set(key, v));
        }
        // "offload_optimizer and offload_param": the parameters offloaded include the optimizer state; one key with
        // device "none" beside another offloaded does not undo the other
        ms.stream().filter(m -> m.key().equals("offload")).map(Mention::value)
                .min(Comparator.comparing(OFFLOADS::indexOf)).ifPresent(b::offload);
        for (String key : List.of("checkpointing", "lora", "qlora")) first(ms, key).ifPresent(v -> b.set(key, v));
        for (String key : List.of("framework", "phase")) {
            ms.stream().filter(m
                    -> m.key().equals(key)).min(Comparator.comparingInt(Mention::rank).thenComparingInt(Mention::start))
                    .ifPresent(m -> b.set(key, m.value()));
        }
        ms.stream().filter(m -> m.key().equals("gpus")).mapToInt(m -> Integer.parseInt(m.value())).max()
                .ifPresent(n -> b.worldSize(n));
        String gpu = first(ms, "gpu").orElse(null);
        model(ms, b);
        gpuMemory(ms, b, gpu);
        precision(ms, b, gpu);
        return b.build();
    }

    private static void model(List<Mention> ms, Facts.Builder b) {
        // the first model named, not the largest: "OPT-2.7B OOM while OPT-6.7B works fine" (vllm#29070) names the
        // failing one first
        Optional<Mention> model = ms.stream().filter(m
                -> m.key().equals("model")).min(Comparator.comparingInt(Mention::start));
        model.ifPresent(m -> {
            b.model(m.value());
            sizeOf(ms, m).ifPresent(b::params);
        });
        if (model.isEmpty()) first(ms, "params").ifPresent(v -> b.params(Long.parseLong(v)));
        statedSize(ms, model.flatMap(m -> sizeOf(ms, m)).orElse(null), b);
        printed(ms, b);
        Facts f = b.build();
        String text = ms.stream().filter(m -> m.key().equals("framework")
                && m.value().equals("nanochat")).findAny().map(m -> "nanochat").orElse(null);
        if (text != null && f.depth() != null && f.model() == null) {
            String name = "nanochat d" + f.depth();
            b.model(name);
            ModelCatalog.find(name).ifPresent(s -> b.params(s.params()));
        }
    }

    private static Optional<Long> sizeOf(List<Mention> ms, Mention model) {
        return ms.stream().filter(p -> p.key().equals("params") && p.start() == model.start()).findFirst()
                .map(p -> Long.parseLong(p.value()));
    }

    /**
     * A size the user states on its own ("a 30B model", "13B LLaVA") is the size of the model they run, even where
     * the log names a smaller one (the vision tower of "13B LLaVA", the GPT-2 tokenizer): when it is more than
     * {@link #STATED_OVER_NAMED} times the named model's, the stated size wins and the name is dropped, so the budget
     * is not computed for a side model.
     */
    private static void statedSize(List<Mention> ms, Long named, Facts.Builder b) {
        if (named == null) return;
        ms.stream().filter(m -> m.key().equals("params") && ms.stream().noneMatch(o -> o.key().equals("model")
                && o.start() == m.start())).mapToLong(m -> Long.parseLong(m.value())).max()
                .ifPresent(stated -> {
                    if (stated > STATED_OVER_NAMED * named) { b.model(null); b.params(stated); }
                });
    }

    /**
     * A count the library printed overrules a size guessed from a name. The trainable count is the model's size
     * only without an adapter or quantized weights (a LoRA or QLoRA run prints the adapter's count there). When the
     * named model's catalog size is far from the printed one, the name was a family read from a path ("gpt2" for
     * GPT-2 XL) and is dropped, so the budget takes the printed size.
     */
    private static void printed(List<Mention> ms, Facts.Builder b) {
        boolean adapter = ms.stream().anyMatch(m -> m.key().equals("lora") || m.key().equals("qlora")
                || m.key().equals("lora_rank") || m.key().equals("quant"));
        Optional<String> count = first(ms, "params.total");
        if (count.isEmpty() && !adapter) count = first(ms, "params.trainable");
        if (count.isEmpty()) return;
        long printed = Long.parseLong(count.get());
        Facts f = b.build();
        Long named = f.model() == null ? null : ModelCatalog.find(f.model()).map(s -> s.params()).orElse(f.params());
        if (named != null && Math.abs(named - printed) > NAME_TOLERANCE * printed) b.model(null);
        b.params(printed);
    }

    private static void gpuMemory(List<Mention> ms, Facts.Builder b, String gpu) {
        Integer count = b.build().worldSize();
        Long stated = first(ms, "size.stated").map(Long::parseLong).orElse(null);
        if (stated == null) {
            stated = first(ms, "size.total").map(Long::parseLong)
                    .map(t -> count != null && count > 1 ? t / count : t).orElse(null);
        }
        Long capacity = first(ms, "size.capacity").map(Long::parseLong).orElse(null);
        if (gpu != null) {
            GpuCatalog.Gpu card = GpuCatalog.find(gpu).orElse(null);
            if (card != null) {
                Long ref = stated != null ? stated : capacity;
                if (ref != null) card = variant(card, ref);
                b.gpuName(card.name());
                long mem = card.memoryBytes();
                // a size near the row's is the row's card, except the size it is sold as said about the card: "a T4
                // with 16 GB" names the 15360 MiB nvidia-smi shows after ECC, and the user's figure is the one the
                // facts keep; glued to the name ("a10 24gb", "A100-80GB") it is the product's name, and the row stands
                boolean marketed = stated != null && !sizeInName(ms) && stated == card.marketedBytes();
                if (stated != null && (marketed || Math.abs(stated - mem) > VARIANT_TOLERANCE * mem)) mem = stated;
                // a total capacity the allocator printed far from every row of the family ("15.99 GiB total
                // capacity" from a laptop 4090, a MIG slice): the process saw that much, whatever the row says
                else if (stated == null && capacity != null && Math.abs(capacity - mem) > VARIANT_TOLERANCE * mem) {
                    mem = capacity;
                }
                b.gpuMemBytes(mem);
                return;
            }
            b.gpuName(gpu);
        }
        if (stated != null) b.gpuMemBytes(stated);
        else if (capacity != null) b.gpuMemBytes(capacity);
    }

    /** A stated size written right after the card's name, a space or a hyphen between them ("a10 24gb"). */
    private static boolean sizeInName(List<Mention> ms) {
        Optional<Mention> gpu = firstMention(ms, "gpu"), size = firstMention(ms, "size.stated");
        if (gpu.isEmpty() || size.isEmpty()) return false;
        int gap = size.get().start() - gpu.get().end();
        return gap >= 0 && gap <= 1;
    }

    /** The catalog sibling ("A100 40GB" / "A100 80GB") whose memory is closest to a size given for the card. */
    static GpuCatalog.Gpu variant(GpuCatalog.Gpu card, long size) {
        String family = family(card.name());
        GpuCatalog.Gpu best = card;
        double bestDist = Math.abs(size - card.memoryBytes()) / (double) card.memoryBytes();
        for (GpuCatalog.Gpu g : GpuCatalog.all()) {
            if (!family(g.name()).equals(family)) continue;
            double d = Math.abs(size - g.memoryBytes()) / (double) g.memoryBytes();
            if (d < bestDist && d <= VARIANT_TOLERANCE) { best = g; bestDist = d; }
        }
        return best;
    }

    private static String family(String name) { return name.replaceAll("\\s*\\d+\\s*GB$", "").strip(); }

    /**
     * "mixed precision" combines with the dtype said next to it; alone it is bf16 mixed, or fp16 on a card without
     * bf16.
     */
    private static void precision(List<Mention> ms, Facts.Builder b, String gpu) {
        List<String> said = ms.stream().filter(m -> m.key().equals("precision")).map(Mention::value).toList();
        if (said.isEmpty()) return;
        Optional<String> dtype = said.stream().filter(Predicate.not("mixed"::equals)).findFirst();
        if (!said.contains("mixed")) { b.precision(dtype.get()); return; }
        String base = dtype.filter(d -> d.equals("bf16") || d.equals("fp16")).orElse(null);
        if (dtype.isPresent() && dtype.get().startsWith("mixed-")) { b.precision(dtype.get()); return; }
        if (base == null) {
            boolean bf16 = gpu == null || GpuCatalog.find(gpu).map(GpuCatalog.Gpu::bf16).orElse(true);
            base = bf16 ? "bf16" : "fp16";
        }
        b.precision("mixed-" + base);
    }

    private static Optional<String> first(List<Mention> ms, String key) {
        return firstMention(ms, key).map(Mention::value);
    }

    private static Optional<Mention> firstMention(List<Mention> ms, String key) {
        return ms.stream().filter(m -> m.key().equals(key)).min(Comparator.comparingInt(Mention::start));
    }
}
