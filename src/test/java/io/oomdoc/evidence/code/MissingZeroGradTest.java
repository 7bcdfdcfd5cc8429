package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * missing_zero_grad on excerpts of real code (source above each test; lines unrelated to the pattern left out):
 * gradients grow only when one optimizer steps the same parameters iteration after iteration.
 */
class MissingZeroGradTest {
    @TempDir Path repo;

    private List<Finding> scan(String file, String code) throws Exception {
        Path p = repo.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, code);
        return new PythonScanner().scan(repo).findings().stream()
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
                class DPSPipeline(DiffusionPipeline):
                    def __call__(self, measurement, operator, loss_fn, zeta=0.3):
                        for t in self.progress_bar(self.scheduler.timesteps):
                            with torch.enable_grad():
                                # 1. predict noise model_output
                                image = image.requires_grad_()
                                model_output = self.unet(image, t).sample

                                # 2. compute previous image x'_{t-1} and original prediction x0_{t}
                                scheduler_out = self.scheduler.step(model_output, t, image, generator=generator)
                                image_pred, origi_pred = scheduler_out.prev_sample, scheduler_out.pred_original_sample

                                # 3. compute y'_t = f(x0_{t})
                                measurement_pred = operator(origi_pred)

                                # 4. compute loss = d(y, y'_t-1)
                                loss = loss_fn(measurement, measurement_pred)
                                loss.backward()

                                print("distance: {0:.4f}".format(loss.item()))

                                with torch.no_grad():
                                    image_pred = image_pred - zeta * image.grad
                                    image = image_pred.detach()
                        return image
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
                class StableDiffusionPix2PixZeroPipeline(DiffusionPipeline):
                    def __call__(self, prompt, cross_attention_guidance_amount=0.1):
                        with self.progress_bar(total=num_inference_steps) as progress_bar:
                            for i, t in enumerate(timesteps):
                                latent_model_input = self.scheduler.scale_model_input(latent_model_input, t)

                                # we want to learn the latent such that it steers the generation
                                # process towards the edited direction, so make the make initial
                                # noise learnable
                                x_in = latent_model_input.detach().clone()
                                x_in.requires_grad = True

                                # optimizer
                                opt = torch.optim.SGD([x_in], lr=cross_attention_guidance_amount)

                                with torch.enable_grad():
                                    # initialize loss
                                    loss = Pix2PixZeroL2Loss()

                                    # predict the noise residual
                                    noise_pred = self.unet(
                                        x_in,
                                        t,
                                        encoder_hidden_states=prompt_embeds_edit.detach(),
                                        cross_attention_kwargs={"timestep": t, "loss": loss},
                                    ).sample

                                    loss.loss.backward(retain_graph=False)
                                    opt.step()
                """);
        assertEquals(List.of(), f);
    }

    /** The same loop with the optimizer built once before it: its parameters' gradients add up step after step. */
    @Test
    void anOptimizerKeptAcrossIterationsWithoutZeroGradIsReported() throws Exception {
        List<Finding> f = scan("pix2pix_zero_edited.py", """
                import torch
                def edit(unet, latents, timesteps, prompt_embeds_edit):
                    x_in = latents.detach().clone()
                    x_in.requires_grad = True
                    opt = torch.optim.SGD([x_in], lr=0.1)
                    for i, t in enumerate(timesteps):
                        loss = Pix2PixZeroL2Loss()
                        noise_pred = unet(x_in, t, encoder_hidden_states=prompt_embeds_edit.detach()).sample
                        loss.loss.backward(retain_graph=False)
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
                    model_engine, optimizer, _, lr_scheduler = deepspeed.initialize(
                        model=rf, config=ds_config, lr_scheduler=lr_scheduler, optimizer=optimizer
                    )

                    global_step = 0
                    for i in range(num_train_epochs):
                        pbar = tqdm(dataloader)

                        for batch in pbar:
                            x = (
                                batch[vae_col]
                                .reshape(-1, 4, vaeres, vaeres)
                                .to(device)
                                .to(torch.bfloat16)
                                * 0.13025
                            )

                            cond = (
                                (batch[t5_col].reshape(-1, 256, cond_seq_dim))[:, :t_cutoff_tokens, :]
                                .to(device)
                                .to(torch.bfloat16)
                            )

                            loss, info = model_engine(x, {"c_seq": cond})
                            model_engine.backward(loss)
                            model_engine.step()

                            norm = model_engine.get_global_grad_norm()
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
