"""Reference numbers for predictClv(..., { convention: 'lifetimes' }) (issue 14).

Fits lifetimes' BetaGeoFitter and GammaGammaFitter on the published CDNOW summary (weeks) and
prints, as JSON, their parameters and customer_lifetime_value at 1% a month with freq='W' (a month =
4.345 weeks; 12 and 3 months) and, on the same customers in days, freq='D' (a month = 30 days), for
a few customers and in total.

Usage: python lifetimes_clv_reference.py ../shared/data/cdnow_customers_summary_with_transactions.csv
(run in a virtual environment with `pip install lifetimes pandas`; lifetimes 0.11.3 gave the
numbers recorded in test/clv/predictClvLifetimes.test.ts).
"""
import json
import sys

import lifetimes
import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter


def main() -> None:
    data = pd.read_csv(sys.argv[1])
    data = data.rename(columns={"x": "frequency", "t_x": "recency", "zbar": "monetary_value"})
    bgf = BetaGeoFitter(penalizer_coef=0.0)
    bgf.fit(data["frequency"], data["recency"], data["T"])
    repeat = data[(data["frequency"] > 0) & (data["monetary_value"] > 0)]
    ggf = GammaGammaFitter(penalizer_coef=0.0)
    ggf.fit(repeat["frequency"], repeat["monetary_value"])
    out = {"lifetimes": lifetimes.__version__, "bgnbd": {k: float(v) for k, v in bgf.params_.items()},
           "gammagamma": {k: float(v) for k, v in ggf.params_.items()}}
    for name, freq, months in (("weekly_12m", "W", 12), ("weekly_3m", "W", 3)):
        clv = ggf.customer_lifetime_value(bgf, data["frequency"], data["recency"], data["T"], data["monetary_value"],
                                          time=months, discount_rate=0.01, freq=freq)
        out[name] = {"total": float(clv.sum()), "rows": {str(i): float(clv.iloc[i]) for i in (0, 1, 2, 9, 17, 1000, 2356)}}
    # The same customers in days (recency and T times 7), fitted again, with freq='D' (a month = 30 days).
    days = data.assign(recency=data["recency"] * 7, T=data["T"] * 7)
    bgd = BetaGeoFitter(penalizer_coef=0.0)
    bgd.fit(days["frequency"], days["recency"], days["T"])
    out["bgnbd_days"] = {k: float(v) for k, v in bgd.params_.items()}
    clv = ggf.customer_lifetime_value(bgd, days["frequency"], days["recency"], days["T"], days["monetary_value"],
                                      time=12, discount_rate=0.01, freq="D")
    out["daily_12m"] = {"total": float(clv.sum()), "rows": {str(i): float(clv.iloc[i]) for i in (0, 1, 2, 9, 17, 1000, 2356)}}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
