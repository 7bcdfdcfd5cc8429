package io.oomdoc.cli;

import java.util.function.Supplier;

/**
 * The one way a command prints its result: one JSON document (with --json) or the result's view. Commands used to
 * repeat {@code json ? Json.write(r) : View.text(r)}, each with its own newline and flush.
 */
public final class Output {
    private Output() {}

    /** {@code view} is printed as it is (a view ends its own last line); the JSON document gets one newline. */
    public static void print(AppContext ctx, boolean json, Object result, Supplier<String> view) {
        if (json) ctx.out.println(Json.write(result));
        else ctx.out.print(view.get());
        ctx.out.flush();
    }

    /** A result that has no text view here: the JSON document alone (run's report, ask's answer). */
    public static void json(AppContext ctx, Object result) {
        print(ctx, true, result, () -> "");
    }
}
