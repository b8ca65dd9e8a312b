#!/usr/bin/python3
"""Generate the XGBoost reference vectors that explain's Go tests read.

Run with Debian's python3 and python3-xgboost (the Go tests need no Python):

    apt-get install -y python3-xgboost
    cd explain/testdata && /usr/bin/python3 gen/gen_vectors.py

For each model it writes <name>.json.gz (the model, as save_model writes it)
and <name>.vectors.json.gz holding the input rows (null = missing), XGBoost's
margins (output_margin=True), transformed predictions and pred_contribs
outputs, and the XGBoost version. Everything is seeded, so a re-run with the
same XGBoost version gives the same models.
"""
import gzip
import json
import math
import os
import shutil
import tempfile

import numpy as np
import xgboost as xgb

OUT = os.path.dirname(os.path.abspath(__file__)) + "/.."


def make_data(rng, n, nfeat, missing_rate):
    X = rng.normal(size=(n, nfeat))
    # a few discrete and skewed columns so splits repeat on features
    X[:, 0] = rng.integers(0, 5, size=n)
    X[:, 1] = np.exp(X[:, 1])
    if missing_rate > 0:
        mask = rng.random(size=(n, nfeat)) < missing_rate
        X[mask] = np.nan
    return X


def signal(X):
    Z = np.nan_to_num(X, nan=0.0)
    return (0.8 * Z[:, 0] - 1.2 * np.log1p(Z[:, 1]) + Z[:, 2] * Z[:, 3]
            + np.sin(2 * Z[:, 4]) + 0.3 * Z[:, 5:].sum(axis=1))


def model_trees(path):
    m = json.load(open(path))
    gb = m["learner"]["gradient_booster"]
    if gb["name"] == "dart":
        gb = gb["gbtree"]
    return gb["model"]["trees"]


def eval_rows(rng, X, path, nrows):
    """Test rows: held-out rows, all-missing, and rows sitting exactly on split
    thresholds (as float32) and one float64 ulp around them."""
    rows = [X[i].copy() for i in rng.choice(len(X), size=nrows, replace=False)]
    nfeat = X.shape[1]
    rows.append(np.full(nfeat, np.nan))
    splits = []
    for tree in model_trees(path):
        for i, l in enumerate(tree["left_children"]):
            if l != -1:
                splits.append((tree["split_indices"][i], tree["split_conditions"][i]))
    for k in range(min(20, len(splits))):
        f, thr = splits[rng.integers(len(splits))]
        r = rows[k].copy()
        t = float(np.float32(thr))
        r[f] = [t, np.nextafter(t, -np.inf), np.nextafter(t, np.inf)][k % 3]
        rows.append(r)
    return np.array(rows)


def tolist(a):
    return [[None if math.isnan(v) else float(v) for v in r] for r in a]


def write_gz(path, obj):
    with gzip.GzipFile(path, "wb", mtime=0) as f:
        f.write(json.dumps(obj, separators=(",", ":")).encode())


def build(name, params, rounds, n=1500, nfeat=8, missing=0.1, kind="binary", seed=0, nrows=60, names=False):
    rng = np.random.default_rng(seed)
    X = make_data(rng, n, nfeat, missing)
    s = signal(X)
    if kind == "binary":
        y = (s + rng.normal(scale=0.5, size=n) > np.median(s)).astype(float)
    elif kind == "prob":
        y = 1 / (1 + np.exp(-s))
    elif kind == "multi":
        y = np.digitize(s, np.quantile(s, [1 / 3, 2 / 3])).astype(float)
    elif kind == "multi4":
        y = np.digitize(s, np.quantile(s, [0.25, 0.5, 0.75])).astype(float)
    else:
        y = 10 + 3 * s + rng.normal(size=n)
    fnames = ["x%d_%s" % (i, c) for i, c in zip(range(nfeat), "abcdefghijklmnopqrstuvwxyz")] if names else None
    d = xgb.DMatrix(X, label=y, feature_names=fnames)
    params = dict(params, seed=seed, nthread=1)
    b = xgb.train(params, d, rounds)
    tmp = tempfile.mkdtemp()
    mpath = os.path.join(tmp, name + ".json")
    b.save_model(mpath)
    R = eval_rows(rng, X, mpath, nrows)
    dr = xgb.DMatrix(R, feature_names=fnames)
    margins = b.predict(dr, output_margin=True)
    preds = b.predict(dr)
    contribs = b.predict(dr, pred_contribs=True)
    with open(mpath, "rb") as src, gzip.GzipFile(os.path.join(OUT, name + ".json.gz"), "wb", mtime=0) as dst:
        shutil.copyfileobj(src, dst)
    shutil.rmtree(tmp)
    num_class = int(params.get("num_class", 1))
    margins = np.asarray(margins, dtype=np.float64).reshape(len(R), -1)
    preds = np.asarray(preds, dtype=np.float64).reshape(len(R), -1)
    contribs = np.asarray(contribs, dtype=np.float64).reshape(len(R), num_class, nfeat + 1)
    write_gz(os.path.join(OUT, name + ".vectors.json.gz"), {
        "generator": "explain/testdata/gen/gen_vectors.py",
        "xgboost_version": xgb.__version__,
        "numpy_version": np.__version__,
        "model": name + ".json.gz",
        "params": {k: v for k, v in params.items()},
        "rounds": rounds,
        "num_feature": nfeat,
        "num_class": num_class,
        "rows": tolist(R),
        "margins": margins.tolist(),
        "predictions": preds.tolist(),
        # contribs[row][class][feature]; the last column is XGBoost's bias term
        "contribs": contribs.tolist(),
    })
    print(name, "trees:", rounds, "size:", os.path.getsize(os.path.join(OUT, name + ".json.gz")))


def build_linear(name, objective, seed, nfeat=6, n=800):
    """A gblinear model: XGBoost's pred_contribs for it are w_i * x_i with
    the bias (intercept plus base margin) last, i.e. linear SHAP with
    feature means 0."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, nfeat)) * [1, 2, 0.5, 3, 1, 1][:nfeat] + [0, 1, -2, 0.5, 3, 0][:nfeat]
    s = X @ np.array([0.8, -0.5, 1.5, 0.2, -0.3, 0.0])[:nfeat]
    if objective == "binary:logistic":
        y = (s + rng.normal(scale=0.5, size=n) > np.median(s)).astype(float)
    else:
        y = 4 + s + rng.normal(size=n)
    d = xgb.DMatrix(X, label=y)
    b = xgb.train({"booster": "gblinear", "objective": objective, "eta": 0.5, "lambda": 0.0, "alpha": 0.0,
                   "updater": "coord_descent", "seed": seed, "nthread": 1}, d, 50)
    tmp = tempfile.mkdtemp()
    mpath = os.path.join(tmp, name + ".json")
    b.save_model(mpath)
    R = X[:40]
    dr = xgb.DMatrix(R)
    with open(mpath, "rb") as src, gzip.GzipFile(os.path.join(OUT, name + ".json.gz"), "wb", mtime=0) as dst:
        shutil.copyfileobj(src, dst)
    shutil.rmtree(tmp)
    write_gz(os.path.join(OUT, name + ".vectors.json.gz"), {
        "generator": "explain/testdata/gen/gen_vectors.py",
        "xgboost_version": xgb.__version__,
        "model": name + ".json.gz",
        "num_feature": nfeat,
        "num_class": 1,
        "rows": tolist(R),
        "margins": np.asarray(b.predict(dr, output_margin=True), dtype=np.float64).reshape(len(R), 1).tolist(),
        "predictions": np.asarray(b.predict(dr), dtype=np.float64).reshape(len(R), 1).tolist(),
        "contribs": np.asarray(b.predict(dr, pred_contribs=True), dtype=np.float64).reshape(len(R), 1, nfeat + 1).tolist(),
    })
    print(name, "size:", os.path.getsize(os.path.join(OUT, name + ".json.gz")))


def main():
    base = {"eta": 0.3, "min_child_weight": 1}
    build("binary_d3", dict(base, objective="binary:logistic", max_depth=3), 20, seed=1)
    build("binary_d8_missing", dict(base, objective="binary:logistic", max_depth=8, min_child_weight=2), 25,
          missing=0.3, seed=2, names=True)
    build("reglogistic_d4", dict(base, objective="reg:logistic", max_depth=4), 20, kind="prob", seed=3)
    build("squarederror_d6", dict(base, objective="reg:squarederror", max_depth=6, base_score=7.25), 20,
          kind="reg", seed=4)
    build("softprob_d5", dict(base, objective="multi:softprob", num_class=3, max_depth=5), 10, kind="multi", seed=5)
    build("dart_d4", dict(base, booster="dart", objective="binary:logistic", max_depth=4, rate_drop=0.3,
                          skip_drop=0.0, sample_type="weighted", normalize_type="forest"), 20, seed=6)
    build("binary_d5_nomissing", dict(base, objective="binary:logistic", max_depth=5, scale_pos_weight=2.0), 15,
          missing=0.0, nfeat=12, seed=7)
    build("forest_d6", dict(base, objective="binary:logistic", max_depth=6, num_parallel_tree=4, subsample=0.7,
                            colsample_bynode=0.6), 4, missing=0.15, seed=11)
    build("softprob_dart_d3", dict(base, booster="dart", objective="multi:softprob", num_class=4, max_depth=3,
                                   rate_drop=0.2, skip_drop=0.0), 8, kind="multi4", seed=12)
    # The benchmark model: 150 trees of depth 7.
    build("bench_d7_150", dict(base, objective="binary:logistic", max_depth=7, eta=0.1, min_child_weight=5), 150,
          n=4000, nfeat=20, missing=0.05, seed=8, nrows=30)
    build_linear("linear_logistic", "binary:logistic", seed=9)
    build_linear("linear_squarederror", "reg:squarederror", seed=10)


if __name__ == "__main__":
    main()
