"""Twenty-sixth held-out split (session 36, issue 14): published fits from pages no earlier measured set cites,
weighted toward what issue 14 says is weak (QLoRA of a modern LLM, sharded fine-tunes over several GPUs, a few serving
fits).

This set is BLIND: written by a helper (bb26) who never read the engine (src/main), the knowledge or prompts, never
ran oomdoc or BudgetBench on these records, and never looked at a score. Nothing here was tuned on, and nothing may
be: score it, never fit to it.

How the pages were chosen: bench/blind_exclusions.sh /tmp/h36/bb26-excl was run first; a page was dropped when its
repository is in repos.txt (or its name in names.txt), when the page or thread is in threads.txt or urls.txt, when
bench/results.md or an earlier make_measured_*.py names it, or when a parallel blind writer of this session holds it
(/tmp/h36/taken-*.txt). The writer's own list is /tmp/h36/taken-bb26.txt. Every page was found with the search tool
(corpora issues and pages); the pages corpus answers with the opening of a page only, so each record keeps only what
that opening states and says which fields the writer wrote in.

Pages (5 source keys in 5 pages, all web pages, none on GitHub, so none pinned to a commit; three are mirrors, named
as found, with the original in the notes):
- unsloth.ai/blog/llama3-1: Llama 3.1 70B QLoRA (rank 32, all seven projections) on one A100 80GB: 8192 tokens x
  batch 5 fit with Unsloth, about 7K tokens fit without it (Hugging Face + FlashAttention 2); two fits (2).
- b-61j.pages.dev mirror of huggingface.co/newmindai/Llama-3.1-8B-Instruct-w16a8-4nodes-bs64: Llama 3.1 8B full
  fine-tune under FSDP2 with float8 matmuls, 4096 tokens, micro batch 8, 4 nodes x 4 H100; a fit (1).
- hf.barry1.top mirror of huggingface.co/newmindai/Llama-3.1-8B-Instruct-w16a16-8nodes: the same study's bf16
  baseline, FSDP2 over the whole model, 4096 tokens, micro batch 4, 8 nodes x 4 H100; a fit (1).
- snowflake.com (p=456755, the engineering blog 'Fine-Tuning Llama 3.1 405B on a Single Node'): Llama 3.1 405B LoRA
  with FP8 weights and ZeRO-3-style sharding on one 8 x H100-80GB host, under 80 GB a GPU; a fit (1).
- rl.huuu.biz mirror of reddit r/LocalLLaMA 1kkvqti ('Qwen3 throughput benchmarks on 2x 3090'): vLLM serving of
  Qwen3 8B fp16 (one card per replica), Qwen3 14B fp16 (TP 2) and Qwen3 32B AWQ (TP 2), 4096 in + 1024 out, gpu
  memory utilization 0.85; three fits (3).

Counts: 8 records; families qlora 2, sharded 3, inference 3 (5 of 8 fine-tuning); no plain LoRA and no single-card
full fine-tune; outcomes fit 8, oom 0; no measured figure at all (every record is a published fit on a named card).
Sharded: FSDP2 full fine-tunes over 16 and 32 H100 (float8 and bf16), ZeRO-3-style LoRA of 405B over 8 H100.

Weak spots (the lead should weigh these before scoring):
- No figure. The pages corpus shows the opening of a page only; every opening read stated a fit, none a peak reading.
- Written-in setup: the Snowflake opening states neither sequence length nor batch nor LoRA rank: seq 512, batch 1 and
  rank 16 are written in, the smallest usual values, so the fit claim is the weakest the page supports. The reddit
  rows state no concurrency: vLLM's default of 256 sequences is written in. Drop these if written-in fields are not
  wanted.
- The newmindai cards name 'H100' only; the runs are on BSC (EuroHPC) nodes of four H100, which the writer knows as
  MareNostrum 5's 64 GB H100 and records as 'H100 64GB'; the rank counts (16, 32) read the cards' 'GPUs: 4' as per
  node over the node counts in their names; activation checkpointing is not stated. Two of eight records come from
  one study (two cards, two runs).
- unsloth.ai is the blog of the Unsloth project, whose GitHub repository (unslothai/unsloth) is in repos.txt; the blog
  page itself is in no exclusion list. Two of eight records come from it.
- Short: 8 records from 5 pages, not 10-14 from 6; no OOM record. The issues corpus answered almost only with
  repositories repos.txt already holds (Lightning-AI/litgpt, meta-llama/llama-cookbook, huggingface/peft,
  hiyouga/LlamaFactory, modelscope/ms-swift, QwenLM/Qwen, vllm-project/vllm, deepspeedai/DeepSpeed,
  tatsu-lab/stanford_alpaca, InternLM/xtuner, axolotl, torchtitan, pytorch/ao, LMCache, gpustack, open-instruct,
  LLaMA2-Accessory, ...) and the pages corpus mostly with estimate pages (VRAM tables with no run behind them).

Rejected after reading: dev.to/sumanpro QLoRA-of-Qwen2.5-7B-on-a-T4 post and kaitchup's FSDP+QLoRA 70B post (both
named and left alone in bb25's section of bench/results.md; neither opening gives sequence, batch or rank);
mst272/LLM-Dojo README table (Qwen 7B LoRA 26g / LoRA+ZeRO-3 16g: no sequence, batch or GPU count; its issue #15 asks
and gets no answer); ermolushka.github.io vLLM-on-4090 post (its GitHub source is in urls.txt); answer.ai FSDP+QLoRA
post (answerdotai/fsdp_qlora in repos.txt); aidisruptionpub.com Unsloth+Firefly QLoRA post (yangjianxin1/firefly in
repos.txt); arXiv 2509.12229 RTX 4060 profiling (its table is past the opening); quantinsightsnetwork.com Gemma 7B
DPO post (19 GB peak, but card and setup past the opening); codcompass.com Gemma 4 table and gigagpu.com,
insiderllm.com, theneuralbase.com pages (estimates or paywalled, no run tied to a setup); the newmindai w16a16-tw and
w16a16-4nodes cards (micro batch cut off in the opening); devopscube.com vLLM post (no max_model_len in the opening);
fptcloud.com fine-tuning doc (no card named); docs.surogate.ai benchmarks (throughput and OOM cells without sequence
or batch); til.codes Qwen3-30B-A3B and vessl.ai 35B posts (MoE models); VinAIResearch/PhoGPT#28 (MPT architecture).

Model shapes are each model's config.json values as known to the writer (no network here to reopen them); the
parameter count is computed from them. Each record's notes say what its page leaves unsaid and what the writer wrote
in. Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout26.py
"""
import json

from measured_shapes import llama  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout26.json"
GB = 10 ** 9
GIB = 2 ** 30
KNOWN = "config.json values as known to the writer, not reopened this session"

A = {
    "llama-3.1-70b": llama("meta-llama/Llama-3.1-70B-Instruct (%s)" % KNOWN, 80, 8192, 64, 8, 28672, 128256,
                           head_dim=128),
    "llama-3.1-8b": llama("meta-llama/Llama-3.1-8B-Instruct (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256,
                          head_dim=128),
    "llama-3.1-405b": llama("meta-llama/Llama-3.1-405B-Instruct (%s)" % KNOWN, 126, 16384, 128, 8, 53248, 128256,
                            head_dim=128),
    "qwen3-8b": llama("Qwen/Qwen3-8B (%s; q/k RMSNorm weights left out)" % KNOWN, 36, 4096, 32, 8, 12288, 151936,
                      head_dim=128),
    "qwen3-14b": llama("Qwen/Qwen3-14B (%s; q/k RMSNorm weights left out)" % KNOWN, 40, 5120, 40, 8, 17408, 151936,
                       head_dim=128),
    "qwen3-32b": llama("Qwen/Qwen3-32B (%s; q/k RMSNorm weights left out)" % KNOWN, 64, 5120, 64, 8, 25600, 151936,
                       head_dim=128),
}

ALL7 = "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj"

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    k["split"] = "heldout26"
    out.append(k)


INFER = dict(family="inference", method="inference", optimizer="none (inference)", checkpointing="none",
             grad_accum=1, loss="none (inference)", lora_rank=0, lora_targets=None)

# ---- unsloth.ai/blog/llama3-1: Llama 3.1 70B QLoRA on one A100 80GB, with and without Unsloth ----
# The opening states: 'On 1xA100 80GB GPU, Llama 3.1 (70B) with Unsloth can fit 48K total tokens (8192 * bsz of 5) vs
# 7K tokens without Unsloth', the benchmark table row 'Llama 3.1 (70B) | 80GB | 1.9x | 65% | 6x longer | 1x' with the
# Hugging Face + FlashAttention 2 column as the baseline, and the setup 'We tested using the Alpaca Dataset, a batch
# size of 2, gradient accumulation steps of 4, rank = 32, and applied QLoRA on all linear layers (q, k, v, o, gate,
# up, down)'. Two fits on the named card: Unsloth at 8192 x 5, and the Hugging Face + FA2 baseline at about 7K tokens.
UNS = "https://unsloth.ai/blog/llama3-1"
UNS_COMMON = dict(source=UNS, source_key="unsloth-blog-llama3-1", model="llama-3.1-70b", family="qlora",
                  method="qlora", quant="nf4 4-bit base (the page: 'applied QLoRA on all linear layers')",
                  lora_rank=32, lora_targets=ALL7, grad_accum=1, gpus=1, sharding="none", gpu="A100 80GB",
                  card_as_published="1xA100 80GB GPU", loss="causal LM cross-entropy (Alpaca, not said further)",
                  outcome="fit", measured_bytes=None, table="opening paragraph and 'Llama 3.1 Benchmarks'")
rec(id="unsloth-blog-llama-3.1-70b-qlora-r32-all7-unsloth-b5-s8192-a100-80gb", seq=8192, batch=5,
    precision="bf16 compute over 4-bit weights (not stated; A100)",
    checkpointing="Unsloth's gradient checkpointing (not stated on the page; Unsloth's own long-context mode)",
    optimizer="not stated (Unsloth's notebooks use AdamW 8-bit over the adapters)",
    attention="Unsloth's kernels (Triton) with FlashAttention 2",
    measured_as="'On 1xA100 80GB GPU, Llama 3.1 (70B) with Unsloth can fit 48K total tokens (8192 * bsz of 5) vs 7K "
                "tokens without Unsloth.'",
    measured_how="outcome (the page states the largest token count that fit on the named card; no memory reading)",
    notes="a fit at the page's stated maximum, 8192 x 5 = 40,960 tokens (the page rounds it to 48K); gradient "
          "accumulation does not change the peak and is written in as 1; optimizer, precision and checkpointing are "
          "not stated in the opening; Unsloth's blog, whose repository is in repos.txt (the page is not)",
    **UNS_COMMON)
rec(id="unsloth-blog-llama-3.1-70b-qlora-r32-all7-hf-fa2-b1-s7000-a100-80gb", seq=7000, batch=1,
    precision="bf16 compute over 4-bit weights (not stated; A100)",
    checkpointing="not stated (Hugging Face gradient checkpointing assumed by the writer for a 70B QLoRA run)",
    optimizer="not stated",
    attention="FlashAttention 2 (the page's baseline is 'Hugging Face+FA2')",
    measured_as="'... can fit 48K total tokens (8192 * bsz of 5) vs 7K tokens without Unsloth.' (baseline column "
                "'Hugging Face+FA2')",
    measured_how="outcome (the page states about 7K tokens as what fits on the card without Unsloth; no reading)",
    notes="'7K tokens' written in as one sequence of 7,000 tokens (batch 1); the baseline is the same QLoRA setup "
          "(rank 32, all linear layers) run through Hugging Face Transformers + FlashAttention 2 without Unsloth's "
          "kernels; implied but not recorded: more tokens than this did not fit",
    **UNS_COMMON)

# ---- newmindai/Llama-3.1-8B-Instruct-w16a8-4nodes-bs64 model card: full fine-tune, FSDP2 + float8, H100 nodes ----
# The card (read through the b-61j.pages.dev mirror of huggingface.co) states: meta-llama/Llama-3.1-8B-Instruct loaded
# in bfloat16, torchao convert_to_float8_training (Float8LinearConfig pad_inner_dim, enable_fsdp_float8_all_gather),
# fully_shard on every decoder layer, embed_tokens and lm_head; 'Sequence Length: 4,096 (seq_len)', 'Per-Device Micro
# Batch Size: 8', 'Gradient Accumulation: 8', 'GPUs: 4 (via CUDA_VISIBLE_DEVICES=0,1,2,3)', 'dtype: bf16 && fp8=true',
# 'Optimizer: AdamW'. The study's cards place it on EuroHPC/BSC nodes of four H100 each; this card is the 4-node run.
NMA = "https://b-61j.pages.dev/newmindai/Llama-3.1-8B-Instruct-w16a8-4nodes-bs64"
rec(id="newmindai-llama-3.1-8b-full-fsdp2-fp8-16xh100-b8-s4096", source=NMA, source_key="newmindai-w16a8-4nodes-bs64",
    model="llama-3.1-8b", family="sharded", method="full", quant="none (bf16 weights; float8 matmuls)", seq=4096,
    batch=8, grad_accum=8,
    precision="bf16 parameters with float8 (e4m3/e5m2) linear layers through torchao convert_to_float8_training",
    checkpointing="not stated", optimizer="AdamW (the card's 'Optimizer: AdamW')",
    attention="not stated", loss="causal LM cross-entropy (Turkish legal Q/A, newmindai/EuroHPC-Legal)", gpus=16,
    sharding="fsdp2 full shard (fully_shard per decoder layer, on embed_tokens and on lm_head, reshard_after_forward "
             "True) over 4 nodes x 4 GPUs",
    gpu="H100 64GB",
    card_as_published="'GPUs: 4 (via CUDA_VISIBLE_DEVICES=0,1,2,3)' per node, 4 nodes; the study's cards say "
                      "'EuroHPC/BSC-class' nodes 'with four NVIDIA H100 GPUs'",
    outcome="fit", measured_bytes=None,
    measured_as="'Sequence Length: 4,096 (seq_len)', 'Per-Device Micro Batch Size: 8', 'Gradient Accumulation: 8', "
                "'GPUs: 4 (via CUDA_VISIBLE_DEVICES=0,1,2,3)', 'dtype: bf16 && fp8=true'",
    measured_how="outcome (the card publishes the model this configuration trained; no memory reading)",
    table="Training Methodology / Training Configuration",
    notes="original page huggingface.co/newmindai/Llama-3.1-8B-Instruct-w16a8-4nodes-bs64; the card names 'H100' "
          "only: 64 GB is the writer's (BSC's MareNostrum 5 accelerated nodes carry four 64 GB H100); the rank count "
          "16 reads the card's 4 GPUs as per node over the 4 nodes its name gives; activation checkpointing is not "
          "stated")

# ---- newmindai/Llama-3.1-8B-Instruct-w16a16-8nodes model card: the bf16 baseline of the same study on 8 nodes ----
# The card (read through the hf.barry1.top mirror of huggingface.co) states: 'the BF16 baseline configuration trained
# on 8 nodes with a global batch size of 32', the model loaded in bfloat16 and 'wrapped at once' (one fully_shard on
# the whole model, reshard_after_forward True) with bf16 forward and backward; 'Sequence Length: 4,096 (seq_len)',
# 'Max Steps: 1,200', 'Per-Device Micro Batch Size: 4', 'Gradient Accumulation: 8', 'GPUs: 4' (the opening ends there).
NMB = "https://hf.barry1.top/newmindai/Llama-3.1-8B-Instruct-w16a16-8nodes"
rec(id="newmindai-llama-3.1-8b-full-fsdp2-bf16-32xh100-b4-s4096", source=NMB, source_key="newmindai-w16a16-8nodes",
    model="llama-3.1-8b", family="sharded", method="full", quant="none (bf16)", seq=4096, batch=4, grad_accum=8,
    precision="pure bf16 (weights loaded in bfloat16, forward and backward in bfloat16)",
    checkpointing="not stated", optimizer="not stated in the part read (the study's other cards: AdamW)",
    attention="not stated", loss="causal LM cross-entropy (Turkish legal Q/A, newmindai/EuroHPC-Legal)", gpus=32,
    sharding="fsdp2 full shard (one fully_shard over the whole model, reshard_after_forward True) over 8 nodes x 4 "
             "GPUs",
    gpu="H100 64GB",
    card_as_published="'GPUs: 4' (per node) on 8 nodes; the study's cards say 'EuroHPC/BSC-class' nodes 'with four "
                      "NVIDIA H100 GPUs'",
    outcome="fit", measured_bytes=None,
    measured_as="'Sequence Length: 4,096 (seq_len)', 'Max Steps: 1,200', 'Per-Device Micro Batch Size: 4', 'Gradient "
                "Accumulation: 8', 'GPUs: 4'",
    measured_how="outcome (the card publishes the model this configuration trained; no memory reading)",
    table="Training Methodology / Training Configuration",
    notes="original page huggingface.co/newmindai/Llama-3.1-8B-Instruct-w16a16-8nodes; same study as the w16a8 "
          "4-node card (a separate page and run: bf16 instead of float8, one wrap over the whole model instead of per "
          "layer, micro batch 4 instead of 8); 'H100 64GB' and the 32 ranks are read as for that card; the card's "
          "'global batch size of 32' equals micro batch x accumulation per rank")

# ---- snowflake.com engineering blog: Llama 3.1 405B LoRA on one 8 x H100-80GB host ----
# The opening: '... enable fine-tuning models with 400+ billion parameters on small multi-node clusters or even on a
# single 8 x H100-80GB host ... By combining parameter-efficient fine-tuning (specifically LoRA), FP8 quantization,
# ZeRO-3-inspired sharding and targeted parameter off-loading, ... reduced per-GPU memory requirements, from an initial
# 6.5 TB, to under 80 GB of GPU memory', 'In our setup, we assume a single 8 x H100-80GB host (e.g., p5.48xlarge) and
# leverage DeepSpeed's ZeRO ...'.
SNF = "https://snowflake.com/?lang=it&p=456755"
rec(id="snowflake-llama-3.1-405b-lora-fp8-zero3-offload-8xh100", source=SNF, source_key="snowflake-405b-single-node",
    model="llama-3.1-405b", family="sharded", method="lora",
    quant="fp8 base weights (the page: 'FP8 quantization' of the frozen model)", seq=512, batch=1, grad_accum=1,
    precision="bf16 compute over fp8 frozen weights (not stated further)", checkpointing="not stated",
    optimizer="not stated (DeepSpeed ZeRO over the adapters)", attention="not stated",
    loss="causal LM cross-entropy (not stated further)", lora_rank=16, lora_targets="nn.Linear layers (not listed)",
    gpus=8,
    sharding="zero-3 style sharding (DeepSpeed ZeRO, 'ZeRO-3-inspired') over 8 GPUs with targeted parameter offload",
    gpu="H100 80GB", card_as_published="'a single 8 x H100-80GB host (e.g., p5.48xlarge)'", outcome="fit",
    measured_bytes=None,
    measured_as="'... dramatically reduced per-GPU memory requirements, from an initial 6.5 TB, to under 80 GB of GPU "
                "memory.'",
    measured_how="outcome (the page states the run fits under 80 GB a GPU on the named host; no reading in the "
                 "opening)",
    table="opening and 'Understanding memory consumption'",
    notes="original page snowflake.com/engineering-blog/fine-tune-llama-single-node-snowflake (found under the "
          "p=456755 address); sequence 512, batch 1 and LoRA rank 16 are written in (the opening states none); the "
          "page counts 408 billion parameters (126 layers of 2.62B MLP and 0.6B attention plus 2B embeddings)")

# ---- reddit r/LocalLLaMA 1kkvqti, 'Qwen3 throughput benchmarks on 2x 3090' (rl.huuu.biz mirror) ----
# The post: 'GPUs: 2x 3090', 'Input tokens per request: 4096', 'Generated tokens per request: 1024', 'Inference
# engine: vLLM', a table of model / quantization / parallel structure (dp2 = two single-card replicas, tp2 = tensor
# parallel over both cards) / throughput, and the serve command 'vllm serve Qwen/Qwen3-32B-AWQ ...
# --gpu-memory-utilization 0.85 --disable-log-requests -tp 2' with the comment '# specify --max-model-len xxx if you
# get CUDA out of memory when running higher quants'. Every table row ran, so each is a fit on the named cards.
RDT = ("https://rl.huuu.biz/r/LocalLLaMA/comments/1kkvqti/qwen3_throughput_benchmarks_on_2x_3090_almost/mry21zz/"
       "?context=3")
RDT_COMMON = dict(source=RDT, source_key="reddit-localllama-qwen3-2x3090", seq=5120, batch=256,
                  attention="vLLM default backend (not stated)", kv_cache_dtype="auto",
                  serving_engine="vLLM OpenAI server ('vllm serve'), load from 'vllm bench serve'",
                  max_model_len=None, gpu_memory_utilization=0.85, gpu="RTX 3090 24GB",
                  card_as_published="'GPUs: 2x 3090 (pcie 4.0 x16 + pcie 4.0 x4)'", outcome="fit",
                  measured_bytes=None,
                  measured_how="outcome (the row's benchmark ran on the named cards; no memory reading)",
                  table="Benchmark results")
rec(id="reddit-qwen3-2x3090-vllm-qwen3-8b-fp16-dp2-s5120", model="qwen3-8b", quant="none (fp16/bf16 weights)",
    precision="16-bit (the table's 'FP16')", gpus=1, sharding="none (dp2: one full replica on each card)",
    measured_as="'| qwen3-8b | FP16 | dp2 | 387 | 1993 |'",
    notes="original thread reddit.com/r/LocalLLaMA/comments/1kkvqti; seq is the post's 4096 input + 1024 generated "
          "tokens; batch written in as vLLM's default 256 sequences (the post states no concurrency); "
          "gpu_memory_utilization 0.85 is from the post's serve command; max_model_len not stated (the post: set it "
          "if you get CUDA out of memory)", **RDT_COMMON, **INFER)
rec(id="reddit-qwen3-2x3090-vllm-qwen3-14b-fp16-tp2-s5120", model="qwen3-14b", quant="none (fp16/bf16 weights)",
    precision="16-bit (the table's 'FP16')", gpus=2, sharding="tensor parallel 2 (tp2), per-GPU figure",
    measured_as="'| qwen3-14b | FP16 | tp2 | 214 | 1105 |'",
    notes="original thread reddit.com/r/LocalLLaMA/comments/1kkvqti; seq 4096 + 1024; batch written in as vLLM's "
          "default 256; gpu_memory_utilization 0.85 from the post's command; about 29.5 GB of 16-bit weights split "
          "over the two cards", **RDT_COMMON, **INFER)
rec(id="reddit-qwen3-2x3090-vllm-qwen3-32b-awq-tp2-s5120", model="qwen3-32b",
    quant="AWQ int4 (Qwen/Qwen3-32B-AWQ, the post's command)", precision="fp16 activations over AWQ int4 weights",
    gpus=2, sharding="tensor parallel 2 (vLLM -tp 2), per-GPU figure",
    measured_as="'| qwen3-32b | AWQ | tp2 | 124 | 670 |' and 'vllm serve Qwen/Qwen3-32B-AWQ --enable-reasoning "
                "--reasoning-parser deepseek_r1 --gpu-memory-utilization 0.85 --disable-log-requests -tp 2'",
    notes="original thread reddit.com/r/LocalLLaMA/comments/1kkvqti; the one row whose exact serve command the post "
          "prints; seq 4096 + 1024; batch written in as vLLM's default 256", **RDT_COMMON, **INFER)

PAGES = sorted({r["source_key"] for r in out})

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records from", len(PAGES), "source keys")
