"""The benchmark's cases and its timing loop, shared by gradients.py and backprop_alone.py.

Nothing here imports PyTorch.
"""
import time

import numpy as np

from backprop import digits


def cases():
    """The digits (as chapter 7 has them) and a larger net on random data; float64, then float32.

    Data sets store one example after another (scikit-learn's digits are a C array of shape
    (1797, 64)), and the book's X of shape (n_0, m) is their transpose. So X is laid out here
    the same way: its memory is exactly what PyTorch nn gets as its (m, n_0) input. Every
    implementation gets the same arrays.
    """
    data = digits.load(seed=0)
    X_all = np.hstack([data.X_train, data.X_test]).T.copy().T   # (64, 1797), one example after another
    Y_all = np.hstack([data.Y_train, data.Y_test])
    rng = np.random.default_rng(0)
    X784, y784 = rng.random((256, 784)).T, rng.integers(0, 10, 256)
    for dtype in (np.float64, np.float32):
        bits = np.dtype(dtype).itemsize * 8
        for m in (32, 256, 1797):
            yield dict(label=f"64-32-10, batch {m}, float{bits}", sizes=[64, 32, 10], batch=m, dtype=f"float{bits}",
                       X=X_all[:, :m].astype(dtype), Y=Y_all[:, :m].astype(dtype))
        yield dict(label=f"784-256-256-10, batch 256, float{bits}", sizes=[784, 256, 256, 10], batch=256,
                   dtype=f"float{bits}", X=X784.astype(dtype), Y=digits.one_hot(y784).astype(dtype))


def block(run, n):
    t = time.perf_counter()
    for _ in range(n):
        run()
    return (time.perf_counter() - t) / n


def time_rounds(runs, rounds):
    """Time each of ``runs`` (name → function of no argument) in ``rounds`` rounds.

    First a warm-up of 0.1 s each; then each block is sized to last about 20 ms; then, in every
    round, each function runs one block, in an order that rotates from round to round. Returns
    the calls per block and, per name, the list of per-call times (one per round, in seconds).
    """
    for run in runs.values():                       # warm-up: caches, allocator, lazy set-up
        t = time.perf_counter()
        while time.perf_counter() - t < 0.1:
            run()
    sizes = {name: max(1, int(0.02 / max(block(run, 3), 1e-7))) for name, run in runs.items()}
    samples = {name: [] for name in runs}
    names = list(runs)
    for r in range(rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            samples[name].append(block(runs[name], sizes[name]))
    return sizes, samples
