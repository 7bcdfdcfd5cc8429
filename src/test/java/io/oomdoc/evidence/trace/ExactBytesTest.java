package io.oomdoc.evidence.trace;

import io.oomdoc.corpus.Case;
import io.oomdoc.corpus.Corpus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where a message prints the failing request both rounded and in bytes, the bytes are decoded. Real reports of the
 * third split, scored in round 5 and development data since (sources in corpus_heldout5/heldout5.jsonl:
 * google-deepmind/jax_privacy#10, young-geng/EasyLM#14, menloresearch/jan#4953).
 */
class ExactBytesTest {
    private static OomNumbers numbers(String id) {
        Case c = Corpus.heldout5().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
        return new TraceAnalyzer().analyze(LogText.of(c.paste())).numbers();
    }

    @Test
    void pjrtRequestIsReadFromItsByteCount() {
        // "Failed to allocate request for 176.00MiB (184549376B) on device ordinal 0"
        assertEquals(184_549_376L, numbers("jax-privacy-10-176mib-ordinal-0-30gb").triedBytes());
    }

    @Test
    void pjrtRequestOfAMultiReplicaLogIsTheFirstReplicasBytes() {
        assertEquals(655_360_000L, numbers("easylm-14-13b-v3-8-625mib-ordinal").triedBytes());
    }

    @Test
    void llamaCppBufferSizeInBytesWinsOverTheRoundedMebibytes() {
        // "allocating 7203.17 MiB on device 0" then "failed to allocate CUDA0 buffer of size 7553073280"
        assertEquals(7_553_073_280L, numbers("jan-4953-gemma3-12b-q4-gtx1070-7203mib").triedBytes());
    }
}
