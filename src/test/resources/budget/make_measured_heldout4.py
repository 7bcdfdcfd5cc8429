"""Fourth held-out split (round 8, issue 14): measured peaks from pages no earlier measured_*.json cites.

Made blind: written and committed before the engine was run on any record; BudgetBench --heldout4 was only run once
to check that the file parses (output discarded). Never tuned on.

How the pages were chosen: every source URL of measured_dev.json, measured_heldout.json, measured_heldout2.json,
measured_heldout3.json and ../shared/budget/ground_truth_dev.json was listed first; pages were then looked for with
the search tool (code and issues corpora) and read in full with read_file; a page was kept only when it prints a
measured peak (not an estimate or a rule of thumb) and states batch, length and dtype. Looked at and left out:
Unsloth's README context-length tables (the columns grow by exactly equal steps per GB: fitted, not measured),
accelerate's big-model-inference table (the loading and the generation peaks are printed separately, the table
does not say which it gives), ChatGLM3's finetune_demo figures (the config and DeepSpeed files changed between
versions; evaluation generates with batch 16 inside the run), ChatGLM-Efficient-Tuning's table ("approximated
values", dynamic padding), Mai's nvidia-smi snapshots (a moment, not a peak; the LoRA config file is not in the
repository), peft-examples' NOTES (each figure was taken with a different version of the script), llama-cookbook
PR 206 logs (padding to the longest sample of each batch: length unknown), unslothai/unsloth's older README tables
of Hugging Face baseline memory (lengths set in Colab notebooks the index does not hold), LlamaFactory issue 4772
(GLM-4-9B QLoRA vs LoRA "around 72 GB" / "66 GB" from screenshots, samples of unknown length under a 10240 cutoff).
Few held-out fine-tune peaks with a complete setup turned up: this set has none of LoRA, QLoRA or sharded runs.

Model dimensions come from the catalog (src/main/resources/catalog/models.csv, each row from the model's
config.json), with the one correction noted on the BERT rows. Run from the repository root:
    python3 src/test/resources/budget/make_measured_heldout4.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from catalog_arch import arch  # noqa: E402

OUT = "src/test/resources/budget/measured_heldout4.json"


out = []


def rec(**k):
    k.setdefault("arch", arch(k["model"]))
    k["split"] = "heldout4"
    out.append(k)


# ---- huggingface/transformers docs/source/en/model_doc/{opt,gpt_neox,gpt2,bert}.md: the SDPA benchmark tables ----
# Each page gives one local benchmark in float16 with eager and SDPA attention side by side. Kept: every cell of the
# SDPA column of the training table (the default attention since torch 2.1.1) and the eager cells that went OOM
# (a fit/OOM fact on the named card). Left out: the eager cells that fit (the same runs with the other attention
# would double one harness's weight) and the inference tables (the pages do not give the generated length).
# The pages link no script. Their columns are those of optimum's BetterTransformer benchmarks
# (tests/benchmark/benchmark_bettertransformer_training.py), which report torch.cuda.max_memory_allocated() * 1e-6
# as "MB"; read that way here. That script trains with no optimizer (model.zero_grad, forward, loss.backward): the
# peaks agree (OPT-350m's 16-bit weights and gradients alone are 1.32 GB of the 1.47 GB at batch 1 x 128).
SDPA_HOW = ("torch.cuda.max_memory_allocated() in MB of 1e6 bytes (read from the column names, which are those of "
            "optimum's tests/benchmark/benchmark_bettertransformer_training.py; the page links no script)")
SDPA_PREC = "fp16 (model loaded in torch.float16 and trained in it: no autocast, no fp32 master copy stated)"
SDPA_OPT = "none stated (the harness runs forward and loss.backward with no optimizer; see the header comment)"
SDPA_PAGES = {
    "opt": dict(url="https://github.com/huggingface/transformers/blob/main/docs/source/en/model_doc/opt.md",
                model="opt-350m", hf="facebook/opt-350m", gpu="L40S",
                env="L40S-45GB as the page names it, PyTorch 2.4.0, Debian 11",
                sdpa=[(1, 128, 1474.32), (1, 256, 1499.49), (1, 512, 1551.35), (1, 1024, 1698.35),
                      (1, 2048, 2715.75), (2, 128, 1499.49), (2, 256, 1551.35), (2, 512, 1698.35),
                      (2, 1024, 2715.75), (2, 2048, 4750.55), (4, 128, 1551.35), (4, 256, 1698.35),
                      (4, 512, 2715.75), (4, 1024, 4750.55), (4, 2048, 4750.55), (8, 128, 1697.78),
                      (8, 256, 2715.75), (8, 512, 4750.55), (8, 1024, 8821.18), (8, 2048, 8821.18)],
                eager_oom=[(4, 2048), (8, 2048)],
                # the 2048 rows repeat the 1024 figure of the same batch where every other row grows with the
                # tokens: the figure may not be of a 2048-token run
                suspect={(4, 2048), (8, 2048)}),
    "gpt_neox": dict(url="https://github.com/huggingface/transformers/blob/main/docs/source/en/model_doc/gpt_neox.md",
                     model="pythia-410m", hf="EleutherAI/pythia-410m-deduped (same dimensions as pythia-410m)",
                     gpu="", card="RTX 3080 Ti 16GB (the laptop part; the catalog's 3080 Ti is the 12 GB desktop "
                                  "card, so no card is named for the call)",
                     env="rtx3080ti-16GB as the page names it, PyTorch 2.2.1, Ubuntu 22.04",
                     sdpa=[(1, 128, 1789.95), (1, 256, 1844.84), (1, 512, 1953.76), (1, 1024, 2408.35),
                           (1, 2048, 3882.01), (2, 128, 1844.78), (2, 256, 1951.67), (2, 512, 2406.77),
                           (2, 1024, 3878.86), (2, 2048, 6825.13), (4, 128, 1952.06), (4, 256, 2405.99),
                           (4, 512, 3877.29), (4, 1024, 6821.98), (4, 2048, 12705.1)],
                     eager_oom=[(2, 2048), (4, 1024), (4, 2048)], suspect=set()),
    "gpt2": dict(url="https://github.com/huggingface/transformers/blob/main/docs/source/en/model_doc/gpt2.md",
                 model="gpt2-large", hf="openai-community/gpt2-large", gpu="",
                 card="RTX 3080 Ti 16GB (the laptop part; not the catalog's 12 GB desktop card)",
                 env="rtx3080ti-16GB as the page names it, PyTorch 2.2.1, Ubuntu 22.04",
                 sdpa=[(1, 128, 3494.62), (1, 256, 3552.6), (1, 512, 3665.59), (1, 1024, 4881.09),
                       (2, 128, 3545.91), (2, 256, 3657.68), (2, 512, 4876.47), (2, 1024, 8096.35),
                       (4, 128, 3648.72), (4, 256, 4871.12), (4, 512, 8102.64), (4, 1024, 14568.2)],
                 eager_oom=[(2, 1024), (4, 1024)], suspect=set()),
    "bert": dict(url="https://github.com/huggingface/transformers/blob/main/docs/source/en/model_doc/bert.md",
                 model="bert-base", hf="bert-base-uncased (BertModel in the page's snippet)", gpu="A100 80GB",
                 env="A100-80GB, PyTorch 2.2.0, Ubuntu 22.04",
                 sdpa=[(4, 256, 764.834), (4, 512, 1227.162), (8, 256, 1226.114), (8, 512, 2134.262),
                       (16, 256, 2134.262), (16, 512, 3961.013)],
                 eager_oom=[], suspect=set()),
}
for page, p in SDPA_PAGES.items():
    a = arch(p["model"])
    if page == "bert":
        # the catalog row is bert-base-cased (vocab 28996); the page runs bert-base-uncased, whose config.json has
        # vocab_size 30522: 1526 more rows of 768 in the embedding
        a = dict(a, vocab=30522, params=a["params"] + (30522 - 28996) * 768,
                 _provenance="catalog row bert-base with vocab_size 30522 from bert-base-uncased's config.json")
    key = "transformers-doc-sdpa-" + page.replace("_", "-")
    common = dict(source=p["url"], source_key=key, family="full", model=p["model"], method="full", lora_rank=0,
                  lora_targets=None, quant="none", precision=SDPA_PREC, optimizer=SDPA_OPT, checkpointing="none",
                  gpus=1, sharding="none", gpu=p["gpu"], loss="not stated (the optimum harness sums the logits)",
                  arch=a, table="'SDPA' section, '### Training' table")
    card = p.get("card")
    for b, s, mb in p["sdpa"]:
        r = dict(common, id="%s-sdpa-b%d-s%d" % (key, b, s), seq=s, batch=b, attention="sdpa", outcome="fit",
                 measured_bytes=round(mb * 1e6), measured_as="%s MB (sdpa peak mem)" % mb, measured_how=SDPA_HOW,
                 notes="%s; %s; training table, SDPA column, batch %d x %d tokens" % (p["hf"], p["env"], b, s))
        if card:
            r["card_as_published"] = card
        if (b, s) in p["suspect"]:
            r["suspect"] = True
            r["notes"] += "; suspect: the figure equals this batch's 1024-token row"
        rec(**r)
    for b, s in p["eager_oom"]:
        r = dict(common, id="%s-eager-b%d-s%d-oom" % (key, b, s), seq=s, batch=b, attention="eager", outcome="oom",
                 measured_bytes=None, measured_as="OOM (eager column)", measured_how=SDPA_HOW,
                 notes="%s; %s; training table, eager column: OOM at batch %d x %d tokens (SDPA fits)"
                       % (p["hf"], p["env"], b, s))
        if card:
            r["card_as_published"] = card
        rec(**r)

# ---- THUDM/ChatGLM2-6B README.md, "推理性能": the least memory to encode 2048 tokens and to generate 8192 ----
# The table's note: with PyTorch 2.0's scaled_dot_product_attention (older PyTorch falls back to the plain attention
# and uses more). No card, batch or unit base is given for the memory table (the speed test beside it ran batch 1,
# bf16 on an A100-SXM4-80G); GB read as 10^9 bytes. INT8/INT4 are ChatGLM2's own weight-only quantization
# (model.quantize(8|4), cpm_kernels); the embedding and output layer stay 16-bit.
CG = "https://github.com/THUDM/ChatGLM2-6B/blob/main/README.md"
CGHOW = "the least GPU memory the README states for the task, GB (how it was read is not said)"
for level, quant, enc, gen in (("fp16", "none", 13.1, 12.8),
                               ("int8", "int8 (ChatGLM2 model.quantize(8): weight-only, cpm_kernels)", 8.2, 8.1),
                               ("int4", "int4 (ChatGLM2 model.quantize(4): weight-only, cpm_kernels)", 5.5, 5.1)):
    for task, seq, gb in (("encode", 2048, enc), ("generate", 8192, gen)):
        rec(id="chatglm2-readme-%s-%s-%d" % (level, task, seq), source=CG, source_key="chatglm2-readme-memory",
            family="inference", model="chatglm2-6b", method="inference", lora_rank=0, lora_targets=None,
            quant=quant, seq=seq, batch=1, precision="fp16 / bf16 (the row says FP16 / BF16)", optimizer=None,
            checkpointing="none", attention="sdpa (torch.nn.functional.scaled_dot_product_attention, PyTorch 2.0)",
            gpus=1, sharding="none", gpu="", outcome="fit", measured_bytes=round(gb * 1e9),
            table="'推理性能' section, memory table after the Multi-Query Attention paragraph (%s row)"
                  % level.upper(),
            measured_as="%s GB" % gb, measured_how=CGHOW,
            notes="%s: %s; batch not stated (1 assumed: chat use, as the speed test beside it); multi-query "
                  "attention with 2 KV groups keeps the KV cache small" % (
                      level, "encode a 2048-token input" if task == "encode" else "generate up to 8192 tokens"))

# ---- THUDM/GLM-4 basic_demo/README_en.md: GLM-4-9B-Chat stress test, BF16 and INT4 ----
# "All tests are performed on a single GPU, and all video memory consumption is calculated based on the peak value";
# A100-SXM4-80GB. trans_stress_test.py: batch 1, random prompt of the stated length, greedy generate with
# max_new_tokens 512 (it may stop earlier at an end token), torch_dtype bfloat16; its INT4 path (commented out)
# loads with BitsAndBytesConfig(load_in_4bit=True), bitsandbytes' defaults. The script in the index is a later
# version (glm-4-9b-chat-hf); the table may come from the earlier trust_remote_code model.
G4 = "https://github.com/THUDM/GLM-4/blob/main/basic_demo/README_en.md"
G4HOW = "peak GPU memory as the page states it, MiB (how it was read is not said)"
for dtype, rows in (("bf16", [(1000, 19047), (8000, 20629), (32000, 27779), (128000, 57379)]),
                    ("int4", [(1000, 8251), (8000, 9613), (32000, 16065)])):
    for inp, mib in rows:
        rec(id="glm4-demo-stress-glm-4-9b-chat-%s-in%d" % (dtype, inp), source=G4, source_key="glm4-basic-demo",
            family="inference", model="glm-4-9b", method="inference", lora_rank=0, lora_targets=None,
            quant="none" if dtype == "bf16" else "4-bit (bnb load_in_4bit, library defaults: fp4 storage)",
            seq=inp + 512, batch=1, precision="bf16", optimizer=None, checkpointing="none",
            attention="not stated (the model's default)", gpus=1, sharding="none", gpu="A100 80GB", outcome="fit",
            table="'GLM-4-9B-Chat' tables under 'Related inference test data' (%s)" % dtype.upper(),
            measured_bytes=mib * 2**20, measured_as="%dMiB" % mib, measured_how=G4HOW,
            notes="GLM-4-9B-Chat, %s, input %d tokens + up to 512 generated (seq is the upper bound)" % (
                dtype.upper(), inp))

json.dump(out, open(OUT, "w"), indent=1)
print(len(out), "records,", sum(1 for r in out if r["measured_bytes"]), "with a measured peak,",
      len({r["source"] for r in out}), "sources")
