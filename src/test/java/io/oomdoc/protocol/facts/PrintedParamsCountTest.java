package io.oomdoc.protocol.facts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * How a printed parameter count becomes a number, and how lexicon/printed-params.tsv's rows are read. The counts are
 * the forms the libraries print: Lightning's "1.6 B", PEFT's "trainable params: 4,194,304", DeepSpeed's "350 M".
 */
class PrintedParamsCountTest {
    @Test
    void aUnitLetterScalesTheFigure() {
        assertEquals(1_600_000_000L, PrintedParams.count("1.6", "b"));
        assertEquals(350_000_000L, PrintedParams.count("350", "m"));
        assertEquals(7_000_000L, PrintedParams.count("7000", "k"));
        assertEquals(1_000_000_000_000L, PrintedParams.count("1", "t"));
        assertEquals(4_194_304L, PrintedParams.count("4,194,304", null));
    }

    @Test
    void aMillionIsTheSmallestCountThatIsAModel() {
        assertEquals(1_000_000L, PrintedParams.count("1,000,000", ""));
        assertNull(PrintedParams.count("999,999", ""), "a head or an adapter, not a model");
    }

    @Test
    void whatIsNotANumberIsNoCount() {
        assertNull(PrintedParams.count("n/a", null));
    }

    @Test
    void rowsSkipCommentsAndBlankLinesAndNameTheirKey() {
        List<PrintedParams.Row> rows = PrintedParams.parse("# pattern\tcount\n\ntotal params:\\s*([\\d,.]+)\\s*([kmbt])?"
                + "\ttotal\n");
        assertEquals(1, rows.size());
        assertEquals("params.total", rows.get(0).key());
    }

    @Test
    void aRowWithoutItsCountColumnIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PrintedParams.parse("total params:\\s*(\\d+)\n"));
    }
}
