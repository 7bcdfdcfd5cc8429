package io.oomdoc.cli;

import io.oomdoc.budget.Setup;
import io.oomdoc.cli.commands.Choices;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Help that teaches: every option and parameter of every command says what it does and which values it takes. */
class HelpTest {
    @TempDir Path tmp;

    private CommandLine tree() {
        PrintWriter w = new PrintWriter(new ByteArrayOutputStream());
        AppContext ctx = new AppContext(w, w, new ByteArrayInputStream(new byte[0]), Map.of(), tmp, Style.plain(),
                new Session(null), false);
        return CommandTree.tree(ctx, false);
    }

    private String help(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void collect(CommandSpec spec, List<String> missing) {
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec a : args) {
            String text = String.join(" ", a.description()).strip();
            String name = a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel();
            if (text.isEmpty()) missing.add(spec.qualifiedName() + " " + name);
        }
        for (CommandLine sub : spec.subcommands().values()) {
            if (sub.getCommandSpec() != spec) collect(sub.getCommandSpec(), missing);
        }
    }

    @Test
    void everyOptionAndParameterOfEveryCommandHasADescription() {
        CommandLine tree = tree();
        assertTrue(tree.getSubcommands().size() >= 15, tree.getSubcommands().keySet().toString());
        List<String> missing = new ArrayList<>();
        collect(tree.getCommandSpec(), missing);
        assertEquals(List.of(), missing, "add them to src/main/resources/cli/usage.properties");
    }

    /** The bundle key picocli reads an option's or parameter's text from: command-qualified first, then plain. */
    private static boolean inBundle(CommandSpec spec, ArgSpec a) {
        String key = !a.descriptionKey().isEmpty() ? a.descriptionKey()
                : ((CommandLine.Model.OptionSpec) a).longestName().replaceFirst("^-+", "");
        java.util.ResourceBundle bundle = spec.resourceBundle();
        return bundle != null && (bundle.containsKey(spec.qualifiedName(".") + "." + key) || bundle.containsKey(key));
    }

    private static void collectJavaTexts(CommandSpec spec, List<String> inJava) {
        List<ArgSpec> args = new ArrayList<>(spec.options());
        args.addAll(spec.positionalParameters());
        for (ArgSpec a : args) {
            boolean standard = a.isOption() && (((CommandLine.Model.OptionSpec) a).usageHelp()
                    || ((CommandLine.Model.OptionSpec) a).versionHelp());
            if (!standard && !inBundle(spec, a)) {
                inJava.add(spec.qualifiedName() + " " + (a.isOption()
                        ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel()));
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            if (sub.getCommandSpec() != spec) collectJavaTexts(sub.getCommandSpec(), inJava);
        }
    }

    /** User-facing text lives in resources: an option whose text is written in Java fails here. */
    @Test
    void everyOptionsTextComesFromUsageProperties() {
        List<String> inJava = new ArrayList<>();
        collectJavaTexts(tree().getCommandSpec(), inJava);
        assertEquals(List.of(), inJava, "move their text to src/main/resources/cli/usage.properties");
    }

    /**
     * deepspeedai/DeepSpeed#5507 runs run_clm.py with --fp16 under ZeRO-3: a new user typed --precision fp16 and got
     * "pure fp16 training: no fp32 master copy" and a fit where the run failed. The help says which value is theirs.
     */
    @Test
    void precisionHelpMapsTheTrainersFp16FlagToMixedPrecision() {
        String budget = help("budget", "--help").replaceAll("\\s+", " ");
        assertTrue(budget.contains("--fp16 and --bf16 (DeepSpeed's fp16 and bf16 sections too) are mixed-fp16 and "
                + "mixed-bf16"), budget);
    }

    @Test
    void setupFlagsListTheirValuesAndEveryListedValueIsAccepted() {
        String budget = help("budget", "--help").replaceAll("\\s+", " "); // as read, not as wrapped
        for (String flag : List.of("--precision", "--optimizer", "--zero", "--checkpointing", "--attention",
                "--lora-rank", "--seq", "--quant", "--mode")) {
            assertTrue(budget.contains(flag), flag);
        }
        assertTrue(budget.contains("fp32, fp16, bf16, mixed-bf16, mixed-fp16"), budget);
        assertTrue(budget.contains("adamw, adamw-fused, adamw-8bit, paged-adamw-8bit"), budget);
        assertTrue(budget.contains("none, selective, full"), budget);
        assertTrue(budget.contains("eager, sdpa, flash"), budget);
        assertTrue(budget.contains("0, 1, 2, 3"), budget);
        assertTrue(budget.contains("(default: mixed-bf16)"), budget);
        // help and validation read the same values: each one shown is one the budget takes
        for (String v : new Choices.Precision()) Setup.parse(Setup.Precision.class, v);
        for (String v : new Choices.Optimizer()) Setup.parse(Setup.Optimizer.class, v);
        for (String v : new Choices.Quant()) Setup.parse(Setup.Quant.class, v);
        for (String v : new Choices.Checkpointing()) Setup.parse(Setup.Checkpointing.class, v);
        for (String v : new Choices.Attention()) Setup.parse(Setup.Attention.class, v);
        for (String v : new Choices.Mode()) Setup.parse(Setup.Mode.class, v);
    }

    private static void collectUnlisted(CommandSpec spec, List<String> unlisted) {
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            if (o.completionCandidates() == null) continue;
            String text = String.join(" ", o.description());
            for (String v : o.completionCandidates()) {
                if (!text.matches("(?s).*(?<![\\w-])" + java.util.regex.Pattern.quote(v) + "(?![\\w-]).*")) {
                    unlisted.add(spec.qualifiedName() + " " + o.longestName() + " " + v);
                }
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            if (sub.getCommandSpec() != spec) collectUnlisted(sub.getCommandSpec(), unlisted);
        }
    }

    /** An option that takes one of a few values names every one of them in its help, on every command. */
    @Test
    void everyOptionWithAFixedSetOfValuesListsThemInItsHelp() {
        List<String> unlisted = new ArrayList<>();
        collectUnlisted(tree().getCommandSpec(), unlisted);
        assertEquals(List.of(), unlisted, "name them, or write ${COMPLETION-CANDIDATES}, in cli/usage.properties");
    }

    /** A misspelt option (--precison) fails with status 2, says what was wrong and points at that command's help. */
    @Test
    void aMisspeltOptionNamesTheCommandWhoseHelpToRead() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(new String[]{"budget", "--model", "llama-3.1-8b", "--precison", "bf16"},
                new ByteArrayInputStream(new byte[0]), out, err,
                Map.of("XDG_STATE_HOME", tmp.resolve("state").toString()), tmp, false, false);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, code);
        assertEquals("oomdoc: Unknown options: '--precison', 'bf16'", lines.get(0));
        assertEquals("try: oomdoc budget --help", lines.get(lines.size() - 1));
    }

    @Test
    void theTopLevelHelpSaysThatNoCommandStartsTheConversation() {
        String h = help("--help").replaceAll("\\s+", " ");
        assertTrue(h.contains("With no command, oomdoc opens the conversation (REPL)"), h);
        assertTrue(h.contains("budget") && h.contains("Estimate per-GPU memory"), h);
    }

    @Test
    void theReplCompletesCommandsOptionsAndValuesFromTheSpec() {
        var completer = new SpecCompleter(tree().getCommandSpec(), () -> List.of("budget", "batch", "help"));
        assertEquals(List.of("/budget", "/batch", "/help"), complete(completer, "/b"));
        assertTrue(complete(completer, "/budget --prec").contains("--precision"));
        assertTrue(complete(completer, "/budget --lora").contains("--lora-rank"));
        assertEquals(List.of("fp32", "fp16", "bf16", "mixed-bf16", "mixed-fp16"),
                complete(completer, "/budget --precision "));
        assertTrue(complete(completer, "/batch --zero=").contains("--zero=3"));
        assertEquals(List.of(), complete(completer, "my eval runs out of memory"), "chat completes nothing");
    }

    private static List<String> complete(SpecCompleter c, String typed) {
        List<Candidate> out = new ArrayList<>();
        c.complete(null, new DefaultParser().parse(typed, typed.length()), out);
        return out.stream().map(Candidate::value).toList();
    }
}
