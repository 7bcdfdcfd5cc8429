package io.oomdoc.cli;

import io.oomdoc.cli.commands.DiagnoseCommand;
import io.oomdoc.cli.commands.ScanCommand;

/**
 * The most common command lines, {@code diagnose [--json] FILE|-}, {@code scan [--json] [--all] [DIR]} and
 * {@code --version}, run without building
 * the picocli tree. picocli is compiled for Java 5, so the JDK 17 class-data archive cannot hold its classes: they
 * are read from the jar and verified on every start, which cost more than the whole diagnosis. Any other argument
 * (another option, --help, an @file, "--") goes to the full parser, which stays the one definition of the options.
 */
final class QuickStart {
    private QuickStart() {}

    /** The exit status, or null when the command line needs the full parser. */
    static Integer run(String[] args, AppContext ctx, boolean stdinIsTerminal) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            ctx.out.println("oomdoc " + Main.VERSION);
            return 0;
        }
        if (args.length == 0 && !stdinIsTerminal) return diagnose(ctx, null, false); // `oomdoc < crash.log`
        if (args.length > 0 && args[0].equals("scan")) return scan(args, ctx);
        if (args.length == 0 || !args[0].equals("diagnose")) return null;
        String file = null;
        boolean json = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json") && !json) json = true;
            else if (file == null && (a.equals("-") || !a.isEmpty() && a.charAt(0) != '-' && a.charAt(0) != '@'))
                file = a;
            else return null;
        }
        return diagnose(ctx, file, json);
    }

    /**
     * {@code scan} with each flag at most once and at most one folder; the parser's tree (its classes and the
     * reflection over every command) was about a third of the CPU of a scan of a small repository.
     */
    private static Integer scan(String[] args, AppContext ctx) {
        String dir = null;
        boolean json = false, all = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json") && !json) json = true;
            else if (a.equals("--all") && !all) all = true;
            else if (dir == null && !a.isEmpty() && a.charAt(0) != '-' && a.charAt(0) != '@') dir = a;
            else return null;
        }
        try {
            return new ScanCommand(ctx, dir, json, all).call();
        } catch (RuntimeException e) {
            return Main.failure(e, ctx.err, ctx.env);
        }
    }

    private static int diagnose(AppContext ctx, String file, boolean json) {
        try {
            return new DiagnoseCommand(ctx, file, json).call();
        } catch (RuntimeException e) {
            return Main.failure(e, ctx.err, ctx.env);
        }
    }
}
