package io.oomdoc.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A cheap test before a regex: pieces of plain text read off the pattern, one of which every match contains. A text
 * that holds none of them cannot match, so the pattern is not run over it. The cue and phrase tables are long
 * alternations ("after a while|eventually|same (?:epoch|step)|..."): Java tries every branch at every position of
 * the text, and most texts hold none of the words, so looking for the words with {@link String#contains} costs a
 * fraction of the scan (NoCrashTest's profile was two thirds java.util.regex).
 * <p>
 * The reading is conservative: a piece is only taken from text every match must consume (not from an optional
 * character, an optional group, a character class or a lookaround), and a pattern whose some branch has no such
 * piece, or that uses flags, gets no filter and is always run. So the filter can only skip texts the pattern would
 * not have matched: the answers are those of the regex alone.
 */
public final class LiteralFilter {
    /** The filter of a pattern that is always run. */
    private static final LiteralFilter NONE = new LiteralFilter(null);
    /** Patterns are compared by identity: one filter per compiled table row, read once. */
    private static final Map<Pattern, LiteralFilter> READ = new ConcurrentHashMap<>();

    /** Null: no piece every match holds is known, so every text may match. */
    private final String[] pieces;

    private LiteralFilter(String[] pieces) { this.pieces = pieces; }

    /** The filter of a compiled pattern, read the first time it is asked for. */
    public static LiteralFilter of(Pattern p) {
        return READ.computeIfAbsent(p, LiteralFilter::read);
    }

    /** False only when the pattern cannot match anywhere in the text. */
    public boolean mayMatch(String text) {
        if (pieces == null) return true;
        for (String piece : pieces) if (text.contains(piece)) return true;
        return false;
    }

    /** The pieces read off the pattern, or null where it has no filter. */
    List<String> pieces() { return pieces == null ? null : List.of(pieces); }

    static LiteralFilter read(Pattern p) {
        if (p.flags() != 0) return NONE;
        try {
            Reader r = new Reader(p.pattern());
            List<String> pieces = r.alternation();
            if (pieces == null || r.at < r.re.length()) return NONE;
            return new LiteralFilter(pieces.toArray(new String[0]));
        } catch (Unread | IndexOutOfBoundsException e) {
            return NONE;
        }
    }

    /** A construct the reader leaves alone (inline flags, quoting, octal or named characters). */
    private static final class Unread extends RuntimeException {
        Unread() { super(null, null, false, false); }
    }

    /** A recursive reader of the pattern's syntax, as far as it needs to know what every match consumes. */
    private static final class Reader {
        private final String re;
        private int at;

        Reader(String re) { this.re = re; }

        /** Branches up to the closing parenthesis or the end: each must give pieces, else null. */
        List<String> alternation() {
            List<String> all = new ArrayList<>();
            boolean everyBranch = true;
            while (true) {
                List<String> branch = sequence();
                if (branch == null) everyBranch = false;
                else all.addAll(branch);
                if (at < re.length() && re.charAt(at) == '|') {
                    at++;
                    continue;
                }
                return everyBranch ? all : null;
            }
        }

        /** One branch: the best of the requirements met in it (a run of plain characters, a required group). */
        private List<String> sequence() {
            StringBuilder run = new StringBuilder();
            List<String> best = null;
            while (at < re.length()) {
                char c = re.charAt(at);
                if (c == '|' || c == ')') break;
                List<String> found = null;
                if (c == '(') {
                    found = better(best, List.of(run.toString()));
                    run.setLength(0);
                    List<String> inner = group();
                    best = required() && inner != null ? better(found, inner) : found;
                    continue;
                }
                if (c == '\\' && !isLetterOrDigit(re.charAt(at + 1))) {
                    at += 2;
                    best = literal(re.charAt(at - 1), run, best);
                    continue;
                }
                if ("?*+{".indexOf(c) >= 0) throw new Unread();
                if (c == '\\' || c == '[' || c == '.' || c == '^' || c == '$') {
                    best = better(best, List.of(run.toString()));
                    run.setLength(0);
                    skipAtom(c);
                    required();
                    continue;
                }
                at++;
                best = literal(c, run, best);
            }
            return better(best, List.of(run.toString()));
        }

        /** A plain character: it joins the run unless a quantifier makes it optional or repeated. */
        private List<String> literal(char c, StringBuilder run, List<String> best) {
            if (at < re.length() && "?*{".indexOf(re.charAt(at)) >= 0) {
                required();
                List<String> b = better(best, List.of(run.toString()));
                run.setLength(0);
                return b;
            }
            run.append(c);
            if (at < re.length() && re.charAt(at) == '+') {
                required();
                List<String> b = better(best, List.of(run.toString()));
                run.setLength(0);
                return b;
            }
            return best;
        }

        /** A group from its '(' past its ')': the pieces of its branches, or null for a lookaround. */
        private List<String> group() {
            at++;
            boolean look = false;
            if (re.charAt(at) == '?') {
                char k = re.charAt(at + 1);
                if (k == ':' || k == '>') at += 2;
                else if (k == '=' || k == '!') { at += 2; look = true; }
                else if (k == '<' && (re.charAt(at + 2) == '=' || re.charAt(at + 2) == '!')) {
                    at += 3;
                    look = true;
                } else if (k == '<') at = re.indexOf('>', at) + 1;
                else throw new Unread();
            }
            List<String> inner = alternation();
            if (re.charAt(at) != ')') throw new Unread();
            at++;
            return look ? null : inner;
        }

        /** Skips a quantifier after an atom; false when it lets the atom be absent (?, *, any {n,m}). */
        private boolean required() {
            if (at >= re.length()) return true;
            char q = re.charAt(at);
            boolean kept = true;
            if (q == '?' || q == '*') at++;
            else if (q == '+') at++;
            else if (q == '{') at = re.indexOf('}', at) + 1;
            else return true;
            if (q != '+') kept = false;
            if (at < re.length() && (re.charAt(at) == '?' || re.charAt(at) == '+')) at++;
            return kept;
        }

        /** Skips one atom that is not a plain character: an escape class, a character class, '.', '^' or '$'. */
        private void skipAtom(char c) {
            if (c == '[') {
                skipClass();
                return;
            }
            if (c != '\\') {
                at++;
                return;
            }
            char e = re.charAt(at + 1);
            at += 2;
            switch (e) {
                case 'Q', 'N', '0' -> throw new Unread();
                case 'p', 'P' -> { if (re.charAt(at) == '{') at = re.indexOf('}', at) + 1; else at++; }
                case 'x' -> at = re.charAt(at) == '{' ? re.indexOf('}', at) + 1 : at + 2;
                case 'u' -> at += 4;
                case 'c' -> at++;
                case 'k' -> at = re.indexOf('>', at) + 1;
                default -> {
                    // a back reference's further digits
                    while (Character.isDigit(e) && at < re.length() && Character.isDigit(re.charAt(at))) at++;
                }
            }
        }

        /** Skips a character class, nested classes and escapes included. */
        private void skipClass() {
            int depth = 0;
            do {
                char c = re.charAt(at);
                if (c == '\\') at++;
                else if (c == '[') {
                    depth++;
                    if (re.charAt(at + 1) == '^') at++;
                    if (re.charAt(at + 1) == ']') throw new Unread();
                } else if (c == ']') depth--;
                at++;
            } while (depth > 0);
        }

        private static boolean isLetterOrDigit(char c) { return Character.isLetterOrDigit(c); }

        /** Of two requirements, the one whose shortest piece is longest; an empty piece is no requirement. */
        private static List<String> better(List<String> a, List<String> b) {
            if (b == null || b.isEmpty() || shortest(b) == 0) return a;
            if (a == null || shortest(b) > shortest(a)) return b;
            return a;
        }

        private static int shortest(List<String> pieces) {
            int n = Integer.MAX_VALUE;
            for (String s : pieces) n = Math.min(n, s.length());
            return n;
        }
    }
}
