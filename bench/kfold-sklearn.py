"""scikit-learn's equivalent of the kfold-cv workflow, for bench/kfold.ts.

Reads the same CSV and candidates, runs GridSearchCV over exactly those candidates with the same
StratifiedKFold(k) folds (no shuffling), refits the best on every row (FitFinal), and prints JSON:
the seconds spent from reading the CSV to the refitted model, and every candidate's fold scores.
Usage: python3 kfold-sklearn.py <csv> <candidates.json> <k> <n_jobs>
"""
import json
import sys
import time

import numpy as np
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.svm import SVC


def main(csv_path, candidates_path, k, n_jobs):
    with open(candidates_path) as f:
        candidates = json.load(f)
    started = time.perf_counter()
    raw = np.genfromtxt(csv_path, delimiter=",", skip_header=1, dtype=str)
    features, labels = raw[:, :-1].astype(float), raw[:, -1]
    grid = [{"C": [c["C"]], "kernel": [c["kernel"]], "gamma": [c["gamma"]]} for c in candidates]
    search = GridSearchCV(SVC(), grid, cv=StratifiedKFold(n_splits=k), n_jobs=n_jobs, refit=True)
    search.fit(features, labels)
    seconds = time.perf_counter() - started
    scores = [[float(search.cv_results_[f"split{fold}_test_score"][i]) for fold in range(k)] for i in range(len(candidates))]
    print(json.dumps({"seconds": seconds, "scores": scores, "best": int(search.best_index_)}))


if __name__ == "__main__":
    n_jobs = int(sys.argv[4])
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), None if n_jobs == 1 else n_jobs)
