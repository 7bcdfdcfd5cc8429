#!/usr/bin/env python3
"""Which test methods PIT ran, how often, and which of them killed a mutant first, for one execution.

Usage: bench/minion/pit_runs.py PIT_LOG MUTATIONS_XML [TOP]
PIT_LOG is the output of one execution run with -Dverbose=true (e.g. `mvn -B -o
org.pitest:pitest-maven:mutationCoverage@mutation-facts -Dverbose=true > log 2>&1`): each minion logs every mutant
with its covering tests in PIT's order (testsInOrder). MUTATIONS_XML is that run's report (status, numberOfTestsRun,
killingTest). A mutant ran the first numberOfTestsRun tests of its order: a survivor ran them all, a killed one stopped
at its killer. A method that never killed first changes no mutant's status when it leaves PIT (the replay tag), and
its runs are what leaving saves (bench/results.md "verify33").
"""
import collections
import re
import sys
import xml.etree.ElementTree as ET

MUTANT = re.compile(r'Running mutation MutationDetails \[id=MutationIdentifier \[location=Location \[clazz=([^,]+), '
                    r'method=([^,]+), methodDesc=([^\]]+)\], indexes=\[([^\]]*)\], mutator=([^\]]+)\]'
                    r'.*?testsInOrder=\[(.*)\]\]\s*$')
TEST = re.compile(r'\[class:([^\]]+)\]/\[(?:method|test-template):([^(\]]+)')


def method(test):
    m = TEST.search(test)
    return m.group(1).split('.')[-1] + '#' + m.group(2) if m else test


def orders(log):
    out = {}
    for line in open(log, errors='replace'):
        if 'Running mutation MutationDetails' in line:
            m = MUTANT.search(line)
            if m:
                key = m.groups()[:3] + (m.group(4).replace(' ', ''), m.group(5))
                out[key] = [method(t) for t in m.group(6).split(', io.oomdoc')]
    return out


def main():
    log, xml = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    order = orders(log)
    runs, kills, surv = collections.Counter(), collections.Counter(), collections.Counter()
    for mu in ET.parse(xml).getroot():
        idx = ','.join(i.text for i in mu.find('indexes'))
        key = (mu.findtext('mutatedClass'), mu.findtext('mutatedMethod'), mu.findtext('methodDescription'), idx,
               mu.findtext('mutator'))
        ran = order.get(key, [])[:int(mu.get('numberOfTestsRun') or 0)]
        for t in ran:
            runs[t] += 1
            if mu.get('status') == 'SURVIVED':
                surv[t] += 1
        if mu.get('status') == 'KILLED' and mu.findtext('killingTest'):
            kills[method(mu.findtext('killingTest'))] += 1
    never = sorted(((n, t) for t, n in runs.items() if kills[t] == 0), reverse=True)
    print(f'{len(order)} mutants with an order; {sum(runs.values())} test runs by {len(runs)} methods; '
          f'{len(never)} methods never killed first, {sum(n for n, _ in never)} runs')
    print('runs  by-survivors  first-kills  method')
    for t, n in runs.most_common(top):
        print(f'{n:6d} {surv[t]:6d} {kills[t]:5d}  {t}')
    print('never a first killer, most runs first:')
    for n, t in never[:top]:
        print(f'{n:6d}  {t}')


if __name__ == '__main__':
    main()
