# Models: pytorch/examples gat/main.py@77f55b9 line 250 (scan_dev case10): the loader of a small citation graph
# returns features, labels and the adjacency matrix already moved to the device, the whole data set at once; the
# training step clears, steps and tests under no_grad. Written for oomdoc; the control flow is the file's, the code
# is ours.
import torch


def load_graph(root, device):
    feats, labels, edges = read_citations(root)
    n = feats.shape[0]
    adj = torch.eye(n) + torch.sparse_coo_tensor(edges.T, torch.ones(edges.shape[0]), (n, n)).to_dense()
    return feats.to(device), labels.to(device), adj.to(device)


def train_step(model, optimizer, criterion, feats, adj, labels, mask):
    model.train()
    optimizer.zero_grad()
    out = model(feats, adj)
    loss = criterion(out[mask], labels[mask])
    loss.backward()
    optimizer.step()
    return loss.item()


def test(model, feats, adj, labels, mask):
    model.eval()
    with torch.no_grad():
        out = model(feats, adj)
        return (out[mask].argmax(1) == labels[mask]).float().mean().item()


def main(root, epochs):
    device = torch.device("cuda")
    feats, labels, adj = load_graph(root, device)
    model = build_gat(feats.shape[1]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.005)
    criterion = torch.nn.NLLLoss()
    for epoch in range(epochs):
        train_step(model, optimizer, criterion, feats, adj, labels, slice(0, 140))
    print(test(model, feats, adj, labels, slice(1708, 2708)))
