# Compares two PIT mutations.xml files mutant by mutant: counts by status, score, tests run, and the status
# changes (pass a third argument to list them). Usage: python3 pit_status_diff.py BASE.xml AFTER.xml [list]
import sys, xml.etree.ElementTree as ET, collections
def load(p):
    d={}
    for m in ET.parse(p).getroot():
        g=lambda t: (m.find(t).text or '') if m.find(t) is not None else ''
        k=(g('mutatedClass'),g('mutatedMethod'),g('methodDescription'),g('lineNumber'),g('mutator'),g('indexes') if m.find('indexes') is None else ','.join(i.text for i in m.find('indexes')))
        d[k]=(m.get('status'), int(m.get('numberOfTestsRun') or 0), g('killingTest'))
    return d
a=load(sys.argv[1]); b=load(sys.argv[2])
print('mutants', len(a), len(b))
for name,d in (('base',a),('after',b)):
    c=collections.Counter(v[0] for v in d.values()); runs=sum(v[1] for v in d.values())
    det=c['KILLED']+c['TIMED_OUT']+c['MEMORY_ERROR']+c['RUN_ERROR']
    print(name, dict(c), 'detected', det, '%.1f%%'%(100*det/len(d)), 'tests run', runs)
diff=collections.Counter()
for k in a.keys() & b.keys():
    if a[k][0]!=b[k][0]:
        diff[(a[k][0],b[k][0])]+=1
        if len(sys.argv)>3: print(a[k][0],'->',b[k][0],k[0].split('.')[-1],k[1],k[3],k[4].split('.')[-1], '|', a[k][2][-80:], '|', b[k][2][-80:])
print('status changes', dict(diff))
