"""The figures: every picture in imgs/ and every plot in the chapters is drawn here, one module a kind.

    style      colours, text sizes and the language a figure is drawn in (importing it sets the sizes)
    diagrams   pictures of a network or a graph (two of them are committed in imgs/)
    plots      bars, curves and images drawn from a chapter's numbers

    python -m backprop.figures imgs      # redraws every figure of imgs/

Each function returns a matplotlib Figure; the chapters call them and end the cell with ';'.
REGISTRY lists every figure once: the pages it appears on, and for a figure committed in imgs/ the
languages it is drawn in. A Chinese one goes to imgs/<name>.zh_CN.png, which the Chinese edition
picks by Sphinx's figure_language_filename. The appendix's benchmark chart is drawn beside the
benchmark, in benchmarks/report.py.
"""
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt

from .style import CJK_FONT, LANGS, language, save_small
from .diagrams import chain_last_layer, computational_graph, forward_backward, wish_sum
from .plots import (confusion, cost_curves, digit_images, gradient_cost, hidden_units, learning_curves,
                    strongest_inputs, wish_bars)


@dataclass(frozen=True)
class Figure:
    """One figure: ``draw`` makes it; ``pages``: where it appears (as _toc.yml names them); ``imgs``: the
    languages it is committed in, as imgs/<name>.png ("en") and imgs/<name>.zh_CN.png ("zh"); empty for
    a figure that a chapter's code cell draws from its own numbers."""
    draw: object
    pages: tuple
    imgs: tuple = ()


REGISTRY = {f.draw.__name__: f for f in [
    Figure(wish_bars, ("chapters/01_intuition",)),
    Figure(chain_last_layer, ("chapters/02_notation",), imgs=("en",)),      # only formulas: one file
    Figure(cost_curves, ("chapters/03_algorithm",)),
    Figure(wish_sum, ("chapters/04_many_neurons",)),
    Figure(forward_backward, ("chapters/05_layer_recipe",), imgs=("en", "zh")),
    Figure(computational_graph, ("chapters/06_graphs",)),
    Figure(gradient_cost, ("chapters/06_graphs",)),
    Figure(learning_curves, ("chapters/07_digits",)),
    Figure(confusion, ("chapters/07_digits",)),
    Figure(digit_images, ("chapters/07_digits",)),
    Figure(hidden_units, ("chapters/07_digits",)),
    Figure(strongest_inputs, ("chapters/07_digits",)),
]}


def redraw(folder="imgs"):
    """Draw every figure of imgs/ into ``folder``, in each of its languages; return the paths written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, figure in REGISTRY.items():
        for lang in figure.imgs:
            fig = figure.draw() if lang == "en" else figure.draw(lang=lang)
            suffix = "" if lang == "en" else f".{LANGS[lang]}"
            path = folder / f"{name}{suffix}.png"
            save_small(fig, path)
            plt.close(fig)
            paths.append(path)
    return paths


__all__ = ["REGISTRY", "Figure", "redraw", "CJK_FONT", "LANGS", "language", *REGISTRY]
