# Models: spro/practical-pytorch char-rnn-generation (the commit in scan_wild/labels.json): evaluate() decodes one
# string a character at a time; the loop runs over time steps, not over batches of a data set.
# Written for oomdoc; the control flow is the notebook's, the code is ours.
import torch


def evaluate(rnn, to_tensor, alphabet, prime="A", length=100, temperature=0.8):
    hidden = rnn.init_hidden()
    prime_input = to_tensor(prime)
    for p in range(len(prime) - 1):
        _, hidden = rnn(prime_input[p], hidden)
    inp = prime_input[-1]
    text = prime
    for p in range(length):
        output, hidden = rnn(inp, hidden)
        weights = output.data.view(-1).div(temperature).exp()
        top = torch.multinomial(weights, 1)[0]
        char = alphabet[top]
        text += char
        inp = to_tensor(char)
    return text


def train_step(rnn, opt, loss_fn, inp, target):
    hidden = rnn.init_hidden()
    rnn.zero_grad()
    loss = 0
    for c in range(len(inp)):
        output, hidden = rnn(inp[c], hidden)
        loss += loss_fn(output, target[c].unsqueeze(0))
    loss.backward()
    opt.step()
    return loss.item() / len(inp)
