package io.oomdoc.protocol.facts;

import io.oomdoc.util.Resources;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * How the setup-word table (lexicon/facts.tsv) is read and matched. Each test parses the bundled table afresh (not
 * the cached {@link Lexicon#get()}), so what is checked is the reading itself. Sentences are user turns of the dev
 * conversations (src/test/resources/conversations, file named on each test; each file records its source thread).
 */
class LexiconTest {
    private static final String TABLE = Resources.text("lexicon/facts.tsv");

    private static Lexicon fresh() { return Lexicon.parse(TABLE); }

    private static List<String> facts(String turn) {
        return fresh().find(turn.toLowerCase(Locale.ROOT)).stream().map(m -> m.key() + "=" + m.value()).toList();
    }

    private static Lexicon.Row rowFor(String sourceStart) {
        return fresh().rows().stream().filter(r -> r.source().startsWith(sourceStart)).findFirst().orElseThrow();
    }

    @Test
    void everyLineThatIsNeitherBlankNorACommentIsOneRowRankedInFileOrder() {
        long lines = TABLE.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        List<Lexicon.Row> rows = fresh().rows();
        assertEquals(lines, rows.size());
        for (int i = 0; i < rows.size(); i++) assertEquals(i, rows.get(i).rank(), rows.get(i).source());
    }

    @Test
    void theThirdColumnSaysWhatANegationMeansAndItsAbsenceIsEmpty() {
        assertEquals("qlora=false;quant=none", rowFor("qlora").onNegation());
        assertEquals("", rowFor("adafactor").onNegation(), "a row of two columns denies its own keys");
    }

    @Test
    void aRowsFactsAreItsKeyValuePairsInOrder() {
        List<String[]> facts = rowFor("qlora").facts();
        assertEquals(List.of("qlora=true", "lora=true", "quant=4bit"),
                facts.stream().map(kv -> kv[0] + "=" + kv[1]).toList());
    }

    @Test
    void aRowWithoutFactsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lexicon.parse("qlora"));
        assertTrue(e.getMessage().contains("pattern and facts"), e.getMessage());
    }

    @Test
    void aFactWithoutAKeyIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Lexicon.parse("qlora\tqlora"), "no '='");
        assertThrows(IllegalArgumentException.class, () -> Lexicon.parse("qlora\t=true"), "'=' with no key");
    }

    // 21-alpaca-lora-8bit-adam-trainer.txt
    @Test
    void eightBitAdamIsAnOptimizerAndNotAQuantization() {
        assertEquals(List.of("optimizer=adamw-8bit"), facts("does 8-bit adam even save much with lora? only the "
                + "adapters train").stream().filter(f -> !f.startsWith("lora")).toList());
    }

    // 18-dataloader-killed-slurm-mem.txt
    @Test
    void aDataLoaderWorkerNamesBothTheFrameworkAndThePhase() {
        List<String> f = facts("RuntimeError: DataLoader worker is killed by signal: Killed.");
        assertTrue(f.contains("framework=pytorch"), f.toString());
        assertTrue(f.contains("phase=dataloader"), f.toString());
    }

    // 11-llamafactory-7b-zero2-v100.txt
    @Test
    void theZeroStageIsTheDigitThePatternCaptured() {
        assertTrue(facts("full finetune llama-7b on 8x v100 32g, deepspeed zero stage 2 from the readme example")
                .contains("zero=2"));
    }

    // 46-deepspeed-chatglm6b-lora-4x3090.txt
    @Test
    void mentionsComeInTheOrderOfTheText() {
        List<Mention> found = fresh().find(("6b model (chatglm-6b), lora with ~0.5% of params trainable, deepspeed "
                + "zero 3, fp16, micro batch 1, adam.").toLowerCase(Locale.ROOT));
        for (int i = 1; i < found.size(); i++) {
            assertTrue(found.get(i - 1).start() <= found.get(i).start(), found.toString());
        }
        assertEquals(List.of("lora", "framework", "zero", "precision", "optimizer"),
                found.stream().map(Mention::key).distinct().toList());
    }

    // 13-accelerate-zero2-one-vs-eight-gpus.txt: "deepspeed stage 2" is a ZeRO stage and still names DeepSpeed
    @Test
    void aSetupPhraseDoesNotHideTheFrameworkInsideIt() {
        List<String> f = facts("accelerate 0.18 with deepspeed stage 2, full finetune of a llama "
                + "AutoModelForCausalLM.");
        assertTrue(f.contains("zero=2"), f.toString());
        assertTrue(f.contains("framework=deepspeed"), f.toString());
    }

    // 17-lightning-oom-after-74-epochs.txt: "pytorch-lightning" contains "pytorch", another framework row
    @Test
    void theLongerOfTwoOverlappingFrameworkNamesWins() {
        List<String> atStart = fresh().find("pytorch-lightning 1.3.0, torch 1.7.1, ddp on 8 v100 32gb, fixed seed.")
                .stream().filter(m -> m.start() == 0).map(m -> m.key() + "=" + m.value()).toList();
        assertEquals(List.of("framework=lightning"), atStart, "the pytorch inside pytorch-lightning is not read");
    }

    /**
     * facebookresearch/d2go#522: FSDP's ShardingStrategy.SHARD_GRAD_OP is ZeRO-2 (gradients and optimizer states
     * sharded, parameters gathered through the step); FSDP alone shards all three, ZeRO-3.
     */
    @Test
    void fsdpWithShardGradOpIsZeroTwoAndFsdpAloneIsZeroThree() {
        assertEquals(2, io.oomdoc.protocol.FactExtractor.read(
                "FSDP with sharding_strategy=ShardingStrategy.SHARD_GRAD_OP on 8 A100s").asserted().zeroStage());
        assertEquals(2, io.oomdoc.protocol.FactExtractor.read(
                "fsdp2 fully_shard(model, reshard_after_forward=False) on 4 GPUs").asserted().zeroStage());
        assertEquals(3, io.oomdoc.protocol.FactExtractor.read("FSDP full shard on 8 A100s").asserted().zeroStage());
    }

    /**
     * The table's header rule, "the longest wins" (its own example, "8-bit adam"), held by length and not by the rows'
     * order: here the plain Adam row comes first and the 8-bit optimizer still wins.
     */
    @Test
    void aLongerPhraseWinsOverAShorterOneInsideItWhicheverRowComesFirst() {
        String adam = TABLE.lines().filter(l -> l.startsWith("adamw|adam")).findFirst().orElseThrow();
        String eightBit = TABLE.lines().filter(l -> l.startsWith("8[-_ ]?bit[-_ ]adamw?")).findFirst().orElseThrow();
        List<String> found = Lexicon.parse(adam + "\n" + eightBit).find("we fine-tune with 8-bit adam").stream()
                .map(m -> m.key() + "=" + m.value()).toList();
        assertEquals(List.of("optimizer=adamw-8bit"), found);
    }

    /** A row whose pattern can match the empty string states nothing where it matches nothing. */
    @Test
    void anEmptyMatchStatesNoFact() {
        assertEquals(List.of(), Lexicon.parse("(?:adam)?\toptimizer=adamw").find("sgd  and  momentum"));
    }
}
