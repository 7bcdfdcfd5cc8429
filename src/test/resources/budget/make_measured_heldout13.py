"""Thirteenth held-out split (session 21, issue 14): published measured peaks and fit/OOM outcomes from pages no earlier
measured set cites.

This set is BLIND: written by a helper who never read the engine (src/main), the knowledge or prompts, never ran
oomdoc or BudgetBench on these records except one parse check with its output discarded, and never looked at a score
or at bench/results.md. Nothing here was tuned on, and nothing may be: score it, never fit to it.

How the pages were chosen: a page was dropped when its repository, or a repository of the same short name (renamed
copies and forks: pyllama's juncongmoo copy of henrywoo/pyllama, LLaMA-Efficient-Tuning the old name of LLaMA-Factory,
GPTQ-for-LLaMa's many forks), is cited anywhere under src/test/resources or bench/ (/tmp/h21/repos.txt), when the page
or thread is cited (/tmp/h21/threads.txt, /tmp/h21/urls.txt), when an earlier measured_*.json cites it, or when a
parallel blind writer holds it (/tmp/h21/b26r-threads.txt, /tmp/h21/b28c-threads.txt). The big trackers are all
cited by now, so this set leans on smaller READMEs and one blog post kept in its author's GitHub site. A page was kept
only where it prints a GPU memory figure for a setup it states, or says that a named setup ran on a named card.
Calculator and rule-of-thumb tables were left out; torchtune's tables are issue 14's external check and are not here.

Counts: 40 records from 9 pages (source keys) in 9 repositories; families inference 28, sharded 6, lora 3, qlora 2,
full 1; outcomes 40 fit and no oom (no page of this set reports a failure); 23 records with a figure and 17 fits on a
named card without one.

Pages: TigerBot's README (its memory table for the 7B/13B/180B chat models at 16, 8 and 4 bits, and which cards its
training, inference and QLoRA commands ran on); CodeGeeX's README (13B fp16 in 27GB, int8 in 15GB, one V100 or
A100); ColossalAI-Pytorch-lightning's GPT-2 XL benchmark (max CUDA memory allocated under DDP, DeepSpeed ZeRO-3 and
ColossalAI Gemini on 4 A100 40G); GPTQ-triton's README (LLaMA 7B/13B/30B memory at fp16 and GPTQ 4-bit during a
2048-token perplexity pass); taishan1994/Llama3.1-Finetuning's README (QLoRA of Llama-3-8B on one RTX 4090);
AirLLM's README (70B fp16 layer-streamed on a 4GB card, 405B 4-bit on 8GB); Alexey Ermolaev's vLLM-on-4090 post
(Llama-3.1-8B fp16/AWQ/GPTQ under vLLM and NF4 under transformers, card-level readings); Baize's README (LoRA over
an 8-bit LLaMA 7B/13B/30B on one A100-80G, settings from its finetune.py); NLPDL-Assignment3's GPT-2 generation
peaks with and without a KV cache (max_memory_allocated). Each record's notes say what its page leaves unsaid and
what the writer wrote in (a sequence length or a card size) where the page gives none.

Every figure is typed from its page; each record keeps the page's URL pinned to a commit of the file, the row it comes
from and what the page says about how memory was read. Model shapes are each model's config.json values as known to
the writer (no network here to reopen them); the parameter count is computed from them unless the page prints it.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout13.py
"""
import json

from measured_shapes import llama_params, shape  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout13.json"
GB = 10 ** 9
MIB = 2 ** 20
KNOWN = "config.json values as known to the writer, not reopened this session"


def llama(name, layers, hidden, heads, kv, ffn, vocab, tied=False, extra="", params=None):
    """A Llama-type shape (gated MLP, RMSNorm, rotary); params computed unless the page prints a total."""
    p = params or llama_params(layers, hidden, heads, kv, ffn, vocab, tied)
    return shape(p, layers, hidden, heads, kv, ffn, vocab, tied,
                 "%s: %d layers, hidden %d, %d heads, %d KV heads, intermediate %d, vocab %d, %s; params %s "
                 "(%.2e)%s" % (name, layers, hidden, heads, kv, ffn, vocab, "tied" if tied else "untied",
                               "as published" if params else "computed", p, extra), mlp="gated")


def bloom(name, layers, hidden, heads, vocab):
    """A BLOOM shape: plain GELU MLP of 4x hidden, LayerNorms, ALiBi (no position table), tied output, biases."""
    ffn = 4 * hidden
    p = layers * (4 * hidden * hidden + 4 * hidden + 2 * hidden * ffn + ffn + hidden + 4 * hidden) \
        + vocab * hidden + 4 * hidden
    return shape(p, layers, hidden, heads, heads, ffn, vocab, True,
                 "%s: %d layers, hidden %d, %d heads, intermediate %d, vocab %d, ALiBi, tied; params computed "
                 "(%.2e)" % (name, layers, hidden, heads, ffn, vocab, p), mlp="plain")


def gpt(name, layers, hidden, heads, ffn, vocab, positions, tied=True, params=None, extra=""):
    """A GPT-type shape (plain GELU MLP, LayerNorms, learned positions, biases)."""
    p = params or (layers * (4 * hidden * hidden + 4 * hidden + 2 * hidden * ffn + ffn + hidden + 4 * hidden)
                   + vocab * hidden + positions * hidden + 2 * hidden + (0 if tied else vocab * hidden))
    return shape(p, layers, hidden, heads, heads, ffn, vocab, tied,
                 "%s: %d layers, hidden %d, %d heads, intermediate %d, vocab %d, %d learned positions, %s; params "
                 "%s (%.2e)%s" % (name, layers, hidden, heads, ffn, vocab, positions, "tied" if tied else "untied",
                                  "as published" if params else "computed", p, extra), mlp="plain")


A = {
    # TigerBot's v3 7B and 13B (Aug 2023) continue Llama-2 with the vocabulary widened to about 60K (the README: 60K)
    "tigerbot-7b": llama("TigerResearch/tigerbot-7b-chat (%s; Llama-2-7B widened to 60512 tokens)" % KNOWN,
                         32, 4096, 32, 32, 11008, 60512),
    "tigerbot-13b": llama("TigerResearch/tigerbot-13b-chat (%s; Llama-2-13B widened to 60512 tokens)" % KNOWN,
                          40, 5120, 40, 40, 13824, 60512),
    # the README's acknowledgements: TigerBot is trained on the BLOOM architecture; the 180B is BLOOM-176B's shape
    "tigerbot-180b": bloom("TigerResearch/tigerbot-180b-research (%s; BLOOM-176B's shape, vocab assumed BLOOM's)"
                           % KNOWN, 70, 14336, 112, 250880),
    # the README: 40 layers, hidden 5120, feed-forward 20480, GPT-2 tokenizer plus whitespace tokens = 50,400
    "codegeex-13b": gpt("THUDM/CodeGeeX 13B (the README's Architecture paragraph; 40 heads as known to the writer)",
                        40, 5120, 40, 20480, 50400, 2048, tied=False, params=13 * 10 ** 9,
                        extra="; the README's '13 billion parameters'"),
    "gpt2": gpt("gpt2 (%s)" % KNOWN, 12, 768, 12, 3072, 50257, 1024),
    "gpt2-xl": gpt("gpt2-xl (%s)" % KNOWN, 48, 1600, 25, 6400, 50257, 1024),
    "llama-7b": llama("LLaMA-7B (%s)" % KNOWN, 32, 4096, 32, 32, 11008, 32000),
    "llama-13b": llama("LLaMA-13B (%s)" % KNOWN, 40, 5120, 40, 40, 13824, 32000),
    "llama-30b": llama("LLaMA-30B (%s)" % KNOWN, 60, 6656, 52, 52, 17920, 32000),
    "llama3-8b": llama("meta-llama/Meta-Llama-3-8B-Instruct (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256),
    "llama3.1-8b": llama("meta-llama/Meta-Llama-3.1-8B-Instruct (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256),
    "llama3-70b": llama("meta-llama/Meta-Llama-3-70B (%s)" % KNOWN, 80, 8192, 64, 8, 28672, 128256),
    "llama2-70b": llama("garage-bAInd/Platypus2-70B-instruct (%s; Llama-2-70B's shape)" % KNOWN,
                        80, 8192, 64, 8, 28672, 32000),
    "llama3.1-405b": llama("meta-llama/Meta-Llama-3.1-405B-Instruct (%s)" % KNOWN, 126, 16384, 128, 8, 53248,
                           128256),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    k["split"] = "heldout13"
    out.append(k)


INFER = dict(family="inference", method="inference", optimizer="none (inference)", checkpointing="none",
             grad_accum=1, loss="none (inference)", outcome="fit")

# ---- TigerResearch/TigerBot README ----
# 模型下载: one table per size, "| model | Bits | memory(GB) |"; no word on how memory was read or at what length.
# The 8-bit 13B and the 4-bit 7B/180B are GPTQ checkpoints (the README's 量化 section: GPTQ-for-LLaMa, groupsize 128).
# The base rows repeat the chat rows' figure for the same shape; they are the table's own rows and are kept.
TB = "https://github.com/TigerResearch/TigerBot/blob/006c7db705f4994e06681c154e5d6d983710fea3/README.md"
TB_KEY = "tigerbot-readme"
TB_TABLE = [
    ("tigerbot-13b", "tigerbot-13b-chat", 16, "24.8"),
    ("tigerbot-13b", "tigerbot-13b-base", 16, "24.8"),
    ("tigerbot-13b", "tigerbot-13b-chat-8bit", 8, "16"),
    ("tigerbot-7b", "tigerbot-7b-chat (chat model)", 16, "17.2"),
    ("tigerbot-7b", "tigerbot-7b-base (pretrained model)", 16, "17.2"),
    ("tigerbot-7b", "tigerbot-7b-chat-4bit (quant model)", 4, "8.5"),
]
for model, row, bits, fig in TB_TABLE:
    rec(id="tigerbot-readme-%s-memory" % row.split(" ")[0], source=TB, source_key=TB_KEY, model=model,
        quant="none (fp16 weights)" if bits == 16 else "gptq %d-bit (GPTQ-for-LLaMa checkpoint%s)"
        % (bits, ", groupsize 128" if bits == 4 else ""),
        seq=2048, batch=1, precision="fp16", attention="not stated (eager in the HF code of the time)", gpus=1,
        sharding="none", gpu="", card_as_published="not named in the table", measured_bytes=int(float(fig) * GB),
        measured_as="| %s | %d | %s |" % (row, bits, fig), measured_how="reading not said (memory(GB), read as 10^9)",
        table="模型下载 (Tigerbot-%s)" % model.split("-")[1].upper(),
        notes="the table gives neither prompt length nor how memory was read; seq 2048 (the models' context of the "
              "time) is written in as a ceiling, batch 1 as infer.py chats one turn at a time", **INFER)
SAID_180B = {5: "tigerbot-180b-sft 推理可在 5 张 A100(80G)上进行",
             2: "推理可在两张 A100(80G)上进行"}
for row, bits, fig, gpus in (("tigerbot-180b-sft (chat model)", 16, "347.6", 5),
                             ("tigerbot-180b-sft-4bit-128g (quant model)", 4, "108.5", 2)):
    rec(id="tigerbot-readme-tigerbot-180b-%dbit-%dxa100-80gb" % (bits, gpus), source=TB, source_key=TB_KEY,
        model="tigerbot-180b",
        quant="none (fp16 weights)" if bits == 16 else "gptq 4-bit (groupsize 128, the README's tigerbot_infer.py)",
        seq=2048, batch=1, precision="fp16", attention="not stated", gpus=gpus,
        sharding="none (layers spread over the cards by the inference script, no ZeRO)", gpu="A100 80GB",
        card_as_published="5 张 A100(80G)" if gpus == 5 else "两张 A100(80G)", measured_bytes=None,
        measured_as="| %s | %d | %s | ; '%s'" % (row, bits, fig, SAID_180B[gpus]),
        measured_how="outcome (the README says it ran on these cards; the table's %s GB is a total over them, "
                     "so no per-card figure is kept)" % fig,
        table="模型下载 (Tigerbot-180B-Research) and 多卡推理 / 量化模型多卡推理",
        notes="a fit on %d cards; the %s GB of the memory table is the whole model's, split over the cards"
              % (gpus, fig), **INFER)
for name, q, said in (("tigerbot-7b-sft", "none (fp16 weights)",
                       "`tigerbot-7b-sft` 推理可在 1 张 RTX3090 上进行"),
                      ("tigerbot-7b-sft-4bit-128g", "gptq 4-bit (groupsize 128)",
                       "`tigerbot-7b-sft-4bit-128g` 推理可在一张 RTX3090 上进行")):
    rec(id="tigerbot-readme-%s-1xrtx3090" % name, source=TB, source_key=TB_KEY, model="tigerbot-7b", quant=q,
        seq=2048, batch=1, precision="fp16", attention="not stated", gpus=1, sharding="none", gpu="RTX 3090 24GB",
        card_as_published="RTX3090", measured_bytes=None, measured_as="'%s'" % said,
        measured_how="outcome (the README says it runs on one such card; no reading)",
        table="单卡推理" if "4bit" not in name else "量化模型单卡推理",
        notes="infer.py chat on one card; the model named is the 7B sft of the time (a Llama-2-7B shape is used, "
              "as the README's download table links the same name)", **INFER)
# training: TB_TRAIN (below), said once under 预训练 (train_clm.py) and once under 微调 (train_sft.py);
# both commands run on 4 GPUs (localhost:0,1,2,3) with
# ds_config_zero3.json, bf16, micro batch 2.
TB_TRAIN = "启动`tigerbot-7b`训练至少需要 1 x A100 (40GB), 启动`tigerbot-180b`至少需要 16 x A100 (40GB)"
for model, gpus, job in (("tigerbot-7b", 4, "sft"), ("tigerbot-180b", 16, "sft"), ("tigerbot-7b", 4, "clm"),
                         ("tigerbot-180b", 16, "clm")):
    rec(id="tigerbot-readme-%s-%s-zero3-%dxa100-40gb" % (model, job, gpus), source=TB, source_key=TB_KEY,
        family="sharded", method="full", model=model, quant="none (bf16)", seq=2048, batch=2, grad_accum=1,
        precision="bf16 (--bf16 True, tf32 on)", optimizer="not stated (the HF Trainer's AdamW)",
        checkpointing="not stated", attention="not stated", loss="not stated (cross-entropy)",
        gpus=gpus, sharding="zero3 (DeepSpeed ZeRO-3, ds_config_zero3.json, over %d GPUs; offload not shown)" % gpus,
        gpu="A100 40GB", card_as_published="%d x A100 (40GB)" % (1 if gpus == 4 else 16), outcome="fit",
        measured_bytes=None,
        measured_as="'%s'" % TB_TRAIN,
        measured_how="outcome (the README's minimum cards for training; no reading)",
        table="微调 / 启动训练 (train_sft.py)" if job == "sft" else "预训练 / 启动训练 (train_clm.py)",
        notes=("continued pre-training on raw text (train_clm.py); " if job == "clm" else "") + (
              "the 7B's minimum is one card but its command spreads it over four with ZeRO-3, so four ranks are "
              "written in; seq is the model's 2048 context (train_sft.py's length is not shown); batch 2 per device"
        if gpus == 4 else "16 cards is the README's minimum for the 180B; the same ZeRO-3 command and micro batch 2; "
                          "seq 2048 written in, not shown"))
# 6/27 news: "在单张 3090 上使用 qlora 微调 tigerbot-7b-sft" (train/train_with_qlora.py)
rec(id="tigerbot-readme-tigerbot-7b-sft-qlora-1xrtx3090", source=TB, source_key=TB_KEY, family="qlora",
    method="qlora", model="tigerbot-7b", lora_rank=0, lora_targets="not stated",
    quant="nf4 (bitsandbytes 4-bit, QLoRA)", seq=512, batch=1, grad_accum=1, precision="not stated (fp16 or bf16)",
    optimizer="not stated (QLoRA's paged AdamW by default)", checkpointing="not stated (QLoRA turns it on)",
    attention="not stated", loss="not stated (cross-entropy)", gpus=1, sharding="none", gpu="RTX 3090 24GB",
    card_as_published="单张 3090", outcome="fit", measured_bytes=None,
    measured_as="'PEFT TigerBot with QLoRA: 在单张 3090 上使用 qlora 微调 tigerbot-7b-sft'",
    measured_how="outcome (the README says it was fine-tuned on one such card; no reading)",
    table="最新发布 [6/27/2023]",
    notes="the news item gives no length, batch or rank; seq 512 and batch 1 are written in as a small run, so the "
          "record only checks that such a run fits; the 7B sft of June 2023 was BLOOM-based, the Llama-2 shape is "
          "the nearer of the writer's known shapes in size")

# ---- THUDM/CodeGeeX README ----
CG = "https://github.com/THUDM/CodeGeeX/blob/e64e88e40a73358bb4ad60ef24114355e7141880/README.md"
rec(id="codegeex-readme-13b-fp16-single-gpu-27gb", source=CG, source_key="codegeex-readme", model="codegeex-13b",
    quant="none (fp16 weights, LayerNorm and softmax in fp32)", seq=2048, batch=1, precision="fp16",
    attention="eager (Megatron-style)", gpus=1, sharding="none", gpu="V100 32GB",
    card_as_published="a single ... NVIDIA V100 or A100", measured_bytes=27 * GB,
    measured_as="'# On a single GPU (with more than 27GB RAM)'; 'The entire model consumes about 27GB of memory.'",
    measured_how="reading not said (about 27GB, read as 10^9)", table="Inference on GPUs; Training paragraph",
    notes="seq 2048 is the model's maximum, written in as a ceiling for the test prompt; the V100 is the smaller "
          "of the two cards the README names", **INFER)
rec(id="codegeex-readme-13b-int8-single-gpu-15gb", source=CG, source_key="codegeex-readme", model="codegeex-13b",
    quant="int8 weight-only (CodeGeeX's quantization scripts)", seq=2048, batch=1, precision="fp16 compute",
    attention="eager (Megatron-style)", gpus=1, sharding="none", gpu="", card_as_published="not named",
    measured_bytes=15 * GB,
    measured_as="'quantization (requires less GPU RAM: 27GB -> 15GB)'; '# With quantization (with more than 15GB RAM)'",
    measured_how="reading not said (15GB, read as 10^9)", table="News 2022-12-04; Inference on GPUs",
    notes="test_inference_quantized.sh; seq 2048 written in as a ceiling", **INFER)

# ---- hpcaitech/ColossalAI-Pytorch-lightning benchmark/gpt/README.md ----
# "We collected results using GPT2-XL (~1.6B) that fit training with DDP (AMP). All experiments are run on 4x A100
# (40G)." | Strategy | Global batch size | Global throughput | Max CUDA memory allocated (MB) |
CP = ("https://github.com/hpcaitech/ColossalAI-Pytorch-lightning/blob/211e8be6bc15100ed054d4e594e1293262456d39/"
      "benchmark/gpt/README.md")
for strat, gbs, fig, fam, shard in (
        ("ddp (AMP)", 24, "37905.422", "full", "none (DDP: each of the 4 ranks holds the whole model and Adam)"),
        ("deepspeed (zero3)", 160, "25360.968", "sharded", "zero3 (DeepSpeed ZeRO-3 over 4 GPUs, no offload)"),
        ("colssalai (cuda)", 160, "24003.394", "sharded",
         "zero3-like (ColossalAI Gemini, placement policy cuda: parameters, gradients and Adam state sharded over "
         "4 GPUs)")):
    rec(id="colossalai-pl-gpt2-xl-%s-4xa100-40gb" % strat.split(" ")[0], source=CP,
        source_key="colossalai-pl-gpt-bench",
        family=fam, method="full", model="gpt2-xl", quant="none", seq=1024, batch=gbs // 4, grad_accum=1,
        precision="fp16 mixed (AMP)" if fam == "full" else "fp16 mixed (the strategy's fp16)",
        optimizer="adam (HybridAdam/FusedAdam per strategy; not stated which)",
        # corrected in session 22 (budget24) from the benchmark's own code at the README's commit: train.py builds
        # GPTLitModule(checkpoint=not args.no_activation_ckpt), the README's commands do not pass that flag, and
        # model.py then calls gradient_checkpointing_enable(); --seq_len defaults to 1024
        checkpointing="full (train.py's default: checkpoint=not args.no_activation_ckpt; the README's commands "
                      "leave it on)",
        attention="eager (HF GPT-2)", loss="not stated (causal LM cross-entropy)", gpus=4, sharding=shard,
        gpu="A100 40GB", card_as_published="4x A100 (40G)", outcome="fit", measured_bytes=int(float(fig) * MIB),
        measured_as="| %s | %d | ... | %s |" % (strat, gbs, fig),
        measured_how="max_memory_allocated (the column: 'Max CUDA memory allocated (MB)'; MB read as 2^20)",
        table="Small model comparison",
        notes="batch is the global batch over 4 ranks (%d / 4); seq 1024 is GPT-2's context, the benchmark's "
              "sequence length is not printed" % gbs)

# ---- fpgaminer/GPTQ-triton README ----
# "The following results were obtained using the ppl.py script with a stride of 512 and a context length of 2048 ...
# it/s numbers are from a 3090." A perplexity pass: forward only, one 2048-token window at a time, no KV cache kept.
GT = "https://github.com/fpgaminer/GPTQ-triton/blob/28adc8332e2ce2c7c03b85a9900ea47b3093ffb0/README.md"
for model, row, bits, fig, its in (
        ("llama-7b", "FP16", 16, 17373, "1.64"), ("llama-7b", "GPTQ CUDA", 4, 8805, "0.11"),
        ("llama-7b", "GPTQ Triton", 4, 8099, "1.63"), ("llama-13b", "FP16", 16, 31633, "-"),
        ("llama-13b", "GPTQ Triton", 4, 13241, "0.89"), ("llama-30b", "FP16", 16, 72491, "-")):
    on3090 = its != "-"
    rec(id="gptq-triton-readme-%s-%s" % (model, row.lower().replace(" ", "-")), source=GT,
        source_key="gptq-triton-readme", model=model,
        quant="none (fp16 weights)" if bits == 16 else "gptq 4-bit, groupsize -1 (%s kernel)" % row.split(" ")[1],
        seq=2048, batch=1, precision="fp16", attention="eager (HF LLaMA of March 2023)", gpus=1, sharding="none",
        gpu="RTX 3090 24GB" if on3090 else "", card_as_published="a 3090 (the it/s note)" if on3090 else
        "not named (no it/s for this row, and the figure exceeds a 3090)", measured_bytes=fig * MIB,
        measured_as="| %s | %d | %s | %d | %s |" % (row, bits, "-" if bits == 16 else "-1", fig, its),
        measured_how="reading not said (memory(MiB) from ppl.py)", table="Accuracy (PPL), LLaMA-%s"
        % model.split("-")[1].upper(),
        notes="a perplexity pass (forward only, 2048-token windows, stride 512), not generation: no KV cache grows; "
              "%s" % ("the 3090 ran it (it/s given)" if on3090 else "the card is not named"), **INFER)

# ---- taishan1994/Llama3.1-Finetuning README: QLoRA of Llama-3-8B-Instruct on one RTX 4090 ----
TS = "https://github.com/taishan1994/Llama3.1-Finetuning/blob/4331f8fd4df4894f7b29f6a21e6aaac1cd643a75/README.md"
rec(id="taishan1994-llama3-finetuning-llama3-8b-qlora-1xrtx4090", source=TS, source_key="taishan1994-llama3-readme",
    family="qlora", method="qlora", model="llama3-8b", lora_rank=0, lora_targets="not stated (the script's default)",
    quant="nf4 (--load_in_4bit --q_lora)", seq=4096, batch=1, grad_accum=16, precision="bf16 (--bf16 True)",
    optimizer="not stated (the HF Trainer's AdamW)", checkpointing="full (--gradient_checkpointing True)",
    attention="not stated", loss="not stated (cross-entropy)", gpus=1,
    sharding="none (ds_config_zero2.json on one card)", gpu="RTX 4090 24GB", card_as_published="单张4090",
    outcome="fit", measured_bytes=None, measured_as="'使用qlora在单张4090上即可完成训练。'",
    measured_how="outcome (the README says QLoRA trains on one such card; no reading)", table="qlora微调",
    notes="the command shown runs 7 ranks, the sentence says one 4090 suffices: one rank is written in; "
          "model_max_length 4096 is a ceiling (Belle samples are mostly shorter), batch 1, accumulation 16")

# ---- THUDM/CodeGeeX README, second card: "It supports inference in a single Ascend 910, NVIDIA V100 or A100." ----
rec(id="codegeex-readme-13b-fp16-1xa100", source=CG, source_key="codegeex-readme", model="codegeex-13b",
    quant="none (fp16 weights, LayerNorm and softmax in fp32)", seq=2048, batch=1, precision="fp16",
    attention="eager (Megatron-style)", gpus=1, sharding="none", gpu="A100 40GB",
    card_as_published="a single ... NVIDIA V100 or A100", measured_bytes=None,
    measured_as="'It supports inference in a single Ascend 910, NVIDIA V100 or A100.'",
    measured_how="outcome (the README names the cards it runs on; no reading)", table="Open-Source and Cross-Platform",
    notes="the A100's size is not said; the 40GB card, the smaller, is written in", **INFER)

# ---- project-baize/baize-chatbot README: LoRA over an 8-bit LLaMA on one A100-80G ----
# "The fine-tuning code is designed to run on an A100-80G GPU." finetune.py (read at 088db6c): MICRO_BATCH_SIZE is
# the command's second argument, BATCH_SIZE 64 (accumulation 64 / micro), CUTOFF_LEN 512 with padding="max_length"
# (every row is 512 tokens), LoRA r 8, alpha 16, dropout 0.05 on q,k,v,down,gate,up; LLaMA loaded with
# load_in_8bit and prepare_model_for_int8_training; fp16 Trainer; torch.compile on torch 2.
BZ = "https://github.com/project-baize/baize-chatbot/blob/05e07d898f698318340bd33cd2cf97a667dcaea9/README.md"
for model, micro, hours in (("llama-7b", 32, 9), ("llama-13b", 16, 16), ("llama-30b", 8, 36)):
    rec(id="baize-readme-%s-lora-r8-int8-micro%d-1xa100-80gb" % (model, micro), source=BZ,
        source_key="baize-readme", family="lora", method="lora", model=model, lora_rank=8,
        lora_targets="q_proj,k_proj,v_proj,down_proj,gate_proj,up_proj", lora_dropout=0.05,
        quant="int8 (bitsandbytes LLM.int8 base, load_in_8bit)",
        kbit="peft-fp32 (prepare_model_for_int8_training: the non-int8 parameters cast to fp32)", seq=512,
        batch=micro, grad_accum=64 // micro, precision="fp16 mixed (Trainer fp16)", optimizer="adamw (HF Trainer)",
        checkpointing="full (prepare_model_for_int8_training turns it on)", attention="eager",
        gpus=1, sharding="none", gpu="A100 80GB", card_as_published="an A100-80G GPU",
        loss="not stated (cross-entropy)", outcome="fit", measured_bytes=None,
        measured_as="'The fine-tuning code is designed to run on an A100-80G GPU.' ... 'python finetune.py %s %d ...' "
                    "(takes about %d hours)" % (model.split("-")[1], micro, hours),
        measured_how="outcome (the README's command for this size on that card, with its run time; no reading)",
        table="Training",
        notes="micro batch %d as the README passes it; rows padded to exactly 512 tokens; the LoRA settings are "
              "finetune.py's constants" % micro)

# ---- lyogavin/airllm README: layer-by-layer inference on small cards ----
# The quick start: MAX_LENGTH 128 prompt, max_new_tokens 20, use_cache; AirLLM loads one decoder layer at a time from
# disk, so the card holds a layer, the KV cache and the activations, never the whole model.
AL = "https://github.com/lyogavin/airllm/blob/90d7eb6b2d8ef09de6da4e62e7bcfe6f30f118dc/README.md"
for model, q, gpu, said in (
        ("llama2-70b", "none (fp16 weights streamed a layer at a time)", "4GB card (model not named)",
         "allowing 70B large language models to run inference on a single 4GB GPU card without quantization"),
        ("llama3-70b", "none (fp16 weights streamed a layer at a time)", "4GB card (model not named)",
         "[2024/04/20] AirLLM supports Llama3 natively already. Run Llama3 70B on 4GB single GPU."),
        ("llama3.1-405b", "nf4 (the bnb-4bit checkpoint of the 405B example notebook, streamed a layer at a time)",
         "8GB card (model not named)", "And you can run **405B Llama3.1** on **8GB vram** now.")):
    rec(id="airllm-readme-%s-layerwise-%s" % (model, gpu.split(" ")[0].lower()), source=AL, source_key="airllm-readme",
        model=model, quant=q, seq=148, batch=1, precision="fp16", attention="not stated (eager)", gpus=1,
        sharding="none (layer-wise loading from disk: only one layer resident)", gpu=gpu,
        card_as_published=gpu.split(" (")[0], measured_bytes=None, measured_as="'%s'" % said,
        measured_how="outcome (the README says it runs on such a card; no reading)", table="README head / Updates",
        notes="not a resident-weights run: AirLLM keeps one layer on the card at a time, so the whole-model weights "
              "never fit and are not meant to; seq 148 = the quick start's 128-token prompt plus 20 new tokens",
        **INFER)

# ---- ermolushka.github.io, "Memory Optimization Deep Dive: Running 8B Models on a Single 4090 using vLLM" ----
# RTX 4090 24GB; vLLM 0.10.1.1 with gpu_memory_utilization 0.9, max_model_len 4096, enforce_eager, tensor_parallel 1
# for fp16/AWQ/GPTQ; the BitsAndBytes run is plain transformers (NF4, double quant, fp16 compute). Seven prompts,
# 256 new tokens each. "GPU Memory Used" and "Free VRAM" add up to the card: a card-level (nvidia-smi-like) reading.
EM = ("https://github.com/ermolushka/ermolushka.github.io/blob/1ae7b1164c626ac1b53826146527e03881762b22/"
      "src/content/blog/vllm-benchmark-4090.md")
for col, fig, q, engine in (
        ("FP16 Baseline", 22631, "none (fp16)", "vLLM 0.10.1.1"),
        ("BitsAndBytes 4-bit", 7711, "nf4 (bitsandbytes 4-bit, double quant, fp16 compute)",
         "transformers 4.56.1 (no serving engine)"),
        ("AWQ", 22686, "awq 4-bit (pre-quantized checkpoint)", "vLLM 0.10.1.1"),
        ("GPTQ", 22689, "gptq 4-bit (pre-quantized checkpoint)", "vLLM 0.10.1.1")):
    vllm = engine.startswith("vLLM")
    extra = dict(serving_engine=engine, gpu_memory_utilization=0.9) if vllm else dict(serving_engine=engine)
    rec(id="ermolushka-vllm-4090-llama3.1-8b-%s" % col.split(" ")[0].lower(), source=EM,
        source_key="ermolushka-vllm-benchmark-4090", model="llama3.1-8b", quant=q, seq=4096 if vllm else 512,
        batch=1, precision="fp16", attention="not stated (vLLM's default backend)" if vllm else "not stated (sdpa)",
        gpus=1, sharding="none", gpu="RTX 4090 24GB", card_as_published="NVIDIA RTX 4090 (24GB VRAM)",
        measured_bytes=fig * 10 ** 6, measured_as="| GPU Memory Used | ... %s: %sMB |" % (col, format(fig, ",")),
        measured_how="reading not said beyond 'GPU Memory Used' with 'Free VRAM' beside it (a card-level, "
                     "nvidia-smi-like reading; MB read as 10^6)", table="Appendix: Complete Benchmark Results",
        notes=("vLLM preallocates gpu_memory_utilization 0.9 of the card for weights plus KV cache, so the figure is "
               "the reservation, not the model's need; max_model_len 4096" if vllm else
               "plain transformers generate, 7 prompts x 256 new tokens, one at a time; seq 512 is written in as "
               "prompt plus output"), **INFER, **extra)

# ---- huolanmiao/NLPDL-Assignment3, Task 1.1 result.md: GPT-2 (124M) generation on one GPU ----
# gpt2_inference_efficiency.py (same commit): gpt2 in fp32 on cuda, a 10-token prompt, generate to exactly 1000
# tokens (min_length = max_length = 1000), batch 1. Only the naive and KV-cache modes report a peak: the KV-cache
# mode prints torch.cuda.max_memory_allocated() less the memory before loading, the naive mode max_memory_allocated()
# less the model's size in MB taken as bytes (a slip that leaves the peak all but whole). The fp16/int8/fp4 modes
# print memory_allocated() after generation, a resident figure rather than a peak, and are left out.
NL = ("https://github.com/huolanmiao/NLPDL-Assignment3/blob/7411b8fcbaef11d673ce1b155894cadf64e48c7c/"
      "Task1_LLM_inference_acceleration/1.1_Experiments_KVcache_Quantization/result.md")
for mode, fig, line in (("naive", "1072.46", "Inference time GPU Memory Usage (Naïve): 1072.46 MB"),
                        ("kv-cache", "638.07", "GPU Memory Usage (KV-cache): 638.07 MB")):
    rec(id="nlpdl-assignment3-gpt2-fp32-generate-1000-%s" % mode, source=NL, source_key="nlpdl-assignment3-task1",
        model="gpt2", quant="none (fp32 weights)", seq=1000, batch=1, precision="fp32",
        attention="eager (HF GPT-2)", gpus=1, sharding="none", gpu="", card_as_published="not named",
        measured_bytes=int(float(fig) * MIB), measured_as="'%s'" % line.replace("ï", "i"),
        measured_how="max_memory_allocated (the script's peak less what was allocated before; MB read as 2^20)",
        table="result.md, %s mode" % mode,
        notes=("use_cache=False: every step recomputes attention over the whole prefix, so there is no KV cache but "
               "a full-length forward at the last step" if mode == "naive" else
               "use_cache=True: the KV cache grows to 1000 positions") + "; the card is not named", **INFER)

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records")
