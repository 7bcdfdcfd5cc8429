#!/usr/bin/env python3
"""Lists string literals in src/main/java that read as English words (a word, a space, a word), per file, most first.

Usage: bench/java_sentences.py [-v]. Left out: regular expressions (Pattern.compile and literals full of regex
syntax), exception texts for programming errors (IllegalStateException), annotations and comments. What remains
is a candidate for resources (*.properties, knowledge, prompts); -v prints each literal."""
import re
import sys
from collections import Counter
from pathlib import Path

LITERAL = re.compile(r'"((?:\\.|[^"\\])*)"')
WORDS = re.compile(r'[A-Za-z]{2,}[,:;]? [A-Za-z]{2,}')
REGEXY = re.compile(r'\\[sdwbSDWB]|\(\?|\[\^|\|\w+\||\\\\')
SKIP_LINE = re.compile(r'Pattern\.compile|IllegalStateException|AssertionError|^\s*(?:\*|//|/\*|@)')

verbose = '-v' in sys.argv
per_file = Counter()
found = []
for path in sorted(Path('src/main/java').rglob('*.java')):
    in_regex = False
    for no, line in enumerate(path.read_text(encoding='utf-8').split('\n'), 1):
        if SKIP_LINE.search(line):
            in_regex = 'Pattern.compile' in line and not line.rstrip().endswith(';')
            continue
        if in_regex:
            in_regex = not line.rstrip().endswith(';')
            continue
        for m in LITERAL.finditer(line.split(' // ')[0]):
            s = m.group(1)
            if WORDS.search(s) and not REGEXY.search(s):
                per_file[str(path)] += 1
                found.append((str(path), no, s))
for f, n in per_file.most_common():
    print(f'{n:4d}  {f}')
print(f'{sum(per_file.values())} literals in {len(per_file)} files', file=sys.stderr)
if verbose:
    for f, no, s in found:
        print(f'{f}:{no}: "{s}"')
