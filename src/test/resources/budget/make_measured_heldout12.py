"""Twelfth held-out split (session 20, issue 14): published measured peaks and fit/OOM outcomes from pages no earlier
measured set cites.

This set is BLIND: written by a helper who never read the engine (src/main), the knowledge or prompts, never ran
oomdoc or BudgetBench on these records except one parse check with its output discarded, and never looked at a score
or at bench/results.md. Nothing here was tuned on, and nothing may be: score it, never fit to it.

How the pages were chosen: a page was dropped when its repository, or a repository of the same short name (renamed
copies and forks: OpenBMB/MiniCPM-o is the renamed MiniCPM-V, modelscope/swift the renamed ms-swift, Yuan2.0-M32's
vendored AutoGPTQ README a copy of AutoGPTQ's), is cited anywhere under src/test/resources or bench/
(/tmp/h20/repos.txt), when the page or thread is cited (/tmp/h20/threads.txt, /tmp/h20/urls.txt), when an earlier
measured_*.json cites it, or when a parallel blind writer holds it. A page was kept only where it prints a GPU memory
figure for a setup it states, or says that a named setup ran (or ran out of memory) on a named card. Calculator and
"hardware estimate" tables were left out (Yuan2.0-M32's 硬件资源评估 table and llama3-Chinese-chat's training
table are LLaMA-Factory's estimates, not readings); torchtune's tables are issue 14's external check and are not here.

Counts: 54 records from 14 pages (source keys) in 10 repositories; families inference 27, sharded 19, lora 4,
qlora 3, full 1 (sharded holds the full and LoRA runs spread over 8 or 16 cards with ZeRO-2/3, EasyContext's with
CPU offload); outcomes 53 fit and 1 oom; 31 records with a figure and 23 fits/OOMs on a named card without one.

Pages: Yuan2.0-M32's LLaMA-Factory and FastChat fine-tuning pages (measured per-GPU memory of Yuan 2.0 2B/51B/102B
ZeRO-2 full, ZeRO-3 LoRA over 8 L40S/L20 and QLoRA on one card) and its GPTQ page (which cards Yuan2.0-M32's bf16 and
GPTQ checkpoints ran on); BELLE's GPTQ page (BLOOM-7B GPU memory at fp32/8-bit/4-bit on an A100), its notebook page
(4-bit BLOOM on Colab in 10G) and its DeepSpeed-Chat FAQ (what trained on one or eight A100 40G); Llama2-Chinese's
lmdeploy page (Atom-7B fp16 and AWQ int4); huozi's README (llama.cpp q2_k with 16 layers offloaded); gpt-oss's README
(120b on one 80GB card, 20b in 16GB, the bf16 torch reference on 4 H100); EasyContext's README (full fine-tunes at
64K-700K over 8 A100 with ring attention, 1M over 16 A100, and an OOM at 700K on PyTorch 2.2.0); Skywork-MoE's README
(bf16 on 8 A100/A800, fp8 on 8 RTX 4090); llama3-Chinese-chat's README (fp16 and int4 inference);
chatGLM-6B-QLoRA's README (ChatGLM-6B and ChatGLM2-6B memory while generating, fp16 and int4, merged QLoRA models
beside the official ones, on an RTX 3090); Alpaca-CoT's README (LoRA over an 8-bit LLaMA 7B/13B/30B on one A100 80G).

Every figure is typed from its page; each record keeps the page's URL pinned to the commit that last touched the
file, the row it comes from and what the page says about how memory was read (mostly nothing: 'reading not said').
Model shapes are each model's config.json values as known to the writer (no network here to reopen them); the
parameter count is computed from them (measured_shapes.llama_params) unless the page prints it.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout12.py
"""
import json

from measured_shapes import llama_params, shape  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout12.json"
GB = 10 ** 9
GIB = 2 ** 30
KNOWN = "config.json values as known to the writer, not reopened this session"


def llama(name, layers, hidden, heads, kv, ffn, vocab, tied=False, extra="", params=None, **more):
    """A Llama-type shape (gated MLP, RMSNorm, rotary); params computed unless the page prints a total."""
    p = params or llama_params(layers, hidden, heads, kv, ffn, vocab, tied)
    return shape(p, layers, hidden, heads, kv, ffn, vocab, tied,
                 "%s: %d layers, hidden %d, %d heads, %d KV heads, intermediate %d, vocab %d, %s; params %s "
                 "(%.2e)%s" % (name, layers, hidden, heads, kv, ffn, vocab, "tied" if tied else "untied",
                               "as published" if params else "computed", p, extra), mlp="gated", **more)


def bloom(name, layers, hidden, heads, vocab):
    """A BLOOM shape: plain GELU MLP of 4x hidden, LayerNorms, ALiBi (no position table), tied output, biases."""
    ffn = 4 * hidden
    p = layers * (4 * hidden * hidden + 4 * hidden + 2 * hidden * ffn + ffn + hidden + 4 * hidden) \
        + vocab * hidden + 4 * hidden
    return shape(p, layers, hidden, heads, heads, ffn, vocab, True,
                 "%s: %d layers, hidden %d, %d heads, intermediate %d, vocab %d, ALiBi, tied; params computed "
                 "(%.2e)" % (name, layers, hidden, heads, ffn, vocab, p), mlp="plain")


A = {
    # Yuan 2.0's localized-filtering attention adds two 1-D convolutions a layer that the Llama formula misses (it
    # gives 4.7e10 for the 51B): the published totals (Yuan 2.0 report: 2.1B, 51.8B, 102.6B) are used instead
    "yuan2-2b": llama("IEIT-Yuan/Yuan2-2B-hf (%s)" % KNOWN, 24, 2048, 32, 32, 8192, 135040, params=int(2.1e9),
                      extra="; the total includes the localized-filtering convolutions"),
    "yuan2-51b": llama("IEIT-Yuan/Yuan2-51B-hf (%s)" % KNOWN, 42, 8192, 64, 64, 32768, 135040, params=int(51.8e9),
                       extra="; the total includes the localized-filtering convolutions"),
    "yuan2-102b": llama("IEIT-Yuan/Yuan2-102B-hf (%s)" % KNOWN, 84, 8192, 64, 64, 32768, 135040,
                        params=int(102.6e9), extra="; the total includes the localized-filtering convolutions"),
    "yuan2-m32": llama("IEIT-Yuan/Yuan2-M32-hf (%s; 32 experts of which 2 active, the README: 40B total, 3.7B "
                       "active)" % KNOWN, 24, 2048, 16, 16, 8192, 135040, params=40 * 10 ** 9,
                       extra="; the attention router and convolutions are inside the published total",
                       experts_total=32, experts_active=2),
    "bloom-7b1": bloom("bigscience/bloom-7b1, the base of BELLE-7B-2M/0.2M (%s)" % KNOWN, 30, 4096, 32, 250880),
    "bloomz-1b1": bloom("bigscience/bloomz-1b1 (%s)" % KNOWN, 24, 1536, 16, 250880),
    "llama-7b": llama("huggyllama/llama-7b (%s)" % KNOWN, 32, 4096, 32, 32, 11008, 32000),
    "llama-13b": llama("huggyllama/llama-13b (%s)" % KNOWN, 40, 5120, 40, 40, 13824, 32000),
    "llama-2-7b": llama("meta-llama/Llama-2-7b-hf (%s)" % KNOWN, 32, 4096, 32, 32, 11008, 32000),
    "llama-2-13b": llama("meta-llama/Llama-2-13b-hf (%s)" % KNOWN, 40, 5120, 40, 40, 13824, 32000),
    "atom-7b": llama("FlagAlpha/Atom-7B-Chat (a Llama-2-7B shape with a vocabulary grown to 65000; %s)" % KNOWN,
                     32, 4096, 32, 32, 11008, 65000),
    "huozi3.5": llama("HIT-SCIR/huozi3.5 (a Mixtral-8x7B shape grown for Chinese by Chinese-Mixtral-8x7B; vocab "
                      "57000 as the writer recalls it, not checked; %s)" % KNOWN, 32, 4096, 32, 8, 14336, 57000,
                      params=int(46.7e9),
                      extra="; 8 experts of 14336, top-2 (the README: 46.7B in all, 13B active)",
                      experts_total=8, experts_active=2),
    "gpt-oss-120b": llama("openai/gpt-oss-120b (%s; the README: 117B parameters, 5.1B active)" % KNOWN, 36, 2880,
                          64, 8, 2880, 201088, params=117 * 10 ** 9, head_dim=64,
                          extra="; 128 experts, 4 active; MoE weights in MXFP4", experts_total=128,
                          experts_active=4),
    "gpt-oss-20b": llama("openai/gpt-oss-20b (%s; 21B parameters, 3.6B active as the model card gives them)" % KNOWN,
                         24, 2880, 64, 8, 2880, 201088, params=21 * 10 ** 9, head_dim=64,
                         extra="; 32 experts, 4 active; MoE weights in MXFP4", experts_total=32, experts_active=4),
    "skywork-moe": llama("Skywork/Skywork-MoE-Base (%s; the README: 146B total, 22B active, 16 experts)" % KNOWN,
                         52, 4608, 36, 36, 12288, 65536, params=146 * 10 ** 9,
                         extra="; 16 experts, 2 active", experts_total=16, experts_active=2),
    "llama-30b": llama("huggyllama/llama-30b (%s)" % KNOWN, 60, 6656, 52, 52, 17920, 32000),
    "chatglm-6b": shape(6173 * 10 ** 6, 28, 4096, 32, 32, 16384, 130528, False,
                        "THUDM/chatglm-6b (%s): 28 layers, hidden 4096, 32 heads, a plain GELU MLP of 16384, vocab "
                        "130528, untied; params as published (6.2B)" % KNOWN, mlp="plain"),
    "chatglm2-6b": llama("THUDM/chatglm2-6b (%s)" % KNOWN, 28, 4096, 32, 2, 13696, 65024,
                         extra="; multi_query_group_num 2, padded_vocab_size 65024; qkv biases left out"),
    "llama-3-8b": llama("meta-llama/Meta-Llama-3-8B-Instruct, the base of shareAI's llama3-Chinese-chat (%s)" % KNOWN,
                        32, 4096, 32, 8, 14336, 128256),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    k["split"] = "heldout12"
    out.append(k)


INFER = dict(family="inference", method="inference", optimizer="none (inference)", checkpointing="none",
             grad_accum=1, loss="none (inference)", outcome="fit")

# ---- IEIT-Yuan/Yuan2.0-M32 docs: measured fine-tuning memory of Yuan 2.0 (实测数据参考) ----
# Two pages, one table each: method (ds_zero2_full, ds_zero3_lora, Qlora), sequence length, model, load/compute
# precision, GPU count and kind, micro/global batch, "显存占用(1*GPU)" (memory on one GPU). Samples packed to the
# row's length (the llama-factory page says so; the fastchat page converts alpaca to one-turn dialogues).
YM = "https://github.com/IEIT-Yuan/Yuan2.0-M32/blob/%s/docs/%s"
# Both pages' commands pass --gradient_checkpointing True and --bf16; the LLaMA-Factory page packs samples
# (--sft_packing); FastChat's LoRA page defaults to q_proj,v_proj and its QLoRA is --q_lora True (FastChat's train_lora:
# nf4, double quant); the LLaMA-Factory page's QLoRA is --quantization_bit 4.
YUAN_COMMON = dict(attention="not stated (flash attention in the Yuan2 HF code when installed)",
                   loss="not stated (cross-entropy)", outcome="fit",
                   checkpointing="full (--gradient_checkpointing True in the page's commands)",
                   optimizer="not stated (the trainer's AdamW)",
                   measured_how="reading not said (a per-GPU figure in G; 'G' read as 10^9)")
YUAN_ROWS = {
    "llama-factory": ("10f9863b9a8db1ef7533c73d7d4d9a49d6334cc5", "Yuan2_llama-factory.md", "L40S 48GB", "L40s",
                      "实测数据参考", [
                          ("ds_zero2_full", 2048, "yuan2-2b", 8, 4, 128, "19G"),
                          ("ds_zero3_lora", 2048, "yuan2-51b", 8, 1, 128, "34G"),
                          ("ds_zero3_lora", 2048, "yuan2-102b", 8, 1, 128, "47G"),
                          ("Qlora", 1024, "yuan2-2b", 1, 1, 16, "4.5G"),
                          ("Qlora", 1024, "yuan2-51b", 1, 1, 16, "40G")]),
    "fastchat": ("10f9863b9a8db1ef7533c73d7d4d9a49d6334cc5", "Yuan2_fastchat.md", "L20 48GB", "L20",
                 "微调实测数据参考", [
        ("ds_zero2_full", 2048, "yuan2-2b", 8, 1, 128, "16G"),
        ("ds_zero3_lora", 2048, "yuan2-51b", 8, 1, 128, "43G"),
        ("ds_zero3_lora", 2048, "yuan2-102b", 8, 1, 128, "45G"),
        ("ds_zero2_full", 1024, "yuan2-2b", 8, 1, 128, "15G"),
        ("ds_zero3_lora", 1024, "yuan2-51b", 8, 1, 128, "43G"),
        ("ds_zero3_lora", 1024, "yuan2-102b", 8, 1, 128, "42G"),
        ("Qlora", 1024, "yuan2-2b", 1, 1, 16, "4.5G")]),
}
TARGETS = {"llama-factory": "not stated (the page lists q,k,v,o,gate,up,down as choosable)",
           "fastchat": "q_proj,v_proj (the page: the default)"}
QLORA_FLAG = {"llama-factory": "nf4 (4-bit base, LLaMA-Factory --quantization_bit 4)",
              "fastchat": "nf4 double-quant (4-bit base, FastChat --q_lora True)"}
SIZE = {"yuan2-2b": "Yuan-2 2B", "yuan2-51b": "Yuan-2 51B", "yuan2-102b": "Yuan-2 102B"}
for page, (commit, path, card, card_short, table, rows) in YUAN_ROWS.items():
    for how, seq, model, n, micro, glob, fig in rows:
        accum = glob // (micro * n)
        common = dict(YUAN_COMMON, source=YM % (commit, path), source_key="yuan2-m32-%s" % page, model=model,
                      seq=seq, batch=micro, grad_accum=accum, gpus=n, gpu=card,
                      card_as_published="%d*%s" % (n, card_short), table=table,
                      measured_bytes=int(float(fig[:-1]) * GB),
                      measured_as="| %s | %d | %s | %s | %d*%s | %d/%d | %s |" % (
                          how, seq, SIZE[model], "int4/bf16" if how == "Qlora" else "bf16/bf16", n, card_short,
                          micro, glob, fig))
        rid = "yuan2-m32-%s-%s-%s-s%d-%dx%s" % (page, model.split("-")[1], how.lower().replace("_", "-"), seq, n,
                                                card_short.lower())
        if how == "ds_zero2_full":
            rec(id=rid, family="sharded", method="full", quant="none (bf16)", precision="bf16 (load and compute)",
                sharding="zero2 (DeepSpeed ZeRO-2 over %d GPUs)" % n,
                notes="accumulation %d = global %d / (micro %d x %d GPUs); no offload named" % (accum, glob, micro, n),
                **common)
        elif how == "ds_zero3_lora":
            rec(id=rid, family="sharded", method="lora", lora_rank=8, lora_targets=TARGETS[page],
                quant="none (bf16)", precision="bf16 (load and compute)",
                sharding="zero3 (DeepSpeed ZeRO-3 over %d GPUs, the frozen base sharded)" % n,
                notes="rank not printed beside the table (8 written in, the trainer's default); accumulation %d = "
                      "global %d / (micro %d x %d GPUs)" % (accum, glob, micro, n), **common)
        else:
            rec(id=rid, family="qlora", method="qlora", lora_rank=8, lora_targets=TARGETS[page],
                quant=QLORA_FLAG[page], precision="bf16 compute (int4 load)",
                sharding="none", notes="one card; rank not printed (8 written in, the trainer's default); "
                                       "accumulation %d = global %d / micro %d" % (accum, glob, micro), **common)

# ---- Yuan2.0-M32 docs/README_GPTQ_EN.md: which cards the HumanEval runs used ----
GQ = "https://github.com/IEIT-Yuan/Yuan2.0-M32/blob/9b0f6e384b6c54bfe4bc120920f3afc6f5fb4430/docs/README_GPTQ_EN.md"
SAID = "'Yuan-M32-HF inferenced with 2 80GB GPUs; Yuan2-M32-GPTQ-int4 and Yuan2-M32-GPTQ-int8 inferenced with " \
       "single 80GB GPU'"
for q, n, quant in (("bf16", 2, "none (bf16 HF checkpoint)"), ("gptq-int4", 1, "gptq-int4 (AutoGPTQ)"),
                    ("gptq-int8", 1, "gptq-int8 (AutoGPTQ)")):
    rec(id="yuan2-m32-gptq-page-%s-infer-%dx80gb" % (q, n), source=GQ, source_key="yuan2-m32-gptq", model="yuan2-m32",
        quant=quant, seq=1024, batch=1, precision="bf16", attention="not stated", gpus=n,
        sharding="layer split (device_map over 2 GPUs)" if n > 1 else "none", gpu="A100 80GB",
        card_as_published="%s 80GB GPU%s" % ("2" if n > 1 else "single", "s" if n > 1 else ""),
        measured_bytes=None, measured_as=SAID, measured_how="outcome (the page says the evaluation ran on these cards)",
        table="4. Evaluation", notes="HumanEval with max_new_tokens 512 (the page's generation parameters); prompt "
                                     "plus output under 1024 written as seq; the card model is not named beyond 80GB "
                                     "(A100 80GB written in)", **INFER)

# ---- LianjiaTech/BELLE models/gptq/README.md: GPU memory of BLOOM-7B (BELLE-7B) by GPTQ bit width ----
BG = "https://github.com/LianjiaTech/BELLE/blob/79e125d875d5fe02c6b10a36f37e334549f2ab47/models/gptq/README.md"
for name, q, fig in (("base", "none (the 27G checkpoint: fp32 weights)", 28.2),
                     ("bloom7b-2m-8bit-128g.pt", "gptq-int8 (GPTQ-for-Bloom, group 128)", 11.4),
                     ("bloom7b-2m-4bit-128g.pt", "gptq-int4 (GPTQ-for-Bloom, group 128)", 8.4),
                     ("bloom7b-0.2m-8bit-128g.pt", "gptq-int8 (GPTQ-for-Bloom, group 128)", 11.4),
                     ("bloom7b-0.2m-4bit-128g.pt", "gptq-int4 (GPTQ-for-Bloom, group 128)", 8.4)):
    rec(id="belle-gptq-%s-infer-a100" % name.replace(".pt", "").replace("-128g", ""), source=BG,
        source_key="belle-gptq-readme", model="bloom-7b1", quant=q, seq=512, batch=1,
        precision="fp32 (a 27G file for 7.1e9 parameters)" if name == "base" else "fp16 activations (weight-only)",
        attention="eager (transformers' BLOOM of early 2023)", gpus=1, sharding="none", gpu="A100 80GB",
        card_as_published="a single NVIDIA A100", measured_bytes=int(fig * GB),
        measured_as="| %s | ... | ~%sG |" % (name, fig), measured_how="reading not said ('~' figures; G read as 10^9)",
        table="GPU memory usage", notes="the prompt of bloom_inference.py is a few tokens ('hello'); seq 512 is a "
                                        "ceiling written in; A100 memory size not named (80GB written in)", **INFER)

BN = "https://github.com/LianjiaTech/BELLE/blob/8b654330ddbd13a122e615a37bfa16965d88e2a8/models/notebook/README.md"
rec(id="belle-notebook-bloom7b-gptq4-colab-infer", source=BN, source_key="belle-notebook-readme", model="bloom-7b1",
    quant="gptq-int4 (BELLE-7B-gptq 4-bit)", seq=512, batch=1, precision="fp16 activations (weight-only)",
    attention="not stated", gpus=1, sharding="none", gpu="", card_as_published="Colab (card not named)",
    measured_bytes=10 * GB, measured_as="'GPU显存只需要10G即可运行'",
    measured_how="reading not said (a rounded need; 'G' read as 10^9)", table="notebook list: BELLE-GPTQ Colab推理",
    notes="host memory peaks at 8G (the same row); prompt length not given (512 written in)", **INFER)

# ---- BELLE train/dschat_train_v1/FAQ.md: what trained on A100 40G cards with DeepSpeed-Chat (no offload) ----
BF = "https://github.com/LianjiaTech/BELLE/blob/97f866ce329b62d01908792a5766093e16c022fa/train/dschat_train_v1/FAQ.md"
# The same folder's README (read for the setup, not cited for a figure) gives the commands: per-device batch 1,
# max_seq_len 1024, --gradient_checkpointing and --zero_stage 2 for the multi-GPU full run; LoRA with lora_dim 16,
# alpha 16, dropout 0.05 on q,k,v,o,gate,up,down, --zero_stage 2 over several GPUs and 3 on one.
BF_COMMON = dict(source=BF, source_key="belle-dschat-faq", quant="none (fp16)", batch=1, grad_accum=1,
                 precision="fp16 (DeepSpeed-Chat's step-1 default)", optimizer="adamw (DeepSpeed fused Adam)",
                 checkpointing="full (--gradient_checkpointing in the README's commands)", attention="eager",
                 gpu="A100 40GB", loss="not stated (cross-entropy)",
                 outcome="fit", measured_bytes=None, table="FAQ 1-4",
                 measured_how="outcome (the FAQ says what ran on their 8 x A100 40G machine; no reading)")
rec(id="belle-dschat-faq-bloomz-1b1-full-s1024-1xa100-40gb", family="full", method="full", model="bloomz-1b1",
    seq=1024, gpus=1, sharding="none (DeepSpeed-Chat has no offload here)", card_as_published="单机单卡(40G)",
    measured_as="'在max_seq_len设置为1024的情况下，单机单卡(40G)上微调的模型参数量"
                "应该最多也就是bloomz-1b1'",
    notes="the FAQ's largest model for one card at 1024, and 'not rigorous' in its own words; bloomz-1b7 needs a much "
          "shorter length; per-device batch not stated (1 written in)", **BF_COMMON)
for model in ("bloom-7b1", "llama-7b"):
    rec(id="belle-dschat-faq-%s-full-zero2-8xa100-40gb" % model, family="sharded", method="full", model=model,
        seq=1024 if model == "llama-7b" else 512, gpus=8,
        sharding="zero2 (DeepSpeed ZeRO-2 over 8 GPUs, the README's example stage; no offload in DeepSpeed-Chat)",
        card_as_published="单机多卡 (8卡A100 40G)",
        measured_as="'目前来看，可以跑起来7b1的bloomz和7B的LLaMA。'",
        notes="the stage that ran is not said in the FAQ (2 from the README's command; the README falls back to 3 "
              "when memory runs short); lengths are the FAQ's usual values (LLaMA 1024 or 2048, Bloomz 512 or 1024: "
              "the lower written in)", **BF_COMMON)
BF_LORA = dict(lora_rank=16, lora_targets="all linear (q_proj,k_proj,v_proj,o_proj,down_proj,gate_proj,up_proj)",
               lora_dropout=0.05)
rec(id="belle-dschat-faq-llama-7b-lora-r16-1xa100-40gb", family="lora", method="lora", model="llama-7b", seq=1024,
    gpus=1, sharding="none (the README's single-GPU LoRA command passes stage 3: one rank shards nothing)",
    card_as_published="单机单卡 (A100 40G)",
    measured_as="'单机单卡采用LoRA可以训练多大参数量的模型 ... 可以训练7B的LLaMA。'",
    notes="rank, alpha 16, dropout and targets from the README's LoRA command; the claim gives no batch (the "
          "README's LoRA example uses 16 a device: 1 written in, the smallest that the claim implies ran); the "
          "FAQ adds that 7b1 BLOOM needs a shorter length", **dict(BF_COMMON, **BF_LORA))
rec(id="belle-dschat-faq-llama-13b-lora-r16-zero2-8xa100-40gb", family="sharded", method="lora", model="llama-13b",
    seq=1024, gpus=8, sharding="zero2 (the README's multi-GPU LoRA command: stage 2; the frozen fp16 base is not "
                               "partitioned by stage 2, each card holds all of it)",
    card_as_published="单机多卡 (8卡A100 40G)",
    measured_as="'单机多卡采用LoRA可以训练多大参数量的模型 ... 可以训练13B的模型。'",
    notes="LoRA settings from the README's command; batch not given with the claim (1 written in); the FAQ says "
          "nothing larger was tried on 8 A100 40G", **dict(BF_COMMON, **BF_LORA))

# ---- FlagAlpha/Llama2-Chinese lmdeploy example: fp16 vs AWQ int4 on TurboMind ----
LC = "https://github.com/FlagAlpha/Llama2-Chinese/blob/0a2b588c5716f26f1e37affa308283354b3612be/" \
     "inference-speed/GPU/lmdeploy_example/README.md"
for q, fig, quant in (("fp16", 16, "none (fp16 weights)"), ("awq-int4", 6.3, "awq (lmdeploy AWQ 4-bit, group 128)")):
    rec(id="llama2-chinese-lmdeploy-atom-7b-%s-infer" % q, source=LC, source_key="llama2-chinese-lmdeploy",
        model="atom-7b", quant=quant, seq=2048, batch=1, precision="fp16", attention="not stated (TurboMind)",
        gpus=1, sharding="none", gpu="", card_as_published="not named", serving_engine="lmdeploy TurboMind",
        measured_bytes=int(fig * GB),
        measured_as="'相对 fp16 版本，速度是 3.16 倍、显存从 16G 降低到 6.3G。'",
        measured_how="reading not said (rounded G; read as 10^9)", table="四、weight int4 量化",
        notes="the page is about Atom-7B-Chat but does not say which 7B model the two figures were read on; "
              "TurboMind keeps a KV cache pool sized by its own settings, so the reading holds cache, not weights "
              "alone; seq 2048 is the calibration length beside it, the chat length is not given", **INFER)

# ---- HIT-SCIR/huozi README: llama.cpp q2_k with 16 layers offloaded ----
HZ = "https://github.com/HIT-SCIR/huozi/blob/37a3da79e4968518089398a22ec8b5d7a58c5e93/README.md"
rec(id="huozi-readme-huozi3.5-q2k-ngl16-llamacpp", source=HZ, source_key="huozi-readme", model="huozi3.5",
    quant="gguf q2_k (llama.cpp)", seq=2048, batch=1, precision="fp16 KV cache (llama.cpp default)",
    attention="llama.cpp", gpus=1, sharding="partial offload (-ngl 16 of 32 layers on the GPU, the rest on CPU)",
    gpu="", card_as_published="消费级GPU (not named)", serving_engine="llama.cpp main",
    measured_bytes=int(9.6 * GB), measured_as="'q2_k量化的模型offload 16层，显存占用可降低至9.6GB'",
    measured_how="reading not said ('经过我们的实际测试': measured; GB read as 10^9)",
    table="llama.cpp Step 3",
    notes="the command beside it: -c 2048 -t 6 -ngl 16; only 16 of 32 layers' weights and their KV are on the card",
    **INFER)

# ---- openai/gpt-oss README: which cards the MXFP4 checkpoints run on ----
GO = "https://github.com/openai/gpt-oss/blob/d21f34ec3c1ede813adfbd83f07d2ad2eec7ff02/README.md"
GO_SAID = "'making gpt-oss-120b run on a single 80GB GPU (like NVIDIA H100 or AMD MI300X) and the gpt-oss-20b " \
          "model run within 16GB of memory'"
rec(id="gpt-oss-readme-120b-mxfp4-1xh100", source=GO, source_key="gpt-oss-readme", model="gpt-oss-120b",
    quant="mxfp4 MoE weights (the rest bf16)", seq=4096, batch=1, precision="bf16", attention="not stated",
    gpus=1, sharding="none", gpu="H100 80GB", card_as_published="a single 80GB GPU (like NVIDIA H100)",
    measured_bytes=None, measured_as=GO_SAID, measured_how="outcome (the README says it runs on one such card)",
    table="Highlights: MXFP4 quantization", notes="context length not given (4096 written in)", **INFER)
rec(id="gpt-oss-readme-20b-mxfp4-16gb", source=GO, source_key="gpt-oss-readme", model="gpt-oss-20b",
    quant="mxfp4 MoE weights (the rest bf16)", seq=4096, batch=1, precision="bf16", attention="not stated",
    gpus=1, sharding="none", gpu="16GB card (not named)", card_as_published="within 16GB of memory",
    measured_bytes=None, measured_as=GO_SAID, measured_how="outcome (the README says it runs within 16GB)",
    table="Highlights: MXFP4 quantization", notes="no card model named, only 16GB; context not given", **INFER)
rec(id="gpt-oss-readme-120b-torch-bf16-4xh100", source=GO, source_key="gpt-oss-readme", model="gpt-oss-120b",
    quant="none (all weights upcast to bf16)", seq=4096, batch=1, precision="bf16", attention="eager (reference)",
    gpus=4, sharding="tensor parallel (MoE split over 4 GPUs)", gpu="H100 80GB", card_as_published="4xH100",
    measured_bytes=None, measured_as="'Requires at least 4× H100 GPUs due to lack of optimization.'",
    measured_how="outcome (the README: the torch reference needs at least 4 H100s)",
    table="Reference PyTorch implementation", notes="the README also says 2xH200 would do; context not given",
    **INFER)

# ---- jzhang38/EasyContext README: full fine-tunes at very long context with ring attention ----
EC = "https://github.com/jzhang38/EasyContext/blob/6b0d31047e4e326cbd603f89d57cf8b1db3ff762/README.md"
# Setup read at the same commit: train.py loads bf16, calls gradient_checkpointing_enable() and hands AdamW to
# DeepSpeed (zero3_offload.json: stage 3, optimizer and parameters offloaded to pinned CPU memory); the 7B train
# script runs batch 1 with accumulation 2-4, data parallel up to 64K and zigzag ring attention from 256K.
EC_COMMON = dict(source=EC, source_key="easycontext-readme", family="sharded", method="full", quant="none (bf16)",
                 batch=1, grad_accum=2, precision="bf16 (mixed_precision bf16, weights loaded bf16)",
                 optimizer="adamw (DeepSpeed AdamW, states offloaded to CPU)",
                 checkpointing="full (train.py: gradient_checkpointing_enable())", gpu="A100 80GB",
                 sharding="zero3 + offload_optimizer cpu + offload_param cpu (accelerate_configs/zero3_offload"
                          ".json, named by single_node.yaml)", loss="not stated (flash-attention's fused "
                                                                   "cross-entropy)",
                 measured_bytes=None)
for setup, seq, attn in (("64K, data parallel", 65536, "flash-attention 2, data parallel"),
                         ("64K, ring attention", 65536, "ring attention (zigzag) over flash-attention 2"),
                         ("128K, ring attention", 131072, "ring attention (zigzag) over flash-attention 2"),
                         ("512K, ring attention", 524288, "ring attention (zigzag) over flash-attention 2"),
                         ("700K, ring attention", 700000, "ring attention (zigzag) over flash-attention 2")):
    rec(id="easycontext-llama-2-7b-full-s%d-%s-8xa100" % (seq, "dp" if "data" in setup else "ring"),
        model="llama-2-7b", seq=seq, attention=attn, gpus=8, card_as_published="8 A100",
        outcome="fit", measured_as="| %s | ... tokens/s |" % setup, table="Speed (throughput on 8 A100)",
        measured_how="outcome (a throughput row: it trained for 5 steps on 8 A100s; no reading)",
        notes="batch 1 a GPU under ring attention the sequence is split over the 8 ranks; accumulation from the "
              "train scripts; A100 size not named (80GB written in)", **EC_COMMON)
rec(id="easycontext-llama-2-13b-full-s1000000-ring-16xa100", model="llama-2-13b", seq=1000000,
    attention="ring attention (zigzag) over flash-attention 2", gpus=16, card_as_published="16 A100 (two nodes)",
    outcome="fit", measured_as="'1M with 16 A100 (Llama2-13B)'", table="README introduction",
    measured_how="outcome (the README's claim that it trained)",
    notes="two nodes of 8 (accelerate_configs/two_node.yaml); A100 size not named (80GB written in)", **EC_COMMON)
rec(id="easycontext-llama-2-7b-full-s700000-ring-8xa100-torch2.2-oom", model="llama-2-7b", seq=700000,
    attention="ring attention (zigzag) over flash-attention 2", gpus=8, card_as_published="8 A100s",
    outcome="oom", measured_as="'PyTorch 2.2.0 will OOM for 700K context length on 8 A100s.'",
    table="Installation note", measured_how="outcome (the author saw it run out of memory on PyTorch 2.2.0; "
                                            "nightly fits)",
    notes="the same setup fits on PyTorch nightly (the 700K speed row): the difference is the framework version",
    **EC_COMMON)

# ---- SkyworkAI/Skywork-MoE README: bf16 on 8 A100/A800, fp8 on 8 RTX 4090 (vLLM) ----
SM = "https://github.com/SkyworkAI/Skywork-MoE/blob/81ca29c3fe0f92fb3cb66b86be6d7c50dd02ea05/README.md"
rec(id="skywork-moe-readme-base-bf16-hf-8xa100", source=SM, source_key="skywork-moe-readme", model="skywork-moe",
    quant="none (bf16 weights)", seq=128, batch=1, precision="bf16", attention="not stated", gpus=8,
    sharding="layer split (HuggingFace device_map auto over 8 GPUs)", gpu="A100 80GB",
    card_as_published="8xA100/A800 or higher", measured_bytes=None,
    measured_as="'We can perform inference for the Skywork-MoE-Base (16x13B size) model using HuggingFace on "
                "8xA100/A800 or higher GPU hardware configurations.'",
    measured_how="outcome (the README says it ran on these cards)", table="Inference with HuggingFace",
    notes="the README's example generates to max_length 128; A100 size not named (80GB written in); the dtype "
          "is not passed (the checkpoint's bf16 assumed)", **INFER)
rec(id="skywork-moe-readme-base-fp8-vllm-8x4090", source=SM, source_key="skywork-moe-readme", model="skywork-moe",
    quant="fp8 (the Skywork-MoE-Base-FP8 checkpoint)", seq=4096, batch=2, precision="fp8 weights, bf16 compute",
    gpu_memory_utilization=0.95,
    attention="not stated (vLLM)", gpus=8, sharding="tensor parallel (vLLM tensor_parallel_size 8)",
    gpu="RTX 4090 24GB", card_as_published="8*4090", serving_engine="vLLM (Skywork's fork)", measured_bytes=None,
    measured_as="'Under fp8 precision you can run Skywork-MoE-Base with just only 8*4090.'",
    measured_how="outcome (the README says it ran on 8 RTX 4090s)", table="Quickstart with vLLM",
    notes="the README's LLM(...): tensor_parallel_size 8, gpu_memory_utilization 0.95, enforce_eager, "
          "kv_cache_dtype auto; two prompts, max_tokens 256; max_model_len not passed (the model's 4096 written "
          "in); 146B weights in fp8 are about 18GB a card", **INFER)

# ---- CrazyBoyM/llama3-Chinese-chat README: inference cost ----
CB = "https://github.com/CrazyBoyM/llama3-Chinese-chat/blob/ff32d17a1c90f954f7eb1ce358246c48ffc69258/README.md"
for q, fig, quant, said in (("fp16", 16, "none (fp16 weights)",
                             "fp16 模式 大概占用16G显存，推荐24G显卡使用"),
                            ("int4", 8, "nf4 (bitsandbytes load_in_4bit=True)",
                             "int4模式 大概占用8G显存，推荐至少10G显存使用")):
    rec(id="llama3-chinese-chat-readme-8b-%s-infer" % q, source=CB, source_key="llama3-chinese-chat-readme",
        model="llama-3-8b", quant=quant, seq=2048, batch=1, precision="fp16", attention="not stated", gpus=1,
        sharding="none", gpu="", card_as_published="not named (24G card recommended)", measured_bytes=fig * GB,
        measured_as="'%s'" % said, measured_how="reading not said ('大概': about; G read as 10^9)",
        table="模型及训练推理成本: 推理", notes="a chat demo; context not given (2048 written in)", **INFER)

# ---- shuxueslpi/chatGLM-6B-QLoRA README: GPU memory while generating, merged QLoRA models vs the official ones ----
# inference_test.py loads each model with .half().cuda() and asks it for an essay ('写1000字的文章'), each
# call capped at max_time 1 second (so a few dozen tokens), 100 calls; the table's 'gpu memory use' on an
# RTX 3090, cuda12.
# The 4-bit rows are ChatGLM's own weight-only int4 (merge_lora_and_quantize.py calls model.quantize(4), as the
# official -int4 checkpoints do).
CQ = "https://github.com/shuxueslpi/chatGLM-6B-QLoRA/blob/c169be7985e6a6de747bad107e1a0d3fdebd688a/README.md"
for model, name, fig, q4 in (("chatglm-6b", "qlora-model-4bit", 6, True),
                             ("chatglm-6b", "THUDM/chatglm-6b-int4", 6, True),
                             ("chatglm-6b", "qlora-model", 13, False),
                             ("chatglm-6b", "THUDM/chatglm-6b", 13, False),
                             ("chatglm2-6b", "qlora-model-4bit2", 6, True),
                             ("chatglm2-6b", "THUDM/chatglm2-6b-int4", 6, True),
                             ("chatglm2-6b", "qlora-model2", 13, False),
                             ("chatglm2-6b", "THUDM/chatglm2-6b", 13, False)):
    rec(id="chatglm-qlora-readme-%s-%s-infer-3090" % (model, name.split("/")[-1].lower()), source=CQ,
        source_key="chatglm-6b-qlora-readme", model=model,
        quant="int4 weight-only (ChatGLM's quantize(4))" if q4 else "none (fp16 weights)", seq=128, batch=1,
        precision="fp16 (.half())", attention="eager (ChatGLM's remote code)", gpus=1, sharding="none",
        gpu="RTX 3090 24GB", card_as_published="RTX3090", measured_bytes=fig * GB,
        measured_as="| gpu memory use | ... %s: %dG |" % (name, fig),
        measured_how="reading not said (a whole-G figure, likely nvidia-smi; G read as 10^9)",
        table="推理性能测试 (%s)" % ("chatGLM-6B" if model == "chatglm-6b" else "chatGLM2-6B"),
        notes="the qlora-model rows are the trained adapter merged into the base (no adapter at run time); a short "
              "prompt and at most a second of output a call, so seq 128 is a ceiling written in", **INFER)

# ---- PhoebusSi/Alpaca-CoT README: LoRA over an 8-bit LLaMA on one A100 80G ----
# "The 7b, 13b and 30b versions of LLaMA models can be easily trained on a single 80G A100." The README's LLaMA
# command: --lora_target_modules q_proj v_proj --per_gpu_train_batch_size 4; uniform_finetune.py (read at 58e72d4):
# LLaMA loaded with load_in_8bit, prepare_model_for_int8_training (the non-int8 weights cast to fp32, gradient
# checkpointing on), lora_r 8, alpha 16, dropout 0.05, cutoff_len 512, accumulation 32, fp16 Trainer.
AC = "https://github.com/PhoebusSi/Alpaca-CoT/blob/17a2bcde59c6d8bfa600b147ca67d73482b8c6cf/README.md"
for model in ("llama-7b", "llama-13b", "llama-30b"):
    size = model.split("-")[1]
    rec(id="alpaca-cot-readme-%s-lora-r8-qv-int8-1xa100-80gb" % model, source=AC, source_key="alpaca-cot-readme",
        family="lora", method="lora", model=model, lora_rank=8, lora_targets="q_proj,v_proj", lora_dropout=0.05,
        quant="int8 (bitsandbytes LLM.int8 base, load_in_8bit)",
        kbit="peft-fp32 (prepare_model_for_int8_training: the non-int8 parameters cast to fp32)", seq=512, batch=4,
        grad_accum=32, precision="fp16 mixed (Trainer fp16, compute_dtype fp16)", optimizer="adamw (HF Trainer)",
        checkpointing="full (prepare_model_for_int8_training turns it on)", attention="eager",
        gpus=1, sharding="none", gpu="A100 80GB", card_as_published="a single 80G A100",
        loss="not stated (cross-entropy)", outcome="fit", measured_bytes=None,
        measured_as="'The `7b`, `13b` and `30b` versions of LLaMA models can be easily trained on a single 80G A100.'",
        measured_how="outcome (the README says each trained on one such card; no reading)",
        table="README advantages, item 1",
        notes="LLaMA-%s; cutoff_len 512 truncates, rows padded per batch (so 512 is a ceiling); the settings are "
              "the README's LLaMA command over the script's defaults" % size.upper())

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records")
