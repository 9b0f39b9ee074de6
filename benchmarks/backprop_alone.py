"""backprop.MLP.gradients alone, on one of the benchmark's cases, in a fresh process.

A check on the side-by-side numbers: a process that has imported PyTorch could, in principle,
flatter numpy. numpy makes a fresh array for every intermediate result, and how cheaply glibc's
malloc hands it memory depends on what the process allocated and freed before (seen here: a
script that had freed different arrays ran the large net 25% slower, and raising
MALLOC_TRIM_THRESHOLD_ and MALLOC_MMAP_THRESHOLD_ removed the difference). gradients.py runs
this for the large net in a fresh process that never imports PyTorch, like a reader's notebook,
and reports the time next to the side-by-side one.

    .venv/bin/python benchmarks/backprop_alone.py "784-256-256-10, batch 256, float64" [--rounds 21]
"""
import argparse
import sys

import numpy as np
import threadpoolctl

import backprop
from cases import cases, time_rounds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case", help="a case's label, as in gradients.md")
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args(argv)
    case = next(c for c in cases() if c["label"] == args.case)
    net = backprop.MLP(case["sizes"], seed=0, dtype=case["X"].dtype)
    X, Y = case["X"], case["Y"]
    with threadpoolctl.threadpool_limits(limits=1):
        _, samples = time_rounds({"backprop": lambda: net.gradients(X, Y)}, args.rounds)
    assert "torch" not in sys.modules
    print(float(np.median(samples["backprop"])))


if __name__ == "__main__":
    main()
