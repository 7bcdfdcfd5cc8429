package io.oomdoc.budget;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * LoRA's trainable parameters, r·(d_in + d_out) per adapted matrix, against the counts PEFT printed
 * (model.print_trainable_parameters()) for rank 8 on q_proj and v_proj, the targets PEFT picks for LLaMA by default.
 * Both counts were found in public training scripts through the code index; each printed the LoraConfig beside it.
 */
class LoraParamsTest {
    private static long qv(String model, int rank, List<String> assumptions) {
        return BudgetEngine.loraParams(ModelCatalog.find(model).orElseThrow(), rank, Setup.LoraTargets.QV,
                assumptions);
    }

    /** "trainable params: 4,194,304 || all params: 6,742,609,920" for decapoda-research/llama-7b-hf, r=8. */
    @Test
    void rankEightOnQueryAndValueOfLlama7bIsWhatPeftPrinted() {
        List<String> assumptions = new ArrayList<>();
        assertEquals(4_194_304L, qv("llama-7b", 8, assumptions));
        assertEquals(List.of("LoRA rank 8 on the query and value projections only"), assumptions);
    }

    /** "trainable params: 3,407,872 || all params: 8,033,669,120" for Llama-3-8B, r=8: its values are 1,024 wide. */
    @Test
    void groupedQueryAttentionNarrowsTheValueAdaptersAsPeftPrinted() {
        assertEquals(3_407_872L, qv("llama-3-8b", 8, new ArrayList<>()));
    }

    @Test
    void wideningTheTargetsOrTheRankNeverShrinksTheAdapters() {
        ModelSpec m = ModelCatalog.find("llama-3.1-8b").orElseThrow();
        List<String> a = new ArrayList<>();
        long qv = BudgetEngine.loraParams(m, 8, Setup.LoraTargets.QV, a);
        long attention = BudgetEngine.loraParams(m, 8, Setup.LoraTargets.ATTENTION, a);
        long all = BudgetEngine.loraParams(m, 8, Setup.LoraTargets.ALL, a);
        assertTrue(qv < attention && attention < all, qv + " " + attention + " " + all);
        assertEquals(2 * all, BudgetEngine.loraParams(m, 16, Setup.LoraTargets.ALL, a));
    }
}
