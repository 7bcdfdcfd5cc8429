package io.oomdoc.evidence.code.rules;

import io.oomdoc.evidence.code.PySource;
import org.treesitter.TSNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which functions of a distributed file every rank runs, by calls followed within the module. The ranks start where
 * the file sets up its process group or wraps its model (init_process_group, DDP, FSDP, Accelerator,
 * deepspeed.initialize, LOCAL_RANK), in the function handed to mp.spawn, and in every method of a class that does
 * either; from there every function of this file they call runs in each rank too. A function this file calls only
 * from elsewhere (a notebook's cell, a launcher that spawns the workers) runs once, in the one process that calls it.
 */
final class RankFunctions {
    private static final List<String> SETUP_CALLS = List.of("init_process_group", "DistributedDataParallel", "DDP",
            "FullyShardedDataParallel", "Accelerator", "initialize");

    private RankFunctions() {}

    /**
     * Whether the node sits in a function of this file that this file calls and that no rank's code reaches
     * (harvardnlp/annotated-transformer@debc9fd the_annotated_transformer.py: load_vocab and load_trained_model,
     * called from the notebook's cells, while train_worker is what mp.spawn starts). False where the ranks' code
     * cannot be told apart: setup at module level, a function this file never calls, or a node outside functions.
     */
    static boolean runsOnce(PySource src, TSNode node) {
        Optional<TSNode> fn = src.enclosingFunction(node);
        if (fn.isEmpty()) return false;
        String name = src.functionName(fn.get());
        if (src.calls(name).isEmpty() && !src.memo("functions-passed", () -> passed(src, src.root())).contains(name)) {
            return false; // its callers are in other files
        }
        Optional<Set<String>> ranks = src.memo("rank-functions", () -> Optional.ofNullable(reach(src)));
        return ranks.isPresent() && !ranks.get().contains(name) && !inRankClass(src, fn.get(), ranks.get());
    }

    /** The rank functions' names, or null when setup code runs at module level (every function may be rank code). */
    private static Set<String> reach(PySource src) {
        Set<String> roots = new HashSet<>();
        for (String setup : SETUP_CALLS) {
            for (TSNode c : src.calls(setup)) {
                if (setup.equals("initialize") && !src.calleeText(c).startsWith("deepspeed")) continue;
                Optional<TSNode> f = src.enclosingFunction(c);
                if (f.isEmpty()) return null;
                roots.add(src.functionName(f.get()));
                classOf(f.get()).ifPresent(k -> roots.add(CLASS + src.text(k.getChildByFieldName("name"))));
            }
        }
        for (TSNode c : src.calls("spawn")) {
            List<TSNode> args = PySource.namedChildren(c.getChildByFieldName("arguments"));
            if (!args.isEmpty() && args.get(0).getType().equals("identifier")) roots.add(src.text(args.get(0)));
        }
        if (localRankAtModuleLevel(src, roots)) return null;
        Set<String> seen = new HashSet<>(roots);
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            for (TSNode def : src.functionDefinitions(todo.pop())) {
                Set<String> next = passed(src, def);
                for (TSNode call : src.callsIn(def)) {
                    String callee = src.calleeText(call);
                    next.add(callee.substring(callee.lastIndexOf('.') + 1));
                }
                for (String n : next) if (!src.functionDefinitions(n).isEmpty() && seen.add(n)) todo.push(n);
            }
        }
        return seen;
    }

    private static final String CLASS = "class ";

    /**
     * Names handed as arguments to a call inside the node ({@code show_example(load_vocab, ...)},
     * {@code Thread(target=work)}): a function passed is a function this code runs.
     */
    private static Set<String> passed(PySource src, TSNode scope) {
        Set<String> out = new HashSet<>();
        for (TSNode call : src.callsIn(scope)) {
            for (TSNode a : PySource.namedChildren(call.getChildByFieldName("arguments"))) {
                TSNode v = a.getType().equals("keyword_argument") ? a.getChildByFieldName("value") : a;
                if (v != null && !v.isNull() && v.getType().equals("identifier")) out.add(src.text(v));
            }
        }
        return out;
    }

    /** Adds the functions that read LOCAL_RANK from the environment; true when a module-level line does. */
    private static boolean localRankAtModuleLevel(PySource src, Set<String> roots) {
        for (String mark : List.of("LOCAL_RANK\"", "LOCAL_RANK'")) {
            for (int i = src.text.indexOf(mark); i >= 0; i = src.text.indexOf(mark, i + 1)) {
                int b = src.byteOffset(i);
                TSNode at = src.root().getDescendantForByteRange(b, b + 1);
                if (at.getType().equals("comment")) continue;
                Optional<TSNode> f = src.enclosingFunction(at);
                if (f.isEmpty()) return true;
                roots.add(src.functionName(f.get()));
            }
        }
        return false;
    }

    private static boolean inRankClass(PySource src, TSNode fn, Set<String> ranks) {
        return classOf(fn).map(k -> ranks.contains(CLASS + src.text(k.getChildByFieldName("name")))).orElse(false);
    }

    private static Optional<TSNode> classOf(TSNode fn) {
        for (TSNode p = fn.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (PySource.isFunction(p)) return Optional.empty();
            if (p.getType().equals("class_definition")) return Optional.of(p);
        }
        return Optional.empty();
    }
}
