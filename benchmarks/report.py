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
    """How many times faster backprop is than ``other`` (> 1: backprop is faster)."""
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
    f = big["median_s"]["matmul ceiling"] / big["median_s"]["backprop"]
    out.append(("784-256-256-10, batch 256: at least 85% of the matmul ceiling", f"{f:.0%}", f >= 0.85))
    d = max(c["largest_difference"][t] for c in results["cases"] if c["dtype"] == "float64"
            for t in ("PyTorch nn", "PyTorch tensors"))
    out.append(("float64 gradients agree with PyTorch to 1e-12", f"{d:.1e}", d <= 1e-12))
    return out


def markdown(results):
    env = results["environment"]
    lines = [f"Measured {env['date']} on {env['cpu']}, one thread; {env['blas']}; Python {env['python']}, "
             f"numpy {env['numpy']}, PyTorch {env['torch']}, autograd {env['autograd']}. "
             f"Medians of {results['rounds']} rounds.", ""]
    rows = [(c, c["label"].split(", ")) for c in results["cases"]]
    lines += ["**Milliseconds per gradient**", "",
              "| net | batch | dtype | " + " | ".join(IMPLEMENTATIONS) + " |", "|---|---|---|" + "---:|" * 5]
    for c, (net, batch, dtype) in rows:
        lines.append(f"| {net.replace('-', NB_HYPHEN)} | {batch.split()[1]} | {dtype} | "
                     + " | ".join(f"{1e3 * c['median_s'][n]:.3f}" for n in IMPLEMENTATIONS) + " |")
    a = results["alone"]
    side_by_side = by_label(results, a["case"])["median_s"]["backprop"]
    lines += ["", f"backprop alone on {a['case']}, in a fresh process that never imports PyTorch: "
              f"{1e3 * a['median_s']:.3f} ms (side by side above: {1e3 * side_by_side:.3f} ms)."]
    lines += ["", "**Time ÷ backprop's time** (more than 1: backprop is faster), the share of the matmul ceiling "
              "that backprop reaches, and the largest |difference| from backprop's gradient", "",
              "| net | batch | dtype | PyTorch nn | PyTorch tensors | autograd | backprop reaches | largest difference |",
              "|---|---|---|---:|---:|---:|---:|---:|"]
    for c, (net, batch, dtype) in rows:
        lines.append(f"| {net.replace('-', NB_HYPHEN)} | {batch.split()[1]} | {dtype} | {ratio(c, 'PyTorch nn'):.2f} | "
                     f"{ratio(c, 'PyTorch tensors'):.2f} | {ratio(c, 'autograd'):.2f} | "
                     f"{c['median_s']['matmul ceiling'] / c['median_s']['backprop']:.0%} | "
                     f"{max(c['largest_difference'].values()):.1e} |")
    lines += ["", "**The project's targets** (float64, one thread)", "",
              "| target | measured | met |", "|---|---:|---|"]
    lines += [f"| {t} | {v} | {'yes' if ok else '**no**'} |" for t, v, ok in results["targets"]]
    return "\n".join(lines) + "\n"


def write(results, out):
    """Add the targets to ``results``; write gradients.json, .md and .png into ``out``; return the Markdown."""
    import matplotlib
    matplotlib.use("Agg")
    from backprop import figures

    results["targets"] = targets(results)
    out.mkdir(parents=True, exist_ok=True)
    (out / "gradients.json").write_text(json.dumps(results, indent=1) + "\n")
    text = markdown(results)
    (out / "gradients.md").write_text(text)
    fig = figures.benchmark(results)
    fig.savefig(out / "gradients.png", dpi=110, metadata={"Software": None})
    return text + f"\nwrote gradients.json, gradients.md and gradients.png in {out}"


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent / "results")
    print(write(json.loads((folder / "gradients.json").read_text()), folder))
