"""The model's shape for a measured record, from the catalog row (each row from the model's config.json).

Shared by the makers of the measured splits (make_measured_heldout3.py, make_measured_heldout4.py).
"""
import csv

CATALOG = "src/main/resources/catalog/models.csv"


def arch(name):
    for row in csv.reader(l for l in open(CATALOG) if not l.startswith("#")):
        if row and row[0] == name:
            a = dict(params=int(row[2]), layers=int(row[3]), hidden=int(row[4]), heads=int(row[5]),
                     kv_heads=int(row[6]), ffn=int(row[7]), vocab=int(row[8]), tied=row[9] == "true")
            if int(row[10]) > 0:
                a.update(experts_total=int(row[10]), experts_active=int(row[11]))
            if len(row) > 12 and row[12]:
                a["head_dim"] = int(row[12])
            if len(row) > 13 and row[13]:
                a["mlp"] = row[13]
            a["_provenance"] = "catalog row %s (models.csv: the model's config.json), not stated by the source" % name
            return a
    raise KeyError(name)
