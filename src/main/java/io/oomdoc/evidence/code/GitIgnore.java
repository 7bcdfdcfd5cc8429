package io.oomdoc.evidence.code;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The common subset of .gitignore: globs, `**`, trailing `/` for folders, leading `/` anchors, `!` negation. */
final class GitIgnore {
    /**
     * One line of the file. An unanchored pattern without `**` stands for one path component (its wildcards never
     * cross a `/`), so {@code component} is tried on each component: the same answer as the whole-path regex, which
     * lets the pattern start after any `/`, without its backtracking over every `/` (a tenth of the scan's Java time
     * on diffusers, whose .gitignore has about 180 lines).
     */
    private record Rule(Pattern pattern, Pattern component, boolean negate, boolean dirOnly, Glob glob, String fixed) {}

    /**
     * How a one-component pattern without `?` or a backslash reads: the name itself, `*` then a fixed end, or a fixed
     * start then `*`. These are most of a .gitignore; they are answered by comparing strings, not by a regex per
     * path component (a matcher per component and pattern was still a twentieth of the scan's Java time, JFR).
     */
    private enum Glob { NAME, ENDS_WITH, STARTS_WITH, REGEX }

    private static Glob glob(String l) {
        if (l.contains("?") || l.contains("\\")) return Glob.REGEX;
        int stars = l.length() - l.replace("*", "").length();
        if (stars == 0) return Glob.NAME;
        if (stars == 1 && l.startsWith("*")) return Glob.ENDS_WITH;
        if (stars == 1 && l.endsWith("*")) return Glob.STARTS_WITH;
        return Glob.REGEX;
    }

    private static boolean componentMatches(Rule r, String c) {
        return switch (r.glob) {
            case NAME -> c.equals(r.fixed);
            case ENDS_WITH -> c.endsWith(r.fixed);
            case STARTS_WITH -> c.startsWith(r.fixed);
            case REGEX -> r.component.matcher(c).matches();
        };
    }

    private final List<Rule> rules = new ArrayList<>();

    static GitIgnore load(Path root) {
        GitIgnore g = new GitIgnore();
        Path f = root.resolve(".gitignore");
        if (Files.isRegularFile(f)) {
            try {
                for (String line : Files.readAllLines(f)) g.add(line);
            } catch (IOException | RuntimeException ignored) {
                // an unreadable .gitignore means nothing is ignored by it
            }
        }
        return g;
    }

    void add(String raw) {
        String l = raw.strip();
        if (l.isEmpty() || l.startsWith("#")) return;
        boolean negate = l.startsWith("!");
        if (negate) l = l.substring(1);
        boolean dirOnly = l.endsWith("/");
        if (dirOnly) l = l.substring(0, l.length() - 1);
        boolean anchored = l.startsWith("/") || l.contains("/");
        if (l.startsWith("/")) l = l.substring(1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (c == '*' && i + 1 < l.length() && l.charAt(i + 1) == '*') { re.append(".*"); i++; if (i
                    + 1 < l.length() && l.charAt(i + 1) == '/') i++; }
            else if (c == '*') re.append("[^/]*");
            else if (c == '?') re.append("[^/]");
            else if ("\\.[]{}()+-^$|".indexOf(c) >= 0) re.append('\\').append(c);
            else re.append(c);
        }
        Pattern whole = Pattern.compile((anchored ? "^" : "(^|.*/)") + re + "(/.*)?$");
        boolean oneComponent = !anchored && !l.contains("**");
        Glob g = oneComponent ? glob(l) : Glob.REGEX;
        rules.add(new Rule(whole, oneComponent ? Pattern.compile(re.toString()) : null, negate, dirOnly, g,
                l.replace("*", "")));
    }

    boolean ignored(String relative, boolean dir) {
        boolean ignored = false;
        String[] components = null;
        for (Rule r : rules) {
            if (r.dirOnly && !dir && !relative.contains("/")) continue;
            boolean hit;
            if (r.component == null) {
                hit = r.pattern.matcher(relative).matches();
            } else {
                if (components == null) components = relative.split("/", -1);
                hit = false;
                for (String c : components) if (componentMatches(r, c)) { hit = true; break; }
            }
            if (hit) ignored = !r.negate;
        }
        return ignored;
    }
}
