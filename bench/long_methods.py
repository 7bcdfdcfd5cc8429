#!/usr/bin/env python3
"""Lists methods in src/main/java longer than a limit (default 40 lines), longest first.

Usage: bench/long_methods.py [LIMIT]. A method is a declaration (not a class or record header) whose name is
followed by '(', counted to its matching brace (braces inside strings, chars and comments are skipped)."""
import re
import sys
from pathlib import Path

LIMIT = int(sys.argv[1]) if len(sys.argv) > 1 else 40
DECL = re.compile(r'^\s*(?:(?:public|private|protected|static|final|synchronized|default|abstract)\s+)*'
                  r'(?:<[^>]+>\s+)?[\w.<>\[\],? ]+\s+(\w+)\s*\([^;]*$')
SKIP = {'if', 'for', 'while', 'switch', 'catch', 'return', 'new', 'else', 'try', 'synchronized'}


def strip(line):
    """The line without string/char literals and // comments (block comments are rare enough at line starts)."""
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(?:\\.|[^'\\])*'", "''", line)
    return line.split('//')[0]


rows = []
for path in Path('src/main/java').rglob('*.java'):
    lines = path.read_text(encoding='utf-8').split('\n')
    i = 0
    while i < len(lines):
        m = DECL.match(lines[i])
        kind = re.search(r'\b(class|record|enum|interface)\s', lines[i])
        if m and not kind and m.group(1) not in SKIP and not lines[i].strip().startswith(('*', '/', '@')):
            # the declaration may continue over lines until its body opens
            j, depth, opened = i, 0, False
            while j < len(lines):
                s = strip(lines[j])
                if not opened and ';' in s and '{' not in s:
                    break
                for ch in s:
                    if ch == '{':
                        depth += 1
                        opened = True
                    elif ch == '}':
                        depth -= 1
                if opened and depth <= 0:
                    break
                j += 1
            if opened:
                n = j - i + 1
                if n > LIMIT:
                    rows.append((n, f'{path}:{i + 1}', m.group(1)))
                i += 1
                continue
        i += 1
for n, where, name in sorted(rows, reverse=True):
    print(f'{n:4d}  {name:32s} {where}')
print(f'{len(rows)} methods over {LIMIT} lines', file=sys.stderr)
