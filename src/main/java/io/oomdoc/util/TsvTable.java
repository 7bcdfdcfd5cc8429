package io.oomdoc.util;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A bundled tab-separated table read once, on first use, into rows of a record: the idiom four dialogue tables
 * repeated (a volatile list, a null check, a read loop). A broken row fails when the table is first read
 * ({@link Resources#tsvRows}).
 */
public final class TsvTable<R> {
    private final String path;
    private final int columns;
    private final Function<String[], R> row;
    private volatile List<R> rows;

    public TsvTable(String path, int columns, Function<String[], R> row) {
        this.path = path;
        this.columns = columns;
        this.row = row;
    }

    public List<R> rows() {
        List<R> r = rows;
        if (r == null) {
            List<R> out = new ArrayList<>();
            for (String[] c : Resources.tsvRows(path, columns)) out.add(row.apply(c));
            rows = r = List.copyOf(out);
        }
        return r;
    }
}
