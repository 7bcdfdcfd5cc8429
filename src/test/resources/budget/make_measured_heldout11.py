"""Eleventh held-out split (session 19, issue 14): published measured peaks and fit outcomes from model READMEs no
earlier measured set cites.

Made blind: written by a helper who never read the engine (src/main), never ran BudgetBench on these records except
one parse check with its output discarded, and never looked at a score or at bench/results.md. Nothing here was
tuned on, and nothing may be.

How the pages were chosen: a page was dropped when its repository, or a repository of the same short name, is cited
anywhere under src/test/resources or bench/ (/tmp/h19/repos.txt), when the page or thread is cited
(/tmp/h19/threads.txt, /tmp/h19/urls.txt), when an earlier measured_*.json cites it, or when a parallel blind writer
holds it. Most big trackers (vLLM, DeepSpeed, LlamaFactory, FastChat, the Qwen, Baichuan, Yi and InternLM READMEs) are
cited already, so this set goes to the READMEs of model families earlier sets did not take: TeleChat, CodeGeeX2,
XVERSE, Aquila2, Fengshenbang's Ziya, CogAgent, LOMO, Skywork and BayLing, and to five fine-tuning tutorials of
datawhalechina/self-llm. A page was kept only where it prints a GPU memory figure for a setup it states, or says that
a named setup ran on a named card.

Counts: 47 records from 16 pages (source keys); families inference 27, sharded 8, lora 7, qlora 3, full 2; outcomes
all fit (none of these pages reports an out-of-memory run), 39 with a figure and 8 fits on a named card without one.

Pages (16, each its own source_key): TeleChat's README (the LoRA and full fine-tunes' longest training length on V100
and A100 cards, ZeRO-3 with and without offload); CodeGeeX2's README (FP16/INT8/INT4 inference of CodeGeeX2-6B and
CodeGeeX-13B); XVERSE-13B's and XVERSE-7B's READMEs (BF16/INT8/INT4 inference); Aquila2's README (7B full SFT, LoRA,
Q-LoRA and 34B Q-LoRA on A100-80G); Fengshenbang's Ziya inference page (Ziya-LLaMA-13B fp16 over two and four 3090s,
bitsandbytes int8 and llama.cpp quantizations on one 3090) and its Ziya full fine-tune page (ZeRO-2 over 8 A100 80GB);
CogAgent's README (BF16/INT8/INT4 inference, SFT over 8 A100s, LoRA on one); LOMO's README (full fine-tune of a 7B on
one RTX 3090, of a 65B on eight); Skywork's README (bf16 and 8-bit inference of Skywork-13B); BayLing's README (8-bit
chat of BayLing-7B and -13B); self-llm's MiniCPM-2B LoRA and full (ZeRO-2 offload) page, Phi-4 LoRA page,
CharacterGLM-6B LoRA page, Qwen3-1.7B full fine-tune page and DeepSeek-7B-chat QLoRA page.
Left out: torchtune's tables (the external check of issue 14); figures that are minimums for hardware not measured on
it (Yuan 2.0's table); XuanYuan-70B's table (its figures halve exactly with the bit width: model size, not a reading);
CoLLiE's memory chart (an image); AirLLM's layer-streaming readings (no record field for streaming layers from disk);
TigerBot's "at least 1 x A100" (the command beside it runs on four cards); CodeGeeX (v1)'s README (its 27GB/15GB are
the same rows as CodeGeeX2's table, which is kept).

Every figure is typed from its page; each record keeps the page's URL pinned to the commit read, the row it comes
from and what the page says about how memory was read (mostly nothing: 'reading not said'). Model shapes are the
values of each model's config.json as known to the writer (no network here to reopen them), or the README's own
architecture table where it has one; the parameter count is computed from them (measured_shapes.llama_params).
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout11.py
"""
import json
from urllib.parse import quote

from measured_shapes import llama_params, shape  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout11.json"
GB = 10 ** 9
GIB = 2 ** 30
KNOWN = "config.json values as known to the writer, not reopened this session"


def llama(name, layers, hidden, heads, kv, ffn, vocab, tied=False, extra=""):
    """A Llama-type shape (gated MLP, RMSNorm, rotary)."""
    p = llama_params(layers, hidden, heads, kv, ffn, vocab, tied)
    return shape(p, layers, hidden, heads, kv, ffn, vocab, tied,
                 "%s: %d layers, hidden %d, %d heads, %d KV heads, intermediate %d, vocab %d, %s; params computed "
                 "(%.2e)%s" % (name, layers, hidden, heads, kv, ffn, vocab, "tied" if tied else "untied", p, extra),
                 mlp="gated")


def gpt(name, layers, hidden, heads, ffn, vocab, positions):
    """A GPT-type shape (plain GELU MLP, LayerNorm, learned positions, biases) with a tied output layer."""
    p = layers * (4 * hidden * hidden + 4 * hidden + 2 * hidden * ffn + ffn + hidden + 4 * hidden) \
        + vocab * hidden + positions * hidden + 2 * hidden
    return shape(p, layers, hidden, heads, heads, ffn, vocab, True,
                 "%s: %d layers, hidden %d, %d heads, intermediate %d, vocab %d, %d learned positions, tied; params "
                 "computed (%.2e)" % (name, layers, hidden, heads, ffn, vocab, positions, p), mlp="plain")


A = {
    "telechat-7b": llama("Tele-AI/telechat-7B (the README's architecture table: 30 layers, hidden 4096, ffn 12288, 32 "
                         "heads; tie_word_embeddings yes in the later README; vocab 160256 from the README's "
                         "tokenizer section)", 30, 4096, 32, 32, 12288, 160256, tied=True,
                         extra="; multi-head attention assumed (no KV-head count printed)"),
    "codegeex2-6b": llama("THUDM/codegeex2-6b (a ChatGLM2-6B shape; %s)" % KNOWN, 28, 4096, 32, 2, 13696, 65024,
                          extra="; multi_query_group_num 2, padded_vocab_size 65024; qkv biases left out"),
    "codegeex-13b": gpt("CodeGeeX-13B (its README: 39 layers plus a top query layer, counted as 40; %s)" % KNOWN,
                        40, 5120, 40, 20480, 52224, 2048),
    "xverse-13b-chat": llama("xverse/XVERSE-13B-Chat (%s; vocab 100534 as the Chinese README prints it)" % KNOWN,
                             40, 5120, 40, 40, 13824, 100534),
    "xverse-7b-chat": llama("xverse/XVERSE-7B-Chat (%s; vocab 100534 as its README prints it)" % KNOWN,
                            32, 4096, 32, 32, 11008, 100534),
    "aquilachat2-7b": llama("BAAI/AquilaChat2-7B (%s)" % KNOWN, 32, 4096, 32, 32, 11008, 100008),
    "aquilachat2-34b": llama("BAAI/AquilaChat2-34B (%s)" % KNOWN, 60, 6144, 48, 8, 24576, 100008),
    "ziya-llama-13b": llama("IDEA-CCNL/Ziya-LLaMA-13B (a LLaMA-13B shape with a vocabulary grown to 39424; %s)" % KNOWN,
                            40, 5120, 40, 40, 13824, 39424),
    "cogagent-9b": llama("THUDM/cogagent-9b-20241220, its GLM-4-9B language model (a GLM-4V-9B base; %s)" % KNOWN,
                         40, 4096, 32, 2, 13696, 151552,
                         extra="; the EVA2-CLIP vision encoder (about 4.4e9) and adapter are not counted"),
    "llama-7b": llama("huggyllama/llama-7b (%s)" % KNOWN, 32, 4096, 32, 32, 11008, 32000),
    "llama-13b": llama("huggyllama/llama-13b (%s)" % KNOWN, 40, 5120, 40, 40, 13824, 32000),
    "llama-65b": llama("huggyllama/llama-65b (%s)" % KNOWN, 80, 8192, 64, 64, 22016, 32000),
    "minicpm-2b": llama("openbmb/MiniCPM-2B-sft (%s; its muP scalings left aside)" % KNOWN, 40, 2304, 36, 36, 5760,
                        122753, tied=True),
    "phi-4": llama("microsoft/phi-4 (%s)" % KNOWN, 40, 5120, 40, 10, 17920, 100352),
    "characterglm-6b": llama("thu-coai/CharacterGLM-6B (a ChatGLM3-6B shape; %s)" % KNOWN, 28, 4096, 32, 2, 13696,
                             65024, extra="; multi_query_group_num 2; qkv biases left out"),
    "qwen3-1.7b": llama("Qwen/Qwen3-1.7B (%s)" % KNOWN, 28, 2048, 16, 8, 6144, 151936, tied=True),
    "deepseek-llm-7b-chat": llama("deepseek-ai/deepseek-llm-7b-chat (%s)" % KNOWN, 30, 4096, 32, 32, 11008, 102400),
    "skywork-13b": llama("Skywork/Skywork-13B-base (%s; vocab 65519 from memory, not checked)" % KNOWN,
                         52, 4608, 36, 36, 12288, 65519),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    k["split"] = "heldout11"
    out.append(k)


INFER = dict(family="inference", method="inference", optimizer="none (inference)", checkpointing="none",
             grad_accum=1, loss="none (inference)", outcome="fit")

# ---- Tele-AI/Telechat README at 92bb3c9 (Jan 2024): longest training length that ran, per card ----
# Two tables: (1) deepspeed LoRA, fewest V100/A100 cards: 7B on one V100-32G at 5120 tokens (flash-attn off, ZeRO-3,
# offload, gradient checkpointing) and on one A100-40G at 18432 (flash-attn on); (2) full fine-tune on one node of 8
# V100-32G at 5120 and 8 A100-40G at 18432, same settings; (3) full fine-tune on 8 A100-40G at 2048 without offload.
# The README's sample command: per-device batch 1, accumulation 8, --gradient_checkpointing, --zero_stage 3. No memory
# figure: each row is a fit on a named card (the longest length that ran, so a little longer would not).
TC = "https://github.com/Tele-AI/Telechat/blob/92bb3c9fed004a795481e74f08b40261f75dc21d/README.md"
TC_COMMON = dict(source=TC, source_key="telechat-readme", model="telechat-7b", quant="none (fp16 checkpoint)",
                 batch=1, grad_accum=8, precision="not stated (the DeepSpeed-Chat-style main.py; fp16 assumed from "
                 "the fp16 checkpoint, V100 has no bf16)", optimizer="not stated (DeepSpeed's Adam; CPU Adam "
                 "under offload)", checkpointing="full (gradient-checkpointing in the row's settings)",
                 loss="not stated (with_loss_mask cross-entropy)", outcome="fit", measured_bytes=None,
                 measured_how="outcome (the row says this length trained on these cards; no reading printed)")
for card, seq, flash in (("V100 32GB", 5120, False), ("A100 40GB", 18432, True)):
    short = card.split()[0].lower()
    rec(id="telechat-readme-7b-lora-zero3-offload-s%d-1x%s" % (seq, short), family="lora", method="lora",
        lora_rank=8, lora_targets="not stated (the training code's default LoRA modules)", gpus=1,
        sharding="zero3 + offload_optimizer cpu + offload_param cpu (DeepSpeed ZeRO-3 on one card; 'offload')",
        seq=seq, attention="flash-attention 2" if flash else "eager (flash-attn off: V100)", gpu=card,
        card_as_published="%s 单卡" % card.replace(" ", "-").replace("GB", "G"),
        measured_as="| 7B | %s | 单卡 | %d | ... | flash-attn%s，zero-3，offload，gradient-checkpointing |" % (
            card.replace(" ", "-").replace("GB", "G"), seq, "开启" if flash else "关闭"),
        table="模型微调 (1): deepspeed-lora, fewest cards and longest length",
        notes="the LoRA rank is not printed (main.py's --lora_dim has no default: 8 written in, not read); "
              "'offload' is main.py's --offload, which sets both offload_param and offload_optimizer to cpu "
              "(utils/ds_utils.py at the same commit); one sample a step (the README's command), samples packed "
              "to the row's length", **TC_COMMON)
for card, seq, flash in (("V100 32GB", 5120, False), ("A100 40GB", 18432, True)):
    short = card.split()[0].lower()
    rec(id="telechat-readme-7b-full-zero3-offload-s%d-8x%s" % (seq, short), family="sharded", method="full",
        gpus=8, sharding="zero3 + offload_optimizer cpu + offload_param cpu (DeepSpeed ZeRO-3 over 8 GPUs)",
        seq=seq, attention="flash-attention 2" if flash else "eager (flash-attn off: V100)", gpu=card,
        card_as_published="单机8卡%s" % card.replace(" ", "-").replace("GB", "G"),
        measured_as="| 7B | 单机8卡%s | %d | ... | flash-attn%s，zero-3，offload，gradient-checkpointing |" % (
            card.replace(" ", "-").replace("GB", "G"), seq, "开启" if flash else "关闭"),
        table="模型微调 (2): full fine-tune, one node of 8 cards, longest length",
        notes="'offload' is main.py's --offload: parameters and optimizer states to cpu (utils/ds_utils.py); one "
              "sample a step per card, packed to the row's length", **TC_COMMON)
rec(id="telechat-readme-7b-full-zero3-s2048-8xa100-40gb", family="sharded", method="full", gpus=8,
    sharding="zero3 (DeepSpeed ZeRO-3 over 8 GPUs, no offload)", seq=2048, attention="flash-attention 2",
    gpu="A100 40GB", card_as_published="单机8卡A100-40G",
    measured_as="| 7B | 单机8卡A100-40G | 2048 | 8.866 | flash-attn开启，zero-3，gradient-checkpointing |",
    table="模型微调 (3): full fine-tune at 2048 on 8 A100-40G",
    notes="a throughput row: it ran, at 8.866 samples/s; no offload in its settings", **TC_COMMON)

# ---- THUDM/CodeGeeX2 README_EN at 754a208: memory by inference precision ----
# "CodeGeeX2-6B ... only 6GB of GPU memory is required after INT4 quantization", then a table of FP16/BF16, INT8 and
# INT4 for CodeGeeX-13B and CodeGeeX2-6B. The prompt and output lengths of the reading are not given; the demo loads
# the model with from_pretrained(...).to("cuda") (bf16) or .quantize(8/4) (ChatGLM2's own int8/int4 weight-only
# kernels).
CG = "https://github.com/THUDM/CodeGeeX2/blob/754a2082356dec1293826c03d2dc4fcc9e48f160/README_EN.md"
for model, prec, gb, q in (("codegeex2-6b", "bf16", 13.1, "none (bf16 weights)"),
                           ("codegeex2-6b", "int8", 8.2, "int8 (ChatGLM2's weight-only quantize(8))"),
                           ("codegeex2-6b", "int4", 5.5, "int4 weight-only (ChatGLM2's quantize(4))"),
                           ("codegeex-13b", "fp16", 26.9, "none (fp16 weights)"),
                           ("codegeex-13b", "int8", 14.7, "int8 (CodeGeeX's own weight-only int8)")):
    rec(id="codegeex2-readme-%s-%s-infer" % (model, prec), source=CG, source_key="codegeex2-readme", model=model,
        quant=q, seq=2048 if model == "codegeex-13b" else 8192, batch=1,
        precision="%s (the README: 'FP16/BF16' column)" % ("bf16" if model == "codegeex2-6b" else "fp16")
        if prec in ("bf16", "fp16") else "fp16 activations (weight-only %s)" % prec,
        attention="not stated (%s)" % ("flash attention, the README says" if model == "codegeex2-6b" else "eager"),
        gpus=1, sharding="none", gpu="", card_as_published="not named", measured_bytes=int(gb * GB),
        measured_as="| %s | %s | %s GB |" % ({"codegeex2-6b": "CodeGeeX2-6B", "codegeex-13b": "CodeGeeX-13B"}[model],
                                           {"bf16": "FP16/BF16", "fp16": "FP16/BF16", "int8": "INT8",
                                            "int4": "INT4"}[prec], gb),
        measured_how="reading not said (a GB figure per precision; 'GB' read as 10^9)",
        table="Quantization table (deployment section)",
        notes="seq is not given: written as the model's maximum (%d), a ceiling on what the reading could hold, not "
              "a known prompt; the figure is near the weights alone, so the reading likely holds a short prompt" % (
                  2048 if model == "codegeex-13b" else 8192), **INFER)

# ---- xverse-ai/XVERSE-13B and XVERSE-7B READMEs: GPU memory by quantization level ----
# "The table below compares the GPU memory usage and MMLU accuracy of models at different quantization levels":
# BF16/FP16, INT8, INT4 of the Chat models, loaded by from_pretrained(torch_dtype=bfloat16) and .quantize(8/4).cuda().
for size, url, rows in (("13b", "https://github.com/xverse-ai/XVERSE-13B/blob/"
                                "8f58708c47ac92df7c994fba77ee0738efaa946a/README_EN.md",
                         ((("bf16", 28.2)), ("int8", 16.8), ("int4", 10.9))),
                        ("7b", "https://github.com/xverse-ai/XVERSE-7B/blob/"
                               "551dea7e53be070e9f76188e450467200af320f2/README_EN.md",
                         (("bf16", 16.2), ("int8", 9.1), ("int4", 5.9)))):
    for prec, gb in rows:
        rec(id="xverse-%s-readme-chat-%s-infer" % (size, prec), source=url, source_key="xverse-%s-readme" % size,
            model="xverse-%s-chat" % size,
            quant="none (bf16 weights)" if prec == "bf16" else "%s (the model's own weight-only quantize(%s))" % (
                prec, prec[-1]), seq=1024, batch=1,
            precision="bf16 (torch_dtype=torch.bfloat16)" if prec == "bf16" else "bf16 activations (weight-only %s)"
            % prec, attention="not stated", gpus=1, sharding="none", gpu="", card_as_published="not named",
            measured_bytes=int(gb * GB),
            measured_as="| XVERSE-%s-Chat | %s | %s |" % (size.upper(), "BF16 / FP16" if prec == "bf16"
                                                          else prec.upper(), gb),
            measured_how="reading not said (a 'Memory Usage (GB)' column; 'GB' read as 10^9)",
            table="Quantization: memory usage and MMLU by precision",
            notes="the reading was taken while scoring MMLU (5-shot prompts, a few hundred to about a thousand "
                  "tokens): seq 1024 is the writer's stand-in for that, not a printed length", **INFER)

# ---- FlagAI-Open/Aquila2 README at 174133d: memory and speed of full SFT, LoRA and Q-LoRA ----
# "The evaluation was conducted on a machine equipped with an A100-SXM4-80G GPU ... The input length for the 7B model
# is 2048, and for the 34B model, it is 4096. All tests were performed using a batch size of 4 and a gradient
# accumulation of 1": 7B SFT 43.9G, LoRA 29.4G, Q-LoRA 19.9G; 34B Q-LoRA 37.7G. The scripts the README runs
# (finetune/7B/*.sh): torchrun 8 processes per node, DeepSpeed ds_zero2.config (stage 2, no offload), --fp16,
# --gradient_checkpointing True, --flash_attn True, LoRA r 8, alpha 16, dropout 0.05 on finetune.py's default
# q_proj and v_proj; Q-LoRA loads NF4 with double quantization and fp16 compute. The table's batch 4 and lengths are
# used (the LoRA script has batch 1 and the 34B script 2048: the table's text wins).
AQ = "https://github.com/FlagAI-Open/Aquila2/blob/174133d273b475988995e482dace5d86ed9b07f6/README.md"
AQ_COMMON = dict(source=AQ, source_key="aquila2-readme", batch=4, grad_accum=1,
                 precision="fp16 mixed (--fp16 in the scripts)", optimizer="not stated (the Trainer's adamw_torch, "
                 "finetune.py's default)", checkpointing="full (--gradient_checkpointing True)",
                 attention="flash-attention 2 (--flash_attn True)", gpus=8, gpu="A100 80GB",
                 card_as_published="A100-SXM4-80G", loss="not stated (HF cross-entropy)", outcome="fit",
                 measured_how="reading not said (a per-method 'Memory' figure in G; read as GiB)",
                 table="Optimization Effects table")
rec(id="aquila2-readme-7b-full-sft-zero2-s2048-b4-a100-80gb", family="sharded", method="full",
    model="aquilachat2-7b", quant="none (fp16 load)", seq=2048,
    sharding="zero2 (DeepSpeed ZeRO-2 over 8 GPUs, ds_zero2.config; the card count is the scripts')",
    measured_bytes=int(43.9 * GIB), measured_as="| 7B | SFT | 43.9G | 2.67s/iter |",
    notes="the README names 'an A100-SXM4-80G GPU' but its scripts launch 8 processes under ZeRO-2; a 7B full "
          "fine-tune cannot hold fp32 master weights and Adam states on one 80 GB card, so the figure is read as "
          "per card of 8", **AQ_COMMON)
for model, method, seq, gib in (("aquilachat2-7b", "lora", 2048, 29.4), ("aquilachat2-7b", "qlora", 2048, 19.9),
                                ("aquilachat2-34b", "qlora", 4096, 37.7)):
    rec(id="aquila2-readme-%s-%s-r8-s%d-b4-a100-80gb" % (model.split("-")[1], method, seq), family=method,
        method=method, model=model, lora_rank=8, lora_targets="q,v (finetune.py's default q_proj, v_proj)",
        lora_dropout=0.05,
        quant="nf4 double-quant (bnb_4bit_use_double_quant, fp16 compute)" if method == "qlora"
        else "none (fp16 load)", seq=seq,
        sharding="zero2 (DeepSpeed ZeRO-2 over 8 GPUs, ds_zero2.config; the card count is the scripts')",
        measured_bytes=int(gib * GIB),
        measured_as="| %s | %s | %sG | |" % ("7B" if "7b" in model else "34B", "LoRA" if method == "lora"
                                              else "Q-LoRA", gib),
        notes="LoRA rank, targets and dropout are the scripts' and finetune.py's; ZeRO-2 over 8 cards shards only the "
              "small adapter states here; %s" % ("the 34B length is the table's 4096 (its script says 2048)"
                                                 if "34b" in model else "the table's batch 4 (the script's 1)"
                                                 if method == "lora" else "the table's batch 4"), **AQ_COMMON)

# ---- IDEA-CCNL/Fengshenbang-LM, fengshen/examples/ziya_inference/readme.md at b8a1864 ----
# Ziya-13B inference, batch 1: (a) HF accelerate (hf_quantizatin_inference.py): fp16 over 2 and 4 RTX 3090s 26GB,
# bitsandbytes int8 on one 13GB; (b) llama.cpp: fp16 over two 3090s 26GB, q8_0 13GB, q5_0 8.4GB, q5_1 9.2GB, q4_0
# 6.9GB, q4_1 7.7GB on one. The figures are the total '显存占用' (memory used); per-token time and C-Eval are beside
# them, so the reading was taken while scoring C-Eval.
ZI = ("https://github.com/IDEA-CCNL/Fengshenbang-LM/blob/b8a18648b42bab6f8fd3fca917a9b16f40250d92/fengshen/examples/"
      "ziya_inference/readme.md")
ZI_COMMON = dict(source=ZI, source_key="fengshenbang-ziya-inference", model="ziya-llama-13b", seq=2048, batch=1,
                 attention="not stated", gpu="RTX 3090 24GB",
                 measured_how="reading not said (a GB '显存占用' figure, the total over the cards; "
                              "'GB' read as 10^9)",
                 **INFER)
for engine, cards, prec, gb, ms in (("accelerate", 2, "fp16", 26, "49.89"), ("accelerate", 4, "fp16", 26, "28.65"),
                                    ("accelerate", 1, "int8", 13, "147.06"), ("llama.cpp", 2, "fp16", 26, "53.29"),
                                    ("llama.cpp", 1, "q8_0", 13, "46.25"), ("llama.cpp", 1, "q5_0", 8.4, "60.37"),
                                    ("llama.cpp", 1, "q5_1", 9.2, "59.84"), ("llama.cpp", 1, "q4_0", 6.9, "45.05"),
                                    ("llama.cpp", 1, "q4_1", 7.7, "46.87")):
    hf = engine == "accelerate"
    rec(id="ziya-inference-13b-%s-%s-%dx3090" % ("hf" if hf else "llamacpp", prec, cards), gpus=cards,
        sharding=("layer split (accelerate device_map auto over %d GPUs)" % cards if hf
                  else "layer split (llama.cpp layers over %d GPUs)" % cards) if cards > 1 else "none",
        quant="none (fp16 weights)" if prec == "fp16" else "int8 (bitsandbytes LLM.int8, load_in_8bit)" if hf
        else "%s (llama.cpp GGML block quantization)" % prec,
        precision="fp16 (torch_dtype float16)" if hf else "fp16 compute (llama.cpp CUDA)",
        serving_engine="HF transformers + accelerate (hf_quantizatin_inference.py)" if hf else "llama.cpp (GPU)",
        card_as_published="%dX3090" % cards, measured_bytes=int(gb * GB),
        measured_as="|%dX3090|%s|%sGB|1|%s ms|" % (cards, prec, gb, ms),
        table="第一阶段 (%s) table" % ("a) accelerate" if hf else "b) llama.cpp"),
        notes="%sthe prompt lengths (C-Eval questions) are not given: seq 2048 is the model's maximum, a ceiling"
              % ("26GB over %d cards of 24GB is a total, not per card; " % cards if cards > 1 else ""), **ZI_COMMON)

# ---- IDEA-CCNL/Fengshenbang-LM, fengshen/examples/ziya_llama/README.md at d0dc955: full fine-tune of Ziya-13B ----
# "使用 1*8=8张 A100(80GB)，不需要进行张量并行": the no-TP run, finetune_no_tp.sh: 1 node x 8 GPUs,
# MICRO_BATCH_SIZE 2,
# ZERO_STAGE 2, DeepSpeed fp16, max_seq_length 512, --precision 16, accumulate_grad_batches 1. The 24 x 3090 run with
# tensor parallel 8 is left out: its script is not in the stored tree.
rec(id="ziya-llama-finetune-13b-full-zero2-8xa100-80gb", source="https://github.com/IDEA-CCNL/Fengshenbang-LM/blob/"
    "d0dc955df922a17ec40855bf2c28c129f2ec1949/fengshen/examples/ziya_llama/README.md",
    source_key="fengshenbang-ziya-llama-finetune", family="sharded", model="ziya-llama-13b", method="full",
    quant="none (fp16)", seq=512, batch=2, grad_accum=1, precision="fp16 mixed (DeepSpeed fp16, --precision 16)",
    optimizer="not stated (fengshen's AdamW, DeepSpeed-wrapped)",
    checkpointing="not stated (the DeepSpeed config has an activation_checkpointing block; whether the model calls "
                  "it is not read)", attention="not stated", gpus=8,
    sharding="zero2 (DeepSpeed ZeRO-2 over 8 GPUs, no tensor parallel)", gpu="A100 80GB",
    card_as_published="1*8=8张 A100(80GB)", loss="not stated (cross-entropy)", outcome="fit", measured_bytes=None,
    measured_as="'2. 使用 1*8=8张 A100(80GB),不需要进行张量并行，Tensor parallesim = 1' "
                "('两个跑起来的示例')",
    measured_how="outcome (one of 'two examples that ran'; no reading printed)",
    table="step4 / step5 (finetune_no_tp.sh)",
    notes="setup from finetune_no_tp.sh at the same commit; max_seq_length 512 is a cap on the sample length")

# ---- THUDM/CogAgent README at 5fde01e: inference and fine-tuning costs ----
# BF16 inference needs at least 29GB, INT4 about 8GB, INT8 about 15GB ("All GPU references above refer to A100 or H100
# GPUs"). SFT freezes the vision encoder, batch 1, 8 A100s, 2048 input tokens of which 1600 are the image: at least
# 60GB per GPU. LoRA trains the vision encoder too, batch 1, one A100, 2048 tokens: at least 70GB.
CA = "https://github.com/THUDM/CogAgent/blob/5fde01e4fe52b9c224fbff256b79f613dcaf286b/README.md"
CA_COMMON = dict(source=CA, source_key="cogagent-readme", model="cogagent-9b", batch=1, attention="not stated",
                 gpu="A100 80GB", card_as_published="A100 or H100 (A100 for fine-tuning)",
                 table="Inference and Fine-tuning Costs", outcome="fit")
for prec, gb, said in (("bf16", 29, "at least 29GB of VRAM for inference at BF16 precision"),
                       ("int8", 15, "for INT8 inference it is about 15GB"),
                       ("int4", 8, "The VRAM usage for INT4 inference is about 8GB")):
    rec(id="cogagent-readme-9b-%s-infer" % prec, family="inference", method="inference",
        quant="none (bf16 weights)" if prec == "bf16" else "%s (bitsandbytes load_in_%sbit, cli_demo.py)" % (
            prec, prec[-1]), seq=2048, precision="bf16", optimizer="none (inference)", checkpointing="none",
        grad_accum=1, loss="none (inference)", gpus=1, sharding="none", measured_bytes=gb * GB,
        measured_as="'%s'" % said,
        measured_how="reading not said (a rounded figure for the whole VLM, vision encoder included; 'GB' read as "
                     "10^9)",
        notes="a GUI screenshot is 1600 tokens of the input; seq 2048 is the fine-tuning sections' total, the "
              "inference prompt length is not given; which card is not said beyond A100 or H100", **CA_COMMON)
rec(id="cogagent-readme-9b-full-sft-frozen-vision-8xa100-s2048", family="sharded", method="full",
    quant="none (bf16)", seq=2048, grad_accum=1, precision="bf16 (not printed; the model's dtype)",
    optimizer="not stated (AdamW)", checkpointing="not stated", gpus=8,
    sharding="zero3 (DeepSpeed ZeRO-3 over 8 A100s: finetune/configs/sft.yaml names configs/ds_zero_3.json)",
    loss="not stated (cross-entropy)", measured_bytes=60 * GB,
    measured_as="'SFT fine-tuning requires at least 60GB of GPU memory per GPU (with 8 GPUs)'",
    measured_how="reading not said (a per-GPU floor from the authors' runs; 'GB' read as 10^9)",
    notes="the vision encoder is frozen (only the language model and adapter train); 1600 of the 2048 tokens are the "
          "image; the stage is read from sft.yaml at the same commit (no offload in ds_zero_3.json)", **CA_COMMON)
rec(id="cogagent-readme-9b-lora-with-vision-1xa100-s2048", family="lora", method="lora", lora_rank=8,
    lora_targets="query_key_value (configs/lora.yaml: r 8, alpha 32, dropout 0.1)", lora_dropout=0.1,
    quant="none (bf16)", seq=2048,
    grad_accum=1, precision="bf16 (not printed; the model's dtype)", optimizer="not stated (AdamW)",
    checkpointing="not stated", gpus=1, sharding="none", loss="not stated (cross-entropy)", measured_bytes=70 * GB,
    measured_as="'LoRA fine-tuning requires at least 70GB of GPU memory on a single GPU (cannot be split)'",
    measured_how="reading not said (a floor from the authors' runs; 'GB' read as 10^9)",
    notes="rank, targets and dropout from finetune/configs/lora.yaml at the same commit (no DeepSpeed there: its "
          "deepspeed line is commented out); the vision encoder trains too (the README: not frozen under LoRA), "
          "which the language-model shape does not count", **CA_COMMON)

# ---- OpenLMLab/LOMO, lomo/README.md at 07760bd: full fine-tuning on RTX 3090s ----
# "Our approach enables the full parameter fine-tuning of a 7B model on a single RTX 3090, or a 65B model on a single
# machine with 8xRTX 3090, each with 24GB memory." LOMO fuses the gradient and an SGD update in backward (no optimizer
# state, gradients freed per parameter). config/args_lomo.yaml: per-device batch 16, data_max_length 1024,
# gradient_checkpointing true; config/ds_config.json: fp16, ZeRO-3.
LO = "https://github.com/OpenLMLab/LOMO/blob/07760bd06ec270ddb11a6d16675cdd299152a4cb/lomo/README.md"
for model, n in (("llama-7b", 1), ("llama-65b", 8)):
    rec(id="lomo-readme-%s-full-lomo-%dx3090" % (model, n), source=LO, source_key="lomo-readme",
        family="full" if n == 1 else "sharded", model=model, method="full", quant="none (fp16)", seq=1024,
        batch=16, grad_accum=1, precision="fp16 (ds_config.json fp16 enabled; pure fp16 weights, no fp32 copy)",
        optimizer="sgd (LOMO: the SGD update fused into backward, no optimizer state, each gradient freed at once)",
        checkpointing="full (gradient_checkpointing: true)", attention="eager (transformers' Llama of mid 2023)",
        gpus=n, sharding="zero3 (DeepSpeed ZeRO-3, ds_config.json%s)" % (
            ", over 8 GPUs" if n > 1 else "; on one card it shards nothing"),
        gpu="RTX 3090 24GB", card_as_published="%s RTX 3090, each with 24GB memory" % (
            "a single" if n == 1 else "a single machine with 8x"),
        loss="not stated (cross-entropy)", outcome="fit", measured_bytes=None,
        measured_as="'enables the full parameter fine-tuning of %s'" % (
            "a 7B model on a single RTX 3090" if n == 1 else "a 65B model on a single machine with 8xRTX 3090"),
        measured_how="outcome (the README's claim that it ran; the paper's tables not read)",
        table="README introduction",
        notes="batch and length are the repository's config (args_lomo.yaml); the README does not say which batch "
              "the claim used (SuperGLUE rows are short, so 1024 is a cap)")

# ---- SkyworkAI/Skywork README_ZH at 5706b8d: GPU memory of bf16 and 8-bit Skywork-13B ----
SK = "https://github.com/SkyworkAI/Skywork/blob/5706b8d24fd9f59a28182da1f444d273f200e398/README_ZH.md"
for prec, gb in (("bf16", 25.91), ("8bits", 13.57)):
    rec(id="skywork-readme-13b-%s-infer" % prec, source=SK, source_key="skywork-readme", model="skywork-13b",
        quant="none (bf16 weights)" if prec == "bf16" else "int8 (bitsandbytes load_in_8bit)", seq=1024, batch=1,
        precision="bf16 (torch_dtype=torch.bfloat16)", attention="not stated", gpus=1, sharding="none", gpu="",
        card_as_published="not named", measured_bytes=int(gb * GIB),
        measured_as="### 显存占用（GPU Mem in GB） | %s | %s |" % (prec, gb),
        measured_how="reading not said (a two-decimal figure; read as GiB, which the bf16 row matches)",
        table="量化部署: 显存占用 (GPU Mem in GB)",
        notes="25.91 GiB is about the bf16 weights alone, so the reading may be memory allocated after loading with "
              "little or no prompt; the length is not given (1024 written in, beside the C-Eval/MMLU scores)",
        **INFER)

# ---- ictnlp/BayLing README at 8f6ecb9: 8-bit command-line chat ----
# "GPU memory requirements: at least 10GB for BayLing-7B, 16GB for BayLing-13B", beside `python chat.py --model-path
# ... --style rich --load-8bit` (FastChat's CLI, LLaMA-based models).
BL = "https://github.com/ictnlp/BayLing/blob/8f6ecb91db5375184610e4c3e71e0fd3de8f9685/README.md"
for model, gb in (("llama-7b", 10), ("llama-13b", 16)):
    size = model.split("-")[1]
    rec(id="bayling-readme-%s-int8-cli-chat" % size, source=BL, source_key="bayling-readme", model=model,
        quant="int8 (FastChat --load-8bit)", seq=2048, batch=1, precision="fp16 (FastChat's default)",
        attention="not stated", gpus=1, sharding="none", gpu="", card_as_published="not named",
        serving_engine="FastChat CLI (chat.py)", measured_bytes=gb * GB, table="Command Interactive",
        measured_as="'GPU memory requirements: at least 10GB for BayLing-7B, 16GB for BayLing-13B'",
        measured_how="reading not said (the authors' floor for the 8-bit chat demo; 'GB' read as 10^9)",
        notes="BayLing-%s is a LLaMA-%s fine-tune (same shape); a multi-turn chat grows to the 2048-token window, "
              "seq 2048 is that ceiling" % (size.upper(), size.upper()), **INFER)

# ---- datawhalechina/self-llm tutorials (one page each, at the commit that last touched it) ----
# Step-by-step fine-tuning notebooks written for rented single cards (AutoDL 3090 24G and larger); each prints its
# code (LoraConfig, TrainingArguments, MAX_LENGTH) and a rounded memory figure in prose. Kept: the pages whose figure
# belongs to a setup printed on the same page.
SL = "https://github.com/datawhalechina/self-llm/blob/%s/"
SL_TRAIN = dict(grad_accum=1, attention="not stated (transformers' default)", gpus=1, sharding="none",
                loss="not stated (HF cross-entropy)", outcome="fit",
                measured_how="reading not said (a rounded GB figure in the text; 'G' read as 10^9)")


def sl(commit, path):
    return SL % commit + quote(path)


MC = sl("5877a4145103b8a4c57a54b0dac6bf019537aa08", "models/MiniCPM/MiniCPM-2B-chat Lora && Full 微调.md")
MC_COMMON = dict(SL_TRAIN, source=MC, source_key="self-llm-minicpm-2b-lora-full", model="minicpm-2b",
                 quant="none (fp16 load, torch_dtype=torch.half)", seq=512, batch=4,
                 precision="fp16 mixed (DeepSpeed fp16 auto; the model loaded in half)",
                 gpu="RTX 3090 24GB", card_as_published="单卡3090等24G", table="使用deepspeed训练")
MC_COMMON.update(grad_accum=4)
rec(id="self-llm-minicpm-2b-lora-r8-qkvo-s512-b4-3090", family="lora", method="lora", lora_rank=8,
    lora_targets="q,k,v,o (q_proj, k_proj, v_proj, o_proj)", optimizer="adamw (ds_config.json AdamW)",
    checkpointing="none (the page: gradient checkpointing not on)", measured_bytes=14 * GB,
    measured_as="'lora 训练大概需要14G显存左右，因为没有开梯度检查"
                "所以显存占用会多一点。'",
    notes="train.sh: deepspeed --num_gpus 1, per-device batch 4, accumulation 4; the ds_config (ZeRO-2 with "
          "optimizer offload) also wraps the LoRA run, where it holds only adapter states; MAX_LENGTH 512 truncates, "
          "DataCollatorForSeq2Seq pads per batch", **MC_COMMON)
MC_FULL = {k: v for k, v in MC_COMMON.items() if k != "sharding"}
rec(id="self-llm-minicpm-2b-full-zero2-offload-s512-b4-3090", family="sharded", method="full",
    optimizer="adamw (DeepSpeed's CPU Adam under optimizer offload)", checkpointing="none (not turned on)",
    sharding="zero2 + offload_optimizer cpu (ds_config.json, one GPU; its parameter-offload block is ignored at "
             "stage 2)", measured_bytes=22 * GB,
    measured_as="'全量训练，大概需要22G显存左右，因为开启了deepspeed zero2 的 cpu offload 功能'",
    notes="one card: ZeRO-2 shards nothing over one rank, the optimizer states live in host memory; fp16 weights "
          "and gradients stay on the card", **MC_FULL)

rec(id="self-llm-phi-4-lora-r64-all-s384-b4", source=sl("65c037f094a70964324b15a338199002ee137600",
                                                        "models/phi4/05-Phi-4-Lora 微调 命名实体识别.md"),
    source_key="self-llm-phi-4-lora", family="lora", method="lora", model="phi-4", lora_rank=64,
    lora_targets="all linear (q,k,v,o,gate,up,down)", quant="none (bf16 load, torch_dtype=torch.bfloat16)", seq=384,
    batch=4, precision="bf16 (loaded bf16; the Trainer's flags not printed)",
    optimizer="not stated (the Trainer's AdamW)", checkpointing="full (gradient_checkpointing=True)", gpu="",
    card_as_published="not named", measured_bytes=33 * GB,
    measured_as="'显存需求：约33GB，如显存不足，请调低per_device_train_batch_size'",
    table="page introduction (显存需求)",
    notes="per-device batch 4, accumulation 4; MAX_LENGTH 384 truncates, rows padded per batch; LoRA alpha 16; "
          "the model is loaded with device_map auto (one card assumed, none named)", **dict(SL_TRAIN, grad_accum=4))

CG6 = sl("5877a4145103b8a4c57a54b0dac6bf019537aa08", "models/CharacterGLM/04-CharacterGLM-6B Lora微调.md")
rec(id="self-llm-characterglm-6b-lora-r8-qkv-s512-b4", source=CG6,
    source_key="self-llm-characterglm-6b-lora", family="lora", method="lora", model="characterglm-6b", lora_rank=8,
    lora_targets="query_key_value", quant="none (fp16 load, torch_dtype=torch.half)", seq=512, batch=4,
    precision="fp16 (loaded half; the Trainer's flags not printed)", optimizer="not stated (the Trainer's AdamW)",
    checkpointing="full (gradient_checkpointing=True)", gpu="", card_as_published="not named",
    measured_bytes=21 * GB, measured_as="'微调 ChatGLM3-6B-Chat 模型至少需要 21G 及以上的显存'",
    table="page introduction",
    notes="every row is padded to MAX_LENGTH 512 (pad_len = MAX_LENGTH - len), so seq is the real length; "
          "accumulation 2; the figure is a floor the author gives, no card named", **dict(SL_TRAIN, grad_accum=2))

Q3 = sl("6b356c6e0def75438e42e51e6b5283a2b008e0ed",
        "models/Qwen3/09-Qwen3-1.7B-医学推理式对话微调 及 SwanLab 可视化记录.md")
rec(id="self-llm-qwen3-1.7b-full-s2048-b1", source=Q3,
    source_key="self-llm-qwen3-1.7b-full", family="full", method="full", model="qwen3-1.7b",
    quant="none (bf16 load, torch_dtype=torch.bfloat16)", seq=2048, batch=1,
    precision="bf16 (loaded with torch_dtype bfloat16; no bf16/fp16 Trainer flag printed)",
    optimizer="not stated (the Trainer's AdamW)", checkpointing="full (gradient_checkpointing=True)", gpu="",
    card_as_published="not named (一张英伟达/昇腾显卡)", measured_bytes=32 * GB,
    measured_as="'全参数微调需要大约32GB显存'", table="page introduction",
    notes="MAX_LENGTH 2048 truncates (medical reasoning dialogues, many shorter); accumulation 4; no DeepSpeed",
    **dict(SL_TRAIN, grad_accum=4))

rec(id="self-llm-deepseek-7b-chat-qlora-r8-all-s384-b8", source=sl("997516b793ffed1fc5481db232289d974f7d0ee2",
                                                                   "models/DeepSeek/05-DeepSeek-7B-chat 4bits量化 "
                                                                   "Qlora 微调.md"),
    source_key="self-llm-deepseek-7b-qlora", family="qlora", method="qlora", model="deepseek-llm-7b-chat",
    lora_rank=8, lora_targets="all linear (q,k,v,o,gate,up,down)",
    quant="nf4 double-quant (load_in_4bit, bnb_4bit_use_double_quant, fp16 compute)", seq=384, batch=8,
    precision="fp16 (torch_dtype=torch.half, bnb_4bit_compute_dtype half)", optimizer="paged_adamw_32bit",
    checkpointing="full (gradient_checkpointing=True)", gpu="", card_as_published="not named (the author's laptop)",
    measured_bytes=6 * GB, measured_as="'通过这种方式训练，可以用6G显存轻松训练一个7B的模型。'",
    table="page introduction",
    notes="after loading in 4 bits nvidia-smi shows about 5.7G (the page); 6G for training is the author's rounded "
          "claim; MAX_LENGTH 384 truncates, rows padded per batch; accumulation 2", **dict(SL_TRAIN, grad_accum=2))

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records")
