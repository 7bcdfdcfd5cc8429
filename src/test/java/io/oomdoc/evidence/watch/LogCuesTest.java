package io.oomdoc.evidence.watch;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** Step numbers and the first out-of-memory line, read from output as it streams (lines quoted from real logs). */
class LogCuesTest {
    private static LogCues feed(String... chunks) {
        LogCues c = new LogCues(System.currentTimeMillis());
        for (String s : chunks) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            c.feed(b, 0, b.length);
        }
        c.flush();
        return c;
    }

    @Test
    void readsTheStepOfCommonTrainingLogs() {
        // tensorflow/tensorflow#73457
        assertEquals(12, feed("epoch 1/50 - it 12/100 - loss: 2.437 - acc: 0.634\n").step());
        // open-mmlab/mmdetection#1956
        assertEquals(1600, feed("2019-12-31 00:21:25,558 - INFO - Epoch [1][1600/23454]\tlr: 0.00050, eta: 1 day, "
                + "19:53:43, time: 0.428, data_time: 0.006, memory: 6814, loss_cls: 0.0953\n").step());
        // a tqdm bar redrawn with '\r', split across two chunks
        assertEquals(451, feed(" 45%|████▌     | 450/1000 [00:10<00:12, 44.2it/s]\r"
                + " 45%|████▌     | 45",
                "1/1000 [00:10<00:12, 44.2it/s]").step());
        assertEquals(37, feed("step 36 loss 1.2\nglobal_step=37 lr=3e-4\n").step());
        assertNull(feed("Epoch 3 done, 44.2it/s\n").step());
    }

    @Test
    void keepsTheFirstOutOfMemoryLineWithItsStep() {
        LogCues c = feed("step 3\n", "RuntimeError: CUDA out of memory. Tried to allocate 86.00 MiB\n", "step 4\n",
                "torch.OutOfMemoryError: again\n");
        assertTrue(c.oomSeen());
        assertEquals(3, c.oomStep());
        assertTrue(c.oomLine().startsWith("RuntimeError: CUDA out of memory"));
        assertEquals(4, c.step());
    }

    @Test
    void theTailKeepsTheHeadAndTheNewestBytes() {
        OutputTail t = new OutputTail(4, 8);
        byte[] b = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.UTF_8);
        t.write(b, 0, 10);
        t.write(b, 10, 16);
        String s = new String(t.bytes(), StandardCharsets.UTF_8);
        assertTrue(s.startsWith("abcd"), s);
        assertTrue(s.endsWith("stuvwxyz"), s);
        assertTrue(s.contains("14 bytes"), s);
    }
}
