"""Per-side, per-family median/worst |error| and calls from BudgetBench outputs (thirtieth session, issue 14; budget29_sides with the H200 tune/check split).
Usage: python3 bench/budget29_sides.py DIR [x|rev], DIR holding BudgetBench outputs named SET.txt as
bench/budget28_runall.sh writes them (dev.txt, heldout.txt .. heldout25.txt, h200-tune4.txt, h200-check4.txt).
Fit side dev + heldout..heldout11 + heldout21..heldout25 (since the thirty-second to thirty-sixth sessions:
their QLoRA and sharded misses, scored blind in the session before, are read there), check side heldout12..heldout20 (19 and 20 since the thirty-first
session) (rev swaps them); x lists the full, LoRA, QLoRA
and sharded records of both sides by |error|; H200 tune4 (tune side) and check4 (check side) reported apart."""
import sys,os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
FIT=['dev','heldout']+[f'heldout{i}' for i in range(2,12)]+['heldout21','heldout22','heldout23','heldout24','heldout25']
CHECK=[f'heldout{i}' for i in range(12,21)]
FAMS=('full','lora','qlora','sharded')
H200T=['h200-tune4']; H200C=['h200-check4']
# the record reader and the per-family summary are budget24_sides' (same BudgetBench output); only the split differs
from budget24_sides import summary
if __name__=='__main__':
    if len(sys.argv)>2 and sys.argv[2]=='rev': FIT,CHECK=CHECK,FIT
    a=summary(FIT,'fit'); b=summary(CHECK,'check'); c=summary(H200T,'h200t'); d=summary(H200C,'h200c')
    if len(sys.argv)>2 and sys.argv[2]=='x':
        for r in sorted(a+b,key=lambda r:-abs(r['err'] or 0)):
            if r['fam'] in FAMS and r['err'] is not None and not r['suspect']:
                print(f"{r['err']:+8.1f}% {r['set']:10} {r['fam']:8} {r['id']} meas {r['meas']} pred {r['pred']} {r['call']}")
