package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** tensor_accumulated on a real excerpt: what a function hands back to its caller is the caller's to keep. */
class TensorAccumulatedReturnTest {
    @TempDir Path repo;

    /**
     * huggingface/trl@f2cd5771 trl/trainer/rloo_trainer.py:903-982 (_get_per_token_logps_and_entropies; the
     * image-input branches left out) and 1726-1732 (prediction_step, which makes the file an evaluation file): the MoE aux losses of the chunks of one batch are stacked into a name that
     * is returned, and the trainer adds it to the loss it backpropagates. First contact with trl in h5/scan: false.
     */
    @Test
    void chunkLossesStackedIntoAReturnedNameAreTheCallersLoss() throws Exception {
        Path p = repo.resolve("trl/trainer/rloo_trainer.py");
        Files.createDirectories(p.getParent());
        Files.writeString(p, """
                import torch
                class RLOOTrainer(BaseTrainer):
                    def _get_per_token_logps_and_entropies(self, model, input_ids, attention_mask, logits_to_keep,
                            batch_size=None, compute_entropy=False, compute_aux_loss=False):
                        batch_size = batch_size or input_ids.size(0)  # Chunk inputs into smaller batches to reduce memory peak
                        all_logps = []
                        all_entropies = []
                        all_aux_losses = []
                        for start in range(0, input_ids.size(0), batch_size):
                            input_ids_batch = input_ids[start : start + batch_size]
                            attention_mask_batch = attention_mask[start : start + batch_size]

                            # Build model inputs
                            model_inputs = {"input_ids": input_ids_batch, "attention_mask": attention_mask_batch}
                            if compute_aux_loss:
                                model_inputs["output_router_logits"] = True

                            outputs = model(**model_inputs)
                            logits = outputs.logits
                            # Exclude the last value: it corresponds to the next token pred
                            logits = logits[:, :-1, :]  # (B, L-1, H)
                            logits = logits[:, -logits_to_keep:, :]  # (B, logits_to_keep, H)
                            logits.div_(self.temperature)
                            completion_ids = input_ids_batch[:, -logits_to_keep:]
                            logps = selective_log_softmax(logits, completion_ids)  # compute logprobs
                            all_logps.append(logps)

                            if compute_entropy:
                                with torch.no_grad():
                                    entropies = entropy_from_logits(logits)
                                all_entropies.append(entropies)

                            if compute_aux_loss:
                                all_aux_losses.append(outputs.aux_loss)

                        logps = torch.cat(all_logps, dim=0)
                        entropies = torch.cat(all_entropies, dim=0) if compute_entropy else None
                        aux_loss = torch.stack(all_aux_losses).mean() if compute_aux_loss else None
                        return logps, entropies, aux_loss

                    def prediction_step(self, model, inputs, prediction_loss_only, ignore_keys: list[str] | None = None):
                        inputs = self._prepare_inputs(inputs)
                        with torch.no_grad():
                            with self.compute_loss_context_manager():
                                loss = self.compute_loss(model, inputs)
                            loss = loss.mean().detach()
                        return loss, None, None
                """);
        List<Finding> f = new PythonScanner().scan(repo).findings();
        assertEquals(List.of(), f.stream().filter(x -> x.rule().equals("tensor_accumulated")).toList());
    }
}
