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

from backprop import figures  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MATH = re.compile(r"\$[^$]*\$")
WORD = re.compile(r"[A-Za-z]{2,}")


def _words(fig):
    texts = [t.get_text() for t in fig.findobj(Text)]
    return sorted({w for t in texts for w in WORD.findall(MATH.sub(" ", t))})


@pytest.mark.parametrize("name", sorted(figures.FIGURES))
def test_a_figure_with_words_has_a_chinese_version(name):
    fig = figures.FIGURES[name]()
    words = _words(fig)
    plt.close(fig)
    if not words:                      # only formulas: the English file serves both editions
        assert "zh" not in figures.TRANSLATED.get(name, []), f"{name} has no words to translate"
        return
    assert "zh" in figures.TRANSLATED.get(name, []), f"{name} has English words {words} and no Chinese version"
    zh = figures.FIGURES[name](lang="zh")
    left = _words(zh)
    plt.close(zh)
    assert not left, f"the Chinese {name} still has English words: {left}"
    assert (ROOT / "imgs" / f"{name}.zh_CN.png").exists(), f"imgs/{name}.zh_CN.png missing: make figures"
