"""The figures of imgs/ in the Chinese edition: a figure with words has a Chinese version, drawn by the package.

Sphinx's figure_language_filename makes the Chinese edition show imgs/<name>.zh_CN.png where it exists, and
imgs/<name>.png otherwise: right for a figure whose only text is formulas, wrong for one with English words.
"""
import re
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from backprop import figures, timing  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MATH = re.compile(r"\$[^$]*\$")
WORD = re.compile(r"[A-Za-z]{2,}")


def _words(fig):
    texts = [t.get_text() for t in fig.findobj(Text)]
    return sorted({w for t in texts for w in WORD.findall(MATH.sub(" ", t))})


@pytest.mark.parametrize("name", sorted(n for n, f in figures.REGISTRY.items() if f.imgs))
def test_a_figure_with_words_has_a_chinese_version(name):
    draw = figures.REGISTRY[name].draw
    fig = draw()
    words = _words(fig)
    plt.close(fig)
    if not words:                      # only formulas: the English file serves both editions
        assert "zh" not in figures.REGISTRY[name].imgs, f"{name} has no words to translate"
        return
    assert "zh" in figures.REGISTRY[name].imgs, f"{name} has English words {words} and no Chinese version"
    zh = draw(lang="zh")
    left = _words(zh)
    plt.close(zh)
    assert not left, f"the Chinese {name} still has English words: {left}"
    assert (ROOT / "imgs" / f"{name}.zh_CN.png").exists(), f"imgs/{name}.zh_CN.png missing: make figures"


def _chapter_figures():
    """The package's figures that chapters draw in code cells, on small made-up inputs."""
    import numpy as np

    from backprop.autodiff import Value

    rng = np.random.default_rng(0)
    h = {"step": [0, 1, 2], "examples": [0, 16, 32], "cost": [1.0, 0.5, 0.2]}
    a, w = Value(0.5, name="a"), Value(-2.0, name="w")
    C = (w * a).tanh() ** 2
    C.name = "C"
    C.backward()
    hist = {"epoch": [0, 1], "train_cost": [1, 0.5], "test_cost": [1, 0.6],
            "train_accuracy": [0.1, 0.9], "test_accuracy": [0.1, 0.8]}
    W = rng.normal(size=(4, 64))
    return {
        "wish_bars": lambda: figures.wish_bars({"one": [0.1, -0.2, 0.3]}, ["b", "w0", "a0"]),
        "wish_bars, several": lambda: figures.wish_bars({"k = 0": [0.1, -0.2], "k = 1": [0.2, 0.1]}, ["b", "w0"]),
        "cost_curves": lambda: figures.cost_curves({"lr = 1": h}, logx=True),
        "wish_sum": lambda: figures.wish_sum(rng.normal(size=(2, 3)), rng.normal(size=(2, 3))),
        "computational_graph": lambda: figures.computational_graph(C),
        "strongest_inputs": lambda: figures.strongest_inputs(W, rng.random((4, 10)), rng.random((64, 10)),
                                                             units=[0, 1], n=3),
        "learning_curves": lambda: figures.learning_curves(hist),
        "confusion": lambda: figures.confusion(np.eye(3, dtype=int) * 5),
        "digit_images": lambda: figures.digit_images(rng.random((64, 3)), ["0", "1", "2"], ncols=3),
        "hidden_units": lambda: figures.hidden_units(W, ["#0", "#1", "#2", "#3"], ncols=4),
        "gradient_cost": lambda: figures.gradient_cost(
            [{"P": p, "finite_differences": 2e-6 * p, "forward": 5e-6, "backprop": 1e-5} for p in (10, 100, 1000)],
            [timing.counted(s, 32) for s in ([1, 3, 1], [4, 8, 2], [16, 32, 4])]),
    }


def test_every_figure_a_chapter_draws_is_checked_here():
    """The registry's figures that code cells draw (not committed in imgs/) all have a sample above."""
    drawn = {n for n, f in figures.REGISTRY.items() if not f.imgs}
    assert drawn == {name.split(",")[0] for name in _chapter_figures()}


@pytest.mark.parametrize("name", list(_chapter_figures()))
def test_a_chapter_figure_has_no_sentence(name):
    """Code outputs are shared by both editions: no title in English words, no text longer than a short label
    (the sentence a title would say is the chapter's caption, which is translated)."""
    fig = _chapter_figures()[name]()
    titles = [ax.get_title() for ax in fig.axes] + [fig._suptitle.get_text() if fig._suptitle else ""]
    texts = [t.get_text() for t in fig.findobj(Text)]
    plt.close(fig)
    worded = [t for t in titles if WORD.search(MATH.sub(" ", t))]
    assert not worded, f"{name} has English titles: {worded}"
    long = [t for t in texts if len(WORD.findall(MATH.sub(" ", t))) > 4]
    assert not long, f"{name} has English sentences: {long}"
