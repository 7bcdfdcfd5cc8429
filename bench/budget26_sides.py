"""Per-side, per-family median/worst |error| and calls from BudgetBench outputs (twenty-sixth session, issue 14).
Usage: python3 bench/budget24_sides.py DIR [x], DIR holding BudgetBench outputs named SET.txt (heldout.txt ..
heldout13.txt, dev.txt from BudgetBench ../shared/budget/ground_truth_dev.json, h200-tune4.txt, h200-check4.txt); x lists
the lora, qlora and sharded records by |error|. Fit side dev + heldout..8, check side heldout9..15."""
import sys,os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
FIT=['dev','heldout','heldout2','heldout3','heldout4','heldout5','heldout6','heldout7','heldout8']
CHECK=['heldout9','heldout10','heldout11','heldout12','heldout13','heldout14','heldout15']
FAMS=('lora','qlora','sharded')
H200=['h200-tune4','h200-check4']
# the record reader and the per-family summary are budget24_sides' (same BudgetBench output); only the split differs
from budget24_sides import summary
if __name__=='__main__':
    a=summary(FIT,'fit'); b=summary(CHECK,'check'); c=summary(H200,'h200')
    if len(sys.argv)>2:
        for r in sorted(a+b,key=lambda r:-abs(r['err'] or 0)):
            if r['fam'] in FAMS and r['err'] is not None and not r['suspect']:
                print(f"{r['err']:+8.1f}% {r['set']:10} {r['fam']:8} {r['id']} meas {r['meas']} pred {r['pred']} {r['call']}")
