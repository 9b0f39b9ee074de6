"""The benchmark's report: from the measured results (gradients.json) to the Markdown tables,
the targets and the plot. No PyTorch here, so the tests can check the committed report.

    python benchmarks/report.py [folder]    # rewrites gradients.md and .png from gradients.json
"""
import json
import sys
from pathlib import Path

IMPLEMENTATIONS = ["backprop", "PyTorch nn", "PyTorch tensors", "autograd", "matmul ceiling"]
NB_HYPHEN = "\u2011"     # non-breaking: a table cell shows 784‑256‑256‑10 on one line


def by_label(results, label):
    return next(c for c in results["cases"] if c["label"] == label)


def ratio(case, other):
    """``other``'s median time ÷ backprop's: above 1, backprop is faster; for the matmul ceiling,
    the share of the ceiling that backprop reaches."""
    return case["median_s"][other] / case["median_s"]["backprop"]


def targets(results):
    """The project's targets, measured: float64, one thread, the MLP's default cost.

    Each speed target is checked against both PyTorch versions, each on its own row."""
    digits256 = by_label(results, "64-32-10, batch 256, float64")
    big = by_label(results, "784-256-256-10, batch 256, float64")
    out = []
    for name in ("PyTorch nn", "PyTorch tensors"):
        r = ratio(digits256, name)
        out.append((f"64-32-10, batch 256: at least 2× faster than {name}", f"{r:.2f}×", r >= 2))
    for name in ("PyTorch nn", "PyTorch tensors"):
        r = ratio(big, name)
        out.append((f"784-256-256-10, batch 256: no slower than {name}", f"{r:.2f}×", r >= 1))
    f = ratio(big, "matmul ceiling")
    out.append(("784-256-256-10, batch 256: at least 85% of the matmul ceiling", f"{f:.0%}", f >= 0.85))
    d = max(c["largest_difference"][t] for c in results["cases"] if c["dtype"] == "float64"
            for t in ("PyTorch nn", "PyTorch tensors"))
    out.append(("float64 gradients agree with PyTorch to 1e-12", f"{d:.1e}", d <= 1e-12))
    return out


def markdown(results):
    """The report: one table per dtype (rows: implementations, columns: cases), then the targets."""
    env = results["environment"]
    lines = [f"Measured {env['date']} on {env['cpu']}, one thread; {env['blas']}; Python {env['python']}, "
             f"numpy {env['numpy']}, PyTorch {env['torch']}, autograd {env['autograd']}. "
             f"Medians of {results['rounds']} rounds.", ""]
    for dtype in sorted({c["dtype"] for c in results["cases"]}, reverse=True):
        cases = [c for c in results["cases"] if c["dtype"] == dtype]
        head = [f"{NB_HYPHEN.join(map(str, c['sizes']))}, m = {c['batch']}" for c in cases]
        lines += [f"**{dtype}**: milliseconds per gradient. In brackets: the time ÷ backprop's time; for the "
                  "matmul ceiling, the ceiling ÷ backprop's time, the share of it that backprop reaches.", "",
                  "| implementation | " + " | ".join(head) + " |", "|---|" + "---:|" * len(cases)]
        for name in IMPLEMENTATIONS:
            cells = []
            for c in cases:
                t = f"{1e3 * c['median_s'][name]:.3f}"
                if name == "matmul ceiling":
                    t += f" ({ratio(c, name):.0%})"
                elif name != "backprop":
                    t += f" ({ratio(c, name):.2f}×)"
                cells.append(t)
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        lines.append("| largest difference from backprop | "
                     + " | ".join(f"{max(c['largest_difference'].values()):.1e}" for c in cases) + " |")
        lines.append("")
    a = results["alone"]
    side_by_side = by_label(results, a["case"])["median_s"]["backprop"]
    lines += [f"backprop alone on {a['case']}, in a fresh process that never imports PyTorch: "
              f"{1e3 * a['median_s']:.3f} ms (side by side above: {1e3 * side_by_side:.3f} ms).", ""]
    lines += ["**The project's targets** (float64, one thread)", "",
              "| target | measured | met |", "|---|---:|---|"]
    lines += [f"| {t} | {v} | {'yes' if ok else '**no**'} |" for t, v, ok in results["targets"]]
    return "\n".join(lines) + "\n"


def chart(results):
    """Each implementation's median time per gradient divided by backprop's, per case (appendix).

    ``results``: the dict that benchmarks/gradients.py writes to gradients.json. One panel per
    dtype; a bar past the line at 1 is slower than backprop, a bar short of it faster.
    """
    import matplotlib.pyplot as plt

    from backprop.figures.style import BLUE, GREY, RED

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


def write(results, out):
    """Add the targets to ``results``; write gradients.json, .md and .png into ``out``; return the Markdown."""
    import matplotlib
    matplotlib.use("Agg")

    results["targets"] = targets(results)
    out.mkdir(parents=True, exist_ok=True)
    (out / "gradients.json").write_text(json.dumps(results, indent=1) + "\n")
    text = markdown(results)
    (out / "gradients.md").write_text(text)
    fig = chart(results)
    fig.savefig(out / "gradients.png", dpi=110, metadata={"Software": None})
    return text + f"\nwrote gradients.json, gradients.md and gradients.png in {out}"


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent / "results")
    print(write(json.loads((folder / "gradients.json").read_text()), folder))
