#!/usr/bin/env bash
# Rebuilds the two native libraries oomdoc ships for Linux x86-64 (src/main/resources/lib/) with optimisation on.
# Why: the io.github.bonede jars (tree-sitter 0.24.4, tree-sitter-python 0.23.4) carry libraries that their build
# compiles with `zig cc` and no -O flag, i.e. -O0 (every value through the stack, inline helpers such as length_add
# left as calls); parse and index query take about twice the CPU they take at -O2 (bench/results.md, round 10).
# Same sources as those jars, same resource names: the Java binding loads ours instead. The JNI glue gets one
# change (jni-cached-ids.patch): it looked TSNode's, TSQueryCapture's and TSQueryMatch's classes and fields up by
# name on every node and match crossing; they are looked up once.
# Usage: src/main/native/build.sh TREE_SITTER_DIR TREE_SITTER_PYTHON_DIR TREE_SITTER_NG_DIR
#   TREE_SITTER_DIR:        github.com/tree-sitter/tree-sitter at v0.24.4 (fc8c1863e2e5724a0c40bb6e6cfc8631bfe5908b)
#   TREE_SITTER_PYTHON_DIR: github.com/tree-sitter/tree-sitter-python at v0.23.4
#                           (6d14e44ea217bc5bb1c1804180e9818d7d1b8d91)
#   TREE_SITTER_NG_DIR:     github.com/bonede/tree-sitter-ng at v0.24.4 (c17e0c5ed643f135060898abfd20cac691cf634e)
# Needs gcc; the result asks for glibc 2.17 at most, as the bundled libraries do.
set -euo pipefail
ts="$1"; py="$2"; ng="$3"
out="$(cd "$(dirname "$0")/../resources" && pwd)/lib"; mkdir -p "$out"
flags=(-O2 -g0 -fPIC -shared -I "$ng/include/jni" -I "$ng/include/jni/linux")
glue="$(mktemp -d)"; trap 'rm -rf "$glue"' EXIT
cp "$ng/tree-sitter/src/main/c/"*.[ch] "$glue/"
patch -s -d "$glue" -p1 <"$(dirname "$0")/jni-cached-ids.patch"
gcc "${flags[@]}" -I "$ts/lib/src" -I "$ts/lib/include" -I "$glue" -o "$out/x86_64-linux-gnu-tree-sitter.so" \
  "$ts/lib/src/lib.c" "$glue/org_treesitter_TSParser.c" "$glue/ConvertUTF.c"
gcc "${flags[@]}" -I "$py/src" -o "$out/x86_64-linux-gnu-tree-sitter-python.so" \
  "$py/src/parser.c" "$py/src/scanner.c" "$ng/tree-sitter-python/src/main/c/org_treesitter_TreeSitterPython.c"
strip --strip-unneeded "$out"/x86_64-linux-gnu-tree-sitter*.so
