"""The figures: every picture in imgs/ and every plot in the chapters is drawn here.

    python -m backprop.figures imgs      # redraws everything in imgs/

Plot functions return the matplotlib Figure; the chapters call them and end with ';'.
"""
import sys
from pathlib import Path

import matplotlib

if __name__ == "__main__":
    matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

BLUE, RED, GREY = "#1f6feb", "#d1242f", "#57606a"


def _node(ax, xy, text, color=BLUE, w=0.9, h=0.5):
    x, y = xy
    ax.add_patch(FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.05",
                                fc="white", ec=color, lw=2))
    ax.text(x, y, text, ha="center", va="center", fontsize=15, color="black")


def _arrow(ax, p, q, color=GREY, text=None, offset=(0, 0.18), rad=0.0):
    ax.add_patch(FancyArrowPatch(p, q, arrowstyle="-|>", mutation_scale=16, lw=1.6, color=color,
                                 shrinkA=22, shrinkB=22, connectionstyle=f"arc3,rad={rad}"))
    if text:
        ax.text((p[0] + q[0]) / 2 + offset[0], (p[1] + q[1]) / 2 + offset[1], text,
                ha="center", va="center", fontsize=11, color=color)


def nn_04():
    """How w(L), a(L−1), b(L) feed z(L), then a(L), then C0 together with y (the notes' nn_04)."""
    fig, ax = plt.subplots(figsize=(8, 3.6))
    ax.set_xlim(-0.6, 7.2), ax.set_ylim(-0.2, 3.4), ax.axis("off")
    P = {"w": (0, 2.9), "a": (0, 1.6), "b": (0, 0.3), "z": (2.4, 1.6), "aL": (4.4, 1.6),
         "y": (4.4, 0.3), "C": (6.4, 1.6)}
    for k, t in [("w", r"$w^{(L)}$"), ("a", r"$a^{(L-1)}$"), ("b", r"$b^{(L)}$"), ("z", r"$z^{(L)}$"),
                 ("aL", r"$a^{(L)}$"), ("y", r"$y$"), ("C", r"$C_0$")]:
        _node(ax, P[k], t, color=RED if k == "C" else (GREY if k == "y" else BLUE))
    _arrow(ax, P["w"], P["z"], text=r"$\partial z/\partial w = a^{(L-1)}$", offset=(0.3, 0.3))
    _arrow(ax, P["a"], P["z"], text=r"$w^{(L)}$")
    _arrow(ax, P["b"], P["z"], text=r"$1$", offset=(0.15, -0.25))
    _arrow(ax, P["z"], P["aL"], text=r"$\sigma'(z^{(L)})$")
    _arrow(ax, P["aL"], P["C"], text=r"$2(a^{(L)}-y)$")
    _arrow(ax, P["y"], P["C"])
    ax.set_title(r"$z^{(L)} = w^{(L)}a^{(L-1)} + b^{(L)}$,  $a^{(L)} = \sigma(z^{(L)})$,  "
                 r"$C_0 = (a^{(L)} - y)^2$", fontsize=12)
    fig.tight_layout()
    return fig


def bp_04(L=3):
    """Forward left to right caching z[l]; backward right to left producing dW[l], db[l] (the notes' bp_04)."""
    fig, ax = plt.subplots(figsize=(9, 3.8))
    ax.set_xlim(-0.8, 2.6 * L + 0.6), ax.set_ylim(-0.6, 3.2), ax.axis("off")
    xs = [2.6 * l for l in range(L + 1)]
    for l, x in enumerate(xs):
        if l > 0:
            _node(ax, (x - 1.3, 2.4), f"layer {l}\n$W^{{[{l}]}}, b^{{[{l}]}}$", w=1.5, h=0.8)
            _node(ax, (x - 1.3, 0.4), f"layer {l}\nbackward", color=RED, w=1.5, h=0.8)
            ax.text(x - 1.3, 1.4, f"cache $z^{{[{l}]}}$", ha="center", va="center", fontsize=10, color=GREY)
            ax.annotate("", xy=(x - 1.3, 0.85), xytext=(x - 1.3, 1.95),
                        arrowprops=dict(arrowstyle="-|>", color=GREY, lw=1.2, ls="--"))
            ax.text(x - 1.3, -0.4, f"$dW^{{[{l}]}}, db^{{[{l}]}}$", ha="center", fontsize=11, color=RED)
        ax.text(x, 2.9, f"$a^{{[{l}]}}$", ha="center", fontsize=12, color=BLUE)
        ax.text(x, 0.95, f"$da^{{[{l}]}}$", ha="center", fontsize=12, color=RED)
        left, right = (x - 0.55 if l > 0 else x - 0.45), (x + 0.55 if l < L else x + 0.35)
        ax.annotate("", xy=(right, 2.4), xytext=(left, 2.4), arrowprops=dict(arrowstyle="-|>", color=BLUE, lw=1.6))
        ax.annotate("", xy=(left, 0.4), xytext=(right, 0.4), arrowprops=dict(arrowstyle="-|>", color=RED, lw=1.6))
    ax.text(xs[-1] + 0.4, 1.4, "cost\n$C$", ha="center", va="center", fontsize=11)
    ax.set_title("forward (blue) caches $z^{[l]}$; backward (red) turns $da^{[l]}$ into "
                 "$da^{[l-1]}$, $dW^{[l]}$, $db^{[l]}$", fontsize=11)
    fig.tight_layout()
    return fig


def nudges(groups, labels, title=None):
    """Bar chart of the nudges −∂C/∂θ. ``groups``: {series name: list of values, one per label}."""
    fig, ax = plt.subplots(figsize=(8, 3.2))
    n = len(groups)
    width = 0.8 / n
    for k, (name, values) in enumerate(groups.items()):
        ax.bar([i + (k - (n - 1) / 2) * width for i in range(len(labels))], values, width, label=name)
    ax.axhline(0, color=GREY, lw=0.8)
    ax.set_xticks(range(len(labels)), labels)
    ax.set_ylabel("nudge  $-\\partial C/\\partial\\theta$")
    if n > 1:
        ax.legend(fontsize=8, ncol=min(n, 5))
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


def cost_curves(curves, x="step", xlabel="steps", title=None, logy=True):
    """Cost against steps or examples seen. ``curves``: {label: history dict from backprop.train}."""
    fig, ax = plt.subplots(figsize=(7, 3.4))
    for label, h in curves.items():
        ax.plot(h[x], h["cost"], label=label, lw=1.6)
    ax.set_xlabel(xlabel), ax.set_ylabel("cost $J$ on all data")
    if logy:
        ax.set_yscale("log")
    ax.legend(fontsize=9)
    if title:
        ax.set_title(title)
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
    """For each hidden unit k in ``units``: its weights W[k] (red on, blue off), then the n columns
    of X that give it the largest activation A[k] (A: (n_units, m) activations of X: (64, m))."""
    fig, axes = plt.subplots(len(units), n + 1, figsize=(1.15 * (n + 1), 1.45 * len(units)), squeeze=False)
    for row, k in zip(axes, units):
        for ax in row:
            ax.axis("off")
        _weights(row[0], W[k])
        row[0].set_title(f"unit {k}", fontsize=9, color=RED)
        for ax, i in zip(row[1:], np.argsort(-A[k], kind="stable")[:n]):
            _pixels(ax, X[:, i])
            ax.set_title(f"a = {A[k, i]:.2f}", fontsize=9)
    fig.tight_layout()
    return fig


def benchmark(results):
    """Each implementation's median time per gradient divided by backprop's, per case (appendix).

    ``results``: the dict that benchmarks/gradients.py writes to gradients.json. One panel per
    dtype; a bar past the line at 1 is slower than backprop, a bar short of it faster.
    """
    others = [n for n in results["implementations"] if n != "backprop"]
    colors = [RED, "#8250df", "#bf8700", GREY]
    dtypes = sorted({c["dtype"] for c in results["cases"]}, reverse=True)
    fig, axes = plt.subplots(1, len(dtypes), figsize=(10, 4.2), sharex=True, sharey=True, squeeze=False)
    height = 0.8 / len(others)
    for ax, dtype in zip(axes[0], dtypes):
        cases = [c for c in results["cases"] if c["dtype"] == dtype]
        for k, name in enumerate(others):
            ys = [i + (k - (len(others) - 1) / 2) * height for i in range(len(cases))]
            r = [c["median_s"][name] / c["median_s"]["backprop"] for c in cases]
            ax.barh(ys, r, height, color=colors[k % len(colors)], label=name)
            for y, v in zip(ys, r):
                ax.text(v + 0.04, y, f"{v:.2f}", va="center", fontsize=7)
        ax.axvline(1, color=BLUE, lw=2)
        ax.text(1, -0.7, "backprop", color=BLUE, ha="center", fontsize=9)
        ax.set_yticks(range(len(cases)), [c["label"].rsplit(",", 1)[0] for c in cases], fontsize=8)
        ax.set_ylim(len(cases) - 0.5, -0.9)
        ax.set_title(dtype, fontsize=10)
    fig.supxlabel("median time per gradient ÷ backprop's (more than 1: slower than backprop)", fontsize=9)
    axes[0][-1].legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig


FIGURES = {"nn_04": nn_04, "bp_04": bp_04}


def redraw(folder="imgs"):
    """Draw every figure of imgs/ into ``folder``; return the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, draw in FIGURES.items():
        fig = draw()
        path = folder / f"{name}.png"
        fig.savefig(path, dpi=120, metadata={"Software": None})
        plt.close(fig)
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in redraw(sys.argv[1] if len(sys.argv) > 1 else "imgs"):
        print("wrote", p)
