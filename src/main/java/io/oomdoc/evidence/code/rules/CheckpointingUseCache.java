package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.Finding;
import io.oomdoc.evidence.code.PySource;
import io.oomdoc.evidence.code.Rule;
import org.treesitter.TSNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gradient checkpointing with use_cache=True: the KV cache is kept during training and checkpointing is undone (M7).
 */
public final class CheckpointingUseCache implements Rule {
    private static final Pattern USE_CACHE_TRUE = Pattern.compile("use_cache\\s*=\\s*True");

    public String id() { return "checkpointing_use_cache"; }
    public String kb() { return "M7"; }
    public String severity() { return "medium"; }
    public String description() { return "use_cache=True with gradient checkpointing: set use_cache=False while "
            + "training"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        boolean ckpt = !src.calls("gradient_checkpointing_enable").isEmpty()
                || src.text.contains("gradient_checkpointing=True") || src.text.contains("gradient_checkpointing = "
                        + "True");
        if (!ckpt) return out;
        String[] lines = src.text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            String code = l.contains("#") ? l.substring(0, l.indexOf('#')) : l;
            Matcher m = USE_CACHE_TRUE.matcher(code);
            if (!m.find() || code.contains("generate(")) continue;
            if (src.inStringOrComment(src.byteOffset(offsetOfLine(lines, i)
                    + m.start()))) continue; // a log message or docstring
            out.add(new Finding(id(), src.path, i + 1, null, kb(), severity(),
                    "use_cache=True while gradient checkpointing is enabled: the cache is kept and checkpointing "
                            + "warns and is ignored",
                    new Finding.Fix(l.strip(), l.strip().replace(m.group(), m.group().replace("True", "False")))));
        }
        return out;
    }

    private static int offsetOfLine(String[] lines, int row) {
        int o = 0;
        for (int i = 0; i < row; i++) o += lines[i].length() + 1;
        return o;
    }
}
