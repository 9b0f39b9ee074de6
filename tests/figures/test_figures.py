"""imgs/ is drawn by the package: redrawing gives the committed pictures."""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.image as mpimg
import numpy as np

from backprop import figures

IMGS = Path(__file__).resolve().parents[2] / "imgs"


def test_every_committed_figure_is_redrawn_identically(tmp_path):
    paths = figures.redraw(tmp_path)
    assert sorted(p.name for p in paths) == sorted(p.name for p in IMGS.glob("*.png"))
    for p in paths:
        new, old = mpimg.imread(p), mpimg.imread(IMGS / p.name)
        assert new.shape == old.shape, p.name
        assert np.mean(np.abs(new - old)) < 1e-3, f"{p.name} differs from a redraw: run `make figures`"


def _texts(fig):
    return [t.get_text() for ax in fig.axes for t in ax.texts + [ax.title]]


def test_forward_backward_draws_what_mlp_does():
    """MLP keeps a[0..L] (not z), layer l's backward step uses a[l−1], a[l], W[l], no da[0]."""
    import matplotlib.pyplot as plt

    for L in (2, 3):
        fig = figures.forward_backward(L=L)
        texts = " | ".join(_texts(fig))
        plt.close(fig)
        assert "z^{[" not in texts
        assert "$da^{[0]}$" not in texts.replace("no $da^{[0]}$", "")
        for l in range(1, L + 1):
            assert f"uses $a^{{[{l - 1}]}}$, $a^{{[{l}]}}$, $W^{{[{l}]}}$" in texts
            assert f"$da^{{[{l}]}}$" in texts and f"$dW^{{[{l}]}}, db^{{[{l}]}}$" in texts


def test_forward_backward_in_chinese_uses_a_cjk_font():
    from matplotlib import font_manager

    fig = figures.forward_backward(lang="zh")
    texts = _texts(fig)
    assert any("反向" in t for t in texts) and not any("backward" in t for t in texts)
    fonts = {Path(font_manager.findfont(t.get_fontproperties())).name
             for ax in fig.axes for t in ax.texts}
    assert fonts == {Path(font_manager.findfont(
        font_manager.FontProperties(family=figures.CJK_FONT))).name}
    assert "CJK" in fonts.pop()


def test_lang_must_be_known_and_the_cjk_font_present(monkeypatch):
    import pytest

    with pytest.raises(ValueError, match="lang must be one of"):
        figures.forward_backward(lang="fr")
    monkeypatch.setattr(figures.style, "CJK_FONT", "No Such Font CJK")
    with pytest.raises(RuntimeError, match="fonts-noto-cjk"):
        figures.forward_backward(lang="zh")


def test_translated_figures_are_committed_in_both_languages():
    committed = {n: f.imgs for n, f in figures.REGISTRY.items() if f.imgs}
    assert committed and all("en" in langs for langs in committed.values())
    for name, langs in committed.items():
        for lang in langs:
            suffix = "" if lang == "en" else f".{figures.LANGS[lang]}"
            assert (IMGS / f"{name}{suffix}.png").exists()


def test_every_figure_is_registered_with_the_pages_it_appears_on():
    """REGISTRY lists each figure once with where it appears (issue 22): every figure function of the
    package is in it; each chapter that calls figures.<name>( or shows imgs/<name>.png is among its pages,
    and each page it names does show it."""
    import inspect
    import re

    import toc
    from backprop.figures import diagrams, plots

    drawn = {n for m in (diagrams, plots) for n, f in inspect.getmembers(m, inspect.isfunction)
             if not n.startswith("_") and f.__module__ == m.__name__}
    assert drawn == set(figures.REGISTRY), drawn ^ set(figures.REGISTRY)
    root = IMGS.parent
    shown = {}
    for page in toc.pages():
        path = next(p for p in (root / f"{page}.ipynb", root / f"{page}.md") if p.exists())
        text = path.read_text(encoding="utf8")
        for name in set(re.findall(r"figures\.(\w+)\(", text)) | set(re.findall(r"imgs/(\w+)\.png", text)):
            shown.setdefault(name, set()).add(page)
    assert {n: set(f.pages) for n, f in figures.REGISTRY.items()} == shown


def test_cost_curves_log_x_keeps_every_curve_visible():
    import matplotlib.pyplot as plt

    runs = {"40 steps": {"step": [0, 1, 40], "cost": [1.0, 0.5, 0.2]},
            "16000 steps": {"step": [0, 400, 16000], "cost": [1.0, 0.3, 0.01]}}
    fig = figures.cost_curves(runs, logx=True)
    ax = fig.axes[0]
    plt.close(fig)
    assert ax.get_xscale() == "log"
    assert [list(line.get_xdata()) for line in ax.lines] == [[1, 40], [400, 16000]]


def test_mlp_does_what_forward_backward_draws(monkeypatch):
    """Layer l's backward step gets a[l−1] and W[l] (and a[l] for g'); nobody asks for da[0]."""
    import backprop
    from backprop import layers, mlp

    net = backprop.MLP([3, 4, 5, 2], seed=0)
    X = np.random.default_rng(0).normal(size=(3, 6))
    Y = np.random.default_rng(1).random((2, 6))
    A = net.activations(X)
    calls = []
    real = layers.linear_backward

    def spy(dZ, A_prev, W, need_dA_prev=True):
        calls.append((A_prev.copy(), W, need_dA_prev))
        return real(dZ, A_prev, W, need_dA_prev)

    monkeypatch.setattr(mlp.layers, "linear_backward", spy)
    net.gradients(X, Y)
    assert [need for _, _, need in calls] == [True, True, False]     # layers 3, 2, 1
    for (A_prev, W, _), l in zip(calls, (3, 2, 1)):
        assert np.array_equal(A_prev, A[l - 1]) and W is net.params[l - 1][0]
