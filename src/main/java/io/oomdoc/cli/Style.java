package io.oomdoc.cli;

/** Terminal colour, off when NO_COLOR is set or output is not a terminal. */
public final class Style {
    private final boolean color;

    public Style(boolean color) { this.color = color; }

    public static Style plain() { return new Style(false); }

    public String bold(String s) { return wrap("1", s); }
    public String heading(String s) { return wrap("1;36", s); }
    public String red(String s) { return wrap("31", s); }
    public String yellow(String s) { return wrap("33", s); }
    public String green(String s) { return wrap("32", s); }
    public String dim(String s) { return wrap("2", s); }

    private String wrap(String code, String s) {
        return color ? "\u001B[" + code + "m" + s + "\u001B[0m" : s;
    }
}
