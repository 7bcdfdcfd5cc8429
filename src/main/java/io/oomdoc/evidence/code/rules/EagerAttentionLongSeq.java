package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.FileTokens;
import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import io.oomdoc.evidence.code.ScanText;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** attn_implementation="eager" with sequences of 4k tokens or more: the s² score tensors dominate (M11). */
public final class EagerAttentionLongSeq implements Rule {
    private static final Pattern LONG = Pattern.compile("(?:max_length|max_seq_length|seq_len|block_size"
            + "|model_max_length|max_position_embeddings)\\s*[=:]\\s*(\\d{4,6})");

    public String id() { return "eager_attention_long_seq"; }
    public FileTokens fileTokens() { return FileTokens.OFF_BY_DEFAULT_RULES; }
    public String kb() { return "M11"; }
    public String severity() { return "medium"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        // a finding is an attn_implementation keyword whose text holds "eager": without both words in the file there
        // is none, and the length regex, which starts with an alternation, is tried at every character
        if (!src.text.contains("attn_implementation") || !src.text.contains("eager")) return out;
        Matcher m = LONG.matcher(src.text);
        int longest = 0;
        while (m.find()) longest = Math.max(longest, Integer.parseInt(m.group(1)));
        if (longest < 4096) return out;
        for (TSNode kw : src.keywordArguments("attn_implementation")) {
            String t = src.text(kw);
            if (!t.contains("eager")) continue;
            out.add(finding(src, kw, ScanText.get(id() + ".finding", longest),
                    t, t.replace("eager", "sdpa")));
        }
        return out;
    }
}
