package io.oomdoc.protocol.dialogue;

import io.oomdoc.budget.BudgetEngine;
import io.oomdoc.budget.Setup;
import io.oomdoc.protocol.Engines;
import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.SetupFromFacts;
import io.oomdoc.util.Bytes;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * "Will the bf16 model fit on my 16 GB card?" for a model that is run: the verdict on its weights first (fits, tight,
 * does not fit) with the figure, then the cheapest change that makes it fit, each sized by the budget engine. Tight is
 * CardCapacity's rule: the weights leave less than a fifth of the card past the CUDA context for the KV cache and the
 * activations, so a long prompt or a few requests at once tip it over. The cheapest change is a smaller weight format
 * (fp32 to 16-bit, then 8-bit, then 4-bit: one argument at load time), under llama.cpp or Ollama the layers that stay
 * in system RAM, else the fewest such cards over which the weights are split, in the smallest format when that needs
 * fewer cards.
 */
final class WeightsOnCard {
    /** A smaller weight format, in the order an expert offers them: the least loss of quality first. */
    private record Format(String key, UnaryOperator<Facts.Builder> set) {}

    private static final List<Format> FORMATS = List.of(
            new Format("fit.format.half", b -> b.precision("bf16").quant(null)),
            new Format("fit.format.int8", b -> b.quant("8bit")),
            new Format("fit.format.nf4", b -> b.quant("4bit")));

    private WeightsOnCard() {}

    /**
     * The verdict on the weights of the run setup held, the split when several cards hold them, and the cheapest change
     * when they do not fit with room to spare; null when the facts budget no run model or name no card.
     */
    static String of(Facts f) {
        var setup = SetupFromFacts.from(f);
        if (setup.isEmpty() || setup.get().mode() != Setup.Mode.INFER || f.gpuMemBytes() == null) return null;
        Setup s = setup.get();
        long card = f.gpuMemBytes(), w = weightsPerGpu(s), room = CardCapacity.roomForStates(card);
        int gpus = Math.max(1, s.gpus());
        String name = s.model().name();
        String head = w + Bytes.GIB > card
                ? Messages.get("fit.weights.no", name, Bytes.human(w), gpus, Bytes.human(card))
                : Messages.get(w > room ? "fit.weights.tight" : "fit.weights.fits", name, Bytes.human(w), gpus,
                Bytes.human(card - w), Bytes.human(card));
        StringBuilder out = new StringBuilder(head);
        if (gpus > 1) {
            long all = w * gpus;
            out.append('\n').append(all <= room
                    ? Messages.get("fit.weights.split.one", gpus, gpus, Bytes.human(all), Bytes.human(card - all))
                    : Messages.get("fit.weights.split.all", gpus, gpus, Bytes.human(all)));
        }
        if (w > room) out.append('\n').append(cheapest(f, card, w, 0, gpus));
        return out.toString();
    }

    /**
     * The cheapest change that makes the weights ({@code weights} on each of {@code gpus} cards, with
     * {@code otherPerGpu} of cache beside them) fit a card of {@code card} with room to spare: a smaller format than
     * the one held over the same cards, the layers in system RAM under a runtime that splits by layers, else the
     * fewest such cards.
     */
    static String cheapest(Facts f, long card, long weights, long otherPerGpu, int gpus) {
        long room = CardCapacity.roomForStates(card);
        Facts run = f.phaseHint() == null ? f.with(b -> b.phaseHint("serving")) : f;
        if (f.gguf() == null) {
            for (Format x : FORMATS) {
                var s = SetupFromFacts.from(run.with(b -> x.set().apply(b.worldSize(gpus))));
                if (s.isEmpty() || s.get().mode() != Setup.Mode.INFER) continue;
                long w = weightsPerGpu(s.get());
                if (w >= weights || w + otherPerGpu > room) continue;
                return Messages.get("fit.cheapest.format", Messages.get(x.key()), Bytes.human(w),
                        Bytes.human(card - w - otherPerGpu), Bytes.human(card));
            }
        }
        if (f.gguf() != null || Engines.placesLayers(f.framework())) {
            return Messages.get("fit.cheapest.layers");
        }
        long all = weights * gpus;
        int least = fewestCards(all, room, otherPerGpu);
        String quantized = f.gguf() == null && least >= 2 ? quantizedOverFewerCards(run, card, otherPerGpu, least)
                : null;
        if (quantized != null) return quantized;
        if (least < 2) return Messages.get("fit.cheapest.larger");
        return Messages.get("fit.cheapest.cards", least, least, Bytes.human(all / least));
    }

    /**
     * When no format fits the cards held with room to spare: the smallest format over the fewest cards, offered when it
     * needs fewer cards than the weights as held (a 70B model on a 24 GB card: two cards in 4-bit, not eight in 16-bit;
     * a 72B model on a 48 GB card: one in 4-bit, not four); null otherwise.
     * The count is the fewest cards that hold the weights beside the CUDA context, said as tight when they leave less
     * than a fifth: two 24 GB cards for a 4-bit 70B model is what its users run, with a short context.
     */
    private static String quantizedOverFewerCards(Facts run, long card, long otherPerGpu, int leastAsHeld) {
        Format smallest = FORMATS.get(FORMATS.size() - 1);
        var s = SetupFromFacts.from(run.with(b -> smallest.set().apply(b.worldSize(1))));
        if (s.isEmpty() || s.get().mode() != Setup.Mode.INFER) return null;
        long all = weightsPerGpu(s.get());
        int least = Math.max(1, fewestCards(all, card - CardCapacity.CONTEXT, otherPerGpu));
        if (least >= leastAsHeld) return null;
        long each = all / least;
        String out = least == 1
                ? Messages.get("fit.cheapest.format", Messages.get(smallest.key()), Bytes.human(each),
                Bytes.human(card - each - otherPerGpu), Bytes.human(card))
                : Messages.get("fit.cheapest.cards.format", least, Messages.get(smallest.key()), least,
                Bytes.human(each), leastAsHeld);
        if (each + otherPerGpu > CardCapacity.roomForStates(card)) {
            out += " " + (least == 1 ? Messages.get("fit.cheapest.tight.one")
                    : Messages.get("fit.cheapest.cards.tight", Bytes.human(card - each - otherPerGpu)));
        }
        return out + " " + Messages.get("fit.cheapest.or.offload");
    }

    private static int fewestCards(long all, long room, long otherPerGpu) {
        return room <= otherPerGpu ? 0 : (int) Math.ceil(all / (double) (room - otherPerGpu));
    }

    private static long weightsPerGpu(Setup s) {
        return new BudgetEngine().estimate(s.withBatch(Math.max(1, s.batch())), null).perGpuBytes().weights();
    }
}
