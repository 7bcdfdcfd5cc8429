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

