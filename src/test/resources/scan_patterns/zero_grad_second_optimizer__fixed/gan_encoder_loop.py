# Models: Hsintien-Ng/idinvert_pytorch-reproduced issue #1, the maintainer's fix: the discriminator's optimizer is
# cleared before its backward too. Written for oomdoc; the control flow is the thread's, the code is ours.
import torch


def fit_encoder(enc, gen, critic, loader, opt_enc, opt_critic, epochs):
    for epoch in range(epochs):
        for images in loader:
            images = images.cuda()
            codes = enc(images)
            rebuilt = gen(codes)

            opt_critic.zero_grad()
            score_real = critic(images)
            score_fake = critic(rebuilt.detach())
            critic_loss = torch.relu(1.0 - score_real).mean() + torch.relu(1.0 + score_fake).mean()
            critic_loss.backward()
            opt_critic.step()

            opt_enc.zero_grad()
            pixel_loss = torch.mean((images - rebuilt) ** 2)
            adv_loss = -critic(rebuilt).mean()
            enc_loss = pixel_loss + 0.1 * adv_loss
            enc_loss.backward()
            opt_enc.step()
