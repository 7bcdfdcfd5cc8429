"""Twenty-fifth held-out split (session 35, issue 14): published measured peaks from pages no earlier measured set
cites, weighted toward what users do (LoRA and QLoRA of modern LLMs, sharded runs, inference).

This set is BLIND: written by a helper (bb25) who never read the engine (src/main), the knowledge or prompts, never
ran oomdoc or BudgetBench on these records, and never looked at a score. Nothing here was tuned on, and nothing may
be: score it, never fit to it.

How the pages were chosen: bench/blind_exclusions.sh /tmp/h35/bb25-excl was run first; a page was dropped when its
repository is in repos.txt (or its name in names.txt), when the page or thread is in threads.txt or urls.txt, when
bench/results.md or an earlier make_measured_*.py names it, or when a parallel blind writer of this session holds it
(/tmp/h35/*-sources.txt). The writer's own list is /tmp/h35/bb25-sources.txt. A page was kept only where it prints a
GPU memory figure (or a fit/OOM) for a setup it states and says, or its code beside the figure says, which counter the
figure is. Every repository was read as a snapshot at the commit the URL pins.

Pages (7 source keys in 7 pages, six pinned GitHub files and one web page; the comment above each block gives the
setup):
- jscaldwell55/llama3-lora-bench, reports/benchmark_summary.csv: a TinyLlama-1.1B LoRA rank sweep (r 4/8/16/32) in fp16
  on one A100 40GB, batch 4 x 128 tokens, max_memory_allocated (4).
- AminIdr/Advanced-AI-QLORA-Fine-Tuning, llama_qlora_finetuning.ipynb: TinyLlama-1.1B full fine-tune (pure fp16,
  AdamW) and QLoRA on a Colab T4 at 512 tokens, fits without a figure (2).
- LambdaLabsML/distributed-training-guide, 05-training-llama-405b/README.md: Llama 3.1 405B full training under FSDP2
  with CPU offload over 64 H100 80GB (8 nodes), 4096 tokens, per-rank peak allocated (1).
- kpakala04/llm-gpu-memory-profiling, burst_1.log: vLLM serving Qwen3-32B with tensor parallel 4 on A100 40GB cards,
  max_model_len 8192, vLLM's per-GPU memory profile (1).
- jshim0978/MLPerf_local_test, MLPerf_Llama3.1-8B_Benchmark_Report.md: Llama 3.1 8B fp16 HF generate on an A30,
  max_memory_allocated (1).
- zisaacson/BatchLocaLLM, benchmarks/reports/VLLM_5K_RESULTS.md: vLLM batch inference of Gemma 3 4B on an RTX 4080
  16GB at max_model_len 4096, a fit (1).
- volkdata.com/logs/001: vLLM with Llama 3 8B AWQ on an 8 GB RTX 4060 Laptop at max_model_len 1024 and
  gpu_memory_utilization 0.86, a fit (1).

Counts: 11 records; families lora 4, full 1, qlora 1, sharded 1, inference 4 (7 of 11 fine-tuning); outcomes fit 11,
oom 0; 7 figures (5 max_memory_allocated, 1 of them decimal GB, and 1 vLLM budget reading) and 4 fits without a
figure. Sharded: FSDP2 full shard with CPU offload over 64 GPUs (8 nodes x 8) at 4096 tokens. 16-bit LoRA: 4 (fp16
TinyLlama). QLoRA: 1 (TinyLlama, a fit).
Weak spots: short (11, not 25-40) and thin where users are: one sharded record, one QLoRA record and no LoRA or QLoRA
of a modern 7-8B model with a figure; the search tools again mostly answered with repositories that repos.txt already
holds (unsloth, litgpt, ms-swift, xtuner, universal-llm-trainer, llm-d-benchmark, the ID2223 and Day21 lab families),
and several clean tables could not be tied to a repository name. The TinyLlama sweep page holds 4 of 11 records, over
the quarter the issue asks for (its four ranks are the only 16-bit LoRA figures found). Pages rejected after reading:
prnvpwr2612/Basic-LLM-Tasks (its 4.6 GB comes from a failed run marked demo_completed), keeminlee/hpml-peft-benchmark
and Satyanshgaur/PEFT-Benchmarking (encoder models), nam-ruto/local-llm-memory-profiling (Apple unified memory).

Each record keeps its page's URL pinned to a commit that holds the figures quoted, the row or line its figure comes
from and what the page (or the code beside it) says about how memory was read. Model shapes are each model's
config.json values as known to the writer (no network here to reopen them); the parameter count is computed from them
unless the page prints it. Each record's notes say what its page leaves unsaid and what the writer wrote in.
Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout25.py
"""
import json

from measured_shapes import llama  # the script's own folder is on sys.path

OUT = "src/test/resources/budget/measured_heldout25.json"
GB = 10 ** 9
GIB = 2 ** 30
MIB = 2 ** 20
KNOWN = "config.json values as known to the writer, not reopened this session"

A = {
    "tinyllama-1.1b": llama("TinyLlama/TinyLlama-1.1B-Chat-v1.0 (%s)" % KNOWN, 22, 2048, 32, 4, 5632, 32000,
                            params=1100048384),
    "qwen3-32b": llama("Qwen/Qwen3-32B (%s; q/k RMSNorm weights left out)" % KNOWN, 64, 5120, 64, 8, 25600, 151936,
                       head_dim=128),
    "llama-3.1-405b": llama("meta-llama/Meta-Llama-3.1-405B (%s)" % KNOWN, 126, 16384, 128, 8, 53248, 128256,
                            head_dim=128),
    "gemma-3-4b-it": llama("google/gemma-3-4b-it text tower (%s; the SigLIP vision tower of about 0.4B parameters "
                           "and the q/k norms left out)" % KNOWN, 34, 2560, 8, 4, 10240, 262208, tied=True,
                           head_dim=256),
    "llama-3-8b": llama("meta-llama/Meta-Llama-3-8B-Instruct (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256,
                        head_dim=128),
    "llama-3.1-8b": llama("meta-llama/Llama-3.1-8B-Instruct (%s)" % KNOWN, 32, 4096, 32, 8, 14336, 128256,
                          head_dim=128),
}

out = []


def rec(**k):
    if "arch" not in k:
        k["arch"] = A[k["model"]]
    k.setdefault("lora_rank", 0)
    k.setdefault("lora_targets", None)
    k["split"] = "heldout25"
    out.append(k)


INFER = dict(family="inference", method="inference", optimizer="none (inference)", checkpointing="none",
             grad_accum=1, loss="none (inference)", lora_rank=0, lora_targets=None)

# ---- jscaldwell55/llama3-lora-bench, reports/benchmark_summary.csv: TinyLlama-1.1B LoRA sweep on one A100 40GB ----
# scripts/run_batch.py runs scripts/benchmark_working.py once per configs/comprehensive_test.yaml entry: the model
# loads in fp16 (torch_dtype float16, device_map auto), PEFT LoRA on the entry's targets, HF Trainer with fp16=True,
# the default optimizer (AdamW, torch), per-device batch 4, accumulation 2, no gradient checkpointing; every sample is
# one short sentence padded to max_length 128 (padding="max_length"), so every batch is 4 x 128 tokens. The script
# resets the peak counter right before trainer.train() and stores torch.cuda.max_memory_allocated() / 1024**3 as
# peak_gpu_memory_gb; the results JSONs name the card ("gpu_available": "NVIDIA A100-SXM4-40GB"). The summary CSV
# also holds a 2.60 row from an earlier quick test (results/test, 100 samples) and two empty rows, left out here.
TLB = ("https://github.com/jscaldwell55/llama3-lora-bench/blob/43b280c41a0b5ff444ddac83e79dc5a8d0126b70/reports/"
       "benchmark_summary.csv")
TLB_COMMON = dict(source=TLB, source_key="llama3-lora-bench-summary", model="tinyllama-1.1b", family="lora",
                  method="lora", quant="none", seq=128, batch=4, grad_accum=2,
                  precision="fp16 weights (torch_dtype float16) with fp16=True mixed precision; adapters as PEFT keeps "
                            "them",
                  checkpointing="none (the script does not enable it)",
                  optimizer="AdamW (HF Trainer default, torch) over the adapters",
                  attention="Transformers default (sdpa)", loss="causal LM cross-entropy over the padded 128 tokens "
                                                                 "(DataCollatorForLanguageModeling, pad = eos)",
                  lora_dropout=0.05, gpus=1, sharding="none", gpu="A100 40GB",
                  card_as_published="NVIDIA A100-SXM4-40GB (the results JSONs' gpu_available)", outcome="fit",
                  measured_how="max_memory_allocated (scripts/benchmark_working.py: reset_peak_memory_stats before "
                               "trainer.train(), then torch.cuda.max_memory_allocated() / 1024**3, labelled GB)",
                  table="reports/benchmark_summary.csv (Peak GPU (GB))")
for name, r, alpha, targets, gib, row in (
        ("tiny-r4", 4, 8, "q_proj,v_proj", 3.1068167686462402,
         "4,8,563200.0,3.1068167686462402,16.311280727386475,0.849736007433089,30.65363219213713"),
        ("small-r8", 8, 16, "q_proj,v_proj", 3.1163954734802246,
         "8,16,1126400.0,3.1163954734802246,16.16858696937561,0.7393287533805484,30.92416182978968"),
        ("medium-r16", 16, 32, "q_proj,v_proj", 3.1355528831481934,
         "16,32,2252800.0,3.1355528831481934,16.059783220291138,0.6390327461182125,31.13367055716309"),
        ("large-r32", 32, 32, "q_proj,k_proj,v_proj,o_proj", 3.378549098968506,
         "32,32,9011200.0,3.378549098968506,20.878034114837646,0.5509733207642086,23.948614953390603")):
    rec(id="llama3-lora-bench-tinyllama-1.1b-%s-fp16-b4-s128-a100" % name, lora_rank=r, lora_targets=targets,
        measured_bytes=int(gib * GIB), measured_as="'%s' (R,Alpha,Trainable Params,Peak GPU (GB),...)" % row,
        notes="LoRA alpha %d; the repository is named for Llama 3 but every committed run is TinyLlama-1.1B-Chat "
              "(run_batch.py's default model, the JSONs' \"model\"); 500 samples, one epoch; the page does not say "
              "whether the fp16 weights kept fp32 adapter copies (PEFT's default upcasts adapters)" % alpha,
        **TLB_COMMON)

# ---- kpakala04/llm-gpu-memory-profiling, burst_1.log: vLLM serving Qwen3-32B with tensor parallel 4 on A100 40GB ----
# The log of a burst-traffic run: vLLM 0.9.0.2 V0 engine, non-default args model Qwen/Qwen3-32B, max_model_len 8192,
# enforce_eager (no CUDA graphs), tensor_parallel_size 4, swap_space 16, max_num_seqs 512, preemption swap; dtype
# bfloat16 (the engine config line). Each of the four ranks prints vLLM's memory profile: 39.38 GiB x 0.90 = 35.44 GiB,
# weights 15.39 GiB, non-torch 2.29-2.43 GiB, activation peak 0.69 GiB (2.84 GiB on one rank), the rest KV cache.
KPK = ("https://github.com/kpakala04/llm-gpu-memory-profiling/blob/9b8a6aa77921b7e05ed81b1b79d3686fd9f96bc4/"
       "burst_1.log")
rec(id="llm-gpu-memory-profiling-vllm-qwen3-32b-bf16-tp4-s8192-a100-40gb", source=KPK,
    source_key="llm-gpu-memory-profiling-burst-log", model="qwen3-32b", quant="none (bf16 weights)", seq=8192,
    batch=512, precision="bf16 (vLLM dtype torch.bfloat16)", attention="FlashAttention (vLLM: 'Using Flash Attention "
                                                                          "backend')",
    kv_cache_dtype="auto (bf16)",
    serving_engine="vLLM 0.9.0.2 V0 engine, OpenAI server, enforce_eager, preemption by swap (swap_space 16 GiB)",
    max_model_len=8192, gpu_memory_utilization=0.9, gpus=4,
    sharding="tensor parallel 4 (vLLM tensor_parallel_size 4), per-GPU figure", gpu="A100 40GB",
    card_as_published="four GPUs of 39.38 GiB each ('total_gpu_memory (39.38GiB)', CUDA_VISIBLE_DEVICES 0-3); A100 "
                      "40GB by that size",
    outcome="fit", measured_bytes=int(35.44 * GIB),
    measured_as="'the current vLLM instance can use total_gpu_memory (39.38GiB) x gpu_memory_utilization (0.90) = "
                "35.44GiB' and 'model weights take 15.39GiB; non_torch_memory takes 2.43GiB; PyTorch activation peak "
                "memory takes 0.69GiB; the rest of the memory reserved for KV Cache is 16.93GiB'",
    measured_how="reading (vLLM's startup memory profile on each rank: the instance's per-GPU budget of 35.44 GiB "
                 "that weights, profiled activations and the KV cache fill; enforce_eager, so no CUDA graphs on top)",
    table="burst_1.log (engine start)",
    notes="batch is vLLM's max_num_seqs (512); 'Maximum concurrency for 8192 tokens per request: 29.65x'; the run "
          "later preempts requests by swapping for want of KV cache space, which vLLM handles without an OOM; the "
          "card model is not printed, only its 39.38 GiB", **INFER)

# ---- jshim0978/MLPerf_local_test: Llama-3.1-8B-Instruct HF generate on one A30 24GB ----
# MLPerf_Llama3.1-8B_Benchmark_Report.md (read at 4c27057, the commit that added it with its script) reports 14.99 GB
# of GPU memory for an offline run of 10 short prompts (about 77 input tokens, up to 64 new tokens, batch 1);
# benchmark_scripts/containerized_benchmark.py beside it loads the model with torch_dtype float16 on cuda, runs
# model.generate per prompt and stores torch.cuda.max_memory_allocated() / 1024**3 as peak_gpu_memory_gb. The report's
# table also names vLLM 0.6.3 among the libraries, but the script it ships generates with Transformers.
MLP = ("https://github.com/jshim0978/MLPerf_local_test/blob/4c2705791851d4503c47a27e212daf4dbcc15f43/"
       "MLPerf_Llama3.1-8B_Benchmark_Report.md")
rec(id="mlperf-local-test-llama-3.1-8b-fp16-generate-p77-n64-a30", source=MLP, source_key="mlperf-local-test-report",
    model="llama-3.1-8b", quant="none (fp16 weights)", seq=141, batch=1, precision="fp16 (torch_dtype float16)",
    attention="Transformers 4.46 default (sdpa)", kv_cache_dtype="fp16 (HF dynamic cache)",
    serving_engine="HF transformers generate (containerized_benchmark.py, max_new_tokens 64, one prompt at a time)",
    gpus=1, sharding="none", gpu="A30 24GB", card_as_published="NVIDIA A30 PCIe (24GB HBM2)", outcome="fit",
    measured_bytes=int(14.99 * GIB),
    measured_as="'| **GPU Memory** | 14.99 GB | 62.4% | 9GB headroom available |' and '**GPU Memory Efficiency:** "
                "62.4% (14.99GB/24GB)'",
    measured_how="max_memory_allocated (containerized_benchmark.py: torch.cuda.max_memory_allocated() / 1024**3 stored "
                 "as peak_gpu_memory_gb)",
    table="Resource Utilization",
    notes="seq written in as 77 prompt tokens (the report's average input length, 65-85) plus the 64-token cap; the "
          "report's 62.4% equals 14.99/24, so the GB are the script's GiB over a nominal 24", **INFER)

# ---- AminIdr/Advanced-AI-QLORA-Fine-Tuning, llama_qlora_finetuning.ipynb: TinyLlama full and QLoRA on a T4 ----
# The notebook (read at c5ff691) prints 'GPU: Tesla T4' and 'GPU Memory: 15.83 GB', tokenizes WikiText-2 lines padded
# to MAX_LENGTH 512 (padding="max_length"), then trains TinyLlama-1.1B-Chat for max_steps 500 twice and prints both
# runs as completed: a full fine-tune of the model loaded in fp16 (torch_dtype float16, HF Trainer fp16=True,
# max_grad_norm 0 'to avoid FP16 unscale error', default AdamW, batch 2 x accumulation 4, no checkpointing) and a QLoRA
# run (nf4 + double quantization, fp16 compute, prepare_model_for_kbit_training, LoRA r 16 / alpha 32 on all seven
# projections, paged_adamw_8bit, batch 4 x accumulation 2). It never prints a GPU peak: these are published fits on the
# named card, without a figure.
AQF = ("https://github.com/AminIdr/Advanced-AI-QLORA-Fine-Tuning/blob/c5ff6916dc3456d46b66d90e7bad7180c7886f27/"
       "llama_qlora_finetuning.ipynb")
AQF_COMMON = dict(source=AQF, source_key="advanced-ai-qlora-notebook", model="tinyllama-1.1b", seq=512, gpus=1,
                  sharding="none", gpu="T4 16GB", card_as_published="Tesla T4 ('GPU Memory: 15.83 GB')",
                  attention="Transformers default (sdpa)",
                  loss="causal LM cross-entropy over the padded 512 tokens (DataCollatorForLanguageModeling)",
                  outcome="fit", measured_bytes=None,
                  measured_how="outcome (the training cell ran its 500 steps and printed its completion; no memory "
                               "counter is printed)")
rec(id="advanced-ai-qlora-tinyllama-1.1b-full-fp16-adamw-b2-s512-t4", family="full", method="full", quant="none",
    batch=2, grad_accum=4, precision="pure fp16: weights loaded float16 and trained in place (fp16=True autocast, "
                                     "no fp32 master copy)",
    checkpointing="none (not enabled for the full run)",
    optimizer="AdamW (HF Trainer default, torch; moments in the fp16 parameter dtype)",
    measured_as="'Standard fine-tuning completed in 1441.24 seconds' after 'Total Parameters: 1,100,048,384 / "
                "Trainable Parameters: 1,100,048,384'",
    table="5. Standard Fine-Tuning (Baseline)",
    notes="a fit, not a peak; max_steps 500 of WikiText-2 lines, eval every 200 steps at batch 2; the page's "
          "'Model Size' figures (2,098 MB, 548 MB) are parameter bytes it computes, not GPU readings",
    **AQF_COMMON)
rec(id="advanced-ai-qlora-tinyllama-1.1b-qlora-r16-all7-b4-s512-t4", family="qlora", method="qlora",
    quant="nf4 with double quantization (BitsAndBytesConfig load_in_4bit, prepare_model_for_kbit_training)",
    batch=4, grad_accum=2, precision="fp16 compute over nf4 weights (fp16=True mixed precision)",
    checkpointing="gradient checkpointing (prepare_model_for_kbit_training turns it on; the log: 'use_cache=True "
                  "is incompatible with gradient checkpointing')",
    optimizer="paged AdamW 8-bit (optim paged_adamw_8bit) over the adapters",
    lora_rank=16, lora_targets="q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj", lora_dropout=0.05,
    measured_as="'QLoRA fine-tuning completed in 1979.42 seconds' after 'trainable params: 12,615,680 || all params: "
                "1,112,664,064'",
    table="7. Apply QLoRA Fine-Tuning",
    notes="a fit, not a peak; LoRA alpha 32; the full run's model was deleted and the cache emptied before this run",
    **AQF_COMMON)

# ---- LambdaLabsML/distributed-training-guide, 05-training-llama-405b/README.md: full FSDP2 training over 64 H100 ----
# The chapter trains Llama 3.1 405B in plain PyTorch (no LoRA) on 8 nodes x 8 H100 80GB: the model built in bf16
# (dtype torch.bfloat16, flash_attention_2), fully_shard() on every decoder layer (reshard_after_forward True) and on
# the whole model, MixedPrecisionPolicy(param bf16, reduce fp32), CPUOffloadPolicy (launch.sh passes --cpu-offload on:
# parameters, gradients and the optimizer live in host RAM and AdamW(fused=True) steps on the CPU), activation
# checkpointing on each LlamaDecoderLayer, torch.compile on the model and loss. launch.sh: --batch-size 1
# --seq-length 4096 (openwebtext packed into 4096-token blocks). train_llm.py logs get_mem_stats(): 1e-9 *
# allocated_bytes.all.peak as peak_alloc_gb (decimal GB), the peak reset after each log line.
LDT = ("https://github.com/LambdaLabsML/distributed-training-guide/blob/aed748914472cca80d8cfe139ab43ec63103913a/"
       "05-training-llama-405b/README.md")
rec(id="distributed-training-guide-llama-3.1-405b-full-fsdp2-cpu-offload-64xh100-b1-s4096", source=LDT,
    source_key="distributed-training-guide-405b", model="llama-3.1-405b", family="sharded", method="full",
    quant="none", seq=4096, batch=1, grad_accum=1,
    precision="bf16 parameters and compute (model built in bfloat16; FSDP MixedPrecisionPolicy param bf16, "
              "gradient reduction fp32); no fp32 master copy",
    checkpointing="activation checkpointing on every LlamaDecoderLayer (apply_activation_checkpointing)",
    optimizer="torch AdamW (fused=True) stepping on the CPU over offloaded shards (FSDP CPUOffloadPolicy)",
    attention="FlashAttention 2 (attn_implementation flash_attention_2)",
    loss="causal LM cross-entropy (HF model loss, torch.compile'd)", gpus=64,
    sharding="fsdp2 full shard (fully_shard per decoder layer and on the model) with CPUOffloadPolicy, 64 ranks "
             "(8 nodes x 8 GPUs)",
    gpu="H100 80GB", card_as_published="8 separate nodes of 8xH100 80GB (64 H100 GPUs)", outcome="fit",
    measured_bytes=int(52.9 * GB),
    measured_as="'Training with `--seq-length 4096` and `--batch-size 1` on 64 H100 gpus (8 separate nodes) has the "
                "following stats: ... - Peak Memory Allocated: 52.9GB - Peak Memory Reserved: 77.9GB'",
    measured_how="max_memory_allocated (train_llm.py get_mem_stats: 1e-9 * memory_stats()['allocated_bytes.all.peak'] "
                 "as peak_alloc_gb, decimal GB, per rank; peak reserved 77.9 GB)",
    table="Run statistics",
    notes="per GPU; the page warns these numbers came from PyTorch 2.5.1 and an older version of the guide; with "
          "parameters offloaded, a rank holds the gathered bf16 weights of the layers in flight (one 405B decoder "
          "layer is about 3.2B parameters, 6.4 GB in bf16) plus checkpointed activations, the 128256 x 16384 "
          "embedding and head gathered whole when in use, and the fp32 logits of 4096 tokens",
    )

# ---- zisaacson/BatchLocaLLM, benchmarks/reports/VLLM_5K_RESULTS.md: vLLM with Gemma 3 4B on an RTX 4080 ----
# The report (read at d7fa57d, the commit that added it) ran 5,000 requests through vLLM's offline batch API:
# google/gemma-3-4b-it in bfloat16, max_model_len 4096, gpu_memory_utilization 0.90, prefix caching and chunked prefill
# on (8,192 batched tokens), CUDA graphs on. It copies vLLM's startup lines into a table: 'Model Memory 8.58 GiB', 'KV
# Cache Memory 1.58 GiB' (11,824 tokens, 'Max Concurrency 2.88x'), 'CUDA Graphs 0.64 GiB', and states 100% success.
# Its 'Total Used ~10.95 GiB' is the report's own sum of those parts (it leaves out vLLM's profiled activation peak),
# so the record keeps the run as a published fit on the card, with the parts in the notes.
BLL = ("https://github.com/zisaacson/BatchLocaLLM/blob/d7fa57d057c7b76082cc602c9973804a54651130/benchmarks/reports/"
       "VLLM_5K_RESULTS.md")
rec(id="batchlocallm-vllm-gemma-3-4b-bf16-s4096-gmu090-rtx4080", source=BLL, source_key="batchlocallm-vllm-5k-report",
    model="gemma-3-4b-it", quant="none (bf16 weights)", seq=4096, batch=3, precision="bf16 (the report: bfloat16)",
    attention="vLLM default backend (not stated)", kv_cache_dtype="auto (bf16)",
    serving_engine="vLLM offline batch (LLM.generate over 5,000 prompts), prefix caching, chunked prefill 8,192 "
                   "tokens, CUDA graphs",
    max_model_len=4096, gpu_memory_utilization=0.9, gpus=1, sharding="none", gpu="RTX 4080 16GB",
    card_as_published="NVIDIA RTX 4080, '16 GB (15.57 GiB usable)'", outcome="fit", measured_bytes=None,
    measured_as="'| **Model Memory** | 8.58 GiB |', '| **KV Cache Memory** | 1.58 GiB | Available for request "
                "batching |', '| **CUDA Graphs** | Enabled | 0.64 GiB for graph capture |' and '5,000 candidate "
                "evaluations with 100% success rate'",
    measured_how="outcome (the run completed at gpu_memory_utilization 0.90 on the named card; the page copies vLLM's "
                 "startup parts but prints no total that vLLM measured)",
    table="Model Configuration / vLLM Engine Configuration / Memory Breakdown",
    notes="batch written in as vLLM's 2.88x concurrency at 4,096 tokens rounded up (the KV cache holds 11,824 "
          "tokens); vLLM's own budget on this card would be 0.90 x 15.57 GiB = 14.0 GiB plus the 0.64 GiB of graphs, "
          "the weights 8.58 GiB include the vision tower", **INFER)

# ---- volkdata.com/logs/001, 'vLLM Feasibility Study': Llama 3 8B AWQ through vLLM on an 8 GB RTX 4060 Laptop GPU ----
# A write-up (not a GitHub page; no commit to pin) of a batch-classification workload moved from bitsandbytes NF4 to
# vLLM with casperhansen/llama-3-8b-instruct-awq (quantization awq, dtype float16) on a laptop RTX 4060 with 8 GB; the
# page says the display takes about 1.2 GB, the AWQ weights 5.34 GB, and prints the settings that ran:
# gpu_memory_utilization 0.86 ('0.87 crashed the OS. 0.85 crashed the model.') and max_model_len 1024 ('Truncated
# context to fit KV cache in remaining 220MB'), then a throughput of 49.66 requests/second. A fit on the named card; the
# page prints no measured total.
VLD = "https://volkdata.com/logs/001"
rec(id="volkdata-vllm-llama-3-8b-awq-s1024-gmu086-rtx4060-laptop", source=VLD, source_key="volkdata-log-001",
    model="llama-3-8b", quant="AWQ int4 (casperhansen/llama-3-8b-instruct-awq, vLLM quantization awq)", seq=1024,
    batch=1, precision="fp16 activations over AWQ int4 weights (vLLM dtype float16)",
    attention="vLLM default backend (not stated)", kv_cache_dtype="auto (fp16)",
    serving_engine="vLLM offline LLM() for batch text classification", max_model_len=1024,
    gpu_memory_utilization=0.86, gpus=1, sharding="none", gpu="RTX 4060 Laptop 8GB",
    card_as_published="a consumer RTX 4060 Laptop with 8GB VRAM (about 1.2 GB held by the OS display)", outcome="fit",
    measured_bytes=None,
    measured_as="'VLLM_GPU_UTIL = 0.86  # 0.87 crashed the OS. 0.85 crashed the model.' and 'VLLM_CONTEXT  = 1024  # "
                "Truncated context to fit KV cache in remaining 220MB'",
    measured_how="outcome (the page's settings ran its workload at 49.66 requests/second on the named card; no total "
                 "is read)",
    table="03 // Optimization: vLLM + AWQ",
    notes="batch is not stated (vLLM schedules the queue itself; 1 written in); the page gives the AWQ weights as 5.34 "
          "GB and the KV cache room left as about 220 MB; its '0.85 crashed the model' reads as vLLM finding no room "
          "for the cache at that budget, not recorded as an OOM because the page does not show the error", **INFER)

PAGES = sorted({r["source_key"] for r in out})

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records from", len(PAGES), "source keys")
