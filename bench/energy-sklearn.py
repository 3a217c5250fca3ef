"""The scikit-learn reference for LEAR, as the benchmark's epftoolbox ran it: per hour,
LassoLarsIC(criterion='aic') as it behaved before scikit-learn 1.1 (normalised LARS-lasso path,
AIC = n*MSE/var(y) + 2*df), then Lasso(alpha) on the un-normalised features.

Newer scikit-learn changed LassoLarsIC's criterion and removed `normalize`, so the pre-1.1
estimator is rebuilt here from `lars_path`, exactly as its `fit` did.

usage: energy-sklearn.py MARKET_CSV DAY[,DAY...] WINDOW[,WINDOW...]
prints JSON {"seconds": [wall per day], "cpuSeconds": [CPU per day], "forecasts": {day: {window: [24 prices]}}}
"""
import csv
import json
import sys
import time
import warnings
from datetime import date

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Lasso, lars_path

warnings.filterwarnings("ignore", category=ConvergenceWarning)
MAD_FACTOR = 0.6744897501960817


def read_market(path):
    with open(path, newline="") as handle:
        rows = list(csv.reader(handle))[1:]
    days = [row[0][:10] for row in rows[::24]]
    values = np.array([[float(cell) for cell in row[1:]] for row in rows])
    return days, values[:, 0].reshape(-1, 24), [values[:, k].reshape(-1, 24) for k in range(1, values.shape[1])]


def feature_row(price, exog, d):
    row = []
    for h in range(24):
        for lag in (1, 2, 3, 7):
            row.append(price[d - lag, h])
    for h in range(24):
        for lag in (1, 7):
            for series in exog:
                row.append(series[d - lag, h])
        for series in exog:
            row.append(series[d, h])
    return row


def scale(train):
    median = np.median(train, axis=0)
    mad = np.median(np.abs(train - median), axis=0) / MAD_FACTOR
    return median, mad


def lasso_lars_ic_pre_1_1(X, y):
    n = X.shape[0]
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    norms = np.sqrt((Xc ** 2).sum(axis=0))
    norms[norms == 0] = 1
    Xn = Xc / norms
    alphas, _, coefs = lars_path(Xn, yc, Gram="auto", alpha_min=0.0, method="lasso", max_iter=2500, eps=np.finfo(float).eps)
    mse = np.mean((yc[:, None] - Xn @ coefs) ** 2, axis=0)
    df = (np.abs(coefs) > np.finfo(float).eps).sum(axis=0)
    criterion = n * mse / (np.var(yc) + np.finfo("float64").eps) + 2 * df
    return alphas[np.argmin(criterion)]


def forecast(price, exog, d, window, weekday):
    first, last = d - window + 7, d - 1
    X = np.array([feature_row(price, exog, t) + dummies(weekday(t)) for t in range(first, last + 1)])
    x = np.array([feature_row(price, exog, d) + dummies(weekday(d))])
    Y = price[first:last + 1]
    med_x, mad_x = scale(X[:, :-7])
    X[:, :-7] = np.arcsinh((X[:, :-7] - med_x) / mad_x)
    x[:, :-7] = np.arcsinh((x[:, :-7] - med_x) / mad_x)
    med_y, mad_y = scale(Y)
    Y = np.arcsinh((Y - med_y) / mad_y)
    out = np.zeros(24)
    for h in range(24):
        alpha = lasso_lars_ic_pre_1_1(X, Y[:, h])
        model = Lasso(alpha=alpha, max_iter=2500).fit(X, Y[:, h])
        out[h] = model.predict(x)[0]
    return np.sinh(out) * mad_y + med_y


def dummies(weekday):
    return [1.0 if k == weekday else 0.0 for k in range(7)]


def main():
    days, price, exog = read_market(sys.argv[1])
    wanted = sys.argv[2].split(",")
    windows = [int(w) for w in sys.argv[3].split(",")]
    index = {day: i for i, day in enumerate(days)}
    weekday = lambda t: date.fromisoformat(days[t]).weekday()
    seconds, cpu_seconds, forecasts = [], [], {}
    for day in wanted:
        start, cpu_start = time.perf_counter(), time.process_time()
        forecasts[day] = {str(w): forecast(price, exog, index[day], w, weekday).tolist() for w in windows}
        seconds.append(time.perf_counter() - start)
        cpu_seconds.append(time.process_time() - cpu_start)
    json.dump({"seconds": seconds, "cpuSeconds": cpu_seconds, "forecasts": forecasts}, sys.stdout)


if __name__ == "__main__":
    main()
