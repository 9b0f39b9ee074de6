"""The figures: every picture in imgs/ and every plot in the chapters is drawn here.

    python -m backprop.figures imgs      # redraws everything in imgs/

Plot functions return the matplotlib Figure; the chapters call them and end with ';'.
A figure of imgs/ listed in TRANSLATED is also drawn in Chinese (``lang="zh"``), into
imgs/<name>.zh_CN.png, which the Chinese edition picks by Sphinx's figure_language_filename.
"""
import io
import sys
from pathlib import Path

import matplotlib

if __name__ == "__main__":
    matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import font_manager
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from PIL import Image

BLUE, RED, GREY = "#1f6feb", "#d1242f", "#57606a"

# The book shows a 7-9 inch figure about 680 px wide, and about 350 px on a phone: matplotlib's 10 pt
# default would shrink to about 5 px there. Larger text (ticks, labels, titles, legends) stays legible.
plt.rcParams.update({"font.size": 13, "axes.titlesize": 13, "legend.fontsize": 11})

LANGS = {"en": "en", "zh": "zh_CN"}     # a figure's language → Sphinx's language code
CJK_FONT = "Noto Sans CJK SC"           # Debian/Ubuntu package fonts-noto-cjk


def _has_font(family):
    try:
        font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        return True
    except ValueError:
        return False


def _language(lang):
    """Settings to draw a figure in ``lang`` ("en" or "zh"): ``with _language(lang): ...``.

    Chinese text needs a CJK font; without it matplotlib would draw empty boxes.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {sorted(LANGS)}, got {lang!r}")
    if lang == "en":
        return plt.rc_context()
    if not _has_font(CJK_FONT):              # matplotlib's font list may predate the font
        for path in font_manager.findSystemFonts():
            if "CJK" in Path(path).name:
                font_manager.fontManager.addfont(path)
    if not _has_font(CJK_FONT):
        raise RuntimeError(f"the Chinese figures need the font {CJK_FONT!r}, which matplotlib "
                           "cannot find (Debian/Ubuntu: apt-get install fonts-noto-cjk)")
    # named families, not "sans-serif": a text keeps them after the ``with`` block ends
    return plt.rc_context({"font.family": [CJK_FONT, "DejaVu Sans"]})


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


BP_04_TEXT = {
    "en": {"a0": "$a^{{[0]}} = X$", "forward": "layer {l}\n{W}, {b}", "backward": "layer {l}\nbackward",
           "uses": "uses {a_prev}, {a}, {W}", "no_da0": "no $da^{{[0]}}$:\nnot needed",
           "cost": "cost $C$\n(with $y$)",
           "title": "forward (blue) keeps every $a^{[l]}$; backward (red) turns $da^{[l]}$ into "
                    "$da^{[l-1]}$, $dW^{[l]}$, $db^{[l]}$,\nusing $a^{[l-1]}$, $a^{[l]}$ (for $g'$) and $W^{[l]}$"},
    "zh": {"a0": "$a^{{[0]}} = X$", "forward": "第 {l} 层\n{W}, {b}", "backward": "第 {l} 层\n反向",
           "uses": "用 {a_prev}、{a}、{W}", "no_da0": "不算 $da^{{[0]}}$：\n用不到",
           "cost": "代价 $C$\n（和 $y$）",
           "title": "前向（蓝）保存每个 $a^{[l]}$；反向（红）把 $da^{[l]}$ 变成 "
                    "$da^{[l-1]}$、$dW^{[l]}$、$db^{[l]}$，\n用的是 $a^{[l-1]}$、$a^{[l]}$（求 $g'$）和 $W^{[l]}$"},
}


def bp_04(L=3, lang="en"):
    """The notes' bp_04, as ``backprop.MLP`` does it: forward left to right keeping every a[l];
    backward right to left, layer l using a[l−1], a[l] and W[l] to turn da[l] into da[l−1],
    dW[l], db[l]. Layer 1 computes no da[0]. ``lang``: "en" or "zh"."""
    with _language(lang):
        T = BP_04_TEXT[lang]
        fig, ax = plt.subplots(figsize=(9, 4.2))
        ax.set_xlim(-0.8, 2.6 * L + 1.3), ax.set_ylim(-0.6, 3.2), ax.axis("off")
        xs = [2.6 * l for l in range(L + 1)]
        for l, x in enumerate(xs):
            math = dict(l=l, W=f"$W^{{[{l}]}}$", b=f"$b^{{[{l}]}}$", a=f"$a^{{[{l}]}}$",
                        a_prev=f"$a^{{[{l - 1}]}}$")
            if l > 0:
                _node(ax, (x - 1.3, 2.4), T["forward"].format(**math), w=1.5, h=0.8)
                _node(ax, (x - 1.3, 0.4), T["backward"].format(**math), color=RED, w=1.5, h=0.8)
                ax.annotate("", xy=(x - 1.3, 0.85), xytext=(x - 1.3, 1.95),
                            arrowprops=dict(arrowstyle="-|>", color=GREY, lw=1.2, ls="--"))
                ax.text(x - 1.3, 1.4, T["uses"].format(**math), ha="center", va="center", fontsize=10,
                        color=GREY, bbox=dict(fc="white", ec="none", pad=3))
                ax.text(x - 1.3, -0.4, f"$dW^{{[{l}]}}, db^{{[{l}]}}$", ha="center", fontsize=11, color=RED)
                ax.text(x, 0.95, f"$da^{{[{l}]}}$", ha="center", fontsize=12, color=RED)
                right = x + 0.55 if l < L else x + 0.35
                ax.annotate("", xy=(x - 0.55, 0.4), xytext=(right, 0.4),
                            arrowprops=dict(arrowstyle="-|>", color=RED, lw=1.6))
            else:
                ax.text(x - 0.2, 0.4, T["no_da0"], ha="center", va="center", fontsize=9, color=GREY)
            ax.text(x, 2.9, T["a0"] if l == 0 else math["a"], ha="center", fontsize=12, color=BLUE)
            left, right = (x - 0.55 if l > 0 else x - 0.45), (x + 0.55 if l < L else x + 0.35)
            ax.annotate("", xy=(right, 2.4), xytext=(left, 2.4),
                        arrowprops=dict(arrowstyle="-|>", color=BLUE, lw=1.6))
        ax.text(xs[-1] + 0.85, 1.4, T["cost"], ha="center", va="center", fontsize=11)
        ax.set_title(T["title"], fontsize=11)
        fig.tight_layout()
    return fig


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



def wish_sum(wish, W=None):
    """Each output neuron's wish −∂E_j/∂a_k for each input a_k, and their sum (chapter 4).

    ``wish``: (n, n_prev), wish[j, k] = −∂E_j/∂a_k. Row k of the picture is input a_k: one
    arrow per output neuron j (up: that neuron wants a_k larger), then the sum −∂C/∂a_k.
    One figure, one scale: the longest arrow is drawn 0.42 units long.
    With ``W`` (n, n_prev) the network is drawn beside it, line width |w_jk| (dashed: w_jk < 0).
    Columns are headed j = 0, j = 1, … and Σ_j; no title (the chapter's caption, translated).
    """
    wish = np.asarray(wish, dtype=float)
    n, n_prev = wish.shape
    total = wish.sum(axis=0)
    colors = [BLUE, "#bc4c00", "#8250df", "#1a7f37"]
    scale = 0.42 / max(np.abs(wish).max(), np.abs(total).max(), 1e-300)
    fig, ax = plt.subplots(figsize=(7.2, 0.9 + 1.05 * n_prev))
    xs = list(range(n)) + [n + 0.6]
    x_in, x_out = n + 2.2, n + 4.4
    for k in range(n_prev):
        y = n_prev - 1 - k
        ax.plot([-0.5, n + 1.1], [y, y], color=GREY, lw=0.6, alpha=0.5)
        for x, v, c in [(xs[j], wish[j, k], colors[j % 4]) for j in range(n)] + [(xs[-1], total[k], "black")]:
            if abs(v) * scale > 1e-3:
                ax.add_patch(FancyArrowPatch((x, y), (x, y + v * scale), arrowstyle="-|>",
                                             mutation_scale=12, lw=1 + 4 * abs(v) * scale / 0.42,
                                             color=c, shrinkA=0, shrinkB=0))
        for j in range(1, n):
            ax.text(j - 0.5, y + 0.05, "+", ha="center", fontsize=12, color=GREY)
        ax.text(n - 0.2, y + 0.05, "=", ha="center", fontsize=12, color=GREY)
        ax.add_patch(plt.Circle((x_in, y), 0.3, fc="white", ec="black", lw=1.5, zorder=3))
        ax.text(x_in, y, f"$a_{k}$", ha="center", va="center", fontsize=12, zorder=4)
    ys_out = [n_prev / 2 - 0.5 + (n - 1) / 2 - j for j in range(n)]
    for j in range(n):
        if W is not None:
            for k in range(n_prev):
                w = float(np.asarray(W)[j, k])
                ax.plot([x_in + 0.3, x_out - 0.3], [n_prev - 1 - k, ys_out[j]], color=colors[j % 4],
                        lw=0.5 + 0.8 * abs(w), ls="--" if w < 0 else "-", alpha=0.6)
        ax.add_patch(plt.Circle((x_out, ys_out[j]), 0.3, fc="white", ec=colors[j % 4], lw=2, zorder=3))
        ax.text(x_out, ys_out[j], f"$a^{{(L)}}_{j}$", ha="center", va="center", fontsize=10, zorder=4)
    for j, x in enumerate(xs):
        ax.text(x, n_prev - 0.35, f"$j = {j}$" if j < n else "$\\sum_j$", ha="center", fontsize=10,
                color=colors[j % 4] if j < n else "black")
    ax.set_xlim(-0.7, x_out + 0.5), ax.set_ylim(-0.6, n_prev - 0.1)
    ax.set_aspect("equal"), ax.axis("off")
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


def _graph_layout(nodes, edges):
    """Grid positions {node: (column, row)}: an operation one column right of its deepest
    parent, a leaf one column left of its first use; each column centred on row 0."""
    col = {}
    for v in nodes:                                   # nodes come parents first
        col[v] = 1 + max((col[p] for p, u in edges if u is v), default=-1)
    for v in nodes:
        users = [col[u] for p, u in edges if p is v]
        if users and not any(u is v for _, u in edges):
            col[v] = min(users) - 1
    per_col = {}
    for v in nodes:
        per_col.setdefault(col[v], []).append(v)
    return {v: (c, (len(vs) - 1) / 2 - k) for c, vs in per_col.items() for k, v in enumerate(vs)}


def computational_graph(out, show=None, pos=None, edge_labels=True):
    """A computational graph built from ``backprop.graph.Value``s, after ``out.backward()``.

    Each node shows its name (or operation), its value (blue, forward) and its gradient
    ∂out/∂node (red, backward); each edge its local derivative ∂child/∂parent (grey).
    ``show``: the Values to draw (default: all); the others are skipped over, and an
    edge then carries the product of the local derivatives along the hidden path.
    ``pos``: {Value: (column, row)} to place the nodes by hand (default: by depth).
    No title: what the colours mean is the chapter's caption (translated).
    """
    order = out.graph()
    shown = set(order if show is None else show) | {out}
    nodes = [v for v in order if v in shown]
    # the edges between shown nodes, through hidden ones: local derivatives multiply
    edges = {}
    for v in nodes:
        stack = list(zip(v.parents, v.local))
        while stack:
            p, d = stack.pop()
            if p in shown:
                edges[(p, v)] = edges.get((p, v), 0.0) + d
            else:
                stack.extend((q, d * e) for q, e in zip(p.parents, p.local))
    grid = pos or _graph_layout(nodes, edges)
    xy = {v: (2.3 * c, r) for v, (c, r) in grid.items() if v in shown}
    xs, ys = [x for x, _ in xy.values()], [y for _, y in xy.values()]
    height = max(ys) - min(ys) + 1
    fig, ax = plt.subplots(figsize=(max(4.5, 0.8 * (max(xs) - min(xs)) + 1.6), 0.5 + 1.3 * max(height, 2)))
    ax.set_xlim(min(xs) - 0.9, max(xs) + 0.9), ax.set_ylim(min(ys) - 0.75, max(ys) + 0.6)
    ax.axis("off")
    for (p, v), d in edges.items():
        ax.add_patch(FancyArrowPatch(xy[p], xy[v], arrowstyle="-|>", mutation_scale=14, lw=1.3,
                                     color=GREY, shrinkA=34, shrinkB=34))
        if edge_labels:
            (x0, y0), (x1, y1) = xy[p], xy[v]
            ax.text(0.6 * x0 + 0.4 * x1, 0.6 * y0 + 0.4 * y1, f"{d:.4g}", ha="center", va="center",
                    fontsize=8, color=GREY, bbox=dict(fc="white", ec="none", pad=0.5))
    for v in shown:
        x, y = xy[v]
        ax.add_patch(FancyBboxPatch((x - 0.62, y - 0.36), 1.24, 0.72, boxstyle="round,pad=0.03",
                                    fc="white", ec=RED if v is out else BLUE, lw=1.6))
        ax.text(x, y + 0.17, v.name or v.op, ha="center", va="center", fontsize=11)
        ax.text(x, y - 0.04, f"{v.data:.4g}", ha="center", va="center", fontsize=9, color=BLUE)
        ax.text(x, y - 0.22, f"{v.grad:.4g}", ha="center", va="center", fontsize=9, color=RED)
    fig.tight_layout()
    return fig

FIGURES = {"nn_04": nn_04, "bp_04": bp_04}
TRANSLATED = {"bp_04": ["zh"]}          # also drawn with lang="zh" into imgs/<name>.zh_CN.png


def _save_small(fig, path):
    """A PNG with a 256-colour palette: these diagrams have a few flat colours and anti-aliased edges, and the
    file is a third of the full-colour one (a page's bytes are the reader's cost)."""
    buf = io.BytesIO()
    fig.savefig(buf, dpi=120, metadata={"Software": None})
    buf.seek(0)
    Image.open(buf).convert("RGB").quantize(256).save(path, optimize=True)


def redraw(folder="imgs"):
    """Draw every figure of imgs/ into ``folder``; return the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, draw in FIGURES.items():
        for lang in ["en"] + TRANSLATED.get(name, []):
            fig = draw() if lang == "en" else draw(lang=lang)
            suffix = "" if lang == "en" else f".{LANGS[lang]}"
            path = folder / f"{name}{suffix}.png"
            _save_small(fig, path)
            plt.close(fig)
            paths.append(path)
    return paths


if __name__ == "__main__":
    for p in redraw(sys.argv[1] if len(sys.argv) > 1 else "imgs"):
        print("wrote", p)
