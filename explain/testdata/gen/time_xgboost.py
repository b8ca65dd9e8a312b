#!/usr/bin/python3
"""Time XGBoost's own prediction and pred_contribs (one thread) on the
benchmark model, for comparison with BenchmarkExplain in the same machine:

    cd explain/testdata && /usr/bin/python3 gen/time_xgboost.py
"""
import gzip
import json
import time

import numpy as np
import xgboost as xgb

v = json.load(gzip.open("bench_d7_150.vectors.json.gz"))
b = xgb.Booster(params={"nthread": 1})
b.load_model(bytearray(gzip.open("bench_d7_150.json.gz").read()))
R = np.array([[np.nan if x is None else x for x in r] for r in v["rows"]] * 40)
for name, kw in [("prediction (margin)", {"output_margin": True}), ("pred_contribs", {"pred_contribs": True})]:
    best = float("inf")
    for _ in range(3):
        d = xgb.DMatrix(R)  # a fresh matrix: XGBoost caches predictions per DMatrix
        t = time.perf_counter()
        b.predict(d, **kw)
        best = min(best, (time.perf_counter() - t) / len(R))
    print("xgboost %s %s: %.1f us/row, %.0f rows/s (%d rows, 1 thread)" % (xgb.__version__, name, best * 1e6, 1 / best, len(R)))
