package io.oomdoc.protocol.dialogue;

import io.oomdoc.knowledge.KnobCatalog;
import io.oomdoc.protocol.Stacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "How do I enable tiled VAE decoding?" in a ComfyUI session: the VAE is the one ComfyUI runs, so ComfyUI's way (a
 * node, a launch flag) is the answer, not the diffusers call the word "VAE" would name on its own. An application the
 * conversation holds (stacks.tsv kind "app") goes before the stacks the question names only by a component's word;
 * a stack the question calls by its own name ("in diffusers") stays first: that is a change of subject.
 */
final class AppFirst {
    private AppFirst() {}

    /** {@code named} (the question's stacks) with the held applications put first, unless the question says not. */
    static List<String> order(String question, List<String> named, List<String> held) {
        List<String> apps = held.stream().filter(Stacks::app).distinct().toList();
        if (apps.isEmpty() || named.stream().anyMatch(Stacks::app) || namesByName(question, named)) return named;
        List<String> out = new ArrayList<>(apps);
        named.stream().filter(st -> !out.contains(st)).forEach(out::add);
        return out;
    }

    /** The held application that leads, or null: what a how-to without its snippet has to say it does not know. */
    static String lead(String question, List<String> named, List<String> held) {
        List<String> ordered = order(question, named, held);
        return ordered.isEmpty() || !Stacks.app(ordered.get(0)) ? null : ordered.get(0);
    }

    /**
     * The answer, opened by "no ComfyUI way is known" when an application leads and neither a snippet nor a catalog row
     * of its own is in it: another stack's code, pasted where it cannot run, is worse than saying so.
     */
    static String unknownSaid(String question, List<String> held, String answer) {
        String app = lead(question, KnowledgeAnswers.namedStacks(question), held);
        if (app == null || answer == null) return answer;
        String label = KnobCatalog.bundled().stacks().stream().filter(st -> st.impliedBy().contains(app))
                .map(KnobCatalog.Stack::label).findFirst().orElse(app);
        boolean own = answer.contains(Messages.get("howto.head", "", app).strip()) || answer.startsWith(label + " ");
        return own ? answer : Messages.get("howto.app.unknown", label) + "\n" + answer;
    }

    /** The question spells a stack's own name ("diffusers", "transformers": the table's or the catalog's id). */
    private static boolean namesByName(String question, List<String> named) {
        String q = question.toLowerCase(Locale.ROOT);
        for (String st : named) {
            List<String> names = new java.util.ArrayList<>(List.of(st));
            KnobCatalog.bundled().stacks().stream().filter(k -> k.impliedBy().contains(st))
                    .forEach(k -> names.add(k.id()));
            for (String n : names) if (q.matches("(?s).*\\b" + java.util.regex.Pattern.quote(n) + "\\b.*")) return true;
        }
        return false;
    }
}
