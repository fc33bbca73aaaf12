#!/usr/bin/env python3
"""Writes synthetic answers to the 27 indicators of the ECSI model (tests/data/pls/satisfaction_model.json)
for the whole-process timings of `excellence pls` (docs/benchmarks.md): latent variables follow the
model's paths, each indicator is 0.8 x its latent variable plus noise, scaled to whole answers 1-10.
Standard library only.

    python3 bench/make_pls_data.py 1000000 /tmp/pls-1m.csv --seed 7
"""
import argparse
import math
import random

BLOCKS = [("imag", 5), ("expe", 5), ("qual", 5), ("val", 4), ("sat", 4), ("loy", 4)]


def latent(rng: random.Random):
    g = rng.gauss
    imag = g(0, 1)
    expe = 0.5 * imag + math.sqrt(0.75) * g(0, 1)
    qual = 0.55 * expe + math.sqrt(1 - 0.3025) * g(0, 1)
    val = 0.1 * expe + 0.6 * qual + 0.7 * g(0, 1)
    sat = 0.2 * imag + 0.05 * expe + 0.3 * qual + 0.4 * val + 0.55 * g(0, 1)
    loy = 0.2 * imag + 0.5 * sat + 0.75 * g(0, 1)
    return [imag, expe, qual, val, sat, loy]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    names = [f"{b}{i + 1}" for b, k in BLOCKS for i in range(k)]
    with open(args.out, "w") as f:
        f.write(",".join(names) + "\n")
        for _ in range(args.rows):
            lv = latent(rng)
            cells = []
            for j, (_, k) in enumerate(BLOCKS):
                for _ in range(k):
                    x = 0.8 * lv[j] + 0.6 * rng.gauss(0, 1)
                    cells.append(str(min(10, max(1, round(6 + 1.6 * x)))))
            f.write(",".join(cells) + "\n")


if __name__ == "__main__":
    main()
