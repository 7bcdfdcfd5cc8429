package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The budget's assumption sentences and the batch finder's notes live in budget/assumptions.properties (issue 15:
 * user text out of Java). The code and the table must name the same keys: a key the code names that the table lacks
 * fails only when that sentence is first printed, and a sentence no key reaches is dead text. The QLoRA setup is
 * fms-acceleration's Mistral-7B accelerated-peft-bnb row (scripts/benchmarks/refs/a100_80gb.csv at 24bdadb, in
 * measured_budget8.json).
 */
class AssumptionTextTest {
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java/io/oomdoc/budget/BudgetEngine.java"),
            Path.of("src/main/java/io/oomdoc/budget/BatchFinder.java"),
            Path.of("src/main/java/io/oomdoc/budget/Ladder.java"));
    // keys built as a family prefix plus the ZeRO stage (1-3)
    private static final List<String> FAMILIES = List.of("states.zero.", "states.fp32Zero.");

    private static Properties table() throws Exception {
        Properties p = new Properties();
        try (var in = AssumptionTextTest.class.getClassLoader().getResourceAsStream("budget/assumptions.properties")) {
            assertNotNull(in);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theEngineAndTheTableNameTheSameSentences() throws Exception {
        StringBuilder src = new StringBuilder();
        for (Path p : SOURCES) src.append(Files.readString(p));
        TreeSet<String> named = new TreeSet<>();
        // every quoted key-shaped literal: AssumptionText.get("k") and the keys chosen in ternaries and switches
        Matcher m = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z0-9]+)+)\"").matcher(src);
        while (m.find()) named.add(m.group(1));
        for (String f : FAMILIES) for (int stage = 1; stage <= 3; stage++) named.add(f + stage);
        TreeSet<String> keys = new TreeSet<>(table().stringPropertyNames());
        List<String> missing = new ArrayList<>(named);
        missing.removeAll(keys);
        missing.removeIf(k -> k.startsWith("budget/"));
        List<String> unreached = new ArrayList<>(keys);
        unreached.removeAll(named);
        assertEquals(List.of(), missing, "named by the engine, absent from the table");
        assertEquals(List.of(), unreached, "in the table, named nowhere in the engine");
        assertTrue(keys.size() >= 40, "the table holds the engine's sentences: " + keys.size());
    }

    @Test
    void aQloraEstimateSaysItsWeightFormatFromTheTable() {
        ModelSpec mistral = ModelCatalog.find("mistral-7b").orElseThrow();
        Setup s = Setup.builder(mistral).seq(4096).batch(4).attention(Setup.Attention.FLASH).loraRank(16)
                .quant(Setup.Quant.NF4).loraTargets(Setup.LoraTargets.ATTENTION).loraDropout(true)
                .checkpointing(Setup.Checkpointing.FULL).build();
        List<String> said = new BudgetEngine().estimate(s, null).assumptions();
        String nf4 = "base weights 4-bit NF4 on the linear layers (0.56 B/param)";
        assertTrue(said.stream().anyMatch(a -> a.startsWith(nf4)),
                String.join("\n", said));
        assertTrue(said.contains("LoRA rank 16 on the query, key, value and output projections"), said.toString());
        assertTrue(said.contains("full activation checkpointing: each layer's input kept, one layer's working set "
                + "recomputed"), said.toString());
    }
}
