"""The benchmark's committed report (shown in the book's appendix) is what its measurements say.

The measuring needs PyTorch and is not a test (timings depend on the machine); the report is
plain arithmetic on gradients.json, checked here."""
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import pytest


BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))
import report  # noqa: E402

RESULTS = json.loads((BENCH / "results" / "gradients.json").read_text())


def test_committed_tables_are_the_measurements():
    assert (BENCH / "results" / "gradients.md").read_text() == report.markdown(RESULTS)
    assert [list(t) for t in report.targets(RESULTS)] == RESULTS["targets"]


def test_every_asked_case_and_implementation_was_measured():
    labels = {c["label"] for c in RESULTS["cases"]}
    for bits in (64, 32):
        for m in (32, 256, 1797):
            assert f"64-32-10, batch {m}, float{bits}" in labels
        assert f"784-256-256-10, batch 256, float{bits}" in labels
    for c in RESULTS["cases"]:
        assert set(c["median_s"]) == set(report.IMPLEMENTATIONS)
        assert all(t > 0 for t in c["median_s"].values())
        assert set(c["largest_difference"]) == set(report.IMPLEMENTATIONS) - {"matmul ceiling"}
    assert "1 thread" in RESULTS["environment"]["blas"] and RESULTS["environment"]["torch_threads"] == 1
    assert RESULTS["alone"]["case"] in labels and RESULTS["alone"]["median_s"] > 0


def test_targets_follow_the_medians():
    fake = json.loads(json.dumps(RESULTS))
    case = next(c for c in fake["cases"] if c["label"] == "64-32-10, batch 256, float64")
    case["median_s"]["PyTorch tensors"] = 2.5 * case["median_s"]["backprop"]
    case["median_s"]["PyTorch nn"] = 1.5 * case["median_s"]["backprop"]
    rows = {t: (v, ok) for t, v, ok in report.targets(fake)}
    assert rows["64-32-10, batch 256: at least 2× faster than PyTorch tensors"] == ("2.50×", True)
    assert rows["64-32-10, batch 256: at least 2× faster than PyTorch nn"] == ("1.50×", False)


def test_plot_bars_are_the_ratios():
    fig = report.chart(RESULTS)
    for ax, dtype in zip(fig.axes, ["float64", "float32"]):
        cases = [c for c in RESULTS["cases"] if c["dtype"] == dtype]
        widths = sorted(round(p.get_width(), 9) for p in ax.patches)
        expected = sorted(round(c["median_s"][n] / c["median_s"]["backprop"], 9)
                          for c in cases for n in report.IMPLEMENTATIONS if n != "backprop")
        assert widths == pytest.approx(expected)
