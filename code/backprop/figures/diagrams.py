"""The diagrams: pictures of a network or a graph, drawn from what the package computes.

chain_last_layer and forward_backward are committed in imgs/ (``python -m backprop.figures``);
wish_sum and computational_graph are drawn by the chapters' code cells.
"""
import numpy as np
import matplotlib.pyplot as plt
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from .style import BLUE, GREY, RED, language

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


def chain_last_layer():
    """How w(L), a(L−1), b(L) feed z(L), then a(L), then C0 together with y (the notes' figure nn_04; chapter 2)."""
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


FORWARD_BACKWARD_TEXT = {
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


def forward_backward(L=3, lang="en"):
    """The notes' figure bp_04 (chapter 5), as ``backprop.MLP`` does it: forward left to right keeping every a[l];
    backward right to left, layer l using a[l−1], a[l] and W[l] to turn da[l] into da[l−1],
    dW[l], db[l]. Layer 1 computes no da[0]. ``lang``: "en" or "zh"."""
    with language(lang):
        T = FORWARD_BACKWARD_TEXT[lang]
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
    """A computational graph built from ``backprop.autodiff.Value``s, after ``out.backward()``.

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
