package io.oomdoc.bench;

import io.oomdoc.protocol.dialogue.Conversation;
import io.oomdoc.protocol.dialogue.IntentFeatures;
import io.oomdoc.protocol.dialogue.Transcripts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled turns the intent model learns from: every turn of the dev suite and of conversation sets 1-11, each
 * with the repository (or site) of its source thread, which groups the cross-validation. conversations_heldout8 was
 * the ninth session's unseen set and joined after its helpers' last figures; conversations_heldout9 was scored once
 * in the ninth session and joined in the tenth, when it became development data; conversations_heldout10 and 11 were
 * scored once at the end of the tenth session and joined after that figure. Sets 12 and 13 (scored in the eleventh
 * session) and the readable half of set 14 ("-dev": the scored half is never loaded) joined in the thirteenth
 * (conv13a): on them the model had erred most, and a new writer's set is what the next one is like. Both halves of
 * sets 14 and 15 and the readable half of set 16 (all scored in the thirteenth session) joined in the fourteenth
 * (conv14); the scored half of set 16 stayed out then, the check that a refit transfers. Set 16's scored half and
 * both halves of sets 17, 18 and 19 (all scored by the fifteenth session, burned) joined in the sixteenth (intent17):
 * set 20, scored once and never read, was the transfer check then. Sets 20 and 21 (both halves, scored by the
 * sixteenth session, burned) joined in the seventeenth (conv18b). Sets 22 and 23 (both halves, scored by the
 * seventeenth session, burned) joined in the eighteenth (conv19b): set 24, scored once and never read, is the
 * transfer check; sets 24 and later never join unread. Sets 24 to 27 (both halves, each scored blind at both ends of the
 * session that wrote it and its readable half read since) joined in the twenty-second session, when set 28's closed
 * half, scored twice and never read, was the transfer check. Sets 28 and 29 (both halves, each scored blind at both
 * ends of the session that wrote it) joined in the twenty-third: the set its writer makes then is the check. Set 30
 * (both halves, scored blind at both ends of the twenty-fourth session, totals only) joined in the twenty-fifth, set
 * 31 (both halves, scored blind at both ends of the twenty-fifth) in the twenty-sixth, set 32 (both halves, scored
 * blind at both ends of the twenty-sixth) in the twenty-seventh.
 */
public final class IntentData {
    static final List<String> SETS = List.of("conversations", "conversations_heldout", "conversations_heldout2",
            "conversations_heldout3", "conversations_heldout4", "conversations_heldout5", "conversations_heldout6",
            "conversations_heldout7", "conversations_heldout8", "conversations_heldout9",
            "conversations_heldout10", "conversations_heldout11", "conversations_heldout12",
            "conversations_heldout13", "conversations_heldout14", "conversations_heldout15",
            "conversations_heldout16", "conversations_heldout17", "conversations_heldout18",
            "conversations_heldout19", "conversations_heldout20", "conversations_heldout21",
            "conversations_heldout22", "conversations_heldout23", "conversations_heldout24",
            "conversations_heldout25", "conversations_heldout26", "conversations_heldout27",
            "conversations_heldout28", "conversations_heldout29", "conversations_heldout30",
            "conversations_heldout31", "conversations_heldout32", "conversations_heldout33",
            "conversations_heldout34", "conversations_heldout35",
            "conversations_heldout36", "conversations_heldout37", "conversations_heldout38",
            "conversations_heldout39", "conversations_heldout40");
    private static final Path ROOT = Path.of("src/test/resources");
    private static final Pattern SOURCE = Pattern.compile("source:\\s*https?://(?:www\\.)?github\\.com/([^/\\s]+/"
            + "[^/\\s#]+)|source:\\s*https?://([^/\\s]+)");

    /** One labelled turn, as written in its file. */
    public record Labelled(String set, String file, String group, int index, String input, String intent) {}

    /** One labelled turn as the rules-only conversation read it: the state the model's features come from. */
    public record Played(Labelled turn, IntentFeatures.State state) {}

    private IntentData() {}

    public static List<Labelled> labelled() {
        List<Labelled> out = new ArrayList<>();
        for (String set : SETS) {
            for (var t : transcripts(set)) {
                String group = group(dir(set).resolve(t.file()));
                for (int i = 0; i < t.turns().size(); i++) {
                    var turn = t.turns().get(i);
                    if (turn.intent() == null) continue;
                    out.add(new Labelled(set, t.file(), group, i + 1, turn.input(), turn.intent()));
                }
            }
        }
        return out;
    }

    /** Each conversation played through the rules alone, one turn at a time, keeping what each turn was read as. */
    public static List<Played> played() {
        List<Played> out = new ArrayList<>();
        for (String set : SETS) {
            for (var t : transcripts(set)) {
                String group = group(dir(set).resolve(t.file()));
                Conversation c = Conversation.rulesOnly();
                for (int i = 0; i < t.turns().size(); i++) {
                    var turn = t.turns().get(i);
                    c.respond(turn.input());
                    if (turn.intent() == null) continue;
                    out.add(new Played(new Labelled(set, t.file(), group, i + 1, turn.input(), turn.intent()),
                            c.lastState()));
                }
            }
        }
        return out;
    }

    /**
     * {@link #played()}, kept in a file between runs when the property oomdoc.intentCache names one: playing 1,600
     * turns takes minutes on a shared machine, fitting takes seconds. The file is rewritten when it is absent.
     */
    public static List<Played> playedCached() {
        String cache = System.getProperty("oomdoc.intentCache");
        if (cache == null) return played();
        Path file = Path.of(cache);
        try {
            if (Files.exists(file)) {
                List<Played> out = new ArrayList<>();
                for (String line : Files.readAllLines(file)) out.add(parse(line));
                return out;
            }
            List<Played> out = played();
            List<String> lines = new ArrayList<>();
            for (Played p : out) lines.add(format(p));
            Files.write(file, lines);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(Played p) {
        var l = p.turn();
        var g = p.state().signals();
        boolean[] on = {g.pastedFailure(), g.describesFailure(), g.asserts(), g.hypothetical(), g.pending(),
            g.holdsFailure(), g.aboutHeld(), g.afterWhatIf(), g.afterHowTo()};
        StringBuilder sb = new StringBuilder(String.join("\t", l.set(), l.file(), l.group(),
                String.valueOf(l.index()), l.intent(), name(p.state().rule()), name(p.state().previous())));
        for (boolean b : on) sb.append('\t').append(b ? '1' : '0');
        return sb.append('\t').append(l.input().replace("\\", "\\\\").replace("\n", "\\n")
                .replace("\t", "\\t")).toString();
    }

    private static String name(io.oomdoc.protocol.dialogue.Intent i) { return i == null ? "-" : i.name(); }

    private static Played parse(String line) {
        String[] c = line.split("\t", -1);
        StringBuilder text = new StringBuilder();
        String raw = c[16];
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch != '\\' || i + 1 == raw.length()) { text.append(ch); continue; }
            char next = raw.charAt(++i);
            text.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
        }
        boolean[] on = new boolean[9];
        for (int i = 0; i < on.length; i++) on[i] = c[7 + i].equals("1");
        var signals = new io.oomdoc.protocol.dialogue.IntentClassifier.Signals(text.toString(), on[0], on[1], on[2],
                on[3], on[4], on[5], on[6], on[7], on[8]);
        var state = new IntentFeatures.State(signals, intent(c[5]), intent(c[6]));
        return new Played(new Labelled(c[0], c[1], c[2], Integer.parseInt(c[3]), text.toString(), c[4]), state);
    }

    private static io.oomdoc.protocol.dialogue.Intent intent(String s) {
        return s.equals("-") ? null : io.oomdoc.protocol.dialogue.Intent.valueOf(s);
    }

    /** A set's folder: "NAME-dev" is the readable half of NAME. */
    static Path dir(String set) {
        return ROOT.resolve(set.endsWith("-dev") ? set.substring(0, set.length() - 4) : set);
    }

    /** A set's transcripts; for "NAME-dev" only the readable half, as ConversationBench splits it. */
    static List<Transcripts.Transcript> transcripts(String set) {
        if (!set.endsWith("-dev")) return Transcripts.all(dir(set));
        return Transcripts.all(dir(set)).stream()
                .filter(t -> ConversationBench.developmentHalf(dir(set), t.file())).toList();
    }

    /** A digest of every labelled turn: the weights record it, so a table fitted on other data is seen as stale. */
    public static String digest(List<Labelled> turns) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Labelled l : turns) {
                String row = l.set() + "\t" + l.file() + "\t" + l.index() + "\t" + l.input() + "\t" + l.intent() + "\n";
                md.update(row.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line the weights carry: the features' version and the data's digest. */
    public static String fittedOn(List<Labelled> turns) {
        return "fitted-on version=" + IntentFeatures.VERSION + " turns=" + turns.size() + " digest=" + digest(turns);
    }

    static String group(Path file) {
        try {
            Matcher m = SOURCE.matcher(Files.readString(file));
            return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT)
                    : file.getFileName().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
