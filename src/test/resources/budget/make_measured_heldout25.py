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

PAGES_DOC

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

# ---- AminIdr/Advanced-AI-QLORA-Fine-Tuning, llama_qlora_finetuning.ipynb: TinyLlama full fine-tune and QLoRA on a T4 ----
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

PAGES = sorted({r["source_key"] for r in out})

if __name__ == "__main__":
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(len(out), "records from", len(PAGES), "source keys")
