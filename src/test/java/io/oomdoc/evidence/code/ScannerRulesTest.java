package io.oomdoc.evidence.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One behaviour per rule on small training loops written the way they appear in public issue threads
 * (the loss-accumulation leak of the PyTorch FAQ, HF Trainer with compute_metrics, DDP without set_device).
 */
class ScannerRulesTest {
    @TempDir Path repo;

    private List<Finding> scan(String file, String code) throws Exception {
        Path p = repo.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, code);
        return new PythonScanner(Rules.ALL).scan(repo).findings();
    }

    private static boolean has(List<Finding> f, String rule, int line) {
        return f.stream().anyMatch(x -> x.rule().equals(rule) && x.line() == line);
    }

    @Test
    void lossSummedAcrossIterationsIsALeakButItemIsNot() throws Exception {
        List<Finding> f = scan("train.py", """
                total_loss = 0
                for x, y in loader:
                    optimizer.zero_grad()
                    loss = criterion(model(x), y)
                    loss.backward()
                    optimizer.step()
                    total_loss += loss
                    running += loss.item()
                """);
        assertTrue(has(f, "tensor_accumulated", 7), f.toString());
        assertEquals(1, f.stream().filter(x -> x.rule().equals("tensor_accumulated")).count());
        assertTrue(f.get(0).fix().after().contains("loss.item()"));
    }

    @Test
    void aScaledLossIsStillALeakAndAWholeSplitOnTheGpuIsNoted() throws Exception {
        List<Finding> f = scan("fit.py", """
                X_train = torch.tensor(X_train).to(device)
                for epoch in range(10):
                    for x, y in batches(X_train):
                        optimizer.zero_grad()
                        loss = criterion(model(x), y)
                        loss.backward()
                        optimizer.step()
                        train_loss += loss * x.size(0)
                """);
        assertTrue(has(f, "tensor_accumulated", 8), f.toString());
        assertTrue(has(f, "dataset_on_gpu", 1), f.toString());
    }

    @Test
    void accelerateLoopSummingTheLossTensorIsALeakButAnEpochLevelEmptyCacheIsNot() throws Exception {
        // the shape of public DreamBooth-style accelerate scripts
        List<Finding> f = scan("dreambooth.py", """
                for epoch in range(num_epochs):
                    epoch_loss = 0
                    for step, batch in enumerate(train_dataloader):
                        with accelerator.accumulate(unet):
                            model_pred = unet(noisy_latents, timesteps, encoder_hidden_states).sample
                            loss = F.mse_loss(model_pred.float(), target.float(), reduction="mean")
                        accelerator.backward(loss)
                        optimizer.step()
                        optimizer.zero_grad()
                        epoch_loss += loss
                    torch.cuda.empty_cache()
                """);
        assertTrue(has(f, "tensor_accumulated", 10), f.toString());
        assertFalse(f.stream().anyMatch(x -> x.rule().equals("empty_cache_in_loop")), f.toString());
    }

    @Test
    void backwardWithoutZeroGradIsReportedButDeliberateAccumulationIsNot() throws Exception {
        List<Finding> bad = scan("a.py", """
                for x, y in loader:
                    loss = criterion(model(x), y)
                    loss.backward()
                    optimizer.step()
                """);
        assertTrue(has(bad, "missing_zero_grad", 3), bad.toString());
        List<Finding> ok = scan("a.py", """
                for i, (x, y) in enumerate(loader):
                    loss = criterion(model(x), y) / accum
                    loss.backward()
                    if (i + 1) % accum == 0:
                        optimizer.step()
                        optimizer.zero_grad()
                """);
        assertFalse(ok.stream().anyMatch(x -> x.rule().equals("missing_zero_grad")), ok.toString());
    }

    @Test
    void evalLoopWithoutNoGradIsReportedAndInferenceModeSilencesIt() throws Exception {
        List<Finding> bad = scan("e.py", """
                def validate(model, val_loader):
                    model.eval()
                    for x, y in val_loader:
                        out = model(x)
                """);
        assertTrue(has(bad, "eval_without_no_grad", 4), bad.toString());
        List<Finding> ok = scan("e.py", """
                @torch.inference_mode()
                def validate(model, val_loader):
                    for x, y in val_loader:
                        out = model(x)
                """);
        assertTrue(ok.isEmpty(), ok.toString());
    }

    @Test
    void emptyCacheAndRetainGraphInsideALoop() throws Exception {
        List<Finding> f = scan("l.py", """
                for x in loader:
                    optimizer.zero_grad()
                    loss = model(x).sum()
                    loss.backward(retain_graph=True)
                    optimizer.step()
                    torch.cuda.empty_cache()
                """);
        assertTrue(has(f, "retain_graph", 4), f.toString());
        assertTrue(has(f, "empty_cache_in_loop", 6), f.toString());
    }

    @Test
    void distributedCodeWithoutMapLocationOrSetDevice() throws Exception {
        List<Finding> f = scan("ddp.py", """
                import torch.distributed as dist
                from torch.nn.parallel import DistributedDataParallel as DDP
                dist.init_process_group("nccl")
                model = Net().cuda()
                state = torch.load("ckpt.pt")
                model = DDP(model)
                """);
        assertTrue(has(f, "torch_load_no_map_location", 5), f.toString());
        assertTrue(has(f, "ddp_no_set_device", 6), f.toString());
    }

    @Test
    void hfTrainerWithComputeMetricsNeedsEvalAccumulation() throws Exception {
        List<Finding> f = scan("hf.py", """
                args = TrainingArguments("out", evaluation_strategy="epoch")
                trainer = Trainer(model=model, args=args, eval_dataset=ds, compute_metrics=metrics)
                """);
        assertTrue(has(f, "hf_eval_accumulation", 2), f.toString());
        List<Finding> ok = scan("hf.py", """
                args = TrainingArguments("out", evaluation_strategy="epoch", eval_accumulation_steps=4)
                trainer = Trainer(model=model, args=args, eval_dataset=ds, compute_metrics=metrics)
                """);
        assertFalse(ok.stream().anyMatch(x -> x.rule().equals("hf_eval_accumulation")));
        assertTrue(ok.stream().anyMatch(x -> x.rule().equals("fp32_training") && x.line() == 1), "neither bf16 nor fp16 is set: " + ok);
        List<Finding> bf16 = scan("hf.py", """
                args = TrainingArguments("out", bf16=True, eval_accumulation_steps=4)
                trainer = Trainer(model=model, args=args, compute_metrics=metrics)
                """);
        assertTrue(bf16.isEmpty(), bf16.toString());
    }

    @Test
    void notebooksReportTheCell() throws Exception {
        String nb = """
                {"cells": [
                  {"cell_type": "markdown", "source": ["# training"]},
                  {"cell_type": "code", "source": ["%matplotlib inline\\n", "import torch\\n"]},
                  {"cell_type": "code", "source": ["for x in loader:\\n", "    optimizer.zero_grad()\\n", "    loss = model(x).sum()\\n", "    loss.backward()\\n", "    optimizer.step()\\n", "    torch.cuda.empty_cache()\\n"]}
                ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """;
        List<Finding> f = scan("nb.ipynb", nb);
        Finding e = f.stream().filter(x -> x.rule().equals("empty_cache_in_loop")).findFirst().orElseThrow(() -> new AssertionError(f.toString()));
        assertEquals(3, e.cell());
    }

    @Test
    void brokenFilesAreReadPartiallyAndNoted() throws Exception {
        Files.write(repo.resolve("latin1.py"), "# caf\u00e9\nfor x in loader:\n    model(x).backward()\n    torch.cuda.empty_cache()\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(repo.resolve("py2.py"), "print 'hello'\nfor x in loader:\n    model(x).backward()\n    torch.cuda.empty_cache()\n");
        Files.write(repo.resolve("blob.py"), new byte[]{0, 1, 2, 3});
        ScanResult r = new PythonScanner(Rules.ALL).scan(repo);
        assertTrue(r.skipped().stream().anyMatch(s -> s.file().equals("latin1.py") && s.why().contains("UTF-8")));
        assertTrue(r.skipped().stream().anyMatch(s -> s.file().equals("py2.py") && s.why().contains("Python 2")), r.skipped().toString());
        assertTrue(r.skipped().stream().anyMatch(s -> s.file().equals("blob.py") && s.why().contains("binary")));
        assertEquals(2, r.findings().stream().filter(x -> x.rule().equals("empty_cache_in_loop")).count(), r.findings().toString());
    }

    @Test
    void aPython2FileNoRuleCouldMatchIsScannedWithoutANote() throws Exception {
        // the note says a parse may be incomplete: a file the prefilter keeps from the parser has none to doubt
        Files.writeString(repo.resolve("util2.py"), "print 'hello'\nfor i in xrange(3):\n    print i\n");
        ScanResult r = new PythonScanner(Rules.ALL).scan(repo);
        assertEquals(1, r.filesScanned());
        assertEquals(List.of(), r.skipped());
    }

    @Test
    void symlinkLoopsIgnoredFoldersAndVirtualenvsAreSkipped() throws Exception {
        Files.createDirectories(repo.resolve("pkg"));
        Files.createSymbolicLink(repo.resolve("pkg/loop"), repo);
        Files.createDirectories(repo.resolve(".venv/lib"));
        Files.writeString(repo.resolve(".venv/lib/x.py"), "for x in l:\n    model(x).backward()\n    torch.cuda.empty_cache()\n");
        Files.createDirectories(repo.resolve("outputs"));
        Files.writeString(repo.resolve("outputs/y.py"), "for x in l:\n    model(x).backward()\n    torch.cuda.empty_cache()\n");
        Files.writeString(repo.resolve(".gitignore"), "outputs/\n");
        Files.writeString(repo.resolve("pkg/z.py"), "for x in l:\n    model(x).backward()\n    torch.cuda.empty_cache()\n");
        ScanResult r = new PythonScanner(Rules.ALL).scan(repo);
        assertEquals(List.of("pkg/z.py"), r.findings().stream().map(Finding::file).toList());
    }

    @Test
    void setupIsReadFromArgparseAndConfigs() throws Exception {
        Files.writeString(repo.resolve("config.yaml"), "per_device_train_batch_size: 16\nmax_seq_length: 2048\nbf16: true\n");
        scan("train.py", """
                import torch, argparse
                p = argparse.ArgumentParser()
                p.add_argument("--gradient_accumulation_steps", type=int, default=4)
                model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")
                optimizer = torch.optim.AdamW(model.parameters())
                """);
        TrainingSetup s = new PythonScanner(Rules.ALL).scan(repo).setup();
        assertEquals(16, s.batchSize());
        assertEquals(2048, s.seqLen());
        assertEquals(4, s.gradAccum());
        assertEquals("bf16", s.precision());
        assertEquals("adamw", s.optimizer());
        assertEquals("meta-llama/Llama-3.1-8B", s.model());
    }

    @Test
    void repoSearchStaysInsideTheRootAndBoundsItsOutput() throws Exception {
        for (int i = 0; i < 30; i++) Files.writeString(repo.resolve("f" + i + ".py"), "loss.backward()\nx = 1\n");
        RepoSearch.Result r = RepoSearch.search(repo, "backward\\(", null, 10, 1);
        assertEquals(10, r.hits().size());
        assertTrue(r.truncated());
        assertEquals("x = 1", r.hits().get(0).after().get(0));
        assertThrows(SecurityException.class, () -> RepoFiles.insideRoot(repo, "../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> RepoSearch.search(repo, "(unclosed", null, 10, 0));
    }
}
