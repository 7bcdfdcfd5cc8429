package io.oomdoc.protocol.dialogue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 13's knob list, reached for every stack it names: a how-to asked after the user says which stack they run
 * gets that stack's own snippet (precision, 8-bit/paged optimizer, LoRA/QLoRA, checkpointing, attention, ZeRO/FSDP,
 * GPU count, accumulation, sequence length, CPU offload; vLLM/TGI/llama.cpp/Ollama/SGLang serving flags). One row per
 * (stack, knob): a row that stops being reached fails here, whichever table it lives in.
 */
class KnobCoverageTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            I fine-tune with the HF Trainer | how do I turn on bf16? | bf16=True
            I fine-tune with the HF Trainer | how do I use 8-bit Adam? | optim='adamw_bnb_8bit'
            I fine-tune with the HF Trainer | how do I use paged AdamW 8-bit? | paged_adamw_8bit
            I fine-tune with the HF Trainer | how do I add LoRA? | get_peft_model
            I fine-tune with the HF Trainer | how do I use QLoRA? | load_in_4bit=True
            I fine-tune with the HF Trainer | how do I turn on gradient checkpointing? | gradient_checkpointing=True
            I fine-tune with the HF Trainer | how do I use flash attention? | attn_implementation=
            I fine-tune with the HF Trainer | how do I shard with ZeRO-3? | deepspeed=
            I fine-tune with the HF Trainer | how do I offload the optimizer to the CPU? | "offload_optimizer": {"device": "cpu"}
            I fine-tune with the HF Trainer | how do I run on all 8 GPUs? | torchrun --nproc_per_node 8
            I fine-tune with the HF Trainer | how do I use gradient accumulation? | gradient_accumulation_steps=8
            I fine-tune with the HF Trainer | how do I cut the sequence length? | max_length=1024
            I train with Accelerate | how do I turn on bf16? | --mixed_precision bf16
            I train with Accelerate | how do I use 8-bit Adam? | accelerator.prepare(model, optimizer)
            I train with Accelerate | how do I add LoRA? | get_peft_model
            I train with Accelerate | how do I turn on gradient checkpointing? | accelerator.prepare(model)
            I train with Accelerate | how do I use flash attention? | attn_implementation='sdpa'
            I train with Accelerate | how do I shard with ZeRO-3? | accelerate config
            I train with Accelerate | how do I offload the optimizer to the CPU? | offload_optimizer_device='cpu'
            I train with Accelerate | how do I run on all 8 GPUs? | accelerate launch --num_processes 8
            I train with Accelerate | how do I use gradient accumulation? | accelerator.accumulate(model)
            I train with Accelerate | how do I cut the sequence length? | truncation=True
            I train with PyTorch Lightning | how do I turn on bf16? | precision='bf16-mixed'
            I train with PyTorch Lightning | how do I use 8-bit Adam? | def configure_optimizers
            I train with PyTorch Lightning | how do I add LoRA? | def configure_model
            I train with PyTorch Lightning | how do I turn on gradient checkpointing? | gradient_checkpointing_enable()
            I train with PyTorch Lightning | how do I use flash attention? | attn_implementation='sdpa'
            I train with PyTorch Lightning | how do I shard with ZeRO-3? | strategy='deepspeed_stage_3'
            I train with PyTorch Lightning | how do I offload the optimizer to the CPU? | deepspeed_stage_2_offload
            I train with PyTorch Lightning | how do I run on all 8 GPUs? | devices=8
            I train with PyTorch Lightning | how do I use gradient accumulation? | accumulate_grad_batches
            I train with PyTorch Lightning | how do I cut the sequence length? | truncation=True
            I train with DeepSpeed | how do I turn on bf16? | "bf16": {"enabled": true}
            I train with DeepSpeed | how do I use 8-bit Adam? | zero_allow_untested_optimizer
            I train with DeepSpeed | how do I add LoRA? | deepspeed.initialize(model=model, model_parameters=
            I train with DeepSpeed | how do I turn on gradient checkpointing? | "activation_checkpointing"
            I train with DeepSpeed | how do I use flash attention? | before deepspeed.initialize
            I train with DeepSpeed | how do I shard with ZeRO-3? | "stage": 3
            I train with DeepSpeed | how do I offload the optimizer to the CPU? | "offload_optimizer"
            I train with DeepSpeed | how do I run on all 8 GPUs? | deepspeed --num_gpus 8
            I train with DeepSpeed | how do I use gradient accumulation? | "train_micro_batch_size_per_gpu"
            I train with DeepSpeed | how do I cut the sequence length? | truncation=True
            I train with a plain PyTorch loop | how do I turn on bf16? | torch.autocast
            I train with a plain PyTorch loop | how do I use 8-bit Adam? | bnb.optim.AdamW8bit(model.parameters()
            I train with a plain PyTorch loop | how do I add LoRA? | print_trainable_parameters
            I train with a plain PyTorch loop | how do I turn on gradient checkpointing? | torch.utils.checkpoint
            I train with a plain PyTorch loop | how do I use flash attention? | scaled_dot_product_attention
            I train with a plain PyTorch loop | how do I shard with ZeRO-3? | fully_shard(model)
            I train with a plain PyTorch loop | how do I offload the optimizer to the CPU? | CPUOffloadPolicy
            I train with a plain PyTorch loop | how do I run on all 8 GPUs? | torchrun --nproc_per_node 8
            I train with a plain PyTorch loop | how do I use gradient accumulation? | (model(batch).loss / accum).backward()
            I train with a plain PyTorch loop | how do I cut the sequence length? | truncation=True
            I serve with vLLM | how do I lower the context length? | --max-model-len
            I serve with vLLM | how do I limit how much GPU memory it takes? | --gpu-memory-utilization
            I serve with vLLM | how do I lower the batch size? | --max-num-seqs
            I serve with vLLM | how do I quantize the KV cache? | --kv-cache-dtype fp8
            I serve with vLLM | how do I split the model over two GPUs? | --tensor-parallel-size 2
            I serve with vLLM | how do I serve a quantized model? | --quantization awq
            I serve with vLLM | how do I offload part of the model to the CPU? | --cpu-offload-gb
            I serve with TGI | how do I lower the context length? | --max-total-tokens
            I serve with TGI | how do I limit how much GPU memory it takes? | --cuda-memory-fraction
            I serve with TGI | how do I lower the batch size? | --max-batch-prefill-tokens
            I serve with TGI | how do I split the model over two GPUs? | --num-shard 2
            I serve with TGI | how do I serve a quantized model? | --quantize
            I run llama.cpp server | how do I lower the context length? | -c 8192
            I run llama.cpp server | how do I lower the batch size? | -ub 256
            I run llama.cpp server | how do I quantize the KV cache? | --cache-type-k
            I run llama.cpp server | how do I split the model over two GPUs? | --tensor-split
            I run llama.cpp server | how do I serve a quantized model? | model-Q4_K_M.gguf
            I run llama.cpp server | how do I offload part of the model to the CPU? | -ngl 20
            I run Ollama | how do I lower the context length? | num_ctx
            I run Ollama | how do I lower the batch size? | num_batch
            I run Ollama | how do I quantize the KV cache? | OLLAMA_KV_CACHE_TYPE=q8_0
            I run Ollama | how do I split the model over two GPUs? | OLLAMA_SCHED_SPREAD=1
            I run Ollama | how do I offload part of the model to the CPU? | PARAMETER num_gpu 20
            I serve with SGLang | how do I limit how much GPU memory it takes? | --mem-fraction-static
            I serve with SGLang | how do I lower the batch size? | --max-running-requests
            I serve with SGLang | how do I quantize the KV cache? | --kv-cache-dtype fp8
            I serve with SGLang | how do I split the model over two GPUs? | --tp-size 2
            I serve with SGLang | how do I serve a quantized model? | --quantization fp8
            """)
    void everyKnobOfIssue13HasTheSnippetOfTheStackHeld(String stack, String question, String snippet) {
        Conversation c = new Conversation();
        c.respond(stack);
        Answer a = c.respond(question);
        assertEquals(Intent.HOW_TO, a.intent(), a.text());
        assertTrue(a.text().contains(snippet), a.text());
    }
}
