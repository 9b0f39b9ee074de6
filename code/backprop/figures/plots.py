"""The plots the chapters draw from their numbers: bars, curves, images of digits and weights.

None has a title in words: a plot is shared by both editions, and its sentence is the chapter's
caption, which is translated.
"""
import numpy as np
import matplotlib.pyplot as plt

from .style import BLUE, GREY, RED

def wish_bars(groups, labels):
    """Bar chart of the wishes −∂C/∂θ. ``groups``: {series name: list of values, one per label}.

    No title: the figure is shared by both editions, its sentence is the chapter's caption (translated).
    """
    fig, ax = plt.subplots(figsize=(8, 3.2))
    n = len(groups)
    width = 0.8 / n
    for k, (name, values) in enumerate(groups.items()):
        ax.bar([i + (k - (n - 1) / 2) * width for i in range(len(labels))], values, width, label=name)
    ax.axhline(0, color=GREY, lw=0.8)
    ax.set_xticks(range(len(labels)), labels)
    ax.set_ylabel("$-\\partial C/\\partial\\theta$")
    if n > 1:
        ax.legend(fontsize=8, ncol=min(n, 5))
    fig.tight_layout()
    return fig


def cost_curves(curves, x="step", xlabel="steps", logy=True, logx=False):
    """Cost against steps or examples seen. ``curves``: {label: history dict from backprop.train}.

    ``logx=True`` puts 40 steps and 16,000 on one readable axis (x = 0 is left out). No title: the
    chapter's caption says what the figure shows, in each edition's language.
    """
    fig, ax = plt.subplots(figsize=(7, 3.4))
    for label, h in curves.items():
        xs, cost = np.asarray(h[x]), np.asarray(h["cost"])
        keep = xs > 0 if logx else slice(None)
        ax.plot(xs[keep], cost[keep], label=label, lw=1.6, marker="." if logx else None)
    ax.set_xlabel(xlabel), ax.set_ylabel("cost $J$ on all data")
    if logx:
        ax.set_xscale("log")
    if logy:
        ax.set_yscale("log")
    ax.legend(fontsize=9)
    fig.tight_layout()
    return fig


def learning_curves(history):
    """Cost and accuracy per epoch, training and test set side by side (chapter 7).

    ``history``: dict of equal-length lists "epoch", "train_cost", "test_cost",
    "train_accuracy", "test_accuracy".
    """
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4))
    for part, color in [("train", BLUE), ("test", RED)]:
        left.plot(history["epoch"], history[f"{part}_cost"], color=color, lw=1.6, label=f"{part} set")
        right.plot(history["epoch"], [100 * a for a in history[f"{part}_accuracy"]], color=color, lw=1.6,
                   label=f"{part} set")
    left.set_yscale("log"), left.set_xlabel("epoch"), left.set_ylabel("cost $J$")
    right.set_xlabel("epoch"), right.set_ylabel("accuracy (%)"), right.set_ylim(0, 100)
    right.axhline(100, color=GREY, lw=0.6)
    for ax in (left, right):
        ax.legend(fontsize=9)
    fig.tight_layout()
    return fig


def confusion(C):
    """A confusion matrix as a picture: C[i, j] = examples of digit i labelled j, counts written in."""
    fig, ax = plt.subplots(figsize=(4.8, 4.4))
    ax.imshow(C, cmap="Blues")
    k = C.shape[0]
    for i in range(k):
        for j in range(k):
            if C[i, j]:
                ax.text(j, i, str(C[i, j]), ha="center", va="center", fontsize=9,
                        color="white" if C[i, j] > C.max() / 2 else ("black" if i == j else RED))
    ax.set_xticks(range(k)), ax.set_yticks(range(k))
    ax.set_xlabel("the net says"), ax.set_ylabel("the digit is")
    fig.tight_layout()
    return fig


def _grid(n, titles, ncols, draw):
    """n small pictures in rows of ``ncols``, each with its title; ``draw(ax, k)`` draws picture k."""
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.15 * ncols, 1.45 * nrows), squeeze=False)
    for k, ax in enumerate(axes.flat):
        ax.axis("off")
        if k < n:
            draw(ax, k)
            ax.set_title(titles[k], fontsize=9)
    fig.tight_layout()
    return fig


def _pixels(ax, x):
    ax.imshow(x.reshape(8, 8), cmap="gray_r", vmin=0, vmax=1)


def _weights(ax, w):
    lim = float(abs(w).max()) or 1.0        # each unit on its own scale: its pattern, not its size
    ax.imshow(w.reshape(8, 8), cmap="RdBu_r", vmin=-lim, vmax=lim)


def digit_images(X, titles, ncols=8):
    """Columns of X (64 pixels each, in [0, 1]) shown as 8 × 8 images, one title each."""
    return _grid(X.shape[1], titles, ncols, lambda ax, k: _pixels(ax, X[:, k]))


def hidden_units(W, titles, ncols=8):
    """Rows of W[1] (64 weights each) as 8 × 8 images: red pixels push a unit on, blue push it off."""
    return _grid(W.shape[0], titles, ncols, lambda ax, k: _weights(ax, W[k]))


def strongest_inputs(W, A, X, units, n=7):
    """For each hidden unit k in ``units``: its weights W[k] (red on, blue off, titled #k), then the n
    columns of X that give it the largest activation A[k] (A: (n_units, m) activations of X: (64, m))."""
    fig, axes = plt.subplots(len(units), n + 1, figsize=(1.15 * (n + 1), 1.45 * len(units)), squeeze=False)
    for row, k in zip(axes, units):
        for ax in row:
            ax.axis("off")
        _weights(row[0], W[k])
        row[0].set_title(f"#{k}", fontsize=9, color=RED)
        for ax, i in zip(row[1:], np.argsort(-A[k], kind="stable")[:n]):
            _pixels(ax, X[:, i])
            ax.set_title(f"a = {A[k, i]:.2f}", fontsize=9)
    fig.tight_layout()
    return fig


def gradient_cost(results, counts):
    """Time and work of one gradient against the number of parameters P, log-log (chapter 6).

    ``results``: dicts from ``backprop.timing.gradient_costs``, sorted by P; those with a
    "finite_differences" time give the measured red line. Left: CPU seconds of centred
    differences (measured, and 2P × the measured forward pass, dashed, on every net) and
    of backprop. Right: ``counts``, dicts from ``backprop.timing.counted``: the multiply-adds
    of both, with dotted lines ∝ P² and ∝ P through the last points.
    """
    P = np.array([r["P"] for r in results], dtype=float)
    fd = [(r["P"], r["finite_differences"]) for r in results if "finite_differences" in r]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    left.loglog(*zip(*fd), "o-", color=RED, label="finite differences")
    left.loglog(P, [2 * r["P"] * r["forward"] for r in results], "--", color=RED, lw=1,
                label="$2P$ × one forward pass")
    left.loglog(P, [r["backprop"] for r in results], "s-", color=BLUE, label="backprop")
    left.set_xlabel("parameters $P$"), left.set_ylabel("CPU seconds per gradient")
    left.legend(fontsize=8)
    Pc = np.array([c["P"] for c in counts], dtype=float)
    n_fd = np.array([c["finite_differences"] for c in counts], dtype=float)
    n_bp = np.array([c["backprop"] for c in counts], dtype=float)
    right.loglog(Pc, n_fd, "o-", color=RED, label="finite differences")
    right.loglog(Pc, n_bp, "s-", color=BLUE, label="backprop")
    right.loglog(Pc, n_fd[-1] * (Pc / Pc[-1]) ** 2, ":", color=GREY, label=r"$\propto P^2$")
    right.loglog(Pc, n_bp[-1] * Pc / Pc[-1], "-.", color=GREY, lw=1, label=r"$\propto P$")
    right.set_xlabel("parameters $P$"), right.set_ylabel("multiply-adds per gradient")
    right.legend(fontsize=8)
    for ax in (left, right):
        ax.grid(True, which="major", lw=0.4, alpha=0.5)
    fig.tight_layout()
    return fig
