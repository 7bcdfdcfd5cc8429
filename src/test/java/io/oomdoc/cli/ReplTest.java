package io.oomdoc.cli;

import io.oomdoc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jline.terminal.Terminal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The REPL driven through JLine's dumb terminal on piped streams, line by line as a user types. */
class ReplTest {
    @TempDir Path tmp;

    private String session(String... lines) throws Exception {
        String input = String.join("\n", lines) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Repl.runOnStreams(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp);
        assertEquals(0, code);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int count(String hay, String needle) {
        int n = 0;
        for (int i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) n++;
        return n;
    }

    @Test
    void proseWrapsToTheTerminalsOwnWidthWhenColumnsIsNotExported() throws Exception {
        // Lightning-AI/litgpt#303 (a follow-up of the transcript suite's H09): the answer is a paragraph of prose.
        String input = "how do i switch to expandable segments instead of max_split_size_mb\n/exit\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Repl.runOnStreams(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp,
                t -> t.setSize(new org.jline.terminal.Size(80, 24)));
        String answer = out.toString(StandardCharsets.UTF_8);
        assertTrue(answer.contains("expandable_segments"), answer);
        answer.lines().filter(l -> !l.startsWith(" ") && !l.contains("oomdoc>"))
                .forEach(l -> assertTrue(l.length() <= 80, l.length() + ": " + l));
    }

    @Test
    void helpFitsAnEightyColumnTerminal() throws Exception {
        // Comfy-Org/ComfyUI#1781's new user (trial21): /ask's and /run's rows ran to 150-200 columns
        String input = "/help\n/exit\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Repl.runOnStreams(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp,
                t -> t.setSize(new org.jline.terminal.Size(80, 24)));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("/ask"), help);
        help.lines().filter(l -> !l.contains("oomdoc>"))
                .forEach(l -> assertTrue(l.length() <= 80, l.length() + ": " + l));
    }

    @Test
    void helpListsEveryCommandWithItsDescription() throws Exception {
        String out = session("/help", "/exit");
        for (String c : new String[]{"/debug-oom", "/budget", "/batch", "/gpu", "/scan", "/kb", "/probe", "/snapshot", "/facts", "/reset", "/save", "/model", "/help", "/exit"}) {
            assertTrue(out.contains(c), c);
        }
        assertTrue(out.contains("Estimate per-GPU memory"), "descriptions come from prompts/commands front-matter");
    }

    @Test
    void aPastedMultiLineTracebackIsDiagnosedOnce() throws Exception {
        String trace = Fixtures.text("traces/segtoolbox-backward-1x-cached.txt").strip();
        String out = session(trace, "/exit");
        assertEquals(1, count(out, "## Memory State Summary"), out);
        assertTrue(out.contains("backward"));
    }

    @Test
    void debugOomReadsAFile() throws Exception {
        Path f = tmp.resolve("crash.log");
        Files.writeString(f, Fixtures.text("traces/visfly-backward-2x.txt"));
        String out = session("/debug-oom crash.log", "/exit");
        assertTrue(out.contains("## Root Cause"), out);
    }

    @Test
    void factsCarryAcrossTurnsAndResetClearsThem() throws Exception {
        String out = session("I have a 24 GB 3090 and train nanochat depth=24 with seq len 2048", "/facts", "what batch fits?", "/reset", "/facts", "/exit");
        assertTrue(out.contains("GeForce RTX 3090"));
        assertTrue(out.contains("--device-batch-size="), out);
        assertTrue(out.contains("No facts yet"));
    }

    @Test
    void budgetWithoutFlagsUsesWhatTheConversationEstablished() throws Exception {
        String out = session("I train llama-3.1-8b on an RTX 4090 with batch size 4 and seq len 4096", "/budget", "/exit");
        assertTrue(out.contains("params 8,030,261,248"), out);
        assertTrue(out.contains("does not fit"), out);
    }

    /**
     * Ctrl-C at an idle prompt: the terminal raises SIGINT (what the line discipline does for ^C on a real tty) while
     * the line reader waits for keys; the session says there is nothing to cancel and goes on. The keys come through
     * a pipe so that the reader really waits; typing the character as text would test nothing.
     */
    @Test
    void ctrlCAtThePromptKeepsTheSession() throws Exception {
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        int code = Repl.runOnStreams(in, out, Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp,
                terminal -> {
                    Thread t = new Thread(() -> {
                        try {
                            awaitOutput(out, "oomdoc> ");
                            terminal.raise(Terminal.Signal.INT);
                            awaitOutput(out, "nothing to cancel");
                            keys.write("/kb M8\n/exit\n".getBytes(StandardCharsets.UTF_8));
                            keys.close(); // end of input after these lines, as Ctrl-D would be
                        } catch (Throwable e) {
                            failure.set(e);
                            try { keys.close(); } catch (java.io.IOException ignored) { }
                        }
                    }, "keyboard");
                    t.setDaemon(true);
                    t.start();
                });
        String s = out.toString(StandardCharsets.UTF_8);
        assertNull(failure.get(), () -> failure.get() + "\n" + s);
        assertEquals(0, code);
        assertTrue(s.contains("(Ctrl-C: nothing to cancel; Ctrl-D or /exit leaves)"), s);
        assertTrue(s.indexOf("nothing to cancel") < s.indexOf("expandable_segments"), "the session went on: " + s);
    }

    /**
     * A terminal without bracketed paste sends a paste as fast keystrokes: ComfyUI's error block (a header line, a
     * blank line, the message wrapped over two lines) arrives at once, and is one input with one report; the
     * command typed after the answer is read on its own.
     */
    @Test
    void linesThatArriveTogetherWithoutPasteMarkersAreOnePaste() throws Exception {
        String paste = Fixtures.text("traces/comfyui-1781-control-lora-vaedecode-6gib.txt").strip() + "\n";
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        int code = Repl.runOnStreams(in, out, Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp,
                terminal -> {
                    Thread t = new Thread(() -> {
                        try {
                            awaitOutput(out, "oomdoc> ");
                            keys.write(paste.getBytes(StandardCharsets.UTF_8));
                            keys.flush();
                            awaitOutput(out, "## Memory State Summary");
                            keys.write("/exit\n".getBytes(StandardCharsets.UTF_8));
                            keys.close();
                        } catch (Throwable e) {
                            failure.set(e);
                            try { keys.close(); } catch (java.io.IOException ignored) { }
                        }
                    }, "paste");
                    t.setDaemon(true);
                    t.start();
                }, Repl.PASTE_WINDOW_MS);
        String s = out.toString(StandardCharsets.UTF_8);
        assertNull(failure.get(), () -> failure.get() + "\n" + s);
        assertEquals(0, code);
        assertEquals(1, count(s, "## Memory State Summary"), s);
        assertFalse(s.contains("impossible"), "the wrapped line ': 17179869184.00 GiB' was answered alone: " + s);
    }

    /** Waits (at most 30 s) until the REPL has printed the text. */
    private static void awaitOutput(ByteArrayOutputStream out, String text) throws InterruptedException {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!out.toString(StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > end) throw new AssertionError("never printed: " + text);
            Thread.sleep(20);
        }
    }

    @Test
    void uniquePrefixesSelectCommandsAndUnknownOnesAreExplained() throws Exception {
        String out = session("/bud --params 7B --gpu-mem 24GB", "/zzz", "/exit");
        assertTrue(out.contains("total"));
        assertTrue(out.contains("Unknown command /zzz"));
    }

    @Test
    void aWrongValueInsideTheReplNamesTheSlashCommandNotTheShellOne() throws Exception {
        String out = session("/budget --params 7B --precision fp64", "/budget --no-such-flag", "/exit");
        assertTrue(out.contains("/budget: --precision: \"fp64\" is not one of fp32"), out);
        assertTrue(out.contains("try: /budget --help"), out);
        assertTrue(out.contains("/budget: Unknown option: '--no-such-flag'"), out);
        assertFalse(out.contains("oomdoc budget") || out.contains("oomdoc:"), out);
    }

    @Test
    void saveWritesTheLastReportAsMarkdownAndATranscriptIsKept() throws Exception {
        session("CUDA out of memory during validation, memory keeps growing", "/save report.md", "/exit");
        assertTrue(Files.readString(tmp.resolve("report.md")).contains("## Root Cause"));
        try (Stream<Path> s = Files.list(tmp.resolve("state/oomdoc/sessions"))) {
            Path t = s.findFirst().orElseThrow();
            String jsonl = Files.readString(t);
            assertTrue(jsonl.contains("\"kind\":\"input\"") && jsonl.contains("\"kind\":\"report\""), jsonl);
        }
        assertTrue(Files.exists(tmp.resolve("state/oomdoc/history")));
    }

    @Test
    void userMarkdownCommandsAreOffered() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(".oomdoc/commands"));
        Files.writeString(dir.resolve("why-eval.md"), "---\ndescription: Ask about eval memory\nargument-hint: \"\"\n---\nWhy does memory grow during validation? $ARGUMENTS\n");
        String out = session("/help", "/why-eval", "/exit");
        assertTrue(out.contains("Ask about eval memory"));
        assertTrue(out.contains("eval_accumulation"), out);
    }

    @Test
    void followUpsInTheReplAreShortAnswersNotReports() throws Exception {
        String out = session("I have a 24 GB 3090 and fine-tune llama-3.1-8b with QLoRA, batch 8", "what batch fits?", "2048",
                "what if I use 8-bit adam?", "/exit");
        assertEquals(0, count(out, "## Memory State Summary"), out);
        assertTrue(out.contains("What sequence length"), out);
        assertTrue(out.contains("micro-batch") || out.contains("Not even"), out);
        assertTrue(out.contains("Your facts are unchanged"), out);
    }

    @Test
    void aPathThatDoesNotExistIsNoSuchFileNotProse() throws Exception {
        String out = session("/debug-oom crash.lgo", "/exit");
        assertTrue(out.contains("no such file: crash.lgo"), out);
        assertEquals(0, count(out, "## Memory State Summary"), out);
    }

    @Test
    void askAndTheReplGiveTheSameAnswer() throws Exception {
        String line = "How do I turn on gradient checkpointing with HF Trainer?";
        String repl = session(line, "/exit");
        var err = new ByteArrayOutputStream();
        var out = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"ask", line}, new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false);
        assertEquals(0, code, err.toString());
        String asked = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(asked.contains("gradient_checkpointing=True"), asked);
        assertTrue(repl.contains(asked.lines().findFirst().orElseThrow()), repl);
    }

    @Test
    void aPasteThatStartsWithAProgressBarLineIsOneInput() throws Exception {
        String trace = Fixtures.text("traces/cylinder3d-backward-tqdm-1x.txt").strip();
        String out = session(trace, "/exit");
        assertEquals(1, count(out, "## Memory State Summary"), out);
    }
    @Test
    void askAndTheReplGiveTheSameAnswerToTheSameLine() throws Exception {
        String line = "what micro batch fits llama-3.1-8b with lora on a 24 GB RTX 3090 at seq 2048 in bf16?";
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"ask", line}, new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("ask-state").toString()), tmp, false, false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        String asked = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(asked.contains("micro-batch"), asked);
        String repl = session(line, "/exit");
        for (String l : asked.lines().toList()) assertTrue(repl.contains(l.strip()), "missing in the REPL: " + l);
    }
}
