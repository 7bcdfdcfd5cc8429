"""Shapes of the measured sets' models, shared by the make_measured_heldout*.py generators (one definition).
"""


def llama_params(layers, hidden, heads, kv_heads, ffn, vocab, tied, head_dim=None):
    """Llama-type decoder: q,o of heads x head_dim, k,v of kv_heads x head_dim, gated MLP, two RMSNorms a layer."""
    hd = head_dim or hidden // heads
    attn = 2 * hidden * heads * hd + 2 * hidden * kv_heads * hd
    per_layer = attn + 3 * hidden * ffn + 2 * hidden
    return layers * per_layer + vocab * hidden * (1 if tied else 2) + hidden


def shape(params, layers, hidden, heads, kv_heads, ffn, vocab, tied, provenance, **extra):
    a = dict(params=params, layers=layers, hidden=hidden, heads=heads, kv_heads=kv_heads, ffn=ffn, vocab=vocab,
             tied=tied, **extra)
    a["_provenance"] = provenance
    return a


def llama(name, layers, hidden, heads, kv, ffn, vocab, tied=False, extra="", params=None, head_dim=None, **more):
    """A Llama-type shape (gated MLP, RMSNorm, rotary); params computed unless the page prints a total."""
    p = params or llama_params(layers, hidden, heads, kv, ffn, vocab, tied, head_dim)
    if head_dim:
        more["head_dim"] = head_dim
    return shape(p, layers, hidden, heads, kv, ffn, vocab, tied,
                 "%s: %d layers, hidden %d, %d heads, %d KV heads, intermediate %d, vocab %d, %s%s; params %s "
                 "(%.2e)%s" % (name, layers, hidden, heads, kv, ffn, vocab, "tied" if tied else "untied",
                               ", head_dim %d" % head_dim if head_dim else "",
                               "as published" if params else "computed", p, extra), mlp="gated", **more)
