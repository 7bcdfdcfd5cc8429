package io.oomdoc.bench;

/**
 * The fourth blind set (src/test/resources/conversations_heldout4) keeps the form of every blind set; what the
 * engine answers is never looked at here, because its closed half is only ever scored (see that folder's README).
 */
class HeldOutFourTest extends BlindConversationSetChecks {
    HeldOutFourTest() { super(ConversationBench.HELD_OUT_4, 160); }
}
