package io.oomdoc.protocol.facts;

import io.oomdoc.protocol.FactExtractor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A card named the way people type it in a sentence gets the card's memory from catalog/gpus.csv (sources in
 * catalog/gpus-sources.md). The sentences are the spellings the catalog9 brief lists; sizes are the vendors'.
 */
class TypedGpuNamesTest {
    private static final long GIB = 1L << 30;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "I have a GTX 970|GeForce GTX 970|4",
            "training on an RTX A4500|RTX A4500|20",
            "lora on a 4080 Super, cuda oom|GeForce RTX 4080 Super|16",
            "M3 Max 36GB, mps backend runs out|Apple M3 Max 36GB|36",
            "rocm on an RX 7900 XTX|Radeon RX 7900 XTX|24",
            "we serve on an L20|L20|48",
            "my 3060 12gb|GeForce RTX 3060|12",
            "my 3060 8gb|GeForce RTX 3060 8GB|8",
            "a 4060 ti 8gb with 7b qlora|GeForce RTX 4060 Ti 8GB|8",
            "3090ti, batch 4|GeForce RTX 3090 Ti|24",
            "on an rtx 3090 ti|GeForce RTX 3090 Ti|24",
            "a 4090 24gb desktop|GeForce RTX 4090|24",
            "8x H100 NVL|H100 NVL|94",
            "v100 32gb nodes|Tesla V100 32GB|32",
            "RTX 6000 Ada workstation|RTX 6000 Ada|48",
            "an MI325X|Instinct MI325X|256",
            "tpu v5e pod slice|TPU v5e|16"})
    void aTypedCardNameGivesItsMemory(String sentence, String card, int gib) {
        var facts = FactExtractor.extract(sentence);
        assertEquals(card, facts.gpuName(), sentence);
        assertEquals(gib * GIB, facts.gpuMemBytes(), sentence);
    }

    /** Names that contain another card's name: the longer, whole name wins, and the shorter stays itself. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a10 24gb, qlora|A10", "an a100 40gb|A100 40GB",
            "old tesla m40 from ebay|Tesla M40 12GB", "macbook with an apple m4|Apple M4 16GB",
            "one l4 on gcp|L4", "one l40 in the rack|L40", "an l20 in the rack|L20",
            "h20 from the cloud|H20", "h200 node|H200",
            "tesla p4 inference|Tesla P4", "tesla p40 box|Tesla P40",
            "b100 node|B100", "b200 node|B200",
            "rtx 4000 ada sff|RTX 4000 Ada", "quadro rtx 4000|Quadro RTX 4000",
            "mi300a apu|Instinct MI300A", "mi300x node|MI300X",
            "rx 7900 xt|Radeon RX 7900 XT", "h100 sxm|H100 80GB",
            "a 4070 super, sdxl lora|GeForce RTX 4070 Super", "4070 ti super|GeForce RTX 4070 Ti Super",
            "rtx 4070 ti|GeForce RTX 4070 Ti"})
    void aNameInsideAnotherNameIsNotConfused(String sentence, String card) {
        assertEquals(card, FactExtractor.extract(sentence).gpuName(), sentence);
    }
}
