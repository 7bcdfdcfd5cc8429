package io.oomdoc.protocol.dialogue;

import io.oomdoc.knowledge.KnobCatalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "How do I turn on gradient checkpointing for mlx_lm.lora?" when the knowledge has no snippet for that tool: said
 * plainly, with the closest documented setting's name, instead of another stack's snippet that would not run there.
 */
final class NoSnippet {
    /**
     * Stacks whose snippets are written for any PyTorch training or any machine (HF Trainer, plain PyTorch, a
     * container): naming one asks for the setting, not for a tool of its own.
     */
    private static final Set<String> GENERAL = Set.of("hf-trainer", "pytorch", "accelerate", "lightning", "deepspeed",
            "docker", "kubernetes", "fsdp", "peft", "trl", "bitsandbytes", "mps", "rocm", "tensorflow", "jax");
    /** A snippet's heading, Messages' howto.head: "gradient checkpointing with HF Trainer:". */
    private static final Pattern HEAD = Pattern.compile("(?m)^(\\S.*) with (.+):$");
    /** The setting a snippet turns on: its first --flag, keyword argument or assigned attribute. */
    private static final Pattern SETTING = Pattern.compile("(--[a-z][\\w-]+)|\\b([a-z][a-z0-9]*_[a-z0-9_]+)\\s*=");

    private NoSnippet() {}

    /**
     * The body unchanged when it shows a snippet for the tool the question names (or names none); else the plain
     * statement and the closest setting, with the tool's own catalog row when it has one (KnobAnswers puts it first).
     */
    static String guard(String question, String body) {
        if (body == null) return null;
        Optional<Tool> tool = tool(question);
        Matcher head = HEAD.matcher(body);
        if (tool.isEmpty() || !head.find()) return body;
        String label = tool.get().label();
        if (body.toLowerCase(java.util.Locale.ROOT).contains(" with " + label.toLowerCase(java.util.Locale.ROOT))) {
            return body;
        }
        // "which other sglang flags": the stack's own rows, listed by KnobAnswers, answer it.
        if (tool.get().stack() != null && KnobAnswers.LISTING.matcher(question).find()) return body;
        var own = tool.get().stack() == null ? Optional.<KnobCatalog.Knob>empty()
                : KnobAnswers.ofStack(question, tool.get().stack());
        if (own.isPresent()) return KnobAnswers.row(own.get());
        Matcher s = SETTING.matcher(body.substring(head.end()));
        String setting = s.find() ? (s.group(1) != null ? s.group(1) : s.group(2)) : head.group(1);
        return Messages.get("howto.nosnippet", label, head.group(1), setting, head.group(2), label);
    }

    /** The tool the question names that is not a general stack: its label, and its catalog stack when it has one. */
    private record Tool(String label, String stack) {}

    private static Optional<Tool> tool(String question) {
        List<String> named = KnowledgeAnswers.namedStacks(question);
        for (String st : named) {
            if (GENERAL.contains(st)) continue;
            String knobs = KnobCatalog.bundled().stacks().stream().filter(k -> k.impliedBy().contains(st))
                    .map(KnobCatalog.Stack::id).findFirst().orElse(null);
            return Optional.of(new Tool(KnowledgeAnswers.labelOf(st), knobs));
        }
        for (KnobCatalog.Stack st : KnobCatalog.bundled().stacks()) {
            if (st.impliedBy().isEmpty() && !st.id().equals("nvidia-smi") && st.words().matcher(question).find()) {
                return Optional.of(new Tool(st.label(), st.id()));
            }
        }
        return Optional.empty();
    }

}
