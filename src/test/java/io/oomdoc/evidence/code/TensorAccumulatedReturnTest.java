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

    /**
     * kwea123/nerf_pl@52aeb387 models/rendering.py:58-167 (render_rays' inner inference(); docstrings and the coarse
     * and fine calls after it left out; round 7, tune split, was false): the model runs on the chunks of one batch of
     * rays, the chunks are joined and, through several assignments, become the rgb, depth and weights it returns to
     * the Lightning step that backpropagates them.
     */
    @Test
    void chunkOutputsJoinedAndReturnedThroughSeveralAssignmentsAreTheCallersOutput() throws Exception {
        Path p = repo.resolve("models/rendering.py");
        Files.createDirectories(p.getParent());
        Files.writeString(p, """
                import torch
                def render_rays(models,
                                embeddings,
                                rays,
                                N_samples=64,
                                use_disp=False,
                                perturb=0,
                                noise_std=1,
                                N_importance=0,
                                chunk=1024*32,
                                white_back=False,
                                test_time=False
                                ):

                    def inference(model, embedding_xyz, xyz_, dir_, dir_embedded, z_vals, weights_only=False):
                        N_samples_ = xyz_.shape[1]
                        # Embed directions
                        xyz_ = xyz_.view(-1, 3) # (N_rays*N_samples_, 3)
                        if not weights_only:
                            dir_embedded = torch.repeat_interleave(dir_embedded, repeats=N_samples_, dim=0)
                                           # (N_rays*N_samples_, embed_dir_channels)

                        # Perform model inference to get rgb and raw sigma
                        B = xyz_.shape[0]
                        out_chunks = []
                        for i in range(0, B, chunk):
                            # Embed positions by chunk
                            xyz_embedded = embedding_xyz(xyz_[i:i+chunk])
                            if not weights_only:
                                xyzdir_embedded = torch.cat([xyz_embedded,
                                                             dir_embedded[i:i+chunk]], 1)
                            else:
                                xyzdir_embedded = xyz_embedded
                            out_chunks += [model(xyzdir_embedded, sigma_only=weights_only)]

                        out = torch.cat(out_chunks, 0)
                        if weights_only:
                            sigmas = out.view(N_rays, N_samples_)
                        else:
                            rgbsigma = out.view(N_rays, N_samples_, 4)
                            rgbs = rgbsigma[..., :3] # (N_rays, N_samples_, 3)
                            sigmas = rgbsigma[..., 3] # (N_rays, N_samples_)

                        # Convert these values using volume rendering (Section 4)
                        deltas = z_vals[:, 1:] - z_vals[:, :-1] # (N_rays, N_samples_-1)
                        delta_inf = 1e10 * torch.ones_like(deltas[:, :1]) # (N_rays, 1) the last delta is infinity
                        deltas = torch.cat([deltas, delta_inf], -1)  # (N_rays, N_samples_)

                        # Multiply each distance by the norm of its corresponding direction ray
                        # to convert to real world distance (accounts for non-unit directions).
                        deltas = deltas * torch.norm(dir_.unsqueeze(1), dim=-1)

                        noise = torch.randn(sigmas.shape, device=sigmas.device) * noise_std

                        # compute alpha by the formula (3)
                        alphas = 1-torch.exp(-deltas*torch.relu(sigmas+noise)) # (N_rays, N_samples_)
                        alphas_shifted = \\
                            torch.cat([torch.ones_like(alphas[:, :1]), 1-alphas+1e-10], -1) # [1, a1, a2, ...]
                        weights = \\
                            alphas * torch.cumprod(alphas_shifted, -1)[:, :-1] # (N_rays, N_samples_)
                        weights_sum = weights.sum(1) # (N_rays), the accumulated opacity along the rays
                                                     # equals "1 - (1-a1)(1-a2)...(1-an)" mathematically
                        if weights_only:
                            return weights

                        # compute final weighted outputs
                        rgb_final = torch.sum(weights.unsqueeze(-1)*rgbs, -2) # (N_rays, 3)
                        depth_final = torch.sum(weights*z_vals, -1) # (N_rays)

                        if white_back:
                            rgb_final = rgb_final + 1-weights_sum.unsqueeze(-1)

                        return rgb_final, depth_final, weights
                """);
        List<Finding> f = new PythonScanner().scan(repo).findings();
        assertEquals(List.of(), f.stream().filter(x -> x.rule().equals("tensor_accumulated")).toList());
    }
}
