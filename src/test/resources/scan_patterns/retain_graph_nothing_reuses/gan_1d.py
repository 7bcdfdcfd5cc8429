# Models: MorvanZhou/PyTorch-Tutorial tutorial-contents/406_GAN.py@dbe154a line 71 (judged true in scan_wild): the
# discriminator's backward keeps its graph with retain_graph=True, yet the generator's graph was already freed by
# its own backward and the discriminator sees a detached sample: nothing runs a second backward through it.
# Written for oomdoc; the control flow is the file's, the code is ours.
import torch
import torch.nn as nn

gen = nn.Sequential(nn.Linear(5, 128), nn.ReLU(), nn.Linear(128, 15))
disc = nn.Sequential(nn.Linear(15, 128), nn.ReLU(), nn.Linear(128, 1), nn.Sigmoid())
opt_gen = torch.optim.Adam(gen.parameters(), lr=1e-4)
opt_disc = torch.optim.Adam(disc.parameters(), lr=1e-4)

for step in range(10000):
    real = sample_curves(64)
    fake = gen(torch.randn(64, 5))
    gen_loss = torch.mean(torch.log(1.0 - disc(fake)))
    opt_gen.zero_grad()
    gen_loss.backward()
    opt_gen.step()

    p_real = disc(real)
    p_fake = disc(fake.detach())
    disc_loss = -torch.mean(torch.log(p_real) + torch.log(1.0 - p_fake))
    opt_disc.zero_grad()
    disc_loss.backward(retain_graph=True)
    opt_disc.step()
