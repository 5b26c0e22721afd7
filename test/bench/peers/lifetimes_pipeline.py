"""The lifetimes side of `npm run bench:peers`: the usual lifetimes script for the job that
`loyalty-score score --time-unit day` does, on the same file.

Steps: read the CSV (customer_id, date, amount), summary_data_from_transaction_data with
freq 'D' as of the last date in the file, BetaGeoFitter, GammaGammaFitter on the repeat buyers
with positive repeat spend, P(alive), expected purchases over 365 days, and
customer_lifetime_value over 12 months (lifetimes' months: 30 days each, monthly discount rate
0.01, its defaults). One row per customer is written to OUT, as `score` writes one per customer.

Usage: python lifetimes_pipeline.py FILE OUT
"""
import sys
import time

import pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import summary_data_from_transaction_data


def main(path: str, out: str) -> None:
    started = time.perf_counter()
    rows = pd.read_csv(path, usecols=["customer_id", "date", "amount"], parse_dates=["date"])
    as_of = rows["date"].max()
    summary = summary_data_from_transaction_data(
        rows, "customer_id", "date", monetary_value_col="amount", observation_period_end=as_of, freq="D"
    )
    read = time.perf_counter()

    bgf = BetaGeoFitter(penalizer_coef=0.0)
    bgf.fit(summary["frequency"], summary["recency"], summary["T"])
    repeat = summary[(summary["frequency"] > 0) & (summary["monetary_value"] > 0)]
    ggf = GammaGammaFitter(penalizer_coef=0.0)
    ggf.fit(repeat["frequency"], repeat["monetary_value"])
    fitted = time.perf_counter()

    f, r, t, m = summary["frequency"], summary["recency"], summary["T"], summary["monetary_value"]
    summary["p_alive"] = bgf.conditional_probability_alive(f, r, t)
    summary["expected_purchases"] = bgf.conditional_expected_number_of_purchases_up_to_time(365, f, r, t)
    summary["expected_spend"] = ggf.conditional_expected_average_profit(f, m)
    summary["clv"] = ggf.customer_lifetime_value(bgf, f, r, t, m, time=12, discount_rate=0.01, freq="D")
    summary.to_csv(out)
    done = time.perf_counter()

    p = bgf.params_
    print(
        f"lifetimes: {len(rows)} rows, {len(summary)} customers, {len(repeat)} in the Gamma-Gamma fit; "
        f"BG/NBD r={p['r']:.4g} alpha={p['alpha']:.4g} a={p['a']:.4g} b={p['b']:.4g}; "
        f"read+summary {read - started:.2f} s, fits {fitted - read:.2f} s, predictions+CLV+write {done - fitted:.2f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python lifetimes_pipeline.py FILE OUT")
    main(sys.argv[1], sys.argv[2])
