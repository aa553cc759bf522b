#!/usr/bin/python3
"""Reference numbers for the EMMS ARMA tests (Debian's python3-statsmodels; run with /usr/bin/python3).

  reference.py data DATA_DIR          write the data sets (R datasets via Rscript, simulated series) and cases.csv
  reference.py refs DATA_DIR R_DIR    combine R's fits (from reference.R) with statsmodels evaluated at R's
                                      parameters into DATA_DIR/<case>.ref.csv
  reference.py bench DATA_DIR         time statsmodels' ARIMA fit on the simulated n = 35040 series

The simulated series use SplitMix64 + Box-Muller so that the Java tests regenerate them bit for bit.
"""
import math
import os
import subprocess
import sys
import time

import numpy as np

MASK64 = (1 << 64) - 1

# name, p, d, q, mean, forecast horizon, source
CASES = [
    ("nile", 1, 0, 1, 1, 10, "Nile"),
    ("lakehuron", 2, 0, 0, 1, 8, "LakeHuron"),
    ("sunspots", 2, 0, 1, 1, 12, "sunspot.year"),
    ("lh_ma2", 0, 0, 2, 1, 5, "lh"),
    ("sim21", 2, 0, 1, 1, 10, "sim"),
    ("lakehuron_gaps", 1, 0, 1, 1, 6, "LakeHuron-gaps"),
    ("wwwusage", 1, 1, 1, 0, 10, "WWWusage"),
    ("wwwusage_gaps", 1, 1, 1, 0, 10, "WWWusage-gaps"),
]
LAKEHURON_GAPS = [4, 17, 18, 19, 40, 63, 64, 90]
WWWUSAGE_GAPS = [10, 11, 37, 60, 99]


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK64

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def next_double(self):
        return (self.next_long() >> 11) * (1.0 / (1 << 53))

    def next_gaussian(self):
        u1 = self.next_double()
        u2 = self.next_double()
        return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)


def simulate_arma21(n, seed, phi1, phi2, theta1, mean, sigma, burn=500):
    """x(t) = phi1 x(t-1) + phi2 x(t-2) + e(t) + theta1 e(t-1); y = mean + x."""
    rng = SplitMix64(seed)
    x1 = x2 = e1 = 0.0
    out = []
    for t in range(n + burn):
        e = sigma * rng.next_gaussian()
        x = phi1 * x1 + phi2 * x2 + e + theta1 * e1
        x2, x1, e1 = x1, x, e
        if t >= burn:
            out.append(mean + x)
    return out


SIM21 = dict(seed=20240521, phi1=0.5, phi2=0.3, theta1=0.4, mean=10.0, sigma=1.0)
BENCH = dict(seed=35040, phi1=0.5, phi2=0.3, theta1=0.4, mean=5.0, sigma=1.0)


def r_dataset(name):
    out = subprocess.run(["Rscript", "-e", "cat(format(as.numeric(%s), digits=17), sep='\\n')" % name],
                         check=True, capture_output=True, text=True).stdout
    return [float(v) for v in out.split()]


def write_series(path, values):
    with open(path, "w") as f:
        f.write("value\n")
        for v in values:
            f.write("NaN\n" if math.isnan(v) else repr(float(v)) + "\n")


def read_series(path):
    with open(path) as f:
        next(f)
        return np.array([float(line) for line in f])


def cmd_data(data_dir):
    os.makedirs(data_dir, exist_ok=True)
    for name, p, d, q, mean, h, source in CASES:
        if source == "sim":
            values = simulate_arma21(600, **SIM21)
        elif source == "LakeHuron-gaps":
            values = r_dataset("LakeHuron")
            for i in LAKEHURON_GAPS:
                values[i] = float("nan")
        elif source == "WWWusage-gaps":
            values = r_dataset("WWWusage")
            for i in WWWUSAGE_GAPS:
                values[i] = float("nan")
        else:
            values = r_dataset(source)
        write_series(os.path.join(data_dir, name + ".csv"), values)
    with open(os.path.join(data_dir, "cases.csv"), "w") as f:
        f.write("name,p,d,q,mean,h\n")
        for name, p, d, q, mean, h, _ in CASES:
            f.write("%s,%d,%d,%d,%d,%d\n" % (name, p, d, q, mean, h))


def read_r(path):
    rows = {}
    with open(path) as f:
        for line in f:
            parts = line.strip().split(",")
            rows[parts[0]] = [float(v) for v in parts[1:] if v not in ("", "NA")]
    return rows


def fmt(values):
    return ",".join("NaN" if math.isnan(v) else repr(float(v)) for v in values)


def exact_model(y, p, d, q, mean):
    """statsmodels' ARIMA for d = 0; for d > 0 SARIMAX with an exact diffuse prior on the levels (ARIMA's default
    is an approximate diffuse prior with variance 1e6, which shifts the log-likelihood by about 4e-4)."""
    from statsmodels.tsa.arima.model import ARIMA
    from statsmodels.tsa.statespace.initialization import Initialization
    from statsmodels.tsa.statespace.sarimax import SARIMAX
    if d == 0:
        return ARIMA(y, order=(p, d, q), trend="c" if mean else "n")
    mod = SARIMAX(y, order=(p, d, q), trend="n")
    init = Initialization(mod.k_states)
    init.set((0, d), "diffuse")
    init.set((d, mod.k_states), "stationary")
    mod.ssm.initialization = init
    return mod


def cmd_refs(data_dir, r_dir):
    from statsmodels.tsa.arima.model import ARIMA
    for name, p, d, q, mean, h, _ in CASES:
        y = read_series(os.path.join(data_dir, name + ".csv"))
        r = read_r(os.path.join(r_dir, "r_" + name + ".csv"))
        mod = exact_model(y, p, d, q, mean)
        approx = ARIMA(y, order=(p, d, q), trend="c" if mean else "n")
        params = np.array(r["mean"] + r["ar"] + r["ma"] + r["sigma2"])
        res = mod.filter(params, cov_type="approx")  # numerical Hessian; statsmodels' default is OPG
        fc = res.get_forecast(h)
        ci = fc.conf_int(alpha=0.05)
        kf = res.filter_results
        pred = np.array(kf.forecasts[0])
        var = np.array(kf.forecasts_error_cov[0, 0])
        pred[:d] = np.nan
        var[:d] = np.nan
        # statsmodels' own fit from R's optimum, as a cross-check of R's optimiser
        tight = {"maxiter": 2000, "pgtol": 1e-10, "factr": 1.0, "disp": False}
        sm = mod.fit(start_params=params, method_kwargs=tight) if d == 0 else mod.fit(start_params=params, **tight)
        out = {
            "order": [p, d, q], "include_mean": [mean], "nobs": r["nobs"],
            "r_ar": r["ar"], "r_ma": r["ma"], "r_mean": r["mean"], "r_sigma2": r["sigma2"],
            "r_loglik": r["loglik"], "r_aic": r["aic"], "r_bic": r["bic"],
            "r_se_ar": r["se_ar"], "r_se_ma": r["se_ma"], "r_se_mean": r["se_mean"],
            "r_forecast": r["forecast"], "r_forecast_se": r["forecast_se"],
            "sm_loglik_at_r": [mod.loglike(params)],
            "sm_arima_default_loglik_at_r": [approx.loglike(params)],
            "sm_forecast_at_r": fc.predicted_mean, "sm_forecast_se_at_r": fc.se_mean,
            "sm_lower95_at_r": ci[:, 0], "sm_upper95_at_r": ci[:, 1],
            "sm_onestep_at_r": pred, "sm_onestep_var_at_r": var,
            "sm_bse_at_r": res.bse[:-1],
            "sm_fit_params": sm.params, "sm_fit_loglik": [sm.llf],
        }
        with open(os.path.join(data_dir, name + ".ref.csv"), "w") as f:
            f.write("# %s ARIMA(%d,%d,%d) mean=%d; r_* from R arima(method='ML', SSinit='Rossignol2011', "
                    "reltol=1e-14); sm_*_at_r = statsmodels %s ARIMA evaluated at R's parameters\n"
                    % (name, p, d, q, mean, __import__("statsmodels").__version__))
            for key, values in out.items():
                f.write(key + "," + fmt(values) + "\n")
        print(name, "R loglik %.10f  sm at R %.10f  sm fit %.10f" % (r["loglik"][0], mod.loglike(params), sm.llf))


def cmd_bench(data_dir, out_csv=None):
    """Times statsmodels' default fit, then writes DATA_DIR/bench.ref.csv: a tight re-fit from statsmodels' own
    estimate, and the log-likelihood and forecasts at the simulation's true parameters."""
    from statsmodels.tsa.arima.model import ARIMA
    y = np.array(simulate_arma21(35040, **BENCH))
    if out_csv:
        write_series(out_csv, y)
    mod = ARIMA(y, order=(2, 0, 1), trend="c")
    start = time.perf_counter()
    res = mod.fit()
    elapsed = time.perf_counter() - start
    print("bench statsmodels ARIMA(2,0,1)+c default fit %.2f s, loglik %.8f params %s"
          % (elapsed, res.llf, res.params.tolist()))
    # The likelihood ridge is flat here: R (reltol 1e-14) and statsmodels' L-BFGS-B stop ~1e-5 short in loglik and
    # ~2e-4 in the coefficients, so polish statsmodels' estimate with scipy's BFGS on its own likelihood.
    import scipy.optimize
    objective = lambda u: -mod.loglike(mod.transform_params(u)) / len(y)
    polished = scipy.optimize.minimize(objective, mod.untransform_params(res.params), method="BFGS",
                                       options={"gtol": 1e-11, "maxiter": 500})
    tight_params = mod.transform_params(polished.x)
    true_params = np.array([BENCH["mean"], BENCH["phi1"], BENCH["phi2"], BENCH["theta1"], BENCH["sigma"] ** 2])
    fc = mod.filter(true_params).get_forecast(96)
    out = {
        "first_values": y[:3], "sm_fit_params": tight_params, "sm_fit_loglik": [mod.loglike(tight_params)],
        "sm_loglik_at_true": [mod.loglike(true_params)],
        "sm_forecast_at_true": fc.predicted_mean, "sm_forecast_se_at_true": fc.se_mean,
    }
    with open(os.path.join(data_dir, "bench.ref.csv"), "w") as f:
        f.write("# simulated ARMA(2,1)+mean n=35040 (SplitMix64 seed 35040); statsmodels %s fit polished "
                "by scipy BFGS (params: const, ar1, ar2, ma1, sigma2) and values at the true parameters\n"
                % __import__("statsmodels").__version__)
        for key, values in out.items():
            f.write(key + "," + fmt(values) + "\n")
    print("bench polished loglik %.10f" % mod.loglike(tight_params))


if __name__ == "__main__":
    if sys.argv[1] == "data":
        cmd_data(sys.argv[2])
    elif sys.argv[1] == "refs":
        cmd_refs(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "bench":
        cmd_bench(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
