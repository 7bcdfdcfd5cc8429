"""Per-side, per-family median/worst |error| and calls from BudgetBench outputs (twenty-sixth session, issue 14).
Usage: python3 bench/budget24_sides.py DIR [x], DIR holding BudgetBench outputs named SET.txt (heldout.txt ..
heldout13.txt, dev.txt from BudgetBench ../shared/budget/ground_truth_dev.json, h200-tune4.txt, h200-check4.txt); x lists
the lora, qlora and sharded records by |error|. Fit side dev + heldout..8, check side heldout9..15."""
import re,sys,statistics,glob,os
d=sys.argv[1]
FIT=['dev','heldout','heldout2','heldout3','heldout4','heldout5','heldout6','heldout7','heldout8']
CHECK=['heldout9','heldout10','heldout11','heldout12','heldout13','heldout14','heldout15']
FAMS=('lora','qlora','sharded')
H200=['h200-tune4','h200-check4']
def rows(name):
    out=[]
    txt=open(os.path.join(d,name+'.txt')).read()
    sec=txt.split('## Measured dev set')[-1]
    for line in sec.splitlines():
        p=[x.strip() for x in line.split('|')]
        if len(p)<10 or p[1] in('item','---'): continue
        m=re.match(r'([+-]?\d+\.\d)%',p[6])
        call=p[8]
        out.append(dict(id=p[1],split=p[2],fam=p[3],meas=p[4],pred=p[5],err=float(m.group(1)) if m else None,suspect='suspect' in p[6],call=call,set=name))
    return out
def summary(sets,label):
    allr=[r for s in sets for r in rows(s)]
    fams={}
    for r in allr:
        if r['err'] is None or r['suspect']: continue
        f=r['fam']; fams.setdefault(f,[]).append(abs(r['err'])); fams.setdefault('all',[]).append(abs(r['err']))
    calls=[r for r in allr if ('✓' in r['call'] or '✗' in r['call']) and not r['suspect']]
    right=sum('✓' in r['call'] for r in calls)
    for f in sorted(fams):
        v=fams[f]; print(f"{label:6} {f:10} n={len(v):3d} median {statistics.median(v):6.1f}% worst {max(v):6.1f}%")
    print(f"{label:6} calls {right}/{len(calls)}")
    return allr
if __name__=='__main__':
    a=summary(FIT,'fit'); b=summary(CHECK,'check'); c=summary(H200,'h200')
    if len(sys.argv)>2:
        for r in sorted(a+b,key=lambda r:-abs(r['err'] or 0)):
            if r['fam'] in FAMS and r['err'] is not None and not r['suspect']:
                print(f"{r['err']:+8.1f}% {r['set']:10} {r['fam']:8} {r['id']} meas {r['meas']} pred {r['pred']} {r['call']}")
