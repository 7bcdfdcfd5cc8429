package io.oomdoc.cli;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words; double or single quotes group words with spaces. */
final class Words {
    private Words() {}

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean has = false;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) quote = 0; else cur.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c; has = true;
            } else if (Character.isWhitespace(c)) {
                if (has || cur.length() > 0) { out.add(cur.toString()); cur.setLength(0); has = false; }
            } else {
                cur.append(c);
            }
        }
        if (has || cur.length() > 0) out.add(cur.toString());
        return out;
    }
}
