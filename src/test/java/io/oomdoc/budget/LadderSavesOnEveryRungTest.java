package io.oomdoc.budget;

import io.oomdoc.util.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No rung of the ladder saves nothing or a negative amount (issue 14, item 3: under ZeRO-2/3 a rung once said 8-bit
 * AdamW "saves 0 B" and QLoRA rungs "save -24.50 GiB"), whatever the starting method, quantization, optimizer,
 * ZeRO stage and GPU count.
 */
class LadderSavesOnEveryRungTest {
    private static final long CARD = 24L * Bytes.GIB;

    static Stream<Arguments> starts() {
        Stream.Builder<Arguments> out = Stream.builder();
        for (int rank : new int[]{0, 16}) {
            for (Setup.Quant q : new Setup.Quant[]{Setup.Quant.NONE, Setup.Quant.NF4}) {
                if (rank == 0 && q != Setup.Quant.NONE) continue; // a quantized base without adapters only serves
                for (Setup.Optimizer o : new Setup.Optimizer[]{Setup.Optimizer.ADAMW, Setup.Optimizer.ADAMW_8BIT}) {
                    for (int stage = 0; stage <= 3; stage++) {
                        for (int gpus : new int[]{1, 8}) {
                            if (stage > 0 && gpus == 1) continue;
                            out.add(Arguments.of(rank, q, o, stage, gpus));
                        }
                    }
                }
            }
        }
        return out.build();
    }

    @ParameterizedTest(name = "rank {0}, {1}, {2}, ZeRO-{3}, {4} GPUs")
    @MethodSource("starts")
    void everyRungSavesMemory(int rank, Setup.Quant q, Setup.Optimizer o, int stage, int gpus) {
        Setup start = Setup.builder(ModelCatalog.find("llama-3.1-8b").orElseThrow()).seq(4096).batch(8).gpus(gpus)
                .zeroStage(stage).optimizer(o).loraRank(rank).quant(q).contextBytes(BudgetEngine.DEFAULT_CONTEXT)
                .build();
        for (Ladder.Rung r : new Ladder().climb(start, CARD)) {
            assertTrue(r.savedBytes() > 0, r.toString());
        }
    }
}
