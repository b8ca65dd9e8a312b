#!/usr/bin/python3
"""Train the lending example's credit model and write what the example ships.

Data: the Statlog (German Credit Data) set, 1000 applicants (Hofmann, UCI
Machine Learning Repository, 1994), as shipped in Debian's r-cran-caret
package (data set "GermanCredit": numeric columns and one-hot dummies).
Nothing is downloaded from the network:

    apt-get install -y python3-xgboost python3-rdata
    apt-get download r-cran-caret && dpkg-deb -x r-cran-caret_*.deb /tmp/caret
    cd examples/lending/model
    /usr/bin/python3 gen_model.py /tmp/caret/usr/lib/R/site-library/caret/data/GermanCredit.RData

(With r-cran-caret installed the path argument can be left out.)

Writes, next to this script:
  model.json        XGBoost binary:logistic model; the output is the
                    probability of default ("Bad" credit), so a HIGH output is
                    the adverse outcome
  features.json     the model's features in column order, the variable each
                    one-hot column belongs to, and the provenance
  reasons.json      a reason text for every variable (adverse-action notices)
  applicants.csv    the WHOLE data set, all 1000 applicants, one line each
                    (format below); the lending example scores every line once
  applicants.jsonl  the first 24 held-out applicants (A0001-A0024 of
                    applicants.csv): the model features, plus the protected
                    attributes sex and age_band, which are NOT model
                    features, and the observed outcome
  expected.json     XGBoost's own margins, probabilities and pred_contribs for
                    the sample applicants (the Go tests compare against them)
Protected or sensitive columns are kept out of the features: Age, the
Personal.* columns (sex and marital status) and ForeignWorker.

The train/test split: a permutation of the 1000 rows drawn with numpy's
default_rng(SEED); its first 200 rows are the test set (held out, never seen
in training; the AUC in features.json is measured on them), the other 800
the training set. The applicant ids follow that permutation: A0001-A0200
are the test set, A0201-A1000 the training set.

applicants.csv: a header line, then one line per applicant in id order:
    applicant_id,<the 54 features in model column order>,sex,age_band,observed_default,split
numbers as integers (every value in the data set is whole), split is
"train" or "test", lines end in "\n", no quoting (no value has a comma).
The hash of a training record is SHA-256 of the exact bytes of its line,
without the newline.
"""
import hashlib
import json
import os
import sys

import numpy as np
import rdata
import xgboost as xgb

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = "/usr/lib/R/site-library/caret/data/GermanCredit.RData"
SEED = 20240101

EXCLUDED = ["Class", "Age", "ForeignWorker"]  # plus every Personal.* column
GROUPS = ["CheckingAccountStatus", "CreditHistory", "Purpose", "SavingsAccountBonds", "EmploymentDuration",
          "OtherDebtorsGuarantors", "Property", "OtherInstallmentPlans", "Housing", "Job"]

REASONS = {
    "Duration": "Term of the loan requested",
    "Amount": "Amount of credit requested",
    "InstallmentRatePercentage": "Installment too high in relation to disposable income",
    "ResidenceDuration": "Length of residence",
    "NumberExistingCredits": "Number of existing credit obligations",
    "NumberPeopleMaintenance": "Number of dependents",
    "Telephone": "Telephone listing",
    "CheckingAccountStatus": "Checking account balance",
    "CreditHistory": "Credit history",
    "Purpose": "Purpose of the loan",
    "SavingsAccountBonds": "Insufficient savings",
    "EmploymentDuration": "Length of employment",
    "OtherDebtorsGuarantors": "No co-applicant or guarantor",
    "Property": "Collateral or property",
    "OtherInstallmentPlans": "Other installment obligations",
    "Housing": "Housing status",
    "Job": "Type of employment",
}


def feature_name(col):
    for g in GROUPS:
        if col.startswith(g + "."):
            return g + "=" + col[len(g) + 1:]
    return col


def age_band(age):
    for hi, band in [(25, "18-24"), (35, "25-34"), (50, "35-49"), (65, "50-64")]:
        if age < hi:
            return band
    return "65+"


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    raw = open(path, "rb").read()
    df = rdata.conversion.convert(rdata.parser.parse_data(raw))["GermanCredit"]
    cols = [c for c in df.columns if c not in EXCLUDED and not c.startswith("Personal.")]
    names = [feature_name(c) for c in cols]
    X = df[cols].to_numpy(dtype=np.float64)
    y = (df["Class"].astype(str) == "Bad").to_numpy(dtype=np.float64)
    sex = np.where(df[[c for c in df.columns if c.startswith("Personal.Female")]].sum(axis=1) > 0, "female", "male")
    bands = [age_band(a) for a in df["Age"]]

    rng = np.random.default_rng(SEED)
    perm = rng.permutation(len(df))
    test, train = perm[:200], perm[200:]
    params = {"objective": "binary:logistic", "max_depth": 3, "eta": 0.1, "subsample": 0.8,
              "colsample_bytree": 0.8, "min_child_weight": 2, "eval_metric": "auc", "seed": SEED, "nthread": 1}
    dtrain = xgb.DMatrix(X[train], label=y[train], feature_names=names)
    dtest = xgb.DMatrix(X[test], label=y[test], feature_names=names)
    rounds = 120
    b = xgb.train(params, dtrain, rounds)
    auc = float(b.eval(dtest).split(":")[1])
    b.save_model(os.path.join(HERE, "model.json"))

    groups = {n: n.split("=")[0] for n in names if "=" in n}
    variables = sorted(set(groups.get(n, n) for n in names))
    missing_text = [v for v in variables if v not in REASONS]
    if missing_text:
        raise SystemExit("no reason text for %s" % missing_text)

    meta = {
        "model": "model.json",
        "objective": "binary:logistic",
        "output": "probability that the applicant defaults (Class == Bad); a high output is adverse",
        "features": names,
        "variables": groups,
        # columns of applicants.jsonl that are protected attributes, not features
        "protected_attributes_not_features": ["sex", "age_band"],
        "excluded_source_columns": {"Age": "age_band in applicants.jsonl", "Personal.*": "sex in applicants.jsonl",
                                    "ForeignWorker": "national origin; not used"},
        "dataset": {
            "name": "Statlog (German Credit Data)",
            "source": "UCI Machine Learning Repository (Hofmann, 1994), CC BY 4.0; as shipped in Debian r-cran-caret (data set GermanCredit)",
            "file_sha256": hashlib.sha256(raw).hexdigest(),
            "rows": int(len(df)),
            "bad_rate": float(y.mean()),
        },
        "training": {"params": params, "rounds": rounds, "train_rows": int(len(train)), "test_rows": int(len(test)),
                     "split_seed": SEED, "test_auc": auc, "xgboost_version": xgb.__version__},
    }
    with open(os.path.join(HERE, "features.json"), "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    with open(os.path.join(HERE, "reasons.json"), "w") as f:
        json.dump({v: REASONS[v] for v in variables}, f, indent=2)
        f.write("\n")

    order = np.concatenate([test, train])
    with open(os.path.join(HERE, "applicants.csv"), "w", newline="") as f:
        f.write(",".join(["applicant_id"] + names + ["sex", "age_band", "observed_default", "split"]) + "\n")
        for k, i in enumerate(order):
            vals = []
            for v in X[i]:
                if not float(v).is_integer():
                    raise SystemExit("row %d: value %r is not whole" % (i, v))
                vals.append(str(int(v)))
            cells = ["A%04d" % (k + 1)] + vals + [str(sex[i]), bands[i], str(int(y[i])), "test" if k < len(test) else "train"]
            if any("," in c or "\n" in c for c in cells):
                raise SystemExit("row %d: a value has a comma" % i)
            f.write(",".join(cells) + "\n")

    sample = test[:24]
    dsample = xgb.DMatrix(X[sample], feature_names=names)
    with open(os.path.join(HERE, "applicants.jsonl"), "w") as f:
        for k, i in enumerate(sample):
            row = {"applicant_id": "A%04d" % (k + 1)}
            for n, v in zip(names, X[i]):
                row[n] = int(v) if float(v).is_integer() else float(v)
            row["sex"] = str(sex[i])
            row["age_band"] = bands[i]
            row["observed_default"] = int(y[i])
            f.write(json.dumps(row) + "\n")
    expected = {
        "xgboost_version": xgb.__version__,
        "applicants": ["A%04d" % (k + 1) for k in range(len(sample))],
        "margins": np.asarray(b.predict(dsample, output_margin=True), dtype=np.float64).tolist(),
        "probabilities": np.asarray(b.predict(dsample), dtype=np.float64).tolist(),
        "contribs": np.asarray(b.predict(dsample, pred_contribs=True), dtype=np.float64).tolist(),
    }
    with open(os.path.join(HERE, "expected.json"), "w") as f:
        json.dump(expected, f, separators=(",", ":"))
        f.write("\n")
    print("features:", len(names), "test AUC: %.3f" % auc, "model bytes:", os.path.getsize(os.path.join(HERE, "model.json")))


if __name__ == "__main__":
    main()
