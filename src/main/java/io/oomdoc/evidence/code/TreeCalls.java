package io.oomdoc.evidence.code;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The call sites of every parsed file of a tree, to judge an evaluation function from all of its callers: it runs
 * without autograd only when every call that can reach it does. Its own file decides when it calls it; otherwise
 * the calls of its name in files that do not define a function of that name are read, and one call with autograd
 * on is enough to keep a finding (a function called under no_grad from one place and with grad from another).
 */
final class TreeCalls {
    private final Map<String, PySource.CallSites> byFile = new ConcurrentHashMap<>();

    void add(String file, PySource.CallSites sites) { byFile.put(file, sites); }

    /** Whether the function {@code fn} of {@code file} is reached from other files only where autograd is off. */
    boolean onlyWithoutGradFromElsewhere(String file, String fn) {
        if (fn == null || fn.isEmpty()) return false;
        PySource.CallSites own = byFile.get(file);
        if (own != null && own.callsOwn(fn)) return false; // its own file calls it: the rule judged those calls
        boolean without = false;
        for (var e : byFile.entrySet()) {
            PySource.CallSites s = e.getValue();
            if (e.getKey().equals(file) || s.defined().contains(fn)) continue; // a call there is to its own fn
            if (s.withGrad().contains(fn)) return false;
            without |= s.withoutGrad().contains(fn);
        }
        return without;
    }
}
