"""Sixth held-out split (round 13, issue 14): published measured peaks from pages no earlier measured set cites.

Made blind: written by a helper who never read the engine (src/main), never ran BudgetBench on these records except
one parse check with its output discarded, and never looked at a score. Nothing here was tuned on.

How the pages were chosen: every source of the earlier sets (listed by the lead in /tmp/h13/budget-sources.txt, and
the "source" field of every measured_*.json) was kept out, with torchtune's memory tables (kept aside by the product
owner). Pages were then looked for with the search tool and read in full, with the scripts that produced their
figures where the page names them; a page was kept only when it prints a measured peak, or a fit/OOM outcome on a
named card, for a setup it states. Each record keeps the setup as the page gives it; what neither the page nor its
script states is written as "not stated" (or left out) and the doubt goes in notes. Figures are typed from the page;
units are read as the page's own script prints them (said per source).

Model shapes are typed from each model's config.json (layers, hidden, heads, kv heads, intermediate, vocab, tie) and
the parameter count is computed from them (functions below), not taken from the catalog. Run from the repository
root:
    python3 src/test/resources/budget/make_measured_heldout6.py
"""
import json

OUT = "src/test/resources/budget/measured_heldout6.json"
GIB = 2 ** 30
MIB = 2 ** 20

from measured_shapes import llama_params, shape  # the script's own folder is on sys.path


def vit_l16_params(classes):
    """torchvision vit_l_16: 16x16 patch conv, class token, 197 positions, 24 pre-norm blocks of nn.MultiheadAttention
    (packed in_proj with bias) and a 4096-wide GELU MLP, final LayerNorm, a Linear head of `classes` outputs."""
    h, layers, ffn = 1024, 24, 4096
    patch = 3 * 16 * 16 * h + h
    tokens = h + 197 * h
    block = 2 * h + (h * 3 * h + 3 * h) + (h * h + h) + 2 * h + (h * ffn + ffn) + (ffn * h + h)
    return patch + tokens + layers * block + 2 * h + (h * classes + classes)


def gptj_params(layers, hidden, ffn, vocab):
    """GPT-J: per layer one LayerNorm, q,k,v,o without bias, fc_in/fc_out with bias; final LayerNorm; untied lm_head
    with bias."""
    per_layer = 2 * hidden + 4 * hidden * hidden + (hidden * ffn + ffn) + (ffn * hidden + hidden)
    return vocab * hidden + layers * per_layer + 2 * hidden + (hidden * vocab + vocab)


def neox_params(layers, hidden, ffn, vocab):
    """GPT-NeoX: per layer two LayerNorms, fused qkv and dense with bias, h->4h->h MLP with bias; final LayerNorm;
    untied embed_out without bias."""
    per_layer = 4 * hidden + (hidden * 3 * hidden + 3 * hidden) + (hidden * hidden + hidden) \
        + (hidden * ffn + ffn) + (ffn * hidden + hidden)
    return vocab * hidden + layers * per_layer + 2 * hidden + hidden * vocab


A = {
    # decapoda-research/llama-7b-hf (LLaMA-1 7B) config.json: 32 layers, hidden 4096, 32 heads (no GQA), intermediate
    # 11008, vocab 32000, untied lm_head
    "llama-7b": shape(llama_params(32, 4096, 32, 32, 11008, 32000, False), 32, 4096, 32, 32, 11008, 32000, False,
                      "LLaMA-1 7B config.json (decapoda-research/llama-7b-hf; the same shape as Lit-LLaMA's 7B config):"
                      " 32 layers, hidden 4096, 32 heads, intermediate 11008, vocab 32000, untied; params computed "
                      "(6.74e9)", mlp="gated"),
    # decapoda-research/llama-13b-hf config.json: 40 layers, hidden 5120, 40 heads, intermediate 13824, vocab 32000
    "llama-13b": shape(llama_params(40, 5120, 40, 40, 13824, 32000, False), 40, 5120, 40, 40, 13824, 32000, False,
                       "LLaMA-1 13B config.json (decapoda-research/llama-13b-hf): 40 layers, hidden 5120, 40 heads, "
                       "intermediate 13824, vocab 32000, untied; params computed (1.30e10)", mlp="gated"),
    # meta-llama/Llama-3.1-8B-Instruct config.json: 32 layers, hidden 4096, 32 heads, 8 KV heads, intermediate 14336,
    # vocab 128256, untied
    "llama-3.1-8b": shape(llama_params(32, 4096, 32, 8, 14336, 128256, False), 32, 4096, 32, 8, 14336, 128256, False,
                          "Llama-3.1-8B-Instruct config.json: 32 layers, hidden 4096, 32 heads, 8 KV heads, "
                          "intermediate 14336, vocab 128256, untied; params computed (8.03e9)", mlp="gated"),
    # meta-llama/Llama-3.3-70B-Instruct config.json: 80 layers, hidden 8192, 64 heads, 8 KV heads, intermediate 28672
    "llama-3.3-70b": shape(llama_params(80, 8192, 64, 8, 28672, 128256, False), 80, 8192, 64, 8, 28672, 128256, False,
                           "Llama-3.3-70B-Instruct config.json: 80 layers, hidden 8192, 64 heads, 8 KV heads, "
                           "intermediate 28672, vocab 128256, untied; params computed (7.06e10)", mlp="gated"),
    # EleutherAI/gpt-j-6b config.json: n_layer 28, n_embd 4096, n_head 16, rotary_dim 64, n_inner null (4 x 4096),
    # vocab 50400, tie_word_embeddings false, activation gelu_new
    "gpt-j-6b": shape(gptj_params(28, 4096, 16384, 50400), 28, 4096, 16, 16, 16384, 50400, False,
                      "gpt-j-6b config.json (n_layer 28, n_embd 4096, n_head 16, n_inner 4 x 4096, vocab 50400, "
                      "untied lm_head with bias); params computed from that shape (6.05e9)", mlp="new_gelu"),
    # EleutherAI/gpt-neox-20b config.json: 44 layers, hidden 6144, 64 heads, intermediate 24576, vocab 50432, untied
    "gpt-neox-20b": shape(neox_params(44, 6144, 24576, 50432), 44, 6144, 64, 64, 24576, 50432, False,
                          "gpt-neox-20b config.json (num_hidden_layers 44, hidden 6144, 64 heads, intermediate 24576, "
                          "vocab 50432, untied embed_out); params computed (2.06e10)", mlp="plain"),
    # torchvision vit_l_16 with its head replaced by Linear(1024, 10) (CIFAR-10): 197 tokens, 24 blocks
    "vit-l-16-cifar10": shape(vit_l16_params(10), 24, 1024, 16, 16, 4096, 10, False,
                              "torchvision vit_l_16 (hidden 1024, 24 layers, 16 heads, mlp_dim 4096, patch 16 at "
                              "224 px: 197 tokens), head replaced by Linear(1024, 10) in the scripts; params computed "
                              "(3.03e8; torchvision's 1000-class model has 304,326,632). vocab is the 10-class head: "
                              "the model has no token embedding", mlp="plain"),
}

out = []


def rec(**k):
    k.setdefault("arch", A[k["model"]])
    k["split"] = "heldout6"
    out.append(k)


# ---- huggingface/blog 4bit-transformers-bitsandbytes.md (commit 1b4d85d): QLoRA / LLM.int8 fit-or-OOM on T4 ----
# The table at the end of the post: LLaMA-1 7B and 13B (decapoda-research conversions) fine-tuned with TRL's
# SFTTrainer on one NVIDIA T4 (16GB) (one row on two), batch 1, gradient accumulation 4, AdamW, seq_len 512 or 1024;
# each row a quantization (LLM.int8 or 4-bit NF4/FP4 with a bf16 or fp16 compute dtype, with or without gradient
# checkpointing "GC", with or without nested quantization "NQ") and an outcome "No OOM" / "OOM". Outcomes only, no
# figure. The LoRA rank and target modules live in the benchmarking gist the post links (younesbelkada/f48af54c...),
# which was not readable here: rank and targets are left unstated (lora_rank null). The page says the 4-bit loader
# casts the non-quantized modules to float16; whether the trainer ran with fp16/bf16 autocast is not stated.
QB = ("https://github.com/huggingface/blog/blob/1b4d85d958048f85f13b749fd305136a94df97e2/"
      "4bit-transformers-bitsandbytes.md")
QBCOMMON = dict(source=QB, source_key="hf-blog-4bit-transformers-bitsandbytes", lora_rank=None, lora_targets=None,
                batch=1, grad_accum=4, optimizer="adamw (the table's 'AdamW'; implementation not stated)",
                attention="eager (LLaMA in transformers of June 2023: no SDPA path)",
                loss="fp32 (transformers' LlamaForCausalLM of June 2023 casts the logits to float)",
                gpu="T4 16GB", measured_bytes=None,
                measured_how="a fit/OOM outcome stated in the table ('No OOM' / 'OOM'); no memory figure printed")
QBROWS = (
    # id tail, model, quant cell as printed, quant value, compute dtype, checkpointing, seq, gpus, outcome
    ("7b-int8-gc-s512", "llama-7b", "LLM.int8 (8-bit) + GC", "int8 (bitsandbytes LLM.int8)", "", True, 512, 1, "fit"),
    ("7b-int8-gc-s1024", "llama-7b", "LLM.int8 (8-bit) + GC", "int8 (bitsandbytes LLM.int8)", "", True, 1024, 1,
     "oom"),
    ("7b-nf4-bf16-nogc-s512", "llama-7b", "4bit + NF4 + bf16 CD + no GC", "nf4 (bitsandbytes 4-bit NF4)", "bf16",
     False, 512, 1, "fit"),
    ("7b-fp4-bf16-nogc-s512", "llama-7b", "4bit + FP4 + bf16 CD + no GC", "fp4 (bitsandbytes 4-bit FP4)", "bf16",
     False, 512, 1, "fit"),
    ("7b-nf4-bf16-nogc-s1024", "llama-7b", "4bit + NF4 + bf16 CD + no GC", "nf4 (bitsandbytes 4-bit NF4)", "bf16",
     False, 1024, 1, "oom"),
    ("7b-fp4-bf16-nogc-s1024", "llama-7b", "4bit + FP4 + bf16 CD + no GC", "fp4 (bitsandbytes 4-bit FP4)", "bf16",
     False, 1024, 1, "oom"),
    ("7b-nf4-bf16-gc-s1024", "llama-7b", "4bit + NF4 + bf16 CD + GC", "nf4 (bitsandbytes 4-bit NF4)", "bf16", True,
     1024, 1, "fit"),
    ("13b-int8-gc-s512-2gpu", "llama-13b", "LLM.int8 (8-bit) + GC", "int8 (bitsandbytes LLM.int8)", "", True, 512, 2,
     "fit"),
    ("13b-int8-gc-s512", "llama-13b", "LLM.int8 (8-bit) + GC", "int8 (bitsandbytes LLM.int8)", "", True, 512, 1,
     "oom"),
    ("13b-fp4-bf16-nogc-s512", "llama-13b", "4bit + FP4 + bf16 CD + no GC", "fp4 (bitsandbytes 4-bit FP4)", "bf16",
     False, 512, 1, "oom"),
    ("13b-fp4-fp16-nogc-s512", "llama-13b", "4bit + FP4 + fp16 CD + no GC", "fp4 (bitsandbytes 4-bit FP4)", "fp16",
     False, 512, 1, "oom"),
    ("13b-nf4-fp16-gc-s512", "llama-13b", "4bit + NF4 + fp16 CD + GC", "nf4 (bitsandbytes 4-bit NF4)", "fp16", True,
     512, 1, "fit"),
    ("13b-nf4-fp16-gc-s1024", "llama-13b", "4bit + NF4 + fp16 CD + GC", "nf4 (bitsandbytes 4-bit NF4)", "fp16", True,
     1024, 1, "oom"),
    ("13b-nf4-fp16-gc-nq-s1024", "llama-13b", "4bit + NF4 + fp16 CD + GC + NQ",
     "nf4 (bitsandbytes 4-bit NF4, nested/double quantization)", "fp16", True, 1024, 1, "fit"),
)
for tail, model, cell, quant, cd, gc, seq, gpus, outcome in QBROWS:
    int8 = quant.startswith("int8")
    size = "7B" if model == "llama-7b" else "13B"
    rec(id="hf-blog-4bit-bnb-llama-" + tail, family="lora" if int8 else "qlora", model=model,
        method="lora" if int8 else "qlora", quant=quant, seq=seq, gpus=gpus,
        sharding="none" if gpus == 1 else "layer split over 2 GPUs (device_map auto), not sharded",
        precision="fp16 (frozen non-quantized modules cast to float16 by the quantized loader, as the page says; "
                  + ("LLM.int8 matmuls in fp16" if int8 else "4-bit compute dtype %s" % cd)
                  + "; trainer autocast flag not stated)",
        checkpointing="full (GC in the table)" if gc else "none (no GC in the table)",
        card_as_published="%dxNVIDIA-T4 / %dGB" % (gpus, 16 * gpus), outcome=outcome,
        measured_as="No OOM" if outcome == "fit" else "OOM",
        table="final benchmark table, %s scale row '%s', seq_len %d, %d x T4" % (size, cell, seq, gpus),
        notes="decapoda-research/llama-%s-hf, %s, batch 1 x accumulation 4, seq_len %d; LoRA rank/targets from a "
              "gist not read here%s" % (size.lower(), cell, seq,
                                        "; two T4s hold the layers split by device_map" if gpus == 2 else ""),
        **QBCOMMON)

# ---- rasbt/pytorch-memory-optim logs.md (commit 2d1ae1e), with the scripts at that commit ----
# Fine-tuning torchvision's ViT-L/16 (ImageNet weights, head replaced by a 10-class Linear) on CIFAR-10 resized to
# 224 px, one epoch, drop_last loaders. Every script prints torch.cuda.max_memory_reserved() / 1e9 as "Memory used"
# after the training epoch (which includes the epoch-end validation pass under no_grad). Scripts: 01 plain PyTorch,
# 01-2 the same through Lightning Fabric (fp32), 02 Fabric "16-mixed", 03 Fabric "bf16-true", 04 bf16-true at batch 16,
# 05 bf16-true at batch 16 as 4 micro-batches of 4 (accumulation 4), 06 like 05 with plain SGD (no momentum) and a
# cosine schedule; 08 FSDP on 4 GPUs (Fabric FSDPStrategy, transformer_auto_wrap_policy on EncoderBlock, activation
# checkpointing of EncoderBlock, default 32-true precision) at batch 64 per GPU; 09 the same with cpu_offload=True.
# Batch sizes are read from the scripts and agree with the logged step counts (45,000 training images: 703 steps at
# 64, 2812 at 16, 11250 at 4, 175 at 64 x 4 GPUs). The card is not stated in the repository. Left out: 07 (model
# initialisation only), 10 (08/09 again with init_module: same setup as 09, same figure), the DistilBERT and BigBird
# bonus runs (shapes and lengths not checked here), the 08-10-vit32 folder (no logged figure).
RB = "https://github.com/rasbt/pytorch-memory-optim/blob/2d1ae1e747fe72c7bb74a2a464fe79baa23f174b/logs.md"
RBHOW = ("torch.cuda.max_memory_reserved() / 1e9 printed as 'Memory used' by the script after the training epoch "
         "(GB of 1e9 bytes; the peak includes the epoch-end validation pass)")
RBATT = ("sdpa (torchvision EncoderBlock calls nn.MultiheadAttention with need_weights=False, which runs "
         "F.scaled_dot_product_attention in torch 2.1)")
for (script, family, prec, opt, batch, ga, ck, gpus, sharding, gb, loss, note) in (
        ("01_pytorch-vit.py", "full", "fp32 (plain PyTorch, no autocast)", "adam (torch.optim.Adam, lr 5e-5)", 64, 1,
         "none", 1, "none", 26.79, "fp32 (F.cross_entropy over 10 classes)", "plain PyTorch loop"),
        ("01-2_pytorch-fabric.py", "full", "fp32 (Fabric default 32-true)", "adam (torch.optim.Adam, lr 5e-5)", 64, 1,
         "none", 1, "none", 26.84, "fp32 (F.cross_entropy over 10 classes)", "the same run through Fabric"),
        ("02_mixed-precision.py", "full", "fp16 (Fabric 16-mixed: fp32 weights, fp16 autocast, gradient scaler)",
         "adam (torch.optim.Adam, lr 5e-5)", 64, 1, "none", 1, "none", 18.21,
         "fp32 (F.cross_entropy; autocast runs it in fp32)", "Fabric precision 16-mixed"),
        ("03_bfloat16.py", "full", "bf16-true (Fabric bf16-true: bf16 weights, grads and Adam states)",
         "adam (torch.optim.Adam, lr 5e-5)", 64, 1, "none", 1, "none", 13.82,
         "native (F.cross_entropy on bf16 logits, 10 classes)", "Fabric precision bf16-true"),
        ("04_lower-batchsize.py", "full", "bf16-true (Fabric bf16-true: bf16 weights, grads and Adam states)",
         "adam (torch.optim.Adam, lr 5e-5)", 16, 1, "none", 1, "none", 5.69,
         "native (F.cross_entropy on bf16 logits, 10 classes)", "bf16-true at batch 16"),
        ("05_gradient-accum.py", "full", "bf16-true (Fabric bf16-true: bf16 weights, grads and Adam states)",
         "adam (torch.optim.Adam, lr 5e-5)", 4, 4, "none", 1, "none", 3.91,
         "native (F.cross_entropy on bf16 logits, 10 classes)",
         "batch 16 as micro-batches of 4, optimizer step every 4 (accumulation 4)"),
        ("06_sgd-with-scheduler.py", "full", "bf16-true (Fabric bf16-true: bf16 weights and grads)",
         "sgd (torch.optim.SGD lr 0.01, no momentum: no optimizer state) with CosineAnnealingLR", 4, 4, "none", 1,
         "none", 2.02, "native (F.cross_entropy on bf16 logits, 10 classes)",
         "like 05 with SGD instead of Adam"),
        ("08_fsdp-with-01-2.py", "sharded", "fp32 (Fabric default 32-true)", "adam (torch.optim.Adam, lr 5e-5)", 64,
         1, "full (FSDPStrategy activation_checkpointing=EncoderBlock)", 4,
         "fsdp_full (Fabric FSDPStrategy: FULL_SHARD, transformer_auto_wrap_policy on EncoderBlock, 4 ranks)", 6.59,
         "fp32 (F.cross_entropy over 10 classes)", "FSDP over 4 GPUs, batch 64 per GPU; the figure is rank 0's"),
        ("09_fsdp-cpu-offload-with-01-2.py", "sharded", "fp32 (Fabric default 32-true)",
         "adam (torch.optim.Adam, lr 5e-5; states of the offloaded shards kept on the host)", 64, 1,
         "full (FSDPStrategy activation_checkpointing=EncoderBlock)", 4,
         "fsdp_full with offload_param (FSDPStrategy cpu_offload=True: CPUOffload(offload_params=True), parameter "
         "shards and their gradients on the host; 4 ranks)", 6.03, "fp32 (F.cross_entropy over 10 classes)",
         "08 with CPU offload; the figure is rank 0's")):
    rec(id="rasbt-memory-optim-vit-l16-" + script.split("_")[0].replace("-bfloat16.py", ""),
        source=RB, source_key="rasbt-pytorch-memory-optim-logs", family=family, model="vit-l-16-cifar10",
        method="full", lora_rank=0, lora_targets=None, quant="none", seq=197, batch=batch, grad_accum=ga,
        precision=prec, optimizer=opt, checkpointing=ck, attention=RBATT, gpus=gpus, sharding=sharding, gpu="",
        card_as_published="not stated in the repository", loss=loss, outcome="fit", measured_bytes=round(gb * 1e9),
        measured_as="Memory used: %.2f GB" % gb, measured_how=RBHOW, table="logs.md, section of " + script,
        notes=note + "; torchvision vit_l_16, CIFAR-10 at 224 px (197 tokens), 10-class head, torch 2.1.0.dev and "
                     "Lightning 2.1.0.dev; script read at the logs' commit")

# The same logs' DistilBERT bonus runs (bonus_distilbert-before.py / -after.py at commit 2d1ae1e):
# distilbert-base-uncased with a 2-class head on IMDB, tokenized with truncation=True and padding=True over the whole
# split (one map call with batch_size=None), so every row is padded to the longest review, capped at the model's 512
# positions (IMDB holds reviews longer than that). "before": 4 GPUs, Fabric strategy deepspeed_stage_2, precision
# 16-mixed, batch 12 per GPU, torch Adam. "after": 4 GPUs, FSDPStrategy (auto wrap on TransformerBlock,
# cpu_offload=True, no activation checkpointing), precision bf16-true, batch 12 as micro-batches of 3 with accumulation
# 4, model built under fabric.init_module. Same print: torch.cuda.max_memory_reserved() / 1e9 on rank 0. Left out:
# BigBird (no "before" figure; its shape was not checked).
A["distilbert-base-cls2"] = shape(
    # embeddings (+ LayerNorm), 6 blocks (q,k,v,o with bias, two LayerNorms, 768->3072->768 FFN), pre_classifier, head
    30522 * 768 + 512 * 768 + 2 * 768
    + 6 * (4 * (768 * 768 + 768) + 4 * 768 + (768 * 3072 + 3072) + (3072 * 768 + 768))
    + (768 * 768 + 768) + (768 * 2 + 2), 6, 768, 12, 12, 3072, 2, False,
    "distilbert-base-uncased config.json (n_layers 6, dim 768, n_heads 12, hidden_dim 3072, vocab 30522, 512 "
    "positions) with DistilBertForSequenceClassification's pre_classifier and a 2-label classifier; params computed "
    "(6.70e7). vocab is the 2-class head (the logits); the 30522-token embedding is inside params", mlp="plain")
for tail, script, prec, batch, ga, sharding, gb, note in (
        ("before-zero2", "bonus_distilbert-before.py",
         "fp16 (Fabric 16-mixed under DeepSpeed: fp16 compute, fp32 master weights)", 12, 1,
         "zero2 (Fabric strategy deepspeed_stage_2, 4 ranks)", 3.99, "DeepSpeed ZeRO stage 2 on 4 GPUs, batch 12"),
        ("after-fsdp-offload", "bonus_distilbert-after.py",
         "bf16-true (Fabric bf16-true: bf16 weights, grads and Adam states)", 3, 4,
         "fsdp_full with offload_param (FSDPStrategy cpu_offload=True, auto wrap on TransformerBlock, 4 ranks)", 1.15,
         "FSDP with CPU offload on 4 GPUs, micro-batch 3 x accumulation 4")):
    rec(id="rasbt-memory-optim-distilbert-imdb-" + tail, source=RB, source_key="rasbt-pytorch-memory-optim-logs",
        family="sharded", model="distilbert-base-cls2", method="full", lora_rank=0, lora_targets=None, quant="none",
        seq=512, batch=batch, grad_accum=ga, precision=prec, optimizer="adam (torch.optim.Adam, lr 5e-5)",
        checkpointing="none", attention="eager (DistilBERT in transformers of mid-2023: no SDPA)", gpus=4,
        sharding=sharding, gpu="", card_as_published="not stated in the repository",
        loss="fp32 (transformers' CrossEntropyLoss over 2 labels)", outcome="fit", measured_bytes=round(gb * 1e9),
        measured_as="Memory used: %.2f GB" % gb, measured_how=RBHOW,
        table="logs.md, section 'bonus distilbert %s'" % tail.split("-")[0],
        notes=note + "; distilbert-base-uncased on IMDB, rows padded to the longest review capped at 512 tokens "
                     "(padding=True over the whole split: not restated on the page, read from the script)")

# ---- huggingface/accelerate benchmarks/big_model_inference/README.md (commit 1d57b83) ----
# big_model_inference.py loads the model with device_map="auto" over two TITAN RTX (24GB) and 32GB of host RAM, then
# runs model.generate(input_ids) with the defaults (max_length 20 in transformers of 2022) on six short prompts. The
# GPU figures are torch.cuda.max_memory_allocated(i) minus the allocation before loading, printed in MiB by
# measures_util.py; the README's "GB" is read as GiB (MiB / 1024). The page: "peak GPU memory is exactly the size of the
# model put on a given GPU". Kept: rows with no CPU or disk offload (the record cannot say how much of the model sits
# on the host). Left out: T0pp (encoder-decoder), the offloaded GPT-Neo-X fp32 and OPT-30B rows.
AB = ("https://github.com/huggingface/accelerate/blob/1d57b830a07f07f655fc298f2096de09c2998083/benchmarks/"
      "big_model_inference/README.md")
ABHOW = ("torch.cuda.max_memory_allocated(i) minus the allocation before loading, per GPU, printed in MiB by "
         "benchmarks/measures_util.py; the README's 'GB' read as GiB; the record keeps the larger GPU's figure")
for model, dtype, gpus, gb0, gb1 in (("gpt-j-6b", "fp16", 1, 11.7, 0.0), ("gpt-j-6b", "fp32", 2, 21.9, 1.5),
                                     ("gpt-neox-20b", "fp16", 2, 21.5, 18.0)):
    rec(id="accelerate-big-model-inference-%s-%s" % (model, dtype), source=AB,
        source_key="accelerate-big-model-inference-readme", family="inference", model=model, method="inference",
        lora_rank=0, lora_targets=None, quant="none", seq=20, batch=1,
        precision="%s (torch_dtype=%s; weights only, no optimizer)" % (dtype, "float16" if dtype == "fp16"
                                                                        else "float32"),
        optimizer=None, checkpointing="none", attention="eager (transformers of 2022)", gpus=gpus,
        sharding="none" if gpus == 1 else "layer split over 2 GPUs (device_map auto), not sharded",
        gpu="TITAN RTX 24GB", card_as_published="two Titan RTX (24GB), 32GB host RAM", outcome="fit",
        measured_bytes=round(max(gb0, gb1) * GIB), measured_as="GPU 0 use %.1fGB, GPU 1 use %.1fGB" % (gb0, gb1),
        measured_how=ABHOW, table="'Results' table, %s %s row" % (model, dtype.replace("fp", "float")),
        notes="%s in %s; %s; seq is generate()'s default max_length 20 (prompts of 5-8 tokens), not stated on the "
              "page; the figure may be the loading peak, the page says peak equals the model's share of the GPU"
              % (model, dtype, "the whole model fitted on GPU 0 (GPU 1 use 0GB)" if gpus == 1 else
                 "device_map auto split the layers, GPU 0 %.1f / GPU 1 %.1f" % (gb0, gb1)))
# ---- Lightning-AI/lit-llama howto/inference.md (commit 063fd59): LLaMA 7B generation memory ----
# generate.py at that commit: prompt "Hello, my name is", max_new_tokens 50, one sample, a KV cache sized to prompt +
# new tokens (max_seq_length = T + 50), weights converted to bfloat16 on GPUs that support it; it prints
# torch.cuda.max_memory_reserved() / 1e9 as "Memory used". The page gives rounded figures ("~14 GB", "~8 GB", "~5GB").
# Kept: bf16 (no quantization), LLM.int8 with bf16, GPTQ int4 with bf16. Left out: "~26 GB of GPU memory (A100 GPU)"
# with the default settings (the same page says the script converts to bfloat16 on such GPUs, so the setup behind 26 GB
# is unclear) and "~10 GB" for LLM.int8 without bfloat16 (the dtype of the rest of the model is not stated).
LL = "https://github.com/Lightning-AI/lit-llama/blob/063fd59fcc6f7ee4bdcd573080e185f5ed55d35e/howto/inference.md"
for tail, quant, gb, cell in (("bf16", "none", 14, "about ~14 GB (bfloat16 conversion)"),
                              ("int8-bf16", "int8 (--quantize llm.int8, bitsandbytes)", 8,
                               "~8 GB (llm.int8 with bfloat16)"),
                              ("gptq-int4-bf16", "gptq (--quantize gptq.int4, lit-llama's own GPTQ int4 linears)", 5,
                               "~5GB (GPTQ-style int4)")):
    rec(id="lit-llama-inference-7b-" + tail, source=LL, source_key="lit-llama-howto-inference", family="inference",
        model="llama-7b", method="inference", lora_rank=0, lora_targets=None, quant=quant, seq=56, batch=1,
        precision="bf16 (generate.py converts the weights to bfloat16 on GPUs that support it)", optimizer=None,
        checkpointing="none", attention="sdpa (lit-llama's CausalSelfAttention calls F.scaled_dot_product_attention)",
        gpus=1, sharding="none", gpu="", card_as_published="not stated for these figures (the page names an A100 "
        "for its default-settings figure)", outcome="fit", measured_bytes=round(gb * 1e9), measured_as=cell,
        measured_how="torch.cuda.max_memory_reserved() / 1e9 printed as 'Memory used' by generate.py; the page "
                     "rounds it ('~')", table="howto/inference.md, 'Run Lit-LLaMA on consumer devices'",
        notes="LLaMA 7B, prompt 'Hello, my name is' (about 6 tokens) + 50 new tokens: seq 56 is the KV cache "
              "length generate.py allocates; figures are approximate ('~') and their card is not stated")

# ---- unslothai/unsloth README.md (commit 000252c), "Context length benchmarks", the Hugging Face + FA2 column ----
# Llama 3.1 (8B) Instruct and Llama 3.3 (70B) Instruct, 4-bit QLoRA on all linear layers (q,k,v,o,gate,up,down),
# rank 32, batch 1, every sequence padded to the tested length; the table gives, per amount of GPU VRAM, the longest
# context that trained without running out of memory. A row is kept as a fit at that length on that much VRAM. Only
# the "Hugging Face + FA2" column is kept: the Unsloth column runs Unsloth's own kernels, activation offloading to
# the host and Apple's Cut Cross Entropy, which the record fields cannot state. The 70B test ran "on a 80GB A100";
# the 8B rows name only an amount of VRAM, so the card is written as that amount (no card is guessed). Not stated
# for the HF baseline: gradient checkpointing, the optimizer (the README's other benchmark uses adamw_8bit), the
# precision flags and the loss path. Left out: the two "OOM" cells (8 GB for 8B, 48 GB for 70B) because the length
# at which they failed is not given.
US = "https://github.com/unslothai/unsloth/blob/000252c947fe9421071216c19fd53e5d0495a1c0/README.md"
for model, vram, ctx, card in (("llama-3.1-8b", 12, 932, ""), ("llama-3.1-8b", 16, 2551, ""),
                               ("llama-3.1-8b", 24, 5789, ""), ("llama-3.1-8b", 40, 12264, ""),
                               ("llama-3.1-8b", 48, 15502, ""), ("llama-3.1-8b", 80, 28454, ""),
                               ("llama-3.3-70b", 80, 6916, "A100 80GB")):
    size = "8B" if model == "llama-3.1-8b" else "70B"
    rec(id="unsloth-readme-context-hf-fa2-%s-%dgb" % (size.lower(), vram), source=US,
        source_key="unsloth-readme-context-benchmarks", family="qlora", model=model, method="qlora", lora_rank=32,
        lora_targets="all linear (q,k,v,o,gate,up,down)", quant="nf4 (bitsandbytes 4-bit QLoRA)", seq=ctx, batch=1,
        precision="not stated (bf16 compute assumed by the 4-bit QLoRA setup, flags not given)",
        optimizer="not stated for the context test", checkpointing="not stated for the Hugging Face baseline",
        attention="flash (Hugging Face + FA2: flash_attention_2)", gpus=1, sharding="none",
        gpu=card or "%d GB VRAM (card not named)" % vram,
        card_as_published="80GB A100" if card else "GPU VRAM %d GB" % vram, outcome="fit", measured_bytes=None,
        measured_as="%s tokens (longest context, Hugging Face + FA2)" % format(ctx, ","),
        measured_how="a published fit outcome: the longest padded sequence that trained in that much VRAM",
        table="'Llama 3.%s (%s) max. context length', %d GB row, Hugging Face + FA2 column"
              % ("1" if size == "8B" else "3", size, vram),
        notes="Llama 3.%s %s Instruct, QLoRA r32 on all linear layers, batch 1, padded to %d tokens; the limit is "
              "a largest length, so a little longer would not fit; checkpointing and optimizer of the baseline "
              "are not stated" % ("1" if size == "8B" else "3", size, ctx))

A["llama-2-70b"] = shape(llama_params(80, 8192, 64, 8, 28672, 32000, False), 80, 8192, 64, 8, 28672, 32000, False,
                         "Llama-2-70b-chat-hf config.json: 80 layers, hidden 8192, 64 heads, 8 KV heads, intermediate "
                         "28672, vocab 32000, untied; params computed (6.90e10)", mlp="gated")
A["llama-3-70b"] = shape(llama_params(80, 8192, 64, 8, 28672, 128256, False), 80, 8192, 64, 8, 28672, 128256, False,
                         "Meta-Llama-3-70B config.json: 80 layers, hidden 8192, 64 heads, 8 KV heads, intermediate "
                         "28672, vocab 128256, untied; params computed (7.06e10)", mlp="gated")

# ---- huggingface/blog ram-efficient-pytorch-fsdp.md (commit 062647c): Llama 2 70B full fine-tune, FSDP, 16 A100 ----
# Hardware: 2 nodes x 8 A100 80GB. The launch command: meta-llama/Llama-2-70b-chat-hf, --max_seq_len 2048 with
# --packing True (every row a full 2048 tokens), per-device batch 1, accumulation 1, --use_gradient_checkpointing,
# --use_flash_attn (a flash-attention-2 monkey patch), --bf16; the FSDP config: FULL_SHARD, TRANSFORMER_BASED_WRAP,
# SHARDED_STATE_DICT, bf16 mixed precision, no offload stated. Outcome only: training completed (~13.5 h); no GPU peak
# is printed for the 70B run (the memory log on the page is the 7B loading demo, CPU only).
HFL = "https://github.com/huggingface/blog/blob/062647cf135331f92028ace3a8ada12f0b76cec9/ram-efficient-pytorch-fsdp.md"
rec(id="hf-blog-fsdp-llama-2-70b-full-16xa100-fit", source=HFL, source_key="hf-blog-ram-efficient-pytorch-fsdp",
    family="sharded", model="llama-2-70b", method="full", lora_rank=0, lora_targets=None, quant="none", seq=2048,
    batch=1, grad_accum=1, precision="bf16 (FSDP bf16 mixed precision per the page; parameter storage dtype not "
    "stated)", optimizer="adamw (the Trainer's default; not stated on the page)",
    checkpointing="full (--use_gradient_checkpointing True)", attention="flash (flash-attention-2 monkey patch)",
    gpus=16, sharding="fsdp_full (FULL_SHARD over 16 ranks on 2 nodes, TRANSFORMER_BASED_WRAP)", gpu="A100 80GB",
    card_as_published="2 nodes x 8 A100 80GB", loss="not stated (transformers' Llama of 2023 casts logits to float)",
    outcome="fit", measured_bytes=None, measured_as="fine-tuning completed in ~13.5 hours",
    measured_how="a published fit outcome (the run finished); no memory figure printed for it",
    table="'Bringing it all-together', launch command and result", notes="Llama-2-70b-chat-hf full fine-tune, "
    "2048-token packed rows, batch 1 per GPU, 16 GPUs; the page gives no per-GPU figure")

# ---- philschmid/deep-learning-pytorch-huggingface training/fsdp-qlora-distributed-llama3.ipynb (commit 57cab54) ----
# Llama 3 70B QLoRA with FSDP and CPU offload on 4 x A10G (24GB): the notebook's yaml (max_seq_len 3072 with packing,
# batch 1, accumulation 2, adamw_torch, bf16, gradient checkpointing with use_reentrant true, fsdp "full_shard auto_wrap
# offload") and scripts/run_fsdp_qlora.py at that commit (NF4, double quant, bf16 compute and bf16 quant storage,
# sdpa, LoRA r 16 / alpha 8 / dropout 0.05 on all-linear). The notebook: "needs 4x24GB GPUs, with 22 GB/GPU and 127 GB
# CPU RAM with a sequence length of 3072 and a batch size of 1". How 22 GB was read is not said. Left out: the three
# other lines of its "Expected Memory usage" list (rounded requirements, not readings).
PS = ("https://github.com/philschmid/deep-learning-pytorch-huggingface/blob/57cab545d0675716adc11e922bc00777ef456b15/"
      "training/fsdp-qlora-distributed-llama3.ipynb")
rec(id="philschmid-fsdp-qlora-llama-3-70b-4xa10g", source=PS, source_key="philschmid-fsdp-qlora-llama3-notebook",
    family="sharded", model="llama-3-70b", method="qlora", lora_rank=16, lora_targets="all linear (all-linear)",
    lora_dropout=0.05, quant="nf4 (bitsandbytes 4-bit, double quant, bf16 quant storage)", seq=3072, batch=1,
    grad_accum=2, precision="bf16 (model loaded in bfloat16, Trainer bf16; adapter dtype not stated)",
    optimizer="adamw (adamw_torch)", checkpointing="full (gradient_checkpointing, use_reentrant true)",
    attention="sdpa (attn_implementation sdpa)", gpus=4,
    sharding="fsdp_full with offload_param (fsdp 'full_shard auto_wrap offload': parameters offloaded to the CPU)",
    gpu="A10G 24GB", card_as_published="4 x NVIDIA A10G 24GB (g5.12xlarge)",
    loss="not stated (transformers' Llama of April 2024)", outcome="fit", measured_bytes=round(22e9),
    measured_as="22 GB/GPU", measured_how="the notebook's stated per-GPU usage; how it was read (nvidia-smi or "
    "PyTorch) is not said; GB read as 10^9 bytes", table="'Expected Memory usage', FSDP + Q-Lora + CPU offloading line",
    notes="Meta-Llama-3-70b, QLoRA r16 all-linear, 3072-token packed rows, batch 1 x accumulation 2, 4 GPUs with "
          "parameter offload and 127 GB host RAM; the figure is rounded")

# ---- huggingface/blog bloom-inference-pytorch-scripts.md (commit 1928066): BLOOM-176B generation on A100 80GB ----
# All runs on one node of 8 x A100 80GB (512GB host RAM), greedy generation with max_length 100 (prompt of a few
# tokens, KV cache on); the throughput table marks "oom" where the batch was too big for GPU memory. Kept: Accelerate
# bf16 and int8 (the model's layers placed one after another over the 8 GPUs by device_map: naive pipeline, one GPU
# busy at a time) and DeepSpeed ZeRO-Inference bf16 (parameters partitioned ZeRO-3 style over 8 GPUs, every GPU
# running the same batch). Left out: DeepSpeed-Inference rows (tensor parallel with custom fused kernels: the
# sharding fields cannot state tensor parallelism) and the 4 x A100 int8 table (the page says the memory map was
# tweaked to leave GPU 0 for activations and cache, and its text gives a largest batch of 40 where the table shows
# OOM at 32). A batch that ran is a fit; an "oom" cell is an OOM; empty cells (not run) are not records.
A["bloom-176b"] = shape(
    # word embeddings + their LayerNorm, 70 blocks of 12h^2 + 13h (fused qkv, dense, 4h MLP, two LayerNorms, biases),
    # final LayerNorm; lm_head tied to the embeddings
    250880 * 14336 + 2 * 14336 + 70 * (12 * 14336 * 14336 + 13 * 14336) + 2 * 14336, 70, 14336, 112, 112, 57344,
    250880, True, "bigscience/bloom config.json (n_layer 70, hidden 14336, n_head 112, vocab 250880, tied lm_head, 4h "
    "GELU MLP, ALiBi); params computed (1.762e11, the published 176,247,271,424)", mlp="plain")
BL = ("https://github.com/huggingface/blog/blob/1928066b3a3aa3c03f1392863448f797755afa89/"
      "bloom-inference-pytorch-scripts.md")
for proj, dtype, cells in (("accelerate", "bf16", ((1, "fit"), (8, "fit"), (16, "fit"), (32, "fit"), (64, "oom"))),
                           ("accelerate", "int8", ((1, "fit"), (8, "fit"), (16, "fit"), (32, "fit"), (64, "oom"))),
                           ("ds-zero", "bf16", ((1, "fit"), (8, "fit"), (16, "oom")))):
    for bs, outcome in cells:
        acc = proj == "accelerate"
        rec(id="hf-blog-bloom-inference-%s-%s-8xa100-b%d-%s" % (proj, dtype, bs, outcome), source=BL,
            source_key="hf-blog-bloom-inference-pytorch-scripts", family="inference", model="bloom-176b",
            method="inference", lora_rank=0, lora_targets=None,
            quant="int8 (bitsandbytes LLM.int8 via --dtype int8)" if dtype == "int8" else "none", seq=100, batch=bs,
            precision="bf16 (bigscience/bloom in bfloat16%s)" % (
                "; int8 linears with the rest in half precision" if dtype == "int8" else ""),
            optimizer=None, checkpointing="none", attention="eager (BLOOM's ALiBi attention in transformers 4.21)",
            gpus=8, sharding="layer split over 8 GPUs (Accelerate device_map: naive pipeline), not sharded" if acc
            else "zero3 (DeepSpeed ZeRO-Inference: parameters partitioned over 8 GPUs, each GPU runs the batch)",
            gpu="A100 80GB", card_as_published="8x80GB A100 node (Jean Zay), 512GB CPU memory", outcome=outcome,
            measured_bytes=None, measured_as="throughput %s" % ("measured (ran)" if outcome == "fit" else "'oom'"),
            measured_how="a fit/OOM outcome read from the throughput table (a number where the batch ran, 'oom' "
                         "where it did not fit in GPU memory)",
            table="'Throughput in msecs on 8x80GB GPUs', row '%s %s', bs %d" % (proj, dtype, bs),
            notes="BLOOM-176B greedy generation to max_length 100 from a short prompt, batch %d, 8 x A100 80GB, %s"
                  % (bs, "layers spread over the GPUs by Accelerate" if acc else "DeepSpeed ZeRO stage 3 inference"))

json.dump(out, open(OUT, "w"), indent=1)
print(len(out), "records,", sum(1 for r in out if r["measured_bytes"]), "with a measured peak,",
      len({r["source"] for r in out}), "sources")
