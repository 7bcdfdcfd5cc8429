"""Nineteenth held-out split (session 29, issue 14): published measured peaks and fit/OOM outcomes from pages no
earlier measured set cites, weighted toward what users fine-tune (LoRA and QLoRA of Llama 3.x, Qwen2.5/3, Mistral,
Gemma 2/3, Phi-3/4), with the sharded, full and inference records the pages allow.

This set is BLIND: written by a helper who never read the engine (src/main), the knowledge or prompts, never ran
oomdoc or BudgetBench on these records, and never looked at a score. Nothing here was tuned on, and nothing may be:
score it, never fit to it.

How the pages were chosen: bench/blind_exclusions.sh /tmp/h29/bb19-excl was run first; a page was dropped when its
repository (or a repository of the same short name that is a rename or fork) is in repos.txt, when the page or thread
is in threads.txt or urls.txt, when bench/ or /work/shared name it, or when a parallel blind writer of this session
holds it (/tmp/h29/b34r-sources.txt, /tmp/h29/b34e-sources.txt). The writer's own list is /tmp/h29/bb19-sources.txt.
Most trackers and framework repositories the search tools reach were already cited (LitGPT's config tables, ms-swift's
benchmark, prime-rl's benchmark page, the fsdp_qlora scripts, several course assignments and DeepSpeed ZeRO demos were
found and dropped), so most records come from repositories no earlier set touched. A page was kept only where it
prints a GPU memory figure for a setup it states (and the code beside the figure says which counter it is), or says
that a named setup ran, or ran out of memory, on a named card. Estimates printed beside measurements were left out.

Pages (36 source keys in 6 repositories):
- Unsloth's notebooks repository (unslothai/notebooks at bdda2ef; a different repository from unslothai/unsloth,
  which earlier sets cite): each notebook is one page and one source key. Every notebook prints 'Peak reserved memory
  = X GB', round(torch.cuda.max_memory_reserved() / 1024**3, 3) after a short SFT run (15 to 100 steps, or one
  epoch), on the card its banner names. 30 notebooks, 30 records: QLoRA of Llama 3/3.1/3.2/3.3, Mistral v0.3/Nemo/
  Small, Magistral, Gemma 2/3, CodeGemma, Phi-3.5/3/4, Qwen2/2.5/3 and TinyLlama on a T4 (most), an A10G, an L4 and
  A100s; a 16-bit LoRA of Gemma 3 270M; two full fine-tunes (with quantization-aware training, the only full
  fine-tunes the notebooks hold). Left out: a notebook whose load banner and memory cell name different cards
  (outputs of two runs: Gemma 3 4B), notebooks whose peak equals the reserved memory before training, one whose
  figure repeats another notebook's to the digit (CodeForces), and the vision, audio, TTS, embedding, hybrid (Falcon
  H1, LFM2, Granite 4 H) and MoE notebooks. The Kaggle-/AMD-/HuggingFace- copies repeat the same outputs and were
  not used.
- hanasobi/self-hosted-llms-tutorial, blog post 5 (German): Mistral-7B QLoRA on a T4, 'measured: 10GB peak'.
- fxmarty/accelerated-pytorch-transformers-generation README: transformers' generate of LLaMA 7B in fp16 on an A10G,
  max_memory_allocated in MB.
- Axionis47/vllm-benchmark README: Mistral-7B-Instruct-v0.3 served by vLLM on an L4, nvidia-smi peak per config
  (baseline, eager, max-num-seqs 512, fp8 KV cache).
- pytorch/pytorch.github.io, two blog posts: 'Finetune LLMs on your own consumer hardware' (QLoRA of a Llama 7B on a
  T4 at 512 and 1024 tokens) and the torchao launch post (Llama 3.1 8B at 128K context in int4 weights with an int8
  KV cache, 'under 18.9GB').
- thestarfarer/ministral3-fsdp-lora-loop README: an FSDP FULL_SHARD LoRA (rank 512, 16k context) of Ministral 3 14B
  on four H100 80GB, a fit without a figure (the only sharded record: every sharded measurement the tools reached
  sits in a cited repository).

Counts: 40 records, all fits (no page in reach stated an OOM for a setup it spelled out); families qlora 30, lora 1,
full 2, sharded 1, inference 6 (34 of 40 fine-tuning); 39 with a figure (30 reserved peaks, 1 max_memory_allocated,
4 nvidia-smi readings, 4 unnamed counters) and 1 outcome; cards T4 28, L4 5, A100 40GB 2, A100 80GB 2, A10G 2,
H100 80GB 1. The Unsloth records dominate (30 of 40, one repository): a scorer that wants one group per repository
should group by repository, not by source key.

Every figure is typed from its page; each record keeps the page's URL pinned to a commit of the file, the row or line
it comes from and what the page (or the code beside it) says about how memory was read. Model shapes are each model's
config.json values as known to the writer (no network here to reopen them); the parameter count is computed from them
unless the page prints it. Each record's notes say what its page leaves unsaid and what the writer wrote in.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout19.py
"""
import json
import re

from measured_shapes import llama  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout19.json"
GB = 10 ** 9
GIB = 2 ** 30
MIB = 2 ** 20
KNOWN = "config.json values as known to the writer, not reopened this session"
QKV_BIAS = "; q/k/v biases left out of the count"
TEXT_ONLY = "; the text decoder only (the vision tower the checkpoint also holds is left out of the count)"
ALL7 = "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj"
ATTN4 = "q_proj,k_proj,v_proj,o_proj"

A = {
    "llama-3.1-8b": llama("meta-llama/Llama-3.1-8B (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256),
    "llama-3-8b": llama("meta-llama/Meta-Llama-3-8B (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256),
    "llama-3.2-3b": llama("meta-llama/Llama-3.2-3B-Instruct (%s)" % KNOWN, 28, 3072, 24, 8, 8192, 128256,
                          tied=True, head_dim=128),
    "llama-3.2-1b": llama("meta-llama/Llama-3.2-1B-Instruct (%s)" % KNOWN, 16, 2048, 32, 8, 8192, 128256,
                          tied=True, head_dim=64),
    "llama-3.3-70b": llama("meta-llama/Llama-3.3-70B-Instruct (%s)" % KNOWN, 80, 8192, 64, 8, 28672, 128256),
    "mistral-7b-v0.3": llama("mistralai/Mistral-7B-v0.3 (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 32768),
    "mistral-7b-v0.1": llama("mistralai/Mistral-7B-v0.1 (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 32000),
    "mistral-nemo-12b": llama("mistralai/Mistral-Nemo-Base-2407 (%s)" % KNOWN, 40, 5120, 32, 8, 14336, 131072,
                              head_dim=128),
    "mistral-small-22b": llama("mistralai/Mistral-Small-Instruct-2409 (%s)" % KNOWN, 56, 6144, 48, 8, 16384, 32768,
                               head_dim=128),
    "gemma-2-2b": llama("google/gemma-2-2b (%s; GeGLU MLP counted as gated)" % KNOWN, 26, 2304, 8, 4, 9216, 256000,
                        tied=True, head_dim=256),
    "gemma-2-9b": llama("google/gemma-2-9b (%s; GeGLU MLP counted as gated)" % KNOWN, 42, 3584, 16, 8, 14336, 256000,
                        tied=True, head_dim=256),
    "gemma-3-27b": llama("google/gemma-3-27b-it (%s%s)" % (KNOWN, TEXT_ONLY), 62, 5376, 32, 16, 21504, 262208,
                         tied=True, head_dim=128),
    "gemma-3-270m": llama("google/gemma-3-270m-it (%s)" % KNOWN, 18, 640, 4, 1, 2048, 262144, tied=True,
                          head_dim=256),
    "phi-3.5-mini": llama("microsoft/Phi-3.5-mini-instruct (%s; fused qkv and gate_up counted as their parts)"
                          % KNOWN, 32, 3072, 32, 32, 8192, 32064),
    "phi-3-medium": llama("microsoft/Phi-3-medium-4k-instruct (%s; fused qkv and gate_up counted as their parts)"
                          % KNOWN, 40, 5120, 40, 10, 17920, 32064),
    "phi-4": llama("microsoft/phi-4 (%s; fused qkv and gate_up counted as their parts)" % KNOWN, 40, 5120, 40, 10,
                   17920, 100352),
    "qwen2.5-7b": llama("Qwen/Qwen2.5-7B (%s%s)" % (KNOWN, QKV_BIAS), 28, 3584, 28, 4, 18944, 152064),
    "qwen2.5-14b": llama("Qwen/Qwen2.5-Coder-14B-Instruct (the Qwen2.5-14B shape; %s%s)" % (KNOWN, QKV_BIAS), 48,
                         5120, 40, 8, 13824, 152064),
    "qwen3-14b": llama("Qwen/Qwen3-14B (%s)" % KNOWN, 40, 5120, 40, 8, 17408, 151936, head_dim=128),
    "qwen3-32b": llama("Qwen/Qwen3-32B (%s)" % KNOWN, 64, 5120, 64, 8, 25600, 151936, head_dim=128),
    "qwen2-7b": llama("Qwen/Qwen2-7B (%s%s)" % (KNOWN, QKV_BIAS), 28, 3584, 28, 4, 18944, 152064),
    "codegemma-7b": llama("google/codegemma-7b, the Gemma 7B shape (%s; GeGLU MLP counted as gated)" % KNOWN, 28,
                          3072, 16, 16, 24576, 256000, tied=True, head_dim=256),
    "tinyllama-1.1b": llama("TinyLlama/TinyLlama-1.1B (%s)" % KNOWN, 22, 2048, 32, 4, 5632, 32000),
    "magistral-small-24b": llama("mistralai/Magistral-Small-2509, the Mistral Small 3.x 24B shape (%s%s)"
                                 % (KNOWN, TEXT_ONLY), 40, 5120, 32, 8, 32768, 131072, head_dim=128),
    "qwen3-0.6b": llama("Qwen/Qwen3-0.6B (%s)" % KNOWN, 28, 1024, 16, 8, 3072, 151936, tied=True, head_dim=128),
    "llama-7b": llama("huggingface/llama-7b, the first LLaMA 7B (%s)" % KNOWN, 32, 4096, 32, 32, 11008, 32000,
                      params=6738415616, extra="; params as HF prints them for the LLaMA/Llama-2 7B shape"),
    "llama-2-7b": llama("meta-llama/Llama-2-7b-hf (%s)" % KNOWN, 32, 4096, 32, 32, 11008, 32000, params=6738415616,
                        extra="; params as HF prints them for Llama-2-7b"),
    "ministral-3-14b": llama("mistralai/Ministral-3-14B-Base-2512 (%s%s; the writer is least sure of this shape, "
                             "a recent model)" % (KNOWN, TEXT_ONLY), 40, 5120, 32, 8, 16384, 131072, head_dim=128),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    if k.get("lora_dropout", 0) is None:
        del k["lora_dropout"]
    k["split"] = "heldout19"
    out.append(k)


INFER = dict(family="inference", method="inference", optimizer="none (inference)", checkpointing="none",
             grad_accum=1, loss="none (inference)", lora_rank=0, lora_targets=None)

# ---- unslothai/notebooks: one notebook a page, 'Peak reserved memory = X GB' after a short SFT run ----
# Each notebook's last memory cell: used_memory = round(torch.cuda.max_memory_reserved() / 1024 / 1024 / 1024, 3),
# printed as 'Peak reserved memory = X GB' (GiB: 2^30 bytes); the cell before training prints the reserved memory
# after loading ('X GB of memory reserved.'). The trainer is TRL's SFTTrainer through Unsloth (packing False where
# set), LoRA dropout 0, bias none; rows are the dataset's own (Alpaca, FineTome, ShareGPT chats), padded per batch,
# not to max_seq_length: seq is max_seq_length as the notebook sets it, an upper bound on the rows.
UNS = "https://github.com/unslothai/notebooks/blob/bdda2efc7ad5ae129ea63cd2065d23c391406283/nb/%s"
UNS_HOW = ("reading (torch.cuda.max_memory_reserved: the notebook's cell round(torch.cuda.max_memory_reserved() / "
           "1024 / 1024 / 1024, 3), printed as 'Peak reserved memory = X GB': the allocator's reserved peak, GiB)")
CARDS = {"t4": ("T4 16GB", "Tesla T4 (Max memory = 14.748 GB)"),
         "t4b": ("T4 16GB", "Tesla T4 (Max memory = 14.741 GB)"),
         "a100-80": ("A100 80GB", "NVIDIA A100-SXM4-80GB (Max memory = 79.318 GB)"),
         "a100-40": ("A100 40GB", "NVIDIA A100-SXM4-40GB (Max memory = 39.557 GB)"),
         "a10g": ("A10G 24GB", "NVIDIA A10G (Max memory = 22.184 GB)"),
         "l4": ("L4 24GB", "NVIDIA L4 (Max memory = 22.161 GB)")}
GC_SET = "'unsloth' (use_gradient_checkpointing = \"unsloth\": Unsloth's checkpointing that offloads to host RAM)"
GC_DEFAULT = ("'unsloth' (not written in the cell: FastModel.get_peft_model's default use_gradient_checkpointing "
              "= 'unsloth', offloading to host RAM)")


def uns(nbfile, model, card, four_bit, rank, alpha, batch, accum, optim, start, peak, data, steps, version,
        targets=ALL7, gc=GC_SET, seq=2048, note="", packing=False):
    gpu, cap = CARDS[card]
    bf16 = not card.startswith("t4")
    method = "qlora" if four_bit else "lora"
    slug = re.sub(r"[^a-z0-9.]+", "-", nbfile.replace(".ipynb", "").lower()).strip("-")
    rec(id="unsloth-nb-%s-%s-r%d-b%d-%s" % (slug, method, rank, batch, card.replace("t4b", "t4")),
        source=UNS % nbfile, source_key="unsloth-notebooks-" + nbfile.replace(".ipynb", "").lower(),
        model=model, family=method, method=method,
        quant=("nf4 (Unsloth's loader, load_in_4bit = True: a bitsandbytes 4-bit checkpoint)" if four_bit
               else "none (16-bit weights; load_in_4bit = False)"),
        seq=seq, batch=batch, grad_accum=accum,
        precision=("bf16 (Unsloth's autocast; the banner: Bfloat16 = TRUE)" if bf16 else
                   "fp16 (not set in the cell: Unsloth's trainer runs fp16 autocast on a T4, banner Bfloat16 = FALSE)"),
        checkpointing=gc, optimizer=optim,
        attention="not stated (Unsloth's own choice: xformers or SDPA on a T4, no flash-attention 2)" if not bf16
        else "not stated (Unsloth's own choice)",
        loss="not stated (the notebook trains through Unsloth, which patches the model's loss)",
        lora_rank=rank, lora_dropout=0.0, lora_targets=targets, gpus=1, sharding="none", gpu=gpu,
        card_as_published=cap, outcome="fit", measured_bytes=int(peak * GIB),
        measured_as="'Peak reserved memory = %s GB.' ('%s GB of memory reserved.' before training)" % (peak, start),
        measured_how=UNS_HOW, table="the notebook's 'Show final memory and time stats' cell",
        notes="%s; LoRA alpha %d, dropout 0; %s, %s; %s; %s%s" % (
            version, alpha, data, "%d steps" % steps if isinstance(steps, int) else steps,
            "4-bit base" if four_bit else "16-bit base",
            "rows packed to max_seq_length %d (packing = True)" % seq if packing else
            "rows shorter than max_seq_length %d are not padded to it" % seq, note))


# (notebook, model, card, 4-bit, r, alpha, batch, accum, optimizer, start GiB, peak GiB, data, steps, version)
OPT8 = "adamw_8bit (bitsandbytes 8-bit AdamW)"
ALPACA = "unsloth/alpaca-cleaned"
for row in (
        ("Llama3.1_(8B)-Alpaca.ipynb", "llama-3.1-8b", "t4", True, 16, 16, 2, 4, OPT8, 5.984, 7.922, ALPACA, 60,
         "Unsloth 2024.8, Transformers 4.44.2, torch 2.4.0+cu121; model unsloth/Llama-3.1-8B"),
        ("Llama3_(8B)-Alpaca.ipynb", "llama-3-8b", "t4", True, 16, 16, 2, 4, OPT8, 5.594, 7.535, ALPACA, 60,
         "torch 2.3.0+cu121; model unsloth/llama-3-8b-bnb-4bit"),
        ("Llama3.2_(1B_and_3B)-Conversational.ipynb", "llama-3.2-3b", "t4", True, 16, 16, 2, 4, OPT8, 2.635, 6.531,
         "mlabonne/FineTome-100k chats (train_on_responses_only)", 60,
         "model unsloth/Llama-3.2-3B-Instruct (the notebook's load banner is not in the saved outputs)"),
        ("Mistral_v0.3_(7B)-Alpaca.ipynb", "mistral-7b-v0.3", "t4", True, 16, 16, 2, 4, OPT8, 4.52, 5.836, ALPACA,
         60, "torch 2.3.0+cu121; model unsloth/mistral-7b-v0.3"),
        ("Mistral_v0.3_(7B)-Conversational.ipynb", "mistral-7b-v0.3", "t4", True, 16, 16, 2, 4, OPT8, 4.52, 6.289,
         "philschmid/guanaco-sharegpt-style chats", 60,
         "torch 2.3.0+cu121; model unsloth/mistral-7b-instruct-v0.3-bnb-4bit (the v0.3 shape)"),
        ("Mistral_Nemo_(12B)-Alpaca.ipynb", "mistral-nemo-12b", "t4", True, 16, 16, 2, 4, OPT8, 8.588, 10.68,
         ALPACA, 60, "torch 2.3.1+cu121; model unsloth/Mistral-Nemo-Base-2407"),
        ("Mistral_Small_(22B)-Alpaca.ipynb", "mistral-small-22b", "t4", True, 16, 16, 1, 4, OPT8, 12.486, 14.271,
         ALPACA, 60,
         "Unsloth 2024.9, Transformers 4.44.2, torch 2.4.0+cu121; model unsloth/Mistral-Small-Instruct-2409"),
        ("Gemma2_(2B)-Alpaca.ipynb", "gemma-2-2b", "t4", True, 16, 16, 2, 4, OPT8, 2.697, 7.684, ALPACA, 60,
         "Unsloth 2024.8, Transformers 4.43.3, torch 2.3.1+cu121; model unsloth/gemma-2-2b"),
        ("Gemma2_(9B)-Alpaca.ipynb", "gemma-2-9b", "t4", True, 16, 16, 2, 4, OPT8, 6.576, 9.383, ALPACA, 60,
         "torch 2.3.0+cu121; model unsloth/gemma-2-9b"),
        ("Phi_3.5_Mini-Conversational.ipynb", "phi-3.5-mini", "t4", True, 16, 16, 2, 4, OPT8, 2.285, 3.342,
         "philschmid/guanaco-sharegpt-style chats", 60,
         "Unsloth 2024.8 ('Fast Llama patching': Phi-3 split into separate projections), torch 2.3.1+cu121"),
        ("Phi_3_Medium-Conversational.ipynb", "phi-3-medium", "t4", True, 16, 16, 2, 4, OPT8, 7.504, 9.623,
         "philschmid/guanaco-sharegpt-style chats", 60,
         "torch 2.3.0+cu121; model unsloth/Phi-3-medium-4k-instruct (split into separate projections by Unsloth)"),
        ("Phi_4-Conversational.ipynb", "phi-4", "t4", True, 16, 16, 2, 4, OPT8, 10.043, 12.361,
         "mlabonne/FineTome-100k chats (train_on_responses_only)", 30,
         "Unsloth 2025.1.5, Transformers 4.47.1; model unsloth/Phi-4"),
        ("Qwen2.5_(7B)-Alpaca.ipynb", "qwen2.5-7b", "t4", True, 16, 16, 2, 4, OPT8, 5.764, 7.893, ALPACA, 60,
         "torch 2.4.1+cu121; model unsloth/Qwen2.5-7B"),
        ("Qwen2.5_Coder_(14B)-Conversational.ipynb", "qwen2.5-14b", "t4", True, 16, 16, 1, 4,
         "paged_adamw_8bit (bitsandbytes paged 8-bit AdamW)", 10.287, 13.24,
         "mlabonne/FineTome-100k chats (train_on_responses_only)", 30,
         "Unsloth 2024.11.6, Transformers 4.46.2, torch 2.5.0+cu121; model unsloth/Qwen2.5-Coder-14B-Instruct"),
        ("Qwen3_(14B).ipynb", "qwen3-14b", "t4b", True, 32, 32, 2, 4, OPT8, 11.898, 14.066,
         "a mix of unsloth/OpenMathReasoning-mini (cot) and mlabonne/FineTome-100k chats", 30,
         "Unsloth 2025.4.5, Transformers 4.51.3, torch 2.6.0+cu124; model unsloth/Qwen3-14B"),
        ("Qwen3_(14B)-Alpaca.ipynb", "qwen3-14b", "t4b", True, 16, 16, 2, 4, OPT8, 11.898, 12.949, ALPACA, 60,
         "Unsloth 2025.4.4, Transformers 4.51.3, torch 2.6.0+cu124; model unsloth/Qwen3-14B-Base-unsloth-bnb-4bit "
         "(the Qwen3-14B shape)"),
        ("Llama3.3_(70B)_A100-Conversational.ipynb", "llama-3.3-70b", "a100-80", True, 16, 16, 2, 4, OPT8, 39.221,
         42.789, "mlabonne/FineTome-100k chats (train_on_responses_only)", 60,
         "Unsloth 2025.9.1, Transformers 4.55.4, torch 2.8.0+cu126; model unsloth/Llama-3.3-70B-Instruct"),
        ("Qwen3_(32B)_A100-Reasoning-Conversational.ipynb", "qwen3-32b", "a100-40", True, 32, 32, 2, 4, OPT8, 19.121,
         24.529, "a mix of unsloth/OpenMathReasoning-mini (cot) and mlabonne/FineTome-100k chats", 30,
         "Unsloth 2025.9.1, Transformers 4.55.4, torch 2.8.0+cu126; model unsloth/Qwen3-32B"),
        ("Llama3.2_(1B)-RAFT.ipynb", "llama-3.2-1b", "a10g", True, 16, 16, 1, 8, "AdamW (adamw_torch: fp32 states)",
         1.457, 2.156, "the notebook's own retrieval-augmented (RAFT) question rows", 60,
         "Unsloth 2025.4.7, Transformers 4.51.3, torch 2.6.0+cu124; model unsloth/Llama-3.2-1B-Instruct"),
):
    uns(*row)
# more of the same notebooks' rows: Llama 3 8B chats, Qwen2 7B, CodeGemma 7B at 4k, Magistral 24B on an L4, TinyLlama
# with packing and no gradient checkpointing, and Mistral v0.3 continued pretraining with trainable embeddings
for row in (
        ("Llama3_(8B)-Conversational.ipynb", "llama-3-8b", "t4", True, 16, 16, 2, 4, OPT8, 5.594, 9.549,
         "philschmid/guanaco-sharegpt-style chats", 60,
         "torch 2.3.0+cu121; model unsloth/llama-3-8b-Instruct-bnb-4bit"),
        ("Llama3_(8B)-Ollama.ipynb", "llama-3-8b", "t4", True, 16, 16, 2, 4, OPT8, 5.613, 8.361,
         "vicgalle/alpaca-gpt4", 60, "torch 2.4.1+cu121; model unsloth/llama-3-8b-bnb-4bit"),
        ("Qwen2_(7B)-Alpaca.ipynb", "qwen2-7b", "t4", True, 16, 16, 2, 4, OPT8, 7.072, 9.137, ALPACA, 60,
         "torch 2.3.0+cu121; model unsloth/Qwen2-7B"),
        ("Magistral_(24B)-Reasoning-Conversational.ipynb", "magistral-small-24b", "l4", True, 32, 32, 2, 2, OPT8,
         14.594, 18.139, "unsloth/OpenMathReasoning-mini and chat rows", 15,
         "Unsloth 2025.6.1, Transformers 4.52.4, torch 2.6.0+cu124; model "
         "unsloth/Magistral-Small-2509-unsloth-bnb-4bit"),
):
    uns(*row)
uns("CodeGemma_(7B)-Conversational.ipynb", "codegemma-7b", "t4", True, 16, 16, 1, 4, OPT8, 5.967, 12.316,
    "philschmid/guanaco-sharegpt-style chats", 20, "torch 2.2.1+cu121; model unsloth/codegemma-7b-bnb-4bit",
    seq=4096)
uns("TinyLlama_(1.1B)-Alpaca.ipynb", "tinyllama-1.1b", "t4", True, 32, 32, 2, 4, OPT8, 0.879, 13.508, ALPACA,
    "one epoch (num_train_epochs = 1)", "model unsloth/tinyllama-bnb-4bit", seq=4096,
    gc="none (use_gradient_checkpointing = False: '@@@ IF YOU GET OUT OF MEMORY - set to True @@@')",
    packing=True)
uns("Mistral_(7B)-Text_Completion.ipynb", "mistral-7b-v0.3", "t4", True, 128, 32, 2, 8, OPT8, 6.367, 11.432,
    "roneneldan/TinyStories (continued pretraining through UnslothTrainer, embedding_learning_rate 5e-6)",
    "one epoch (num_train_epochs = 1)", "torch 2.3.0+cu121; model unsloth/mistral-7b-v0.3",
    targets=ALL7 + ",embed_tokens,lm_head (the embeddings and the head trained too)",
    note="; rsLoRA (use_rslora = True)")
# Gemma 3 through FastModel: get_peft_model takes finetune_language_layers / attention / mlp modules = True (the
# seven projections of the language model, vision layers off) and leaves use_gradient_checkpointing at its default
uns("Gemma3_(27B)_A100-Conversational.ipynb", "gemma-3-27b", "a100-40", True, 8, 8, 2, 4, OPT8, 19.074, 25.791,
    "mlabonne/FineTome-100k chats (train_on_responses_only)", 30,
    "Unsloth 2025.9.1, Transformers 4.55.4, torch 2.8.0+cu126; model unsloth/gemma-3-27b-it",
    targets=ALL7 + " (finetune_language_layers, attention and MLP modules; vision layers off)", gc=GC_DEFAULT)
uns("Gemma3_(270M).ipynb", "gemma-3-270m", "t4b", False, 128, 128, 4, 1, OPT8, 0.832, 4.268,
    "Thytu/ChessInstruct (first 10,000 rows, train_on_responses_only)", 100,
    "Unsloth 2025.8.9, Transformers 4.55.2, torch 2.8.0+cu126; model unsloth/gemma-3-270m-it",
    note="; a 16-bit LoRA (load_in_4bit = False, full_finetuning = False)")

# Full fine-tunes through Unsloth (full_finetuning = True) exist only with quantization-aware training (qat_scheme):
# fake-quantized forward passes on top of a full fine-tune, which the records say in their notes
QAT_NOTE = ("; full fine-tune with quantization-aware training (qat_scheme = '%s': fake-quantized weights and "
            "activations in the forward pass), which the notebook's banner confirms: 'Applying QAT to mitigate "
            "quantization degradation'; 'Padding-free auto-enabled'")
for nbfile, model, seq, batch, accum, optim, start, peak, data, steps, version, qat in (
        ("Qwen3_(0_6B)-Phone_Deployment.ipynb", "qwen3-0.6b", 1024, 2, 4, OPT8, 3.518, 10.562,
         "a mix of unsloth/OpenMathReasoning-mini (cot) and mlabonne/FineTome-100k chats", 100,
         "Unsloth 2025.12.9, Transformers 4.56.2, torch 2.9.0+cu126; model unsloth/Qwen3-0.6B", "phone-deployment"),
        ("Gemma3_(270M)_Phone_Deployment.ipynb", "gemma-3-270m", 2048, 8, 4, "AdamW (adamw_torch: fp32 states)", 1.666,
         13.57, "mlabonne/FineTome-100k chats", 60,
         "Unsloth 2025.12.9, Transformers 4.56.2; model unsloth/gemma-3-270m-it", "int4")):
    gpu, cap = CARDS["t4b"]
    rec(id="unsloth-nb-%s-full-qat-b%d-t4" % (re.sub(r"[^a-z0-9.]+", "-", nbfile.replace(".ipynb", "").lower())
                                             .strip("-"), batch),
        source=UNS % nbfile, source_key="unsloth-notebooks-" + nbfile.replace(".ipynb", "").lower(),
        model=model, family="full", method="full", quant="none (16-bit checkpoint; full_finetuning = True)",
        seq=seq, batch=batch, grad_accum=accum,
        precision="fp16 (mixed: the banner says 'Float16 full finetuning uses more memory since we upcast weights "
                  "to float32': fp32 weights under fp16 autocast on a T4)" if model == "qwen3-0.6b" else
                  "fp16 (mixed: Unsloth's fp16 full fine-tune on a T4, Bfloat16 = FALSE; weights upcast to fp32 "
                  "by Unsloth for fp16 full fine-tuning, not printed in this notebook)",
        checkpointing="not stated (the notebook sets no gradient checkpointing for the full fine-tune)",
        optimizer=optim, attention="not stated (Unsloth's own choice on a T4: xformers, no flash-attention 2)",
        loss="not stated (the notebook trains through Unsloth, which patches the model's loss)", gpus=1,
        sharding="none", gpu=gpu, card_as_published=cap, outcome="fit", measured_bytes=int(peak * GIB),
        measured_as="'Peak reserved memory = %s GB.' ('%s GB of memory reserved.' before training)" % (peak, start),
        measured_how=UNS_HOW, table="the notebook's 'Show final memory and time stats' cell",
        notes="%s; %s, %d steps; rows packed padding-free up to max_seq_length %d%s" % (
            version, data, steps, seq, QAT_NOTE % qat))

# ---- fxmarty/accelerated-pytorch-transformers-generation README: HF generate of LLaMA 7B on an A10G ----
# scripts/run_llama.py: torch.cuda.reset_peak_memory_stats before the timed generate, max_memory_allocated(device)
# * 1e-6 printed as max_mem_mb; the 'None' row is transformers' own model and generate (the other rows are the repo's
# rewritten model with a preallocated cache, left out)
FXM = ("https://github.com/fxmarty/accelerated-pytorch-transformers-generation/blob/"
       "cd00bdbf4f549dbc1c25d834822aafa3718cefb8/README.md")
rec(id="fxmarty-llama-7b-fp16-hf-generate-p1000-n200-a10g", source=FXM, source_key="fxmarty-accelerated-generation",
    model="llama-7b", quant="none (fp16 weights: from_pretrained(torch_dtype=fp16))", seq=1200, batch=1,
    precision="fp16 (torch_dtype float16)", attention="not stated (transformers' LlamaAttention of mid-2023: eager)",
    serving_engine="HF transformers generate (greedy, static prompt of 1000 tokens, 200 new tokens)", gpus=1,
    sharding="none", gpu="A10G 24GB", card_as_published="AMD EPYC 7R32 + A10G (g5.2xlarge)", outcome="fit",
    measured_bytes=int(14776.09e6),
    measured_as="'| None | no | 23.150 | 14776.09 | 0d6aa042 | / |' (batch_size=1, prompt_length=1000, "
                "new_tokens=200, cache_length=1200, dtype=fp16)",
    measured_how="max_memory_allocated (run_llama.py: torch.cuda.max_memory_allocated(device) * 1e-6 after "
                 "reset_peak_memory_stats, printed as max_mem_mb: 10^6 bytes)",
    table="Results", notes="the KV cache grows with HF's dynamic cache up to 1,200 tokens; seq is prompt plus "
    "new tokens", **INFER)

# ---- Axionis47/vllm-benchmark README: Mistral-7B-Instruct-v0.3 served by vLLM on one L4 ----
# server/vllm/configs/C*.yaml: max_model_len 8192, gpu_memory_utilization 0.90, plus each config's extra flag;
# the bench samples nvidia-smi memory.used during the run and reports the peak per config (aggregate_matrix.py)
AXI = "https://github.com/Axionis47/vllm-benchmark/blob/25e677fc48823d98e3a73a63b9f0d1942448dfab/README.md"
for cfg, extra, kv, fig, cell in (
        ("c1", "baseline (no extra flags)", "", 20.7, "| C1 | 97.4% | 100% | 20.7 GB |"),
        ("c3", "--enforce-eager (CUDA graphs off)", "", 20.3, "| C3 | 97.4% | 100% | 20.3 GB |"),
        ("c4", "--max-num-seqs 512", "", 20.7, "| C4 | 97.5% | 100% | 20.7 GB |"),
        ("c5", "--kv-cache-dtype fp8", "fp8 (--kv-cache-dtype fp8)", 20.6, "| C5 | 97.5% | 100% | 20.6 GB |")):
    extra_kv = {"kv_cache_dtype": kv} if kv else {}
    rec(id="axionis-vllm-mistral-7b-v0.3-bf16-%s-gmu09-l4" % cfg, source=AXI, source_key="axionis47-vllm-l4",
        model="mistral-7b-v0.3", quant="none (bf16 weights)", seq=8192, batch=4,
        precision="bf16 (the README: Mistral-7B-Instruct-v0.3 (BF16))",
        attention="not stated (vLLM's default attention backend)",
        serving_engine="vLLM 0.10.1 (the README's test environment; the Dockerfile pins vllm-openai v0.6.4.post1)",
        max_model_len=8192, gpu_memory_utilization=0.9, gpus=1, sharding="none", gpu="L4 24GB",
        card_as_published="NVIDIA L4 (24GB VRAM)", outcome="fit", measured_bytes=int(fig * GB),
        measured_as="'%s' (config %s: %s)" % (cell, cfg.upper(), extra),
        measured_how="reading (nvidia-smi memory.used sampled during the run, the peak per config; device-level; "
                     "the README's GB unit is not defined: taken as 10^9 bytes)",
        table="GPU Utilization", notes="3,600 requests per config at concurrency 4 (batch 4 written in from the "
        "concurrency), prompts of up to 8,192 tokens with 200 new tokens; max_model_len 8192 and "
        "gpu_memory_utilization 0.90 from server/vllm/configs", **extra_kv, **INFER)

# ---- pytorch.github.io blog posts ----
PTB = "https://github.com/pytorch/pytorch.github.io/blob/%s/_posts/%s"
FTL = PTB % ("199a1e7b6ed082611f3eebebb41a158849e122e6", "2024-01-10-finetune-llms.md")
for seq, fig, cell in (
        (1024, 10, "'when using a sequence length of 1024 and a batch size od 4, the memory usage remains very low "
                   "(around 10GB)' and '10GB for a sequence length of 1024'"),
        (512, 7, "'requires in practice ~7-10GB ... (7 GB for a sequence length of 512 and 10GB for a sequence length "
                 "of 1024) in the Google Colab demo'")):
    rec(id="pytorch-blog-finetune-llms-llama-2-7b-qlora-s%d-b4-t4" % seq, source=FTL,
        source_key="pytorch-blog-finetune-llms", model="llama-2-7b", family="qlora", method="qlora",
        quant="nf4 (bitsandbytes load_in_4bit; double quant and compute dtype in the post's code image, not typed)",
        seq=seq, batch=4, grad_accum=1, precision="fp16 (a T4 has no bf16; the post's text does not say)",
        checkpointing="not stated",
        optimizer="AdamW (not stated in the text; the post's memory arithmetic counts Adam)",
        attention="not stated (transformers' default)", loss="cross-entropy (TRL SFTTrainer, packing=True)",
        lora_rank=64, lora_targets="q_proj,v_proj (not stated: PEFT's default for Llama)", gpus=1, sharding="none",
        gpu="T4 16GB", card_as_published="NVIDIA T4 16GB (free-tier Google Colab)", outcome="fit",
        measured_bytes=fig * GB, measured_as=cell,
        measured_how="not said (the Colab's memory readout, shown as a screenshot: 'around 10GB'; GB taken as 10^9)",
        table="Using QLoRA in practice / Putting all the pieces together",
        notes="'a llama-7b model' on UltraChat through TRL's SFTTrainer with packing=True (rows filled to the "
              "length); the LoRA settings are in a code image: rank 64 written in (TRL's SFT example default of the "
              "time), targets PEFT's Llama default; batch 4 is stated for the 1024 run and written in for the 512 "
              "one; Llama-2 7B shape (the post's introduction)")
TAO = PTB % ("4397459ab00c71653003371bbf67476a86298859", "2024-09-26-pytorch-native-architecture-optimization.md")
rec(id="pytorch-blog-torchao-llama-3.1-8b-int4wo-int8kv-128k", source=TAO, source_key="pytorch-blog-torchao-launch",
    model="llama-3.1-8b", quant="int4 weight-only (torchao int4_weight_only)", seq=131072, batch=1,
    precision="bf16 (activations; the post's baselines are bf16)", attention="not stated (torchao's generate.py)",
    kv_cache_dtype="int8 (torchao's quantized KV cache)",
    serving_engine="torchao's llama generate.py (gpt-fast style, static KV cache of the full context)", gpus=1,
    sharding="none", gpu="A100 80GB",
    card_as_published="not named for this figure (the post: 'Unless otherwise noted the baselines are bf16 run on "
                      "A100 80GB GPU')",
    outcome="fit", measured_bytes=int(18.9 * GB),
    measured_as="'quantize weights to int4 and the kv cache to int8 to support Llama 3.1 8B at the full 128K "
                "context length running in under 18.9GB of VRAM'",
    measured_how="not said (the post's 'under 18.9GB of VRAM', from torchao PR #738; an upper bound, the counter "
                 "not named; GB taken as 10^9)",
    table="Inference", notes="batch 1 written in; the 128K context is the cache length; the bf16 baseline at 128K "
    "is only in a chart (not typed)", **INFER)

# ---- thestarfarer/ministral3-fsdp-lora-loop README: FSDP + LoRA of Ministral 3 14B on four H100s ----
# train.py at ad2f56a: Mistral3ForConditionalGeneration in bf16, flash_attention_2, gradient checkpointing, LoRA on
# the seven projections with rsLoRA, LoRA parameters cast to bf16, FSDP FULL_SHARD with bf16 MixedPrecision and a
# Ministral3DecoderLayer auto-wrap, torch AdamW; the collate pads every row to max_seq_len; micro_batch_size 1
STAR = ("https://github.com/thestarfarer/ministral3-fsdp-lora-loop/blob/52d9dca34eeb85726c992bcf159f05de6178e208/"
        "README.md")
rec(id="starfarer-ministral-3-14b-lora-r512-fsdp4-s16k-h100", source=STAR, source_key="ministral3-fsdp-lora-loop",
    model="ministral-3-14b", family="sharded", method="lora", quant="none (bf16 weights)", seq=16384, batch=1,
    grad_accum=8, precision="bf16 (FSDP MixedPrecision bf16 over a bf16 model; train.py casts the LoRA parameters "
    "to bf16, while the README says 'FP32 Adam optimizer')",
    checkpointing="full (model.gradient_checkpointing_enable())", optimizer="AdamW (torch.optim.AdamW)",
    attention="flash attention 2 (attn_implementation flash_attention_2)",
    loss="cross-entropy (the model's own loss on labels, padding masked)", lora_rank=512, lora_dropout=0.0,
    lora_targets=ALL7, gpus=4,
    sharding="fsdp (FSDP FULL_SHARD over 4 GPUs, Ministral3DecoderLayer auto-wrap, use_orig_params)",
    gpu="H100 80GB", card_as_published="4×H100 80GB", outcome="fit", measured_bytes=None,
    measured_as="'Tested Configuration: 4×H100 80GB, 16k context length, LoRA rank 512, BF16 base model, FP32 Adam "
                "optimizer (no precision loss)'",
    measured_how="outcome (the README's tested configuration: the loop trains on four H100 80GB)",
    table="Tested Configuration",
    notes="the README's rank 512 and 16k context differ from train.py's defaults (r 256, max_seq_len 8192): the "
          "README's tested values are the record, batch 1 and accumulation 8 from train.py; every row is padded "
          "to the context length; rsLoRA; Ministral-3-14B-writer was trained with it")

# ---- hanasobi/self-hosted-llms-tutorial, blog post 5: Mistral-7B QLoRA on a T4 ----
# The post's config (05-lora-training/scripts/config.py at 91d3860): max_seq_length 1024, batch 4, accumulation 4,
# gradient checkpointing, paged_adamw_8bit, LoRA 'standard_r8_qkvo' (r 8, alpha 16, dropout 0.05 on q,k,v,o);
# BitsAndBytesConfig nf4, double quant, fp16 compute; TrainingArguments fp16=True in the post.
HANA = ("https://github.com/hanasobi/self-hosted-llms-tutorial/blob/9ca395da3e1790b80703a7fb856e80fa00b97af9/docs/"
        "posts/05-lora-training.md")
rec(id="hanasobi-mistral-7b-qlora-r8-qkvo-b4-s1024-t4", source=HANA, source_key="hanasobi-post5-lora-training",
    model="mistral-7b-v0.1", family="qlora", method="qlora",
    quant="nf4 (bitsandbytes load_in_4bit, nf4, double quant, fp16 compute)", seq=1024, batch=4, grad_accum=4,
    precision="fp16 (TrainingArguments fp16=True on a T4)", checkpointing="full (gradient_checkpointing=True)",
    optimizer="paged_adamw_8bit (bitsandbytes)", attention="not stated (transformers' default)",
    loss="cross-entropy (causal LM, HF Trainer)", lora_rank=8, lora_dropout=0.05, lora_targets=ATTN4, gpus=1,
    sharding="none", gpu="T4 16GB", card_as_published="T4 (16GB VRAM; '15GB verfügbar')", outcome="fit",
    measured_bytes=10 * GB,
    measured_as="'Tatsächlich gemessen: 10GB Peak auf T4 (15GB verfügbar)' and 'Batch Size 4 + Gradient "
                "Checkpointing -> 10GB Peak'",
    measured_how="not said (the post's 'measured: 10GB peak'; it shows an nvidia-smi screenshot beside it, so the "
                 "figure is likely a device reading, but the text does not say; GB taken as 10^9)",
    table="Memory-Mathematik: QLoRA Fine-tuning (unsere Lösung)",
    notes="mistralai/Mistral-7B-v0.1 (config.py's model_name); 3,477 QA rows, max_seq_length 1024 (rows up to it, "
          "not padded to it); 218 steps, 1 epoch; trainable 6,815,744 as the post prints")

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records")
