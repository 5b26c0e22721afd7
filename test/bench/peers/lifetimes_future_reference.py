"""Reference numbers for probabilityOfPurchase and probabilityAliveAt (issue 14), from lifetimes.

At fixed published parameters (CDNOW Pareto/NBD; donations BG/BB), prints as JSON:
- Pareto/NBD: 1 - ParetoNBDFitter.conditional_probability_of_n_purchases_up_to_time(0, t, x, t_x, T)
  (lifetimes implements eq. 16 of Fader & Hardie's note 028, the conditional pmf);
- BG/BB: BetaGeoBetaBinomFitter.conditional_probability_alive(m, x, t_x, n), P(alive at
  opportunity n + m) (eq. A10 of Fader, Hardie & Shang 2010).
Usage: python lifetimes_future_reference.py (lifetimes 0.11.3 gave the numbers recorded in
test/models/questions/futureLifetimes.test.ts).
"""
import json

import lifetimes
import numpy as np
import pandas as pd
from lifetimes import BetaGeoBetaBinomFitter, ParetoNBDFitter

PNBD = {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}
BGBB = {"alpha": 1.204, "beta": 0.75, "gamma": 0.657, "delta": 2.783}
CONTINUOUS = [(0, 0.0, 38.86), (1, 1.71, 38.86), (2, 30.43, 38.86), (7, 35.0, 38.0), (20, 30.0, 39.0)]
DISCRETE = [(0, 0, 6), (1, 1, 6), (3, 4, 6), (6, 6, 6), (2, 5, 6)]


def main() -> None:
    pnbd = ParetoNBDFitter()
    pnbd.params_ = pd.Series(PNBD)
    bgbb = BetaGeoBetaBinomFitter()
    bgbb.params_ = pd.Series(BGBB)
    out = {"lifetimes": lifetimes.__version__, "paretonbd": [], "bgbb": []}
    for x, tx, T in CONTINUOUS:
        for t in (13.0, 52.0):
            p0 = float(pnbd.conditional_probability_of_n_purchases_up_to_time(0, t, x, tx, T))
            out["paretonbd"].append({"x": x, "tx": tx, "T": T, "t": t, "purchase": 1 - p0})
    for x, tx, n in DISCRETE:
        for m in (1, 2, 6):
            a = float(bgbb.conditional_probability_alive(m, np.array([x]), np.array([tx]), np.array([n]))[0])
            out["bgbb"].append({"x": x, "tx": tx, "n": n, "m": m, "alive": a})
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
