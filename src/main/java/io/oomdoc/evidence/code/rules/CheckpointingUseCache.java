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

/**
 * Gradient checkpointing with use_cache=True: the KV cache is kept during training and checkpointing is undone (M7).
 */
public final class CheckpointingUseCache implements Rule {
    private static final Pattern USE_CACHE_TRUE = Pattern.compile("use_cache\\s*=\\s*True");
    /**
     * Checkpointing switched on: the keyword or an assignment of that very name. A model class's
     * {@code supports_gradient_checkpointing = True} only declares that it can be turned on (parler-tts
     * modeling_parler_tts.py:1086), so a longer name ending in it does not count.
     */
    private static final Pattern CKPT_ON = Pattern.compile("(?<![\\w])gradient_checkpointing\\s*=\\s*True");

    public String id() { return "checkpointing_use_cache"; }
    public FileTokens fileTokens() { return FileTokens.OFF_BY_DEFAULT_RULES; }
    public String kb() { return "M7"; }
    public String severity() { return "medium"; }

    public List<Finding> check(PySource src) {
        List<Finding> out = new ArrayList<>();
        boolean ckpt = !src.calls("gradient_checkpointing_enable").isEmpty()
                || src.text.contains("gradient_checkpointing") && CKPT_ON.matcher(src.text).find();
        if (!ckpt) return out;
        String[] lines = src.text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            String code = l.contains("#") ? l.substring(0, l.indexOf('#')) : l;
            Matcher m = USE_CACHE_TRUE.matcher(code);
            if (!m.find() || code.contains("generate(")) continue;
            int at = src.byteOffset(offsetOfLine(lines, i) + m.start());
            if (src.inStringOrComment(at)) continue; // a log message or docstring
            if (inParameterList(src, at)) continue;
            out.add(new Finding(id(), src.path, i + 1, null, kb(), severity(),
                    ScanText.get(id() + ".finding"),
                    new Finding.Fix(l.strip(), l.strip().replace(m.group(), m.group().replace("True", "False")))));
        }
        return out;
    }

    /**
     * A parameter's default ({@code def prepare_inputs_for_generation(..., use_cache=True, ...)}, parler-tts
     * modeling_parler_tts.py:1987) is what a caller gets when it says nothing; it sets nothing for the training run.
     */
    private static boolean inParameterList(PySource src, int byteOffset) {
        TSNode n = src.root().getDescendantForByteRange(byteOffset, byteOffset + 1);
        for (TSNode p = n; p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("parameters") || t.equals("lambda_parameters")) return true;
            if (t.equals("call") || t.endsWith("_statement") || t.equals("block") || t.equals("module")) return false;
        }
        return false;
    }

    private static int offsetOfLine(String[] lines, int row) {
        int o = 0;
        for (int i = 0; i < row; i++) o += lines[i].length() + 1;
        return o;
    }
}
