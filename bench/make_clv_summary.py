#!/usr/bin/env python3
"""Writes a synthetic customer summary (customer_id, frequency, recency, T, monetary_value) for the
whole-process timings of `excellence clv fit|predict` (docs/benchmarks.md). Customers follow the
BG/NBD process at the published CDNOW estimates (r 0.243, alpha 4.414, a 0.793, b 2.426; weeks),
T ~ U(27, 39), Gamma-Gamma spend at p 6.25, q 3.74, gamma 15.44. Standard library only.

    python3 bench/make_clv_summary.py 1000000 /tmp/summary-1m.csv --seed 43
"""
import argparse
import random


def customer(rng: random.Random):
    lam = rng.gammavariate(0.243, 1 / 4.414)
    p = rng.betavariate(0.793, 2.426)
    T = rng.uniform(27, 39)
    t, x, last = 0.0, 0, 0.0
    while True:
        t += rng.expovariate(lam) if lam > 0 else float("inf")
        if t > T:
            break
        x, last = x + 1, t
        if rng.random() < p:
            break
    spend = 0.0
    if x > 0:
        nu = rng.gammavariate(3.74, 1 / 15.44)
        spend = sum(rng.gammavariate(6.25, 1 / nu) for _ in range(x)) / x
    return x, round(last, 6), round(T, 6), round(spend, 4)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("customers", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=43)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w") as f:
        f.write("customer_id,frequency,recency,T,monetary_value\n")
        for i in range(args.customers):
            x, t, T, m = customer(rng)
            f.write(f"{i + 1},{x},{t if x else 0},{T},{m}\n")


if __name__ == "__main__":
    main()
