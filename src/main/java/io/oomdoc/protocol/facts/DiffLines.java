package io.oomdoc.protocol.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * A pasted unified diff states the setup twice: its "-" lines are what was replaced, its "+" lines what runs now
 * ("-    \"stage\": 1," above "+    \"stage\": 3," in EleutherAI/gpt-neox#1354). Mentions on a removed line are
 * dropped when a block of removed lines is followed by added ones, so that a bulleted list ("- GPU: 5090") is
 * never taken for a diff.
 */
final class DiffLines {
    private DiffLines() {}

    /** The mentions that do not lie on a line a diff removes. */
    static List<Mention> keep(String lower, List<Mention> all) {
        List<int[]> removed = removedLines(lower);
        if (removed.isEmpty()) return all;
        List<Mention> out = new ArrayList<>();
        for (Mention m : all) if (removed.stream().noneMatch(r -> m.start() >= r[0] && m.start() < r[1])) out.add(m);
        return out;
    }

    /** The [start, end) spans of "-" lines in blocks that an added "+" line follows. */
    static List<int[]> removedLines(String text) {
        List<int[]> out = new ArrayList<>(), block = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            String line = text.substring(start, end);
            if (line.startsWith("-") && !line.startsWith("--")) block.add(new int[]{start, end});
            else {
                if (line.startsWith("+") && !line.startsWith("++")) out.addAll(block);
                block.clear();
            }
            start = end + 1;
        }
        return out;
    }
}
