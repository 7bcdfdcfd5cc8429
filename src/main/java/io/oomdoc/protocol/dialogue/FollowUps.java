package io.oomdoc.protocol.dialogue;

import io.oomdoc.protocol.Facts;
import io.oomdoc.protocol.FixText;
import io.oomdoc.protocol.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Short answers about the failure already diagnosed: its cause, the next fix, how to check, whether it is memory at
 * all.
 */
final class FollowUps {
    private static final Pattern IS_MEMORY = Pattern.compile("(?i)\\b(?:is|was) (?:it|this|that) (?:a |an "
            + ")?(?:memory|oom|vram|ram)"
            + "|(?:memory|oom) (?:problem|issue|related)|so (?:is|it'?s) (?:it )?(?:memory|oom)"
            + "|(?:it'?s|it is|is it|so) not (?:the |a )?(?:gpu|vram|card|cuda)\\b|not (?:a )?(?:gpu|vram|cuda) "
            + "(?:problem|issue|memory)");
    /** "is that length or something else?", "should I use something else?" ask for another cause or tool. */
    private static final Pattern OTHERS = Pattern.compile("(?i)(?<!\\bor |\\buse )something else|another "
            + "(?:process|job)|other "
            + "(?:process|job)|zombie"
            + "|on the (?:card|gpu)|who (?:is )?(?:using|holding)|someone else");
    private static final Pattern SCIENCE = Pattern.compile("(?i)change (?:the )?(?:total batch|training|result"
            + "|results|science"
            + "|dynamics|model|loss|convergence)|same (?:result|training|model)|affect (?:the )?(?:result|accuracy"
                    + "|training|convergence)"
            + "|make (?:the )?(?:model|results?|training) worse|hurt (?:the )?(?:model|accuracy|quality|results?)"
                    + "|worse (?:model|results)");
    /** "I already pass eval_accumulation_steps=10": the knob named is tried; the answer is the rung after it. */
    private static final Pattern ALREADY = Pattern.compile("(?i)\\balready (?:\\w+ )?(?:use|using|pass|set|have"
            + "|had|tried|reduced|lowered|enabled|turned|added|did|do|run)|same (?:error|problem|oom|thing|result)"
            + "|(?:did|made) no difference|no difference|played (?:around )?with|nothing (?:helped|worked|changed)"
            + "|(?:tried|tried changing|tried reducing|tried lowering) (?:the )?(?:batch|bs|batch[_ ]size)");
    private static final Pattern NEXT = Pattern.compile("(?i)still (?:oom|fails|failing|crash|out of memory|get"
            + "|dies|happens)"
            + "|didn'?t (?:help|work|fix)"
            + "|doesn'?t (?:help|work)|not (?:enough|working)|what (?:else|next)|next step|anything else|other "
                    + "options?");
    /** "that didn't help either", "it still fails": about the rung just proposed, which the turn does not name. */
    private static final Pattern THAT_FAILED = Pattern.compile("(?i)\\b(?:that|this|it|which)\\b[^.?!]{0,20}"
            + "(?:didn'?t|did not|doesn'?t|does not|won'?t) (?:help|work|fix|change)|\\bstill (?:oom|fails|failing"
            + "|crash|out of memory|dies|the same)|\\bno (?:luck|change|difference)|\\b(?:same|the same) (?:error|oom"
            + "|problem)");
    /** "what else can I try?", "any other options?": the rung after the ones spent. */
    private static final Pattern WHAT_ELSE = Pattern.compile("(?i)what (?:else|next)|anything else|other options?"
            + "|next step|(?:else|other things?) (?:can|could|should) i (?:try|do)");
    // whole words: "resolution" holds "solution" (PromptFix#6: "why does resolution matter?" is not asking for a fix)
    private static final Pattern FIRST = Pattern.compile("(?i)what (?:should|do|can) i (?:do|try)|where (?:do i|to) "
            + "start|\\bfix|\\bsolution"
            + "|what (?:would you|do you) (?:suggest|recommend)");
    /**
     * "so is that a real fix?", "so did it work?": a verdict on what the turn before was about (a setting, a tip), not
     * a request for the report's first fix (ComfyUI-PhotoMaker-ZHO#37).
     */
    private static final Pattern VERDICT = Pattern.compile("(?i)\\b(?:is|was) (?:that|this|it) (?:a |an |the )?(?:real"
            + "|proper|actual|good|true|permanent|lasting) (?:fix|solution)|\\bdid (?:it|that|this) (?:really )?work"
            + "|\\bdoes (?:that|this|it) (?:really |actually )?(?:fix|solve|work)\\b");
    private static final Pattern VERIFY = Pattern.compile("(?i)verif|confirm|check (?:that|if|whether)|how (?:do"
            + "|can) i (?:know|tell|test)|make sure");
    private static final Pattern SURE = Pattern.compile("(?i)how sure|confiden|certain|could it be|are you sure"
            + "|alternatives?|something else than");
    private static final Pattern WHY = Pattern.compile("(?i)\\bwhy\\b|what caus|root cause|what(?:'s| is) (?:using"
            + "|taking|eating|filling)");

    private static final Pattern FIX_WORD = Pattern.compile("(?i)max[_-]model[_-]len|gpu[_-]memory[_-]utilization"
            + "|eval_accumulation_steps"
            + "|expandable[_ ]segments|checkpointing|no_grad|inference_mode|num_workers|set_device"
                    + "|max[_-]num[_-]seqs|tensor[_-]parallel"
            + "|kv[_-]cache[_-]dtype|preprocess_logits_for_metrics|\\.item\\(\\)|8-?bit|offload|zero|accumulation");

    /** "I found the memory usage is increasing during the training": growth over steps, the mark of a leak. */
    private static final Pattern GROWS = Pattern.compile("(?i)\\b(?:memory|ram|vram|usage|it)\\b.{0,30}\\b(?:is |keeps "
            + ")?(?:increas|grow|climb|creep|go(?:es|ing)? up|keeps? rising|rising)\\w*");

    /** "the batch_size", "bs 8", "micro-batch": the user names the batch as what they changed. */
    private static final Pattern BATCH_NAMED = Pattern.compile("(?i)\\b(?:micro-?)?batch(?:[_ -]?size)?\\b|\\bbs\\b");

    private static final Pattern EXPANDABLE =
            Pattern.compile("(?i)expandable[_ ]segments|max_split_size|fragmentation");

    private FollowUps() {}

    /**
     * A question about the failure held rather than a new what-if: is it memory, does it change the science, a fix's
     * knob.
     */
    static boolean aboutHeld(String text, Report r) {
        if (r == null) return false;
        if (IS_MEMORY.matcher(text).find() || SCIENCE.matcher(text).find() || OTHERS.matcher(text).find()) return true;
        return heldFix(text, r) != null;
    }

    /** The report's fix whose knob the question names ("would max_model_len 3000 fit?" → the max-model-len fix). */
    static Report.Fix heldFix(String text, Report r) {
        var m = FIX_WORD.matcher(text);
        while (m.find()) {
            String k = m.group().toLowerCase(java.util.Locale.ROOT).replace('_', '-').replace(" ", "-");
            for (Report.Fix f : r.fixes()) {
                String all = (f.title() + " " + f.after()).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                if (all.contains(k)) return f;
            }
        }
        return null;
    }

    /**
     * The short answer about the failure held; {@code computed} when figures already answer part of it, so that a
     * turn with nothing else to say is not padded with "no failure yet".
     */
    static String answer(String text, boolean computed, Report r, Facts facts) {
        return answer(text, null, computed, r, facts);
    }

    /** {@code earlier}: the user's turn before, whose subject a verdict question ("is that a real fix?") is about. */
    static String answer(String text, String earlier, boolean computed, Report r, Facts facts) {
        return answer(text, earlier, computed, r, facts, Set.of());
    }

    /**
     * {@code tried}: the KB ids of fixes the user said earlier in the session they tried without success; "what else"
     * skips them as it skips the fix this turn names.
     */
    static String answer(String text, String earlier, boolean computed, Report r, Facts facts, Set<String> tried) {
        if (earlier != null && VERDICT.matcher(text).find()) {
            var known = KnowledgeSearch.answer(text + "\n" + earlier, r, KnowledgeAnswers.engines(facts, r));
            if (known.isPresent()) return known.get();
        }
        // "does the learning rate change memory?": a setting that does not act on memory gets its "no" first
        String noEffect = NoMemoryEffect.answer(text, r);
        if (noEffect != null) return noEffect;
        // "is this my 12 GB card running out, or the RAM?": the failure held says which one
        String which = WhichMemory.answer(text, r);
        if (which != null) return which;
        String failed = failedFix(text, r);
        // "it still fails with expandable segments": that rung is spent; explaining it again answers nothing.
        if (failed != null) return Messages.get("followup.tried", titleOf(r, failed)) + "\n"
                + nextAfterTried(text, r, union(tried, failed));
        // "would a smaller batch help?": whether the ladder reaches for that lever, first, later or not at all
        String verdict = LeverVerdict.answer(text, r);
        if (verdict != null) return verdict;
        return KnobAnswers.lead(text, KnowledgeAnswers.conversationStacks(text, List.of(), facts, r),
                held(text, computed, r, facts, tried));
    }

    /**
     * The KB id of the report's fix this turn says was tried and did not help ("still OOM with expandable_segments",
     * "I already use gradient checkpointing"), or null.
     */
    static String failedFix(String text, Report r) {
        return failedFix(text, r, null);
    }

    /**
     * As above; {@code offered}, the KB id of the rung the answer before proposed, is what "that didn't help either"
     * names.
     */
    static String failedFix(String text, Report r, String offered) {
        if (r == null || !(NEXT.matcher(text).find() || ALREADY.matcher(text).find())) return null;
        Report.Fix f = heldFix(text, r);
        if (f != null) return f.kb();
        return offered != null && THAT_FAILED.matcher(text).find() ? offered : null;
    }

    /**
     * The KB id of the rung an answer proposed ("Next rung: TITLE [KB]"), read from the answer itself so that what
     * "that didn't help either" refers to is exactly what the user saw; null when it proposed none.
     */
    static String shownRung(String answer) {
        if (answer == null) return null;
        String head = Messages.get("followup.next") + " ";
        for (String line : answer.split("\n")) {
            int open = line.lastIndexOf(" [");
            if (line.startsWith(head) && open > 0 && line.endsWith("]")) {
                return line.substring(open + 2, line.length() - 1);
            }
        }
        return null;
    }

    /** "what else can I try?" with a failure held: the next rung is asked for, not a recipe. */
    static boolean asksNextRung(String text, Report r) {
        return r != null && WHAT_ELSE.matcher(text).find() && heldFix(text, r) == null;
    }

    private static Set<String> union(Set<String> a, String b) {
        Set<String> out = new java.util.HashSet<>(a);
        out.add(b);
        return out;
    }

    private static String titleOf(Report r, String kb) {
        return r.fixes().stream().filter(f -> f.kb().equals(kb)).map(Report.Fix::title).findFirst().orElse(kb);
    }

    private static String held(String text, boolean computed, Report r, Facts facts, Set<String> spent) {
        if (r == null) return withoutReport(text, computed, facts);
        List<String> out = new ArrayList<>();
        if (!aboutThisFailure(text, r, facts, out)) nextSteps(text, r, facts, spent, out);
        return String.join("\n", out);
    }

    /** A follow-up with no report held: the science note, the levers of the work held, or a passage; null if none. */
    private static String withoutReport(String text, boolean computed, Facts facts) {
        if (SCIENCE.matcher(text).find()) {
            boolean nano = facts.model() != null && facts.model().startsWith("nanochat");
            return Messages.get("followup.science") + (nano ? "\n" + Messages.get("followup.science.nanochat") : "");
        }
        // "so what are my options?" with nothing pasted: the levers for the work held, not a passage on other words
        String levers = OptionLevers.asks(text) ? OptionLevers.answer(facts) : null;
        if (levers != null) return levers;
        String known = KnowledgeSearch.answer(text, null, KnowledgeAnswers.engines(facts, null)).orElse(null);
        return known != null ? known : computed ? null : Messages.get("followup.noreport");
    }

    /**
     * Questions about this failure's own figures and nature (expandable segments, is it memory, another process, the
     * science, a term, growth): answered into out; false when the question is none of these.
     */
    private static boolean aboutThisFailure(String text, Report r, Facts facts, List<String> out) {
        if (EXPANDABLE.matcher(text).find() && r.numbers().get("reserved_unallocated_bytes") instanceof Number idle
                && r.numbers().get("tried_bytes") instanceof Number tried) {
            boolean helps = idle.longValue() >= tried.longValue();
            out.add(Messages.get(helps ? "followup.expandable.yes" : "followup.expandable.no",
                    io.oomdoc.util.Bytes.human(idle.longValue()), io.oomdoc.util.Bytes.human(tried.longValue())));
        } else if (EXPANDABLE.matcher(text).find() && r.numbers().get("free_bytes") instanceof Number free
                && r.numbers().get("tried_bytes") instanceof Number tried && tried.longValue() > free.longValue()) {
            // A cut trace gives no reserved figure, but a request above what the whole card has free settles it.
            out.add(Messages.get("followup.expandable.free", io.oomdoc.util.Bytes.human(tried.longValue()),
                    io.oomdoc.util.Bytes.human(free.longValue())));
        } else if (IS_MEMORY.matcher(text).find()) {
            out.add(r.issueType().equals("not_oom") ? Messages.get("followup.notmemory",
                    firstSentences(r.sections().rootCause(), 3))
                    : r.issueType().equals("host_ram_oom") ? Messages.get("followup.hostmemory")
                            : Messages.get("followup.vram", label(r)));
        } else if (OTHERS.matcher(text).find()) {
            Object outside = r.numbers().get("process_in_use_bytes");
            out.add(Messages.get("followup.others", r.hypotheses().stream().anyMatch(h
                    -> h.category().equals("other_process_or_zombie"))
                    ? Messages.get("followup.others.possible") : Messages.get("followup.others.unlikely")));
            out.add("    nvidia-smi --query-compute-apps=pid,used_memory,process_name --format=csv");
        } else if (SCIENCE.matcher(text).find()) {
            out.add(Messages.get("followup.science"));
            if (facts.model() != null && facts.model().startsWith("nanochat")) out.add(Messages.get("followup.scienc"
                    + "e.nanochat"));
        } else if (Topics.find(Topics.glossary(), text).isPresent() && !FIRST.matcher(text).find()) {
            var term = Topics.find(Topics.glossary(), text).get();
            out.add(Topics.explained(term));
        } else if (GROWS.matcher(text).find() && !r.category().equals("leak_held_references")) {
            out.add(Messages.get("followup.grows", label(r)));
            KnowledgeSearch.answer(text + " leak", r, KnowledgeAnswers.engines(facts, r)).ifPresent(out::add);
        } else {
            return false;
        }
        return true;
    }

    /** What to do next: after what was tried, a fix held, the next rung, how to verify, how sure, why, or a passage. */
    private static void nextSteps(String text, Report r, Facts facts, Set<String> spent, List<String> out) {
        if (ALREADY.matcher(text).find()) {
            out.add(nextAfterTried(text, r, spent));
            // The next rung answers "what now"; why the batch did not matter comes right after it.
            if (BATCH_NAMED.matcher(text).find()) out.add(Messages.get("followup.batch.nochange"));
            KnowledgeSearch.answer(text, r, KnowledgeAnswers.engines(facts, r)).ifPresent(out::add);
        } else if (heldFix(text, r) != null) {
            Report.Fix f = heldFix(text, r);
            out.add(Messages.get("followup.fix", f.title(), f.kb()) + "\n    " + f.after().replace("\n", "\n    "));
        } else if (NEXT.matcher(text).find()) {
            out.add(spent.isEmpty() ? fix(r, 1, Messages.get("followup.next")) : nextAfterTried(text, r, spent));
            // "that didn't help either" after rungs were spent names no subject: a passage searched for its words
            // would be off the point.
            if (spent.isEmpty() || !THAT_FAILED.matcher(text).find() && !WHAT_ELSE.matcher(text).find()) {
                KnowledgeSearch.nextOnCard(text, r, KnowledgeAnswers.engines(facts, r)).ifPresent(out::add);
            }
        } else if (VERIFY.matcher(text).find()) {
            out.add(r.sections().verification());
        } else if (SURE.matcher(text).find()) {
            out.add(r.sections().confidenceAssessment());
        } else if (FIRST.matcher(text).find()) {
            out.add(fix(r, 0, Messages.get("followup.first")));
        } else if (WHY.matcher(text).find()) {
            var known = KnowledgeSearch.answer(text, r, KnowledgeAnswers.engines(facts, r));
            out.add(firstSentences(r.sections().rootCause(), known.isPresent() ? 1 : 2));
            known.ifPresent(out::add);
        } else if (Topics.find(Topics.glossary(), text).isPresent()) {
            var term = Topics.find(Topics.glossary(), text).get();
            out.add(Topics.explained(term));
        } else {
            var known = KnowledgeSearch.answer(text, r, KnowledgeAnswers.engines(facts, r));
            out.add(known.orElse(Messages.get("followup.default", label(r))));
            // Beside a passage that answers the question the first rung is a pointer, not its code: a ten-line
            // snippet would push the trace's own figures out of a short answer.
            String first = fix(r, 0, Messages.get("followup.first"));
            out.add(known.isPresent() ? first.lines().findFirst().orElse(first) : first);
            if (known.isEmpty()) out.add(Messages.get("followup.more"));
        }
    }

    /**
     * The first rung whose knob the user has not said they tried: the batch when they reduced it, the fix named, and
     * every rung of a KB entry tried before ({@code tried}): when expandable segments did not help, neither will
     * max_split_size_mb, the same mechanism.
     */
    private static String nextAfterTried(String text, Report r, Set<String> tried) {
        Report.Fix named = heldFix(text, r);
        boolean batchTried = BATCH_NAMED.matcher(text).find();
        // what a tried rung acts through is spent in every entry of the ladder, as is what the turn rules out
        Set<String> mechanisms = new java.util.HashSet<>(SpentMechanisms.said(text));
        for (Report.Fix f : r.fixes()) {
            if (f == named || tried.contains(f.kb())) mechanisms.addAll(SpentMechanisms.ofTitle(f.title()));
        }
        for (int i = 0; i < r.fixes().size(); i++) {
            Report.Fix f = r.fixes().get(i);
            String all = (f.title() + " " + f.after()).toLowerCase(java.util.Locale.ROOT);
            if (f == named || tried.contains(f.kb()) || SpentMechanisms.spent(f.title(), mechanisms)) continue;
            if (batchTried && all.contains("batch") && !all.contains("eval")) continue;
            return fix(r, i, Messages.get("followup.next"));
        }
        return Messages.get("followup.nofix");
    }

    private static String fix(Report r, int i, String head) {
        if (r.fixes().size() <= i) return Messages.get("followup.nofix");
        Report.Fix f = r.fixes().get(i);
        return head + " " + f.title() + (f.changesScience() ? Messages.get("followup.science.mark") : "") + " ["
                + f.kb() + "]\n" + FixText.both(f, 4);
    }

    private static String label(Report r) { return CauseWords.of(r.category()); }

    private static String firstSentences(String s, int n) {
        String[] parts = s.split("(?<=\\.)\\s+");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, parts.length); i++) sb.append(i == 0 ? "" : " ").append(parts[i]);
        return sb.toString();
    }
}
