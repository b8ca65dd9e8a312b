#!/usr/bin/python3
"""Independent reference values for package fairness.

Run with Debian's own interpreter and packages:

    apt-get install -y python3-numpy python3-scipy python3-statsmodels
    /usr/bin/python3 fairness/testdata/gen/reference.py > fairness/testdata/reference.json

It works record by record, from the published definitions, without looking at
the Go code's tables:

* Fairlearn (fairlearn.metrics): selection_rate, true_positive_rate,
  false_positive_rate with sample weights; MetricFrame.difference/ratio with
  method="between_groups" (max - min, min / max) and method="to_overall"
  (max |g - overall|, min of min(g/overall, overall/g)); demographic parity,
  equal opportunity (TPR), equalized odds with agg="worst_case" (max of the
  TPR and FPR differences, min of their ratios) and agg="mean".
* AIF360 (ClassificationMetric) against a privileged (reference) group:
  statistical_parity_difference, disparate_impact,
  equal_opportunity_difference, average_odds_difference.
* Four-fifths rule: selection rate over the highest group selection rate.
* scipy.stats.fisher_exact (two-sided) on unweighted counts, per group
  against the reference group: selection, and true positives among
  favourable outcomes.
* statsmodels proportion_confint(method="wilson") at 95%, on the weighted
  proportion and the number of records.
* numpy.percentile (linear interpolation) for the bootstrap percentiles.

Glassbox's conventions where the libraries leave a value as NaN: any NaN or
infinity is written as null (undefined); a difference or ratio across groups
needs at least two groups with a defined rate (groups with an undefined rate
are left out); error rates use only the records that have an outcome.
"""

import json
import math
import sys

import numpy as np
from scipy.stats import fisher_exact

try:
    from statsmodels.stats.proportion import proportion_confint
except ImportError:  # the formula, as statsmodels writes it
    from scipy.stats import norm

    def proportion_confint(count, nobs, alpha=0.05, method="wilson"):
        q = count / nobs
        crit = norm.isf(alpha / 2.0)
        crit2 = crit ** 2
        denom = 1 + crit2 / nobs
        center = (q + crit2 / (2 * nobs)) / denom
        dist = crit * np.sqrt(q * (1.0 - q) / nobs + crit2 / (4.0 * nobs ** 2)) / denom
        return center - dist, center + dist


def num(x):
    if x is None:
        return None
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return None
    return x


def wdiv(a, b):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.float64(a) / np.float64(b)


class Data:
    def __init__(self, records, by, fav, fav_out):
        self.by = by
        self.group = [tuple(r["groups"].get(a, "") for a in by) for r in records]
        self.w = np.array([r["weight"] for r in records], dtype=float)
        self.sel = np.array([r["pred"] in fav for r in records], dtype=bool)
        self.has = np.array([r.get("outcome") is not None for r in records], dtype=bool)
        self.yt = np.array([r.get("outcome") in fav_out for r in records], dtype=bool)


def selection_rate(sel, w):
    return wdiv(np.sum(w * sel), np.sum(w))


def tpr(sel, yt, has, w):
    m = has & yt
    return wdiv(np.sum(w[m] * sel[m]), np.sum(w[m]))


def fpr(sel, yt, has, w):
    m = has & ~yt
    return wdiv(np.sum(w[m] * sel[m]), np.sum(w[m]))


def between(vals):
    v = [x for x in vals if not math.isnan(x)]
    if len(v) < 2:
        return None, None
    return max(v) - min(v), wdiv(min(v), max(v))


def to_overall(vals, o):
    v = [x for x in vals if not math.isnan(x)]
    if len(v) < 2 or math.isnan(o):
        return None, None
    d = max(abs(x - o) for x in v)
    if o == 0:
        return d, None
    r = [x / o for x in v]
    r = [x if x <= 1 else 1 / x for x in r]
    return d, min(r)


def combine(a, b, f):
    if a is None or b is None or math.isnan(a) or math.isnan(b):
        return None
    return f(a, b)


def wilson(p, n):
    if n == 0 or math.isnan(p):
        return None
    lo, hi = proportion_confint(p * n, n, alpha=0.05, method="wilson")
    return [float(lo), float(hi)]


def fisher(a, b, c, d):
    res = fisher_exact([[a, b], [c, d]], alternative="two-sided")
    odds, p = res[0], res[1]
    return {"p": float(p), "odds_ratio": num(odds)}


def compute(records, by, fav, fav_out, outcomes, reference):
    D = Data(records, by, fav, fav_out)
    groups = sorted(set(D.group))
    masks = [np.array([g == x for x in D.group]) for g in groups]
    counts = [int(m.sum()) for m in masks]
    if reference is None:
        ref = max(range(len(groups)), key=lambda i: (counts[i], -i))
    else:
        ref = groups.index(tuple(reference))
    sr = [selection_rate(D.sel[m], D.w[m]) for m in masks]
    osr = selection_rate(D.sel, D.w)
    out = {"groups": [], "reference": list(groups[ref])}
    maxsr = max([x for x in sr if not math.isnan(x)], default=float("nan"))
    if outcomes:
        tp = [tpr(D.sel[m], D.yt[m], D.has[m], D.w[m]) for m in masks]
        fp = [fpr(D.sel[m], D.yt[m], D.has[m], D.w[m]) for m in masks]
        otp, ofp = tpr(D.sel, D.yt, D.has, D.w), fpr(D.sel, D.yt, D.has, D.w)
    for i, (g, m) in enumerate(zip(groups, masks)):
        n = counts[i]
        e = {
            "group": list(g),
            "count": n,
            "weight": float(D.w[m].sum()),
            "selection_rate": num(sr[i]),
            "selection_ci": wilson(sr[i], n),
            "statistical_parity_difference": num(sr[i] - sr[ref]),
            "disparate_impact": num(wdiv(sr[i], sr[ref])) if sr[ref] != 0 else None,
            "impact_ratio": num(wdiv(sr[i], maxsr)) if maxsr != 0 else None,
        }
        if i != ref:
            s1, s2 = int(D.sel[m].sum()), int(D.sel[masks[ref]].sum())
            e["selection_test"] = fisher(s1, n - s1, s2, counts[ref] - s2)
        if outcomes:
            pos = m & D.has & D.yt
            neg = m & D.has & ~D.yt
            e["tpr"] = num(tp[i])
            e["fpr"] = num(fp[i])
            e["tpr_ci"] = wilson(tp[i], int(pos.sum()))
            e["fpr_ci"] = wilson(fp[i], int(neg.sum()))
            e["equal_opportunity_difference"] = num(tp[i] - tp[ref])
            e["average_odds_difference"] = num(((fp[i] - fp[ref]) + (tp[i] - tp[ref])) / 2)
            if i != ref:
                rpos = masks[ref] & D.has & D.yt
                a = int(D.sel[pos].sum())
                c = int(D.sel[rpos].sum())
                e["true_positive_test"] = fisher(a, int(pos.sum()) - a, c, int(rpos.sum()) - c)
        out["groups"].append(e)

    def disparity(vals, o):
        d, r = between(vals)
        do, ro = to_overall(vals, o)
        return {"difference": num(d), "ratio": num(r), "difference_to_overall": num(do), "ratio_to_overall": num(ro)}

    out["overall"] = {"count": len(records), "selection_rate": num(osr)}
    out["demographic_parity"] = disparity(sr, osr)
    if outcomes:
        out["overall"]["tpr"] = num(otp)
        out["overall"]["fpr"] = num(ofp)
        t, f = disparity(tp, otp), disparity(fp, ofp)
        out["equal_opportunity"] = t
        out["false_positive_rate"] = f
        out["equalized_odds"] = {
            "difference": combine(t["difference"], f["difference"], max),
            "ratio": combine(t["ratio"], f["ratio"], min),
            "difference_mean": combine(t["difference"], f["difference"], lambda a, b: (a + b) / 2),
            "ratio_mean": combine(t["ratio"], f["ratio"], lambda a, b: (a + b) / 2),
            "difference_to_overall": combine(t["difference_to_overall"], f["difference_to_overall"], max),
            "ratio_to_overall": combine(t["ratio_to_overall"], f["ratio_to_overall"], min),
            "difference_mean_to_overall": combine(t["difference_to_overall"], f["difference_to_overall"], lambda a, b: (a + b) / 2),
            "ratio_mean_to_overall": combine(t["ratio_to_overall"], f["ratio_to_overall"], lambda a, b: (a + b) / 2),
        }
    return out


def rec(groups, pred, outcome=None, weight=1.0):
    return {"groups": groups, "pred": pred, "outcome": outcome, "weight": weight}


def random_records(rng, n, attrs, preds, outs, weighted, missing_outcome=0.0, bias=None):
    recs = []
    for _ in range(n):
        g = {a: str(rng.choice(v)) for a, v in attrs.items()}
        p_fav = 0.5
        if bias:
            p_fav = bias(g)
        pred = preds[0] if rng.random() < p_fav else str(rng.choice(preds[1:]))
        outcome = None
        if rng.random() >= missing_outcome:
            good = rng.random() < (0.7 if pred == preds[0] else 0.4)
            outcome = outs[0] if good else outs[1]
        w = float(np.round(rng.uniform(0.1, 2.0), 6)) if weighted else 1.0
        recs.append(rec(g, pred, outcome, w))
    return recs


def cases():
    rng = np.random.default_rng(20261123)
    out = []

    # 1. Two groups, unweighted, every record with an outcome.
    r = []
    for i in range(12):
        r.append(rec({"sex": "F"}, "approve" if i % 3 == 0 else "deny", "repaid" if i % 2 == 0 else "default"))
    for i in range(16):
        r.append(rec({"sex": "M"}, "approve" if i % 4 != 0 else "deny", "repaid" if i % 3 != 0 else "default"))
    out.append(("two_groups", r, ["sex"], ["approve"], ["repaid"], True, None))

    # 2. Intersectional, weighted, some outcomes missing, explicit reference.
    r = random_records(rng, 300, {"sex": ["F", "M"], "age_band": ["18-29", "30-49", "50+"]},
                       ["approve", "deny"], ["repaid", "default"], True, missing_outcome=0.2,
                       bias=lambda g: 0.35 if g["sex"] == "F" else 0.6)
    out.append(("intersectional_weighted", r, ["sex", "age_band"], ["approve"], ["repaid"], True, ["M", "30-49"]))
    # 3. The same records, marginalised to one attribute.
    out.append(("marginal_sex", r, ["sex"], ["approve"], ["repaid"], True, None))
    out.append(("marginal_age", r, ["age_band"], ["approve"], ["repaid"], True, ["50+"]))

    # 4. Several favourable labels; the model predicts default risk, so the
    # favourable prediction is a low-risk class.
    r = random_records(rng, 200, {"region": ["north", "south", "east", "west"]},
                       ["low", "medium", "high"], ["repaid", "default"], False,
                       bias=lambda g: 0.7 if g["region"] in ("north", "east") else 0.4)
    out.append(("multi_label", r, ["region"], ["low", "medium"], ["repaid"], True, None))

    # 5. Edge cases: a group without favourable outcomes (TPR undefined), a
    # group without unfavourable ones (FPR undefined), a reference group with
    # zero selection rate (disparate impact undefined), a group whose
    # decisions have no outcome at all.
    r = [rec({"g": "a"}, "deny", "repaid"), rec({"g": "a"}, "deny", "default"), rec({"g": "a"}, "deny", "default")]
    r += [rec({"g": "b"}, "approve", "default"), rec({"g": "b"}, "deny", "default"), rec({"g": "b"}, "approve", "default")]
    r += [rec({"g": "c"}, "approve", "repaid"), rec({"g": "c"}, "approve", "repaid"), rec({"g": "c"}, "deny", "repaid")]
    r += [rec({"g": "d"}, "approve"), rec({"g": "d"}, "deny")]
    out.append(("edge_zero_reference", r, ["g"], ["approve"], ["repaid"], True, ["a"]))

    # 6. Nobody selected: ratios undefined (largest rate and overall rate 0).
    r = [rec({"g": "a"}, "deny", "repaid"), rec({"g": "b"}, "deny", "default"), rec({"g": "b"}, "deny", "repaid")]
    out.append(("edge_none_selected", r, ["g"], ["approve"], ["repaid"], True, None))

    # 7. A single group: differences and ratios undefined.
    r = [rec({"g": "only"}, "approve", "repaid"), rec({"g": "only"}, "deny", "default")]
    out.append(("edge_single_group", r, ["g"], ["approve"], ["repaid"], True, None))

    # 8. Missing attribute values form their own group; no outcomes asked.
    r = [rec({"sex": "F"}, "approve"), rec({}, "deny"), rec({}, "approve"), rec({"sex": "M"}, "approve"),
         rec({"sex": "M"}, "deny", weight=0.5), rec({"sex": "F"}, "deny", weight=2.5)]
    out.append(("missing_attribute", r, ["sex"], ["approve"], [], False, None))

    # 9. Larger: three attributes, weighted, for Fisher on bigger counts.
    r = random_records(rng, 3000, {"sex": ["F", "M"], "age_band": ["18-29", "30-49", "50+"], "race": ["p", "q", "r"]},
                       ["approve", "deny", "refer"], ["repaid", "default"], True, missing_outcome=0.1,
                       bias=lambda g: 0.3 + (0.2 if g["race"] == "p" else 0) + (0.1 if g["sex"] == "M" else 0))
    out.append(("large_three_attrs", r, ["sex", "age_band", "race"], ["approve"], ["repaid"], True, None))
    out.append(("large_race_only", r, ["race"], ["approve"], ["repaid"], True, ["p"]))
    return out


def main():
    doc = {"generator": "fairness/testdata/gen/reference.py", "confidence": 0.95, "cases": []}
    for name, records, by, fav, fav_out, outcomes, reference in cases():
        doc["cases"].append({
            "name": name,
            "records": records,
            "by": by,
            "favourable": fav,
            "favourable_outcomes": fav_out,
            "outcomes": outcomes,
            "reference": reference,
            "expected": compute(records, by, fav, fav_out, outcomes, reference),
        })
    # Standalone vectors.
    tables = [[8, 2, 1, 5], [1, 9, 11, 3], [0, 5, 5, 0], [3, 3, 3, 3], [10, 0, 5, 5], [0, 0, 4, 7],
              [12, 30, 18, 40], [500, 1500, 620, 1380], [2000, 3000, 2100, 2900], [1, 0, 0, 1],
              [7, 12, 0, 0], [40000, 60000, 41000, 59000], [25, 75, 3, 97]]
    doc["fisher"] = [{"table": t, **fisher(*t)} for t in tables]
    props = [(0.0, 10), (1.0, 10), (0.5, 1), (0.3, 50), (0.123456, 1000), (0.99, 7), (0.5, 1000000)]
    doc["wilson"] = [{"p": p, "n": n, "ci": wilson(p, n)} for p, n in props]
    arrays = [list(rng_vals) for rng_vals in [np.round(np.random.default_rng(7).normal(size=n), 6) for n in (1, 2, 5, 11, 100)]]
    doc["percentile"] = [{"xs": [float(x) for x in xs], "q": q, "value": float(np.percentile(xs, q * 100))}
                         for xs in arrays for q in (0.0, 0.025, 0.5, 0.975, 1.0)]
    json.dump(doc, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
