"""Twenty-first held-out split (session 31, issue 14): published measured peaks and fit/OOM outcomes from pages no
earlier measured set cites, weighted toward what users do (LoRA and QLoRA of modern LLMs).

This set is BLIND: written by a helper who never read the engine (src/main), the knowledge or prompts, never ran
oomdoc or BudgetBench on these records, and never looked at a score. Nothing here was tuned on, and nothing may be:
score it, never fit to it.

UNFINISHED: two helpers of session 31 wrote it (bb21: 9 records from 5 repositories; bb21b: 13 more from 6 more), 22
records in all against the 30-40 issue 14 asks, so the form test MeasuredHeldOutTwentyOneTest sets its floor to 22; a
later writer extends this file and raises it.

How the pages were chosen: bench/blind_exclusions.sh /tmp/h31/bb21-excl was run first; a page was dropped when its
repository (or a repository of the same short name) is in repos.txt, when the page or thread is in threads.txt or
urls.txt, when bench/results.md or an earlier make_measured_*.py names it, or when a parallel blind writer of this
session holds it (/tmp/h31/*-sources.txt). The writer's own list is /tmp/h31/bb21-sources.txt. The search tools'
first answers were nearly all cited already (ai-learner-1429/peft-examples, dennislee22/vLLM-benchmarking,
ellisbrown/BDML25SP, dmitrymailk/vision_genai, torchao, torchtitan, Liger-Kernel, GaLore, Firefly and more were found
and dropped), so the records come from small user repositories read from their git snapshots. A page was kept only
where it prints a GPU memory figure for a setup it states (and the code beside the figure says which counter it is),
or says that a named setup ran, or ran out of memory, on a named card. Estimates printed beside measurements were
left out.

Pages (12 source keys in 11 repositories); the first five are bb21's, the rest bb21b's:
- terahidro2003/ID2223_finetuning: a KTH ID2223 lab notebook, Unsloth QLoRA of Llama 3.2 3B on an RTX 4070 12GB
  (reserved peak).
- YYHDBL/qwen3-qlora-reasoning: bf16 LoRA r32 (all linear layers plus a trained lm_head) of Qwen3-1.7B-Base, stage-3
  report (max_memory_allocated; card not named for the run).
- chinmaynighojkar/wikisql-qlora-execution-eval: QLoRA of Qwen2.5-1.5B-Instruct on an RTX 3050 Laptop 4GB
  (max_memory_allocated).
- techwithsergiu/qwen-qlora-train: Unsloth QLoRA configs of Qwen3 1.7B/4B (validated) and 8B (OOM) on an RTX 3070 8GB
  (outcomes only).
- kuotunyu/tw-med-llm-qlora: Unsloth QLoRA of a Gemma 3 12B chat model on an L4 and an A100 40GB, and NF4 + LoRA
  generate on an RTX 4090 (run manifests, max_memory_allocated).
- EvilFreelancer/benchmarking-llms: bf16 HF pipeline generate (1024 new tokens, KV cache off) of LLaMA 7B, Llama-2-7B
  and Qwen-7B-Chat on an RTX 4090 (counter not said), and Llama-2-13B that did not fit the card (outcome).
- justin-aj/ml-sys: GPT-2 medium/large full fine-tunes on one unnamed GPU, plain PyTorch vs DeepSpeed ZeRO 1/2/3 and
  ZeRO-Offload on one rank (max_memory_allocated).
- kaust-rccl/Dist-DL-training: BLOOM-560m full fine-tune baseline on an A100 (nvidia-smi peak from the README's example
  output).
- Harb2551/DomainAI: fp16 LoRA r16 of Qwen2-7B-Instruct, batch 8 of 256 padded tokens (max_memory_allocated).
- daddyofadoggy/blog posts/fsdp2: SmolLM3-3B full fine-tune with FSDP2 ZeRO-2 and ZeRO-3 on 4x H100, 8192 packed
  tokens a rank (approximate per-GPU figures, counter not said).

Counts: 22 records; families qlora 7, lora 2, full 6, inference 5, sharded 2 (17 of 22 fine-tuning); outcomes fit
20, oom 2; 18 with a figure (11 max_memory_allocated, 1 reserved peak, 1 nvidia-smi, 5 counter not said) and 4
outcomes. Weak spots: one multi-GPU page only (the two FSDP2 records, approximate figures; the ZeRO records of
justin-aj/ml-sys ran on one rank and are filed as full), no vLLM record, five records on older models (LLaMA 1/2,
GPT-2, BLOOM).

Each record keeps its page's URL pinned to the commit that last changed the file, the row or line its figure comes
from and what the page (or the code beside it) says about how memory was read. Model shapes are each model's
config.json values as known to the writer (no network here to reopen them); the parameter count is computed from them
unless the page prints it. Each record's notes say what its page leaves unsaid and what the writer wrote in.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout21.py
"""
import json

from measured_shapes import llama, shape  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout21.json"
GB = 10 ** 9
GIB = 2 ** 30
KNOWN = "config.json values as known to the writer, not reopened this session"
QKV_BIAS = "; q/k/v biases left out of the count"
ALL7 = "q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj"

A = {
    "llama-3.2-3b": llama("meta-llama/Llama-3.2-3B-Instruct as unsloth's copy (%s)" % KNOWN, 28, 3072, 24, 8, 8192,
                          128256, tied=True, head_dim=128, params=3237063680,
                          extra="; params as Unsloth's banner prints them (24,313,856 trainable of 3,237,063,680)"),
    "qwen3-1.7b": llama("Qwen/Qwen3-1.7B-Base (%s)" % KNOWN, 28, 2048, 16, 8, 6144, 151936, tied=True, head_dim=128),
    "qwen3-4b": llama("Qwen/Qwen3-4B (%s)" % KNOWN, 36, 2560, 32, 8, 9728, 151936, tied=True, head_dim=128),
    "qwen3-8b": llama("Qwen/Qwen3-8B (%s)" % KNOWN, 36, 4096, 32, 8, 12288, 151936, head_dim=128),
    # the TAIDE chat model is a Gemma 3 12B fine-tune held as Gemma3ForConditionalGeneration; the count below is the
    # language model only (its 25.4 GiB of bf16 weights also hold the SigLIP vision tower, about 0.4B parameters)
    "gemma-3-12b-taide": llama("taide/Gemma-3-TAIDE-12b-Chat-2602, the google/gemma-3-12b-it text shape (%s; GeGLU "
                               "MLP counted as gated; vision tower left out)" % KNOWN, 48, 3840, 16, 8, 15360, 262208,
                               tied=True, head_dim=256),
    "qwen2.5-1.5b": llama("Qwen/Qwen2.5-1.5B-Instruct (%s%s)" % (KNOWN, QKV_BIAS), 28, 1536, 12, 2, 8960, 151936,
                          tied=True),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    k["split"] = "heldout21"
    out.append(k)


# ---- terahidro2003/ID2223_finetuning, ID2223_fine_tuning_.ipynb: Unsloth QLoRA of Llama 3.2 3B, RTX 4070 ----
# Unsloth 2025.11.6 banner: 'NVIDIA GeForce RTX 4070. Num GPUs = 1. Max memory: 11.994 GB', Bfloat16 = TRUE, FA2 False
# (xformers). max_seq_length 2048, load_in_4bit True, r 16 alpha 16 on the seven projections, gradient checkpointing
# "unsloth"; SFTConfig per_device_train_batch_size 8, gradient_accumulation_steps 7 ('Total batch size (8 x 7 x 1) =
# 56'); train_on_responses_only. The memory cell is Unsloth's: torch.cuda.max_memory_reserved() / 1024**3 labelled GB.
TER = ("https://github.com/terahidro2003/ID2223_finetuning/blob/b0bfda1f005f0b1d625d5f649cadab3d831ff861/"
       "ID2223_fine_tuning_.ipynb")
rec(id="id2223-terahidro-llama-3.2-3b-qlora-r16-all7-b8-s2048-4070", source=TER, source_key="id2223-terahidro2003",
    model="llama-3.2-3b", family="qlora", method="qlora", quant="nf4 (load_in_4bit True, Unsloth's bnb-4bit path)",
    seq=2048, batch=8, grad_accum=7, precision="bf16 (dtype None: Unsloth picks bf16 on an RTX 4070)",
    checkpointing="unsloth (use_gradient_checkpointing=\"unsloth\": offloaded activation checkpoints)",
    optimizer="not printed in the cells read (the Unsloth recipe the lab copies uses adamw_8bit)",
    attention="xformers (Unsloth banner: 'Xformers = 0.0.33.post1. FA2 = False')",
    loss="cross-entropy on responses only (train_on_responses_only)", lora_rank=16, lora_dropout=0.0,
    lora_targets=ALL7, gpus=1, sharding="none", gpu="RTX 4070 12GB",
    card_as_published="NVIDIA GeForce RTX 4070 (Unsloth: 'Max memory: 11.994 GB')", outcome="fit",
    measured_bytes=int(10.949 * GIB),
    measured_as="'Peak reserved memory = 10.949 GB.' ('Peak reserved memory for training = 7.879 GB.', '3.07 GB of "
                "memory reserved.' before training)",
    measured_how="reading of the allocator's reserved peak (torch.cuda.max_memory_reserved() / 1024**3, labelled GB, "
                 "so GiB), not max_memory_allocated",
    table="'Show final memory and time stats' cell",
    notes="FineTome-style chat rows (181,671 examples, 2 epochs, 3,250 steps) padded per batch up to 2048, not "
          "packed; the run resumed from a Hub checkpoint (checkpoint-1600); 'Unsloth: Will smartly offload gradients "
          "to save VRAM!'")

# ---- YYHDBL/qwen3-qlora-reasoning: stage-3 Wonderland report, bf16 LoRA of Qwen3-1.7B-Base ----
# configs/stage3_wonderland_coldstart.yaml: bf16, sdpa, no quantization, LoRA r 32 alpha 64 dropout 0.05 on all-linear
# with modules_to_save ["lm_head"], max_length 1024, per_device_train_batch_size 8, gradient_accumulation_steps 4,
# gradient_checkpointing True (use_reentrant False), adamw_torch_fused, assistant_only_loss, no packing.
# src/training/train_sft.py resets the peak stats before training and logs torch.cuda.max_memory_allocated() as
# peak_gpu_memory_bytes; the report prints it in GB (the scripts divide by 1e6 for MB).
YY = ("https://github.com/YYHDBL/qwen3-qlora-reasoning/blob/3cddcae47faae4566f9f267539f41fb569261f6c/docs/reports/"
      "stage3_wonderland_experiment_report.md")
rec(id="yyhdbl-qwen3-1.7b-bf16-lora-r32-alllinear-lmhead-b8-s1024", source=YY, source_key="yyhdbl-stage3-report",
    model="qwen3-1.7b", family="lora", method="lora", quant="none (bf16 weights, load_in_4bit False)",
    seq=1024, batch=8, grad_accum=4, precision="bf16 (bf16 True, tf32 True)",
    checkpointing="gradient checkpointing (use_reentrant False)", optimizer="adamw_torch_fused (fp32 states)",
    attention="sdpa", loss="cross-entropy on assistant tokens only (assistant_only_loss)", lora_rank=32,
    lora_dropout=0.05,
    lora_targets="all-linear, plus modules_to_save lm_head (a full trainable copy of the tied 151936 x 2048 head)",
    gpus=1, sharding="none", gpu="",
    card_as_published="not named for the run (the repository's server guide speaks of an RTX 4090 and notes a "
                      "reported 48 GB to be verified)",
    outcome="fit", measured_bytes=int(17.0 * GB),
    measured_as="'| Peak GPU memory | 17.0 GB | 17.0 GB | 17.0 GB |' (runs v0_1, v0_2, v0_3)",
    measured_how="max_memory_allocated (train_sft.py: torch.cuda.max_memory_allocated() after "
                 "reset_peak_memory_stats(), printed as decimal GB)",
    table="3. Full Results Matrix, Training Metrics",
    notes="one record for the three runs (same setup, 1,983-2,495 rows, 62-78 steps); rows of up to 1024 tokens "
          "padded per batch; the run starts from a stage-2 adapter")

# ---- chinmaynighojkar/wikisql-qlora-execution-eval: QLoRA of Qwen2.5-1.5B-Instruct, RTX 3050 Laptop 4GB ----
# reports/phase3_training.json: r 16 alpha 32 dropout 0.05 on the seven projections, 2 epochs, batch 1, accumulation
# 16, gradient checkpointing, paged_adamw_8bit, max_length 512 (token lengths: median 181, max 369), no packing.
# scripts/phase3_train.py: peak_gib = round(torch.cuda.max_memory_allocated() / 1024**3, 3).
WSQ = ("https://github.com/chinmaynighojkar/wikisql-qlora-execution-eval/blob/"
       "4a59c991695690bf9954bced34010bfa859e9972/reports/phase3_training.json")
rec(id="wikisql-qwen2.5-1.5b-qlora-r16-all7-b1-s512-3050laptop4g", source=WSQ, source_key="wikisql-qlora-phase3",
    model="qwen2.5-1.5b", family="qlora", method="qlora", quant="nf4 (4-bit NF4, 1.119 GiB loaded)",
    seq=512, batch=1, grad_accum=16,
    # read against phase3_train.py in the thirty-second session (budget34): SFTConfig(bf16=capability >= 8), and an
    # RTX 3050 Laptop is Ampere (8.6); the script wraps the 4-bit model in prepare_model_for_kbit_training, which
    # casts every parameter that is not 4-bit (the tied embedding, the norms) to fp32
    precision="bf16 (phase3_train.py: bf16=torch.cuda.get_device_capability()[0] >= 8; the card is Ampere)",
    kbit="peft-fp32 (phase3_train.py calls prepare_model_for_kbit_training before SFTTrainer)",
    checkpointing="gradient checkpointing", optimizer="paged_adamw_8bit",
    attention="not stated", loss="cross-entropy on the completion only", lora_rank=16, lora_dropout=0.05,
    lora_targets=ALL7, gpus=1, sharding="none", gpu="RTX 3050 Laptop 4GB",
    card_as_published="RTX 3050 Laptop, 4 GB VRAM, 'of which only 3.23 GiB is actually free' (README)",
    outcome="fit", measured_bytes=int(2.628 * GIB),
    measured_as="'\"peak_vram_gib\": 2.628' (README: '| Peak during training | 2.628 GiB |')",
    measured_how="max_memory_allocated (phase3_train.py: torch.cuda.max_memory_allocated() / 1024**3, GiB)",
    table="reports/phase3_training.json (README, Hardware constraint table)",
    notes="6,000 WikiSQL prompts of median 181 and at most 369 tokens (max_length 512 is rarely reached); 18,464,768 "
          "trainable of 907,081,216 parameters as the 4-bit model counts them")

# ---- techwithsergiu/qwen-qlora-train: Unsloth QLoRA configs on an RTX 3070 8GB (outcomes) ----
# docs/quickstart.md's table: 1.7b and 4b 'validated' at max_length 5120, 8b 'currently OOM' at 1024; the README:
# 'Validated on an RTX 3070 8 GB for Qwen3 1.7B / 4B ... The 8B config now OOMs on unsloth 2026.3.4+'. Each config:
# unsloth/Qwen3-*-bnb-4bit, r 16 alpha 32 dropout 0, batch 1, accumulation 4, gradient checkpointing "unsloth",
# adamw_8bit, sdpa; LoRA targets are the package's defaults (model_utils._DEFAULT_LORA_TARGETS, not reopened).
TWS = ("https://github.com/techwithsergiu/qwen-qlora-train/blob/9b9d023280e2d794594591a41f614a6e4fd2ed07/docs/"
       "quickstart.md")
for model, seq, outcome, row in (("qwen3-1.7b", 5120, "fit", "validated"), ("qwen3-4b", 5120, "fit", "validated"),
                                 ("qwen3-8b", 1024, "oom", "currently OOM")):
    rec(id="qwen-qlora-train-%s-qlora-r16-b1-s%d-3070-%s" % (model, seq, outcome), source=TWS,
        source_key="qwen-qlora-train-quickstart", model=model, family="qlora", method="qlora",
        quant="nf4 (unsloth/%s-bnb-4bit)" % model.replace("qwen3", "Qwen3").replace("b", "B"), seq=seq, batch=1,
        grad_accum=4, precision="bf16 (Unsloth's pick on an Ampere card; the config sets no dtype)",
        checkpointing="unsloth (gradient_checkpointing: unsloth)", optimizer="adamw_8bit", attention="sdpa",
        loss="cross-entropy on assistant turns, reasoning kept (think_loss all)", lora_rank=16, lora_dropout=0.0,
        lora_targets="the package's default list (model_utils._DEFAULT_LORA_TARGETS; not reopened)", gpus=1,
        sharding="none", gpu="RTX 3070 8GB", card_as_published="RTX 3070 8 GB (README)", outcome=outcome,
        measured_bytes=None,
        measured_as="quickstart table row: '%s' (README: 'Validated on an RTX 3070 8 GB for Qwen3 1.7B / 4B ... The "
                    "8B config now OOMs on unsloth 2026.3.4+')" % row,
        measured_how="outcome (%s on the card, as the page states it; no figure printed)" %
                     ("ran" if outcome == "fit" else "out of memory"),
        table="Model/config references (Step 1)",
        notes="max_length is the truncation cap (left truncation); reasoning-trace chat rows "
              "(TeichAI/claude-sonnet-4.5-high-reasoning-250x) reach it often; the page does not say at which step "
              "the 8B run failed")

# ---- kuotunyu/tw-med-llm-qlora: Unsloth QLoRA of a Gemma 3 12B chat model (TAIDE), run manifests ----
# configs/project.toml [training]: load_in_4bit, LoRA r 16 alpha 16 dropout 0, adamw_8bit; build_train_notebook.py:
# FastModel.get_peft_model on the language layers' attention and MLP modules (vision layers frozen),
# gradient_checkpointing True, response-only loss, max_sequence_length 2048; the notebook records
# torch.cuda.max_memory_allocated() / 1024**3 as peak_allocated_gib (and max_memory_reserved as peak_reserved_gib).
# The manifests print each run's card, batch and accumulation.
TWM = "https://github.com/kuotunyu/tw-med-llm-qlora/blob/180e544f6fe3ad99dce9f04188a1c61fb5b00333/reports/%s"
TWM_TRAIN = dict(model="gemma-3-12b-taide", family="qlora", method="qlora",
                 quant="nf4 (load_in_4bit True through Unsloth's FastModel)", seq=2048,
                 precision="bf16 (manifest: 'precision': 'BF16')", checkpointing="gradient checkpointing (True)",
                 optimizer="adamw_8bit", attention="not stated (Unsloth's Gemma 3 path)",
                 loss="cross-entropy on the answer only (response_only_loss True)", lora_rank=16, lora_dropout=0.0,
                 lora_targets="language layers' attention and MLP projections (finetune_attention_modules and "
                              "finetune_mlp_modules True, vision layers False); 65,470,464 adapter parameters",
                 gpus=1, sharding="none", outcome="fit",
                 measured_how="max_memory_allocated (the notebook: torch.cuda.max_memory_allocated() / 1024**3, "
                              "GiB)")
for key, path, batch, accum, gpu, card, peak, reserved, what in (
        ("tw-med-qlora-phase2", "phase2/20260721T160727Z-run-manifest.json", 1, 16, "L4 24GB",
         "NVIDIA L4 ('total_vram_gib': 22.03, hardware_profile primary_24g)", 9.332640171051025, 11.189453125,
         "the 10-step smoke run on 100 examples"),
        ("tw-med-qlora-phase3-full", "phase3/full/20260722T014216Z-run-manifest.json", 4, 4, "A100 40GB",
         "NVIDIA A100-SXM4-40GB ('total_vram_gib': 39.49, hardware_profile primary_40g)", 11.414080142974854,
         12.359375, "the full one-epoch run (703 steps over 11,298 rows)")):
    rec(id="tw-med-gemma-3-12b-qlora-r16-b%d-s2048-%s" % (batch, gpu.split()[0].lower()), source=TWM % path,
        source_key=key, batch=batch, grad_accum=accum, gpu=gpu, card_as_published=card,
        measured_bytes=int(peak * GIB),
        measured_as="'\"peak_allocated_gib\": %r' ('\"peak_reserved_gib\": %r')" % (peak, reserved),
        table="run manifest, training metrics", notes="%s; multiple-choice medical exam rows in a chat template, "
                                                      "padded per batch, max_sequence_length 2048 is a cap" % what,
        **TWM_TRAIN)
rec(id="tw-med-gemma-3-12b-nf4-lora-generate-p50-n2-4090", source=TWM % "phase5/20260722T131736Z-acceptance.json",
    source_key="tw-med-qlora-phase5", model="gemma-3-12b-taide", family="inference", method="inference",
    quant="nf4 (bitsandbytes 4-bit, double quant, bf16 compute) with the LoRA adapter unmerged", seq=52, batch=1,
    grad_accum=1, precision="bf16 (dtype torch.bfloat16)", checkpointing="none", optimizer="none (inference)",
    attention="sdpa", loss="none (inference)", lora_rank=0, lora_targets=None,
    serving_engine="HF transformers generate (Gemma3ForConditionalGeneration + PeftModel, local_inference.py)",
    gpus=1, sharding="none", gpu="RTX 4090 24GB",
    card_as_published="NVIDIA GeForce RTX 4090 ('total_vram_mib': 24564, Windows)", outcome="fit",
    measured_bytes=int(8.050415992736816 * GIB),
    measured_as="'\"peak_allocated_gib\": 8.050415992736816' ('\"peak_reserved_gib\": 11.5859375')",
    measured_how="max_memory_allocated (local_inference.py: torch.cuda.max_memory_allocated() / GIB)",
    table="acceptance record, memory", notes="one 50-token prompt and 2 completion tokens (seq written in as 52)")


# ---- later additions by helper bb21b (same session, written blind as above; its list: /tmp/h31/bb21b-sources.txt) ----
A["llama-2-7b"] = llama("meta-llama/Llama-2-7b-hf (%s)" % KNOWN, 32, 4096, 32, 32, 11008, 32000)
A["llama-7b"] = llama("huggyllama/llama-7b, the LLaMA 1 7B shape (%s)" % KNOWN, 32, 4096, 32, 32, 11008, 32000)
A["llama-2-13b"] = llama("meta-llama/Llama-2-13b-hf (%s)" % KNOWN, 40, 5120, 40, 40, 13824, 32000)
A["qwen-7b-v1"] = llama("Qwen/Qwen-7B-Chat, first Qwen generation (%s; qkv bias left out of the count)" % KNOWN, 32,
                        4096, 32, 32, 11008, 151936)
GPT2 = "%s (config.json values as known to the writer: GPT-2 block with a plain GELU MLP, LayerNorm, learned " \
       "positions 1024, tied head; params the Hugging Face count as known to the writer)"
A["gpt2-medium"] = shape(354823168, 24, 1024, 16, 16, 4096, 50257, True, GPT2 % "gpt2-medium", mlp="plain")
A["gpt2-large"] = shape(774030080, 36, 1280, 20, 20, 5120, 50257, True, GPT2 % "gpt2-large", mlp="plain")

# ---- EvilFreelancer/benchmarking-llms README: HF pipeline generate on an RTX 4090, KV cache off ----
# llama.py / qwen.py: AutoModelForCausalLM.from_pretrained(torch_dtype=bfloat16 / bf16=True), model.cuda(), a
# text-generation pipeline with max_new_tokens=1024, do_sample, use_cache=False, one short prompt at a time (13
# prompts of a few words). The README's 'MAX VRAM (Gb)' column; the scripts hold no memory call, so the counter is not
# said (a card-level reading such as nvidia-smi is the likely one). The 13B rows are blank: 'I was unable to test the
# 13B models due to GPU memory limitations.'
EVF = ("https://github.com/EvilFreelancer/benchmarking-llms/blob/15fe12504f5ae527ac7eccc74292a1a911a90ff8/"
       "README.md")
EVF_COMMON = dict(source=EVF, source_key="evilfreelancer-benchmarking-llms", family="inference", method="inference",
                  seq=1024, batch=1, grad_accum=1, checkpointing="none", optimizer="none (inference)",
                  attention="eager/sdpa as transformers of mid-2023 picks (not stated)", loss="none (inference)",
                  serving_engine="HF transformers text-generation pipeline (use_cache=False: no KV cache kept)",
                  gpus=1, sharding="none", gpu="RTX 4090 24GB", card_as_published="RTX 4090 24Gb (Test Environment)",
                  table="Results")
for model, hub, gb, quant, prec in (
        ("llama-2-7b", "Llama-2-7b-hf", 22.78, "none (bf16 weights)", "bf16 (torch_dtype torch.bfloat16)"),
        ("llama-7b", "llama-7b (huggyllama)", 22.47, "none (bf16 weights)", "bf16 (torch_dtype torch.bfloat16)"),
        ("qwen-7b-v1", "Qwen-7B-Chat", 18.22, "none (bf16 weights)", "bf16 (qwen.py: bf16=True)")):
    rec(id="evf-%s-bf16-generate-n1024-nocache-4090" % model, model=model, quant=quant, precision=prec,
        outcome="fit", measured_bytes=int(gb * GB),
        measured_as="'| %s ... | ~%s |' (MAX VRAM (Gb))" % (hub, gb),
        measured_how="not said (README column 'MAX VRAM (Gb)', 'the maximum amount of Video RAM required'; no "
                     "torch memory call in the scripts, so most likely a card-level reading)",
        notes="max_new_tokens 1024 is a cap: the page's AVG Tokens column is 357-1038 tokens per answer; prompts are a "
              "few words; sampling on; the card is 24 GB and the figure sits near it, so part of it may be the "
              "caching allocator's pool", **EVF_COMMON)
rec(id="evf-llama-2-13b-bf16-generate-4090-oom", model="llama-2-13b", quant="none (bf16 weights)",
    precision="bf16 (torch_dtype torch.bfloat16)", outcome="oom", measured_bytes=None,
    measured_as="the 'LLaMA 2 13b' row has no MAX VRAM figure ('MAX Init RAM ~30.7'); Note: 'I was unable to test "
                "the 13B models due to GPU memory limitations.'",
    measured_how="outcome (out of memory on the card: the author could not run the 13B models on 24 GB)",
    notes="about 26 GB of bf16 weights against a 24 GB card; the page does not print the error", **EVF_COMMON)

# ---- justin-aj/ml-sys distributed-training/TRAINING_RESULTS.md: GPT-2 fine-tuning, one GPU, DP vs DeepSpeed ----
# real_model_example.py: GPT2LMHeadModel.from_pretrained (fp32), WikiText-2 rows tokenized with padding="max_length",
# max_length 512, 1000 samples, 2 epochs; the 'dp' path uses torch.optim.AdamW in fp32 without autocast; the DeepSpeed
# paths use ds_config_stage{1,2,3}.json / ds_config_offload.json (fp16 enabled, DeepSpeed AdamW; the offload config is
# ZeRO stage 2 with offload_optimizer to cpu). Peak: torch.cuda.max_memory_allocated(dev) / 1e9 ('GB peak'). The card
# of the 'college GPU cluster' is not named. Run with one process (deepspeed --num_gpus=1), so ZeRO shards nothing
# across ranks: the stage 1-3 runs are full fine-tunes on one card, the offload run moves optimizer states to host RAM.
JAJ = ("https://github.com/justin-aj/ml-sys/blob/54a6ad4fd3f48cb2ee6cfce597ba8c14f686bceb/distributed-training/"
       "TRAINING_RESULTS.md")
JAJ_COMMON = dict(source=JAJ, source_key="ml-sys-gpt2-training-results", method="full", seq=512, grad_accum=1,
                  checkpointing="none", attention="eager (GPT-2 in transformers)", loss="cross-entropy (causal LM)",
                  gpus=1, gpu="", card_as_published="not named ('college GPU cluster', single GPU)", outcome="fit",
                  measured_how="max_memory_allocated (real_model_example.py: torch.cuda.max_memory_allocated(dev) / "
                               "1e9, decimal GB)",
                  table="Experiment Summary")
for key, model, batch, gb, fam, sharding, prec, opt in (
        ("dp", "gpt2-medium", 4, 13.62, "full", "none (plain PyTorch, one process)", "fp32 (no autocast)",
         "torch.optim.AdamW (fp32 states)"),
        ("zero1", "gpt2-medium", 4, 9.64, "full", "DeepSpeed ZeRO stage 1 on one rank (nothing sharded)",
         "fp16 mixed (DeepSpeed fp16 enabled, fp32 master weights)", "DeepSpeed AdamW (fp32 states)"),
        ("zero2", "gpt2-medium", 4, 10.55, "full", "DeepSpeed ZeRO stage 2 on one rank (nothing sharded)",
         "fp16 mixed (DeepSpeed fp16 enabled, fp32 master weights)", "DeepSpeed AdamW (fp32 states)"),
        ("zero3", "gpt2-large", 2, 21.03, "full", "DeepSpeed ZeRO stage 3 on one rank (nothing sharded)",
         "fp16 mixed (DeepSpeed fp16 enabled, fp32 master weights)", "DeepSpeed AdamW (fp32 states)"),
        ("offload", "gpt2-large", 2, 10.10, "full", "zero-2 with offload_optimizer cpu (ZeRO-Offload, one rank)",
         "fp16 mixed (DeepSpeed fp16 enabled)", "DeepSpeed CPU AdamW (states in host RAM)")):
    rec(id="mlsys-%s-full-%s-b%d-s512" % (model, key, batch), model=model, family=fam, batch=batch,
        quant="none", precision=prec, optimizer=opt, sharding=sharding, measured_bytes=int(gb * GB),
        measured_as="'| **%s** | %s | ... | %d | ... | %.2f GB |' (Peak GPU Memory)"
                    % ({"dp": "Data Parallelism", "zero1": "ZeRO Stage 1", "zero2": "ZeRO Stage 2",
                        "zero3": "ZeRO Stage 3", "offload": "ZeRO-Offload"}[key], model, batch, gb),
        notes="WikiText-2 rows padded to 512 tokens; 1000 samples, 2 epochs; DP and the DeepSpeed runs differ in "
              "precision (fp32 vs fp16 mixed) as well as in ZeRO stage", **JAJ_COMMON)

# ---- kaust-rccl/Dist-DL-training deepspeed/README.md: baseline BLOOM-560m full fine-tune, one A100, no DeepSpeed ----
# scripts/model.py: AutoModelForCausalLM.from_pretrained("bigscience/bloom-560m") (fp32 weights); config.py: Trainer
# with per_device_train_batch_size 4, gradient_accumulation_steps 4, fp16=True (AMP), gradient_checkpointing False,
# AdamW lr 5e-5; SQuAD-style prompts padded/truncated to 512. baseline.slurm: --gpus=1, --constraint=a100,4gpus. The
# figure is the example output the README prints for the baseline job: a background nvidia-smi log summarized by
# scripts/analyze_memory.py ('Peak = 21658 MiB').
A["bloom-560m"] = shape(559214592, 24, 1024, 16, 16, 4096, 250880, True,
                        "bigscience/bloom-560m (config.json values as known to the writer: ALiBi, plain GELU MLP, "
                        "LayerNorm, tied head; params the Hugging Face count as known to the writer)", mlp="plain")
rec(id="kaust-bloom-560m-full-fp16amp-b4-s512-a100-baseline", source=("https://github.com/kaust-rccl/Dist-DL-training/"
    "blob/cb3b637d0ed516898f74fe66ec73b72e885ab0ef/deepspeed/README.md"), source_key="kaust-dist-dl-deepspeed-baseline",
    model="bloom-560m", family="full", method="full", quant="none", seq=512, batch=4, grad_accum=4,
    precision="fp16 AMP (Trainer fp16=True; fp32 master weights)", checkpointing="none (gradient_checkpointing False)",
    optimizer="AdamW (Trainer default, fp32 states)", attention="eager (BLOOM ALiBi)", loss="cross-entropy (labels = "
    "input_ids, padding included)", gpus=1, sharding="none (baseline without DeepSpeed)", gpu="A100",
    card_as_published="A100 (slurm --constraint=a100,4gpus; memory size not stated)", outcome="fit",
    measured_bytes=21658 * 2 ** 20,
    measured_as="'[gpu_memory_log - GPU 0] Peak = 21658 MiB, Avg = 18683.53 MiB, Mode = 21658 MiB'",
    measured_how="reading of nvidia-smi (memory.used sampled in the background; peak of the log), so the card-level "
                 "figure with the CUDA context and the caching allocator's pool",
    table="Baseline run, example log output ('You will see lines similar to')",
    notes="the README shows this as the output a participant should see, not as a results table; 3 epochs over a "
          "subset (93 steps an epoch)")

# ---- Harb2551/DomainAI results/fine_tuning_v1: LoRA of Qwen2-7B-Instruct, fp16 weights, one GPU ----
# model_and_tokenizer_manager.py: from_pretrained(torch_dtype=torch.float16, device_map="auto");
# domain_model_trainer.py: LoRA r 16 alpha 32 dropout 0.1 on the seven projections, Trainer fp16=True, batch 8,
# accumulation 4, no gradient checkpointing, adamw_torch; domain_dataset_preprocessor.py pads every row to max_length
# 256. The log's final_gpu_memory.max_allocated_gb is torch.cuda.max_memory_allocated() / 1024**3 read after training.
# The same process then trained Llama-2-7b and Mistral-7B-v0.1 without resetting the peak (their logs repeat 34.058...),
# so only the first run, Qwen2-7B-Instruct, is taken.
A["qwen2-7b"] = llama("Qwen/Qwen2-7B-Instruct (%s%s)" % (KNOWN, QKV_BIAS), 28, 3584, 28, 4, 18944, 152064)
rec(id="domainai-qwen2-7b-fp16-lora-r16-all7-b8-s256", source=("https://github.com/Harb2551/DomainAI/blob/"
    "c6470e00db734c9832e0b3f35dcf160f7ba9fa58/results/fine_tuning_v1/Qwen-Qwen2-7B-Instruct/experiment_log.json"),
    source_key="domainai-qwen2-7b-v1-log", model="qwen2-7b", family="lora", method="lora",
    quant="none (fp16 weights, torch_dtype float16)", seq=256, batch=8, grad_accum=4,
    precision="fp16 (fp16 weights and Trainer fp16=True; PEFT keeps the adapters in fp32)",
    checkpointing="none (gradient_checkpointing False)", optimizer="adamw_torch (fp32 states of the adapters)",
    attention="not stated (transformers 2025 default, sdpa)", loss="cross-entropy on the answer (prompt tokens "
    "masked with -100)", lora_rank=16, lora_dropout=0.1, lora_targets=ALL7, gpus=1, sharding="none", gpu="",
    card_as_published="not named ('Number of GPUs: 1', gpu_info empty; the peak shows a card above 34 GiB)",
    outcome="fit", measured_bytes=int(34.05824327468872 * GIB),
    measured_as="'\"max_allocated_gb\": 34.05824327468872' ('\"reserved_gb\": 34.951171875' at the end)",
    measured_how="max_memory_allocated (domain_model_trainer.py: torch.cuda.max_memory_allocated() / (1024**3), GiB)",
    table="metrics.final_gpu_memory", notes="896 training rows, 3 epochs, 84 steps; every row padded to 256 tokens")

# ---- daddyofadoggy/blog posts/fsdp2/blog.md: SmolLM3-3B full fine-tune with FSDP2 on 4x H100 SXM5 ----
# The run's YAML: SmolLM3-3B, 'Precision: BF16 (parameters), FP32 (optimizer)' (from_pretrained torch_dtype bfloat16),
# 'Sequence Length: 8192 tokens' (TinyStories packed to full sequences), 'Batch Size: 1 per GPU (4 global)', AdamW lr
# 1e-5; flash attention, torch.compile and gradient checkpointing are listed as future work, so the run used none of
# them. ZeRO-2 is fully_shard with reshard_after_forward=False, ZeRO-3 with True. The page tracks peak active,
# allocated and reserved memory but does not say which one its 'Memory/GPU' summary is; the figures are approximate.
A["smollm3-3b"] = llama("HuggingFaceTB/SmolLM3-3B (%s; NoPE layers do not change the count)" % KNOWN, 36, 2048, 16, 4,
                        11008, 128256, tied=True)
BLOG = "https://github.com/daddyofadoggy/blog/blob/0bef8964a2508f7dd59b302aed25955ed99531d9/posts/fsdp2/blog.md"
# Marked SUSPECT in the thirty-second session (budget34, after the set was scored blind): no counter can read ~21-24
# GB for this run. Without checkpointing autograd keeps, in each SwiGLU MLP alone, gate_proj's and up_proj's outputs,
# the activation's output and the product fed to down_proj (torch saves the inputs of mul and of each linear):
# 4 x 8192 tokens x 11008 x 2 B = 721 MB a layer, 26.0 GB over the 36 layers, above the page's total before any
# state, attention tensor or logit (8192 x 128256 bf16 logits alone are 2.1 GB). The page's own breakdown
# ('Activations: ~10 GB per GPU', '40 layers', 240 GB all-gathered a step for 6 GB of bf16 weights) is not this model
# measured. The ZeRO-3 record's measured_as named the ZeRO-2 block before (a copy slip, fixed here).
SUSPECT = ("SUSPECT: without checkpointing the MLPs' saved tensors alone are 4 x 8192 x 11008 x 2 B x 36 layers = "
           "26.0 GB, above the page's approximate per-GPU total; the page's own breakdown (~10 GB of activations, 40 "
           "layers) does not fit SmolLM3-3B. Kept as published, not scored. ")
for stage, label, reshard, gb, rng in (("zero2", "ZeRO-2", "False", 24, "~22-25 GB"),
                                       ("zero3", "ZeRO-3", "True", 21, "~19-22 GB")):
    rec(id="fsdp2-blog-smollm3-3b-full-%s-4xh100-b1-s8192" % stage, source=BLOG, source_key="daddyofadoggy-fsdp2-blog",
        model="smollm3-3b", family="sharded", method="full", quant="none", seq=8192, batch=1, grad_accum=1,
        precision="bf16 parameters, fp32 optimizer (as the page states)", checkpointing="none",
        optimizer="AdamW", attention="sdpa (flash attention 2 not enabled)", loss="cross-entropy (causal LM, packed)",
        gpus=4, sharding="fsdp2 %s (fully_shard, reshard_after_forward=%s), 4 ranks" % (stage.upper(), reshard),
        gpu="H100 80GB", card_as_published="4x NVIDIA H100 SXM5 80GB (Lambda Labs)", outcome="fit",
        measured_bytes=gb * GB,
        measured_as="'| **Memory/GPU** | ~24 GB | ~21 GB |' (%s block 'Memory/GPU: %s')" % (label, rng),
        measured_how="not said (the page tracks peak active, allocated and reserved memory; its per-GPU summary is "
                     "approximate and does not name the counter)",
        table="Results, Performance Comparison",
        suspect=True,
        notes=SUSPECT + "per-GPU figure with 4 ranks; 8192 packed tokens per rank; the page prints a range beside it "
              "(%s)" % rng)

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records")
