package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * missing_zero_grad on code written by us after real files (source above each test; the control flow is theirs,
 * the lines ours since scan17):
 * gradients grow only when one optimizer steps the same parameters iteration after iteration.
 */
class MissingZeroGradTest {
    @TempDir Path repo;

    private List<Finding> scan(String file, String code) throws Exception {
        Path p = repo.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, code);
        return new PythonScanner(Rules.ALL).scan(repo).findings().stream()
                .filter(f -> f.rule().equals("missing_zero_grad")).toList();
    }

    /**
     * huggingface/diffusers@58eb52c0 examples/community/dps_pipeline.py:125-148: a sampling loop takes the gradient
     * of a fresh leaf each step; the only step() is the noise scheduler's, no optimizer is stepped.
     */
    @Test
    void aSchedulersStepIsNotAnOptimizerStep() throws Exception {
        List<Finding> f = scan("examples/community/dps_pipeline.py", """
                import torch
                class GuidedSampler(DiffusionPipeline):
                    def __call__(self, observed, forward_op, distance, step_size=0.3):
                        for t in self.progress_bar(self.scheduler.timesteps):
                            with torch.enable_grad():
                                # a fresh leaf every step
                                x = x.requires_grad_()
                                eps = self.unet(x, t).sample

                                # the scheduler proposes the next sample and the clean estimate
                                out = self.scheduler.step(eps, t, x, generator=generator)
                                x_next, x0_hat = out.prev_sample, out.pred_original_sample

                                # distance between what was observed and what the estimate predicts
                                gap = distance(observed, forward_op(x0_hat))
                                gap.backward()

                                print("gap: {0:.4f}".format(gap.item()))

                                with torch.no_grad():
                                    x_next = x_next - step_size * x.grad
                                    x = x_next.detach()
                        return x
                """);
        assertEquals(List.of(), f);
    }

    /**
     * huggingface/diffusers@58eb52c0 src/diffusers/pipelines/deprecated/stable_diffusion_variants/
     * pipeline_stable_diffusion_pix2pix_zero.py:1038-1065: each denoising step builds a new leaf and a new SGD over
     * it, so no gradient survives into the next step.
     */
    @Test
    void anOptimizerBuiltInsideTheLoopStartsClean() throws Exception {
        List<Finding> f = scan("pipeline_stable_diffusion_pix2pix_zero.py", """
                import torch
                class LatentEditPipeline(DiffusionPipeline):
                    def __call__(self, prompt, guidance_lr=0.1):
                        with self.progress_bar(total=steps) as bar:
                            for i, t in enumerate(timesteps):
                                latents_in = self.scheduler.scale_model_input(latents_in, t)

                                # the latent itself is learned towards the edit: a new leaf each step
                                leaf = latents_in.detach().clone()
                                leaf.requires_grad = True

                                # and a new optimizer over it
                                opt = torch.optim.SGD([leaf], lr=guidance_lr)

                                with torch.enable_grad():
                                    attn_loss = AttentionL2Loss()

                                    eps = self.unet(
                                        leaf,
                                        t,
                                        encoder_hidden_states=edit_embeds.detach(),
                                        cross_attention_kwargs={"timestep": t, "loss": attn_loss},
                                    ).sample

                                    attn_loss.loss.backward(retain_graph=False)
                                    opt.step()
                """);
        assertEquals(List.of(), f);
    }

    /** The same loop with the optimizer built once before it: its parameters' gradients add up step after step. */
    @Test
    void anOptimizerKeptAcrossIterationsWithoutZeroGradIsReported() throws Exception {
        List<Finding> f = scan("pix2pix_zero_edited.py", """
                import torch
                def edit(unet, latents, timesteps, edit_embeds):
                    leaf = latents.detach().clone()
                    leaf.requires_grad = True
                    opt = torch.optim.SGD([leaf], lr=0.1)
                    for i, t in enumerate(timesteps):
                        attn_loss = AttentionL2Loss()
                        eps = unet(leaf, t, encoder_hidden_states=edit_embeds.detach()).sample
                        attn_loss.loss.backward(retain_graph=False)
                        opt.step()
                """);
        assertEquals(1, f.size(), f.toString());
        assertEquals(9, f.get(0).line());
    }

    /**
     * cloneofsimo/minRF@4fc10e0c advanced/main_t2i.py:641-697 (round 7, tune split): the DeepSpeed engine takes the
     * loss and steps itself; its step() clears the gradients after the update, so the loop needs no zero_grad.
     */
    @Test
    void aDeepSpeedEngineThatStepsItselfClearsItsGradients() throws Exception {
        List<Finding> f = scan("advanced/main_t2i.py", """
                import deepspeed
                def main():
                    engine, optimizer, _, schedule = deepspeed.initialize(
                        model=flow, config=ds_cfg, lr_scheduler=schedule, optimizer=optimizer
                    )

                    step = 0
                    for epoch in range(epochs):
                        for batch in tqdm(loader):
                            latents = batch["latents"].reshape(-1, 4, res, res).to(device).to(torch.bfloat16) * 0.13
                            text = batch["text"].reshape(-1, 256, text_dim)[:, :max_tokens, :].to(device).to(torch.bfloat16)

                            loss, stats = engine(latents, {"c_seq": text})
                            engine.backward(loss)
                            engine.step()

                            grad_norm = engine.get_global_grad_norm()
                """);
        assertEquals(List.of(), f);
    }

    /** The same loop stepping a plain optimizer after the engine-style backward: nothing clears its gradients. */
    @Test
    void aBackwardTakingTheLossThenAnotherObjectsStepIsStillReported() throws Exception {
        List<Finding> f = scan("train_accelerate.py", """
                def main(accelerator, model, optimizer, dataloader, num_train_epochs):
                    for i in range(num_train_epochs):
                        for batch in dataloader:
                            loss = model(batch)
                            accelerator.backward(loss)
                            optimizer.step()
                """);
        assertEquals(1, f.size(), f.toString());
        assertEquals(5, f.get(0).line());
    }
}
