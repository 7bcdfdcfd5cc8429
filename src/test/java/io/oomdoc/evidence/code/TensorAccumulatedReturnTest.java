package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * tensor_accumulated on code written by us after real files (named above each test; their control flow, our lines
 * since scan17): what a function hands back to its caller is the caller's to keep.
 */
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
                class PolicyTrainer(BaseTrainer):
                    def _token_logps(self, model, ids, mask, keep, chunk=None, want_entropy=False, want_aux=False):
                        chunk = chunk or ids.size(0)  # smaller pieces keep the peak low
                        logps_parts = []
                        entropy_parts = []
                        aux_parts = []
                        for lo in range(0, ids.size(0), chunk):
                            ids_part = ids[lo : lo + chunk]
                            mask_part = mask[lo : lo + chunk]
                            inputs = {"input_ids": ids_part, "attention_mask": mask_part}
                            if want_aux:
                                inputs["output_router_logits"] = True
                            out = model(**inputs)
                            scores = out.logits[:, :-1, :][:, -keep:, :]
                            scores.div_(self.temperature)
                            logps_parts.append(token_log_softmax(scores, ids_part[:, -keep:]))
                            if want_entropy:
                                with torch.no_grad():
                                    entropy_parts.append(entropy_of(scores))
                            if want_aux:
                                aux_parts.append(out.aux_loss)
                        logps = torch.cat(logps_parts, dim=0)
                        entropies = torch.cat(entropy_parts, dim=0) if want_entropy else None
                        aux_loss = torch.stack(aux_parts).mean() if want_aux else None
                        return logps, entropies, aux_loss

                    def prediction_step(self, model, inputs, prediction_loss_only, ignore_keys=None):
                        inputs = self._prepare_inputs(inputs)
                        with torch.no_grad():
                            loss = self.compute_loss(model, inputs).mean().detach()
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
                def render(models, embedders, rays, samples=64, chunk=1024 * 32, noise_std=1, white_back=False):

                    def run_field(field, embed_pos, pts, dirs, dirs_embedded, depths, weights_only=False):
                        per_ray = pts.shape[1]
                        pts = pts.view(-1, 3)
                        if not weights_only:
                            dirs_embedded = torch.repeat_interleave(dirs_embedded, repeats=per_ray, dim=0)

                        total = pts.shape[0]
                        pieces = []
                        for lo in range(0, total, chunk):
                            feats = embed_pos(pts[lo:lo + chunk])
                            if not weights_only:
                                feats = torch.cat([feats, dirs_embedded[lo:lo + chunk]], 1)
                            pieces += [field(feats, sigma_only=weights_only)]

                        out = torch.cat(pieces, 0)
                        if weights_only:
                            density = out.view(n_rays, per_ray)
                        else:
                            packed = out.view(n_rays, per_ray, 4)
                            colours = packed[..., :3]
                            density = packed[..., 3]

                        gaps = depths[:, 1:] - depths[:, :-1]
                        gaps = torch.cat([gaps, 1e10 * torch.ones_like(gaps[:, :1])], -1)
                        gaps = gaps * torch.norm(dirs.unsqueeze(1), dim=-1)
                        jitter = torch.randn(density.shape, device=density.device) * noise_std
                        alphas = 1 - torch.exp(-gaps * torch.relu(density + jitter))
                        through = torch.cat([torch.ones_like(alphas[:, :1]), 1 - alphas + 1e-10], -1)
                        weights = alphas * torch.cumprod(through, -1)[:, :-1]
                        opacity = weights.sum(1)
                        if weights_only:
                            return weights

                        rgb_final = torch.sum(weights.unsqueeze(-1) * colours, -2)
                        depth_final = torch.sum(weights * depths, -1)
                        if white_back:
                            rgb_final = rgb_final + 1 - opacity.unsqueeze(-1)
                        return rgb_final, depth_final, weights
                """);
        List<Finding> f = new PythonScanner().scan(repo).findings();
        assertEquals(List.of(), f.stream().filter(x -> x.rule().equals("tensor_accumulated")).toList());
    }
}
