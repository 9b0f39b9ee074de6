"""Mini-batch gradient descent (chapter 3, "The whole algorithm").

One step: take a batch of columns of X and Y, compute the gradients of the cost on
that batch alone, and move every parameter a little against them:

    W[l] ← W[l] − lr · dW[l],     b[l] ← b[l] − lr · db[l]

``batch_size = m`` is full-batch gradient descent (exact and slow), ``batch_size = 1``
is one example at a time (cheap and noisy), in between is mini-batch.
"""
import numpy as np


def step(net, X_batch, Y_batch, lr):
    """One gradient-descent step on one batch, in place."""
    for (W, b), (dW, db) in zip(net.params, net.gradients(X_batch, Y_batch)):
        W -= lr * dW
        b -= lr * db


def train(net, X, Y, *, lr, batch_size, epochs=1, seed=0, record_every=None):
    """Train ``net`` in place by mini-batch gradient descent; return the history.

    X: (n_0, m), Y: (n_L, m). Each epoch shuffles the m examples (with ``seed``, an int
    or a ``numpy.random.Generator`` to carry on an earlier run) and walks through them
    in batches of ``batch_size`` (the last batch may be smaller).

    The history is a dict of equal-length lists, starting before the first step:
      "step": steps taken, "examples": examples seen, "cost": J on all of X, Y.
    It is recorded every ``record_every`` steps (default: at the end of each epoch).
    """
    X, Y = net.check_data(X, Y)
    m = X.shape[1]
    if not 1 <= int(batch_size) <= m:
        raise ValueError(f"batch_size must be between 1 and m = {m}, got {batch_size}")
    if not lr > 0:
        raise ValueError(f"lr must be positive, got {lr}")
    batch_size = int(batch_size)
    per_epoch = -(-m // batch_size)
    record_every = per_epoch if record_every is None else int(record_every)
    rng = np.random.default_rng(seed)
    history = {"step": [0], "examples": [0], "cost": [net.cost(X, Y)]}
    steps = seen = 0
    for _ in range(epochs):
        order = rng.permutation(m)
        for start in range(0, m, batch_size):
            cols = order[start:start + batch_size]
            step(net, X[:, cols], Y[:, cols], lr)
            steps += 1
            seen += len(cols)
            if steps % record_every == 0:
                history["step"].append(steps)
                history["examples"].append(seen)
                history["cost"].append(net.cost(X, Y))
    return history
