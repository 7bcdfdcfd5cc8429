#!/usr/bin/env python3
"""Budget calls and errors by source half (budget19).

Usage: bench/budget_halves.py DIR [--wrong]
DIR holds one BudgetBench output per split, named FLAG.txt without the dashes (dev.txt, heldout.txt ... heldout9.txt,
h200.txt, h200-check.txt, h200-check3.txt, serving12.txt, budget8.txt, budget8-check.txt, budget9.txt,
budget9-check.txt), e.g. from `bench/run.sh BudgetBench --heldout6 > DIR/heldout6.txt`.
A source (a record's source_key) is in half A when md5(source_key) is even, else in half B: fixed, so that a change
made on one half's records is reported on the other. Counts are of split rows (a record in two splits counts twice).
--wrong lists every wrong fit/OOM call with its half.
"""
import hashlib
import json
import re
import statistics
import sys

RES = 'src/test/resources/budget/'
FILES = {'dev': 'measured_dev.json', 'heldout': 'measured_heldout.json', 'h200': 'measured_h200.json',
         'h200-check': 'measured_h200.json', 'h200-check3': 'measured_h200_check3.json',
         'serving12': 'measured_serving12.json', 'budget8': 'measured_budget8.json',
         'budget8-check': 'measured_budget8.json', 'budget9': 'measured_budget9.json',
         'budget9-check': 'measured_budget9.json'}
FILES.update({f'heldout{i}': f'measured_heldout{i}.json' for i in range(2, 10)})


def half(source):
    return 'AB'[int(hashlib.md5(source.encode()).hexdigest(), 16) % 2]


def rows(outdir):
    src = {(f, it['id']): it.get('source_key', '?') for f in set(FILES.values()) for it in json.load(open(RES + f))}
    for split, f in FILES.items():
        inside = False
        for line in open(f'{outdir}/{split}.txt'):
            if line.startswith('## Measured dev set'):
                inside = f in line
                continue
            c = [x.strip() for x in line.strip().strip('|').split('|')]
            if not inside or not line.startswith('| ') or len(c) != 8 or c[0] in ('item', '---'):
                continue
            m = re.match(r'([+-]?\d+\.\d)%', c[5])
            yield dict(split=split, id=c[0], fam=c[2], err=float(m.group(1)) if m else None,
                       suspect='suspect' in c[5], call=c[7], half=half(src.get((f, c[0]), '?')))


def main():
    rs = list(rows(sys.argv[1]))
    if '--wrong' in sys.argv:
        for r in rs:
            if '✗' in r['call']:
                print(r['half'], r['split'], r['id'], r['fam'], r['call'], '(suspect)' if r['suspect'] else '')
    for h in 'AB':
        part = [r for r in rs if r['half'] == h]
        calls = [r for r in part if ('✓' in r['call'] or '✗' in r['call']) and not r['suspect']]
        fam = {}
        for r in part:
            if r['err'] is not None and not r['suspect']:
                fam.setdefault(r['fam'], []).append(abs(r['err']))
        every = [e for v in fam.values() for e in v]
        print(f"half {h}: calls {sum('✓' in r['call'] for r in calls)}/{len(calls)}, wrong fits "
              f"{sum('fits ✗' in r['call'] for r in part)}, wrong OOM {sum('OOM ✗' in r['call'] for r in part)}; "
              f"all {len(every)}: median {statistics.median(every):.1f}%, worst {max(every):.1f}%")
        for k, v in sorted(fam.items()):
            print(f"  {k}: {len(v)}: median {statistics.median(v):.1f}%, worst {max(v):.1f}%")


if __name__ == '__main__':
    main()
